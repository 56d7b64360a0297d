// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "analysisrequest.h"

#include <QByteArray>

namespace heapsight {

// Turns what one `go build` run left behind (its stderr, its logopt directory, its exit code) into an
// AnalysisResult. Pure function of its input: runs on a worker thread, and tests call it directly.
class AnalysisResultBuilder {
public:
    struct Input {
        QByteArray output; // go build's stderr (unless parsed already)
        QString logoptDir; // empty: none collected
        ModuleInfo module;
        AnalysisRequest request;
        QString listError; // what `go list` said when it failed
        int exitCode = 0; // -1: crashed
        bool languageOverridden = false;
    };

    static constexpr qsizetype kMaxDiagnostics = 1000;

    // Parses input.output (all of it, on as many cores as help).
    static AnalysisResult build(const Input& input);
    // The output was parsed already, while go printed it (OutputParseStream); input.output is not read.
    static AnalysisResult build(Report parsed, const Input& input);
    // What a report of this run says about where it came from.
    static ReportOrigin origin(const Input& input);
};

} // namespace heapsight
