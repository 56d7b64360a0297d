// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"

#include <QTextStream>
#include <optional>

namespace heapsight::cli {

// The toolchain named on the command line ("go1.22", "1.22", a path), or the newest one found.
std::optional<Toolchain> chooseToolchain(const QString& wanted, QTextStream& err);
// Runs one analysis to its end in a local event loop, telling its stages on `err`.
AnalysisResult runAnalysis(const AnalysisRequest& request, QTextStream& err);
// runAnalysis, its failure or a build's errors said on `err` as the commands say them; nullopt when there
// is no report at all (go could not run: exit 2).
std::optional<AnalysisResult> runAnalysisWithReport(const AnalysisRequest& request, QTextStream& err);

} // namespace heapsight::cli
