// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "inputreader.h"

#include "core/io/reportreader.h"

namespace heapsight::cli {

std::optional<Report> readReport(const QString& path, QString* error)
{
    ReportRead read = readReportFile(path);
    if (read.report)
        return std::move(read.report);
    const QString name = path == QLatin1String("-") ? QStringLiteral("standard input") : path;
    if (read.failure == ReportReadFailure::NotAReport)
        *error = QStringLiteral("%1: %2").arg(name, read.reason);
    else
        *error = QStringLiteral("cannot read %1: %2").arg(name, read.reason);
    return std::nullopt;
}

} // namespace heapsight::cli
