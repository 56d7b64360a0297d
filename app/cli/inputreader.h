// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QString>
#include <optional>

namespace heapsight::cli {

// Reads a report from a file or "-" (standard input): compiler text output (-m / -m=2) is parsed as it
// streams in; a Heapsight report JSON document is loaded. On failure says why in `error`.
std::optional<Report> readReport(const QString& path, QString* error);

} // namespace heapsight::cli
