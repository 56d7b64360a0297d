// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QString>
#include <functional>
#include <optional>

namespace heapsight {

/// Why readReportFile returned no report.
enum class ReportReadFailure {
    None,
    CannotRead, ///< the file cannot be opened, mapped or read; `reason` is the system's message
    NotAReport, ///< a JSON document (first non-blank byte `{`) that is not a Heapsight report; `reason` says why
    Canceled, ///< `canceled` answered true between two steps; `reason` is empty
};

/// What readReportFile read: a report, or why not.
struct ReportRead {
    std::optional<Report> report;
    ReportReadFailure failure = ReportReadFailure::None;
    QString reason; ///< the system's or the JSON reader's words (English, untranslated); empty on success
};

/// Reads a report from the file `path`, or from standard input when `path` is "-".
///
/// The compiler's text output (`go build -gcflags=-m` or `-m=2`) is parsed as it is read, read() in 1 MiB
/// blocks into one reused buffer (the parser copies what it keeps), so the input never sits beside the
/// report. A Heapsight report JSON document (see README "Report JSON") is mapped and loaded whole, in place
/// when the mapping's last page leaves the reader its padding. The report's origin names `path` ("-" for
/// standard input).
///
/// `canceled`, when set, is asked before each block (a GUI's cancel: a huge file stops within one block).
/// Never throws: a failure is returned with its kind and reason, and an input that is text but holds no
/// compiler finding is still a report (its lines counted as not understood: the caller decides what to say).
ReportRead readReportFile(const QString& path, const std::function<bool()>& canceled = {});

} // namespace heapsight
