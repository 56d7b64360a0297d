// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "run/runreport.h"

namespace heapsight::gui {

std::optional<QString> RunReport::replacingName(const AnalysisResult& result)
{
    const bool hasFindings = result.report && !result.report->findings().empty();
    const bool replaces = result.state == AnalysisState::Ok || result.state == AnalysisState::CompileErrors
        || (result.state == AnalysisState::ToolchainFailed && hasFindings);
    if (!result.report || !replaces)
        return std::nullopt;
    QString name = QString::fromStdString(result.report->origin().toolchain);
    if (result.languageOverridden)
        name += tr(", go %1").arg(QString::fromStdString(result.report->origin().languageVersion));
    if (result.fromCache)
        name += tr(", from cache");
    return name;
}

} // namespace heapsight::gui
