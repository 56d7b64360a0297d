// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace heapsight {

// True when `data` starts with the gzip magic bytes (RFC 1952).
bool isGzip(QByteArrayView data);

// Inflates a gzip stream (every member, when several are concatenated). Refuses output larger than
// `maxOutput` bytes, so a hostile file cannot exhaust memory. nullopt with the reason on any error
// (bad header, corrupt data, truncated stream).
std::optional<QByteArray> gunzip(QByteArrayView data, qsizetype maxOutput, QString* error);

} // namespace heapsight
