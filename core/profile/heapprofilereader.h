// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "heapprofile.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace heapsight {

// Reads Go heap profiles in pprof's profile.proto format, gzip-compressed (as the go toolchain and
// /debug/pprof/heap write them) or plain. Bad input gives nullopt and a sentence saying what is wrong;
// nothing in the input can crash the reader.
class HeapProfileReader {
public:
    // Refused above this size (compressed or not): real heap profiles are a few MB at most.
    static constexpr qsizetype MaxProfileBytes = qsizetype(512) * 1024 * 1024;

    static std::optional<HeapProfile> read(const QByteArray& bytes, QString* error);
    static std::optional<HeapProfile> readFile(const QString& path, QString* error);
};

} // namespace heapsight
