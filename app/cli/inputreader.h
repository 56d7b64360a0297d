// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QString>
#include <optional>

namespace heapsight::cli {

// The CLI's reading of a report: readReportFile (core/io/reportreader.h), its failure said in the CLI's words
// ("cannot read FILE: reason", or "FILE: reason" for a JSON document that is not a report) in `error`.
std::optional<Report> readReport(const QString& path, QString* error);

} // namespace heapsight::cli
