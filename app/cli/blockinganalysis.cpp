// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "blockinganalysis.h"

#include "core/analysis/analysisrunner.h"
#include "core/toolchain/toolchaindiscovery.h"
#include "core/toolchain/usertoolchains.h"

#include <QEventLoop>

namespace heapsight::cli {

std::optional<Toolchain> chooseToolchain(const QString& wanted, QTextStream& err)
{
    const auto places = ToolchainDiscovery::Places::fromEnvironment(userToolchainPaths());
    std::optional<Toolchain> t;
    if (!wanted.isEmpty()) {
        t = ToolchainDiscovery::find(places, wanted);
    } else {
        const auto toolchains = ToolchainDiscovery::discover(places);
        if (!toolchains.empty())
            t = toolchains.back();
    }
    if (!t) {
        err << "heapsight-cli: no Go toolchain"
            << (wanted.isEmpty() ? QString() : QStringLiteral(" matching \"%1\"").arg(wanted))
            << " found; see heapsight-cli toolchains\n";
    }
    return t;
}

AnalysisResult runAnalysis(const AnalysisRequest& request, QTextStream& err)
{
    AnalysisRunner runner;
    AnalysisResult result;
    QEventLoop loop;
    QObject::connect(&runner, &AnalysisRunner::stageChanged, [&err](const QString& s) {
        err << s << "…\n" << Qt::flush;
    });
    QObject::connect(&runner, &AnalysisRunner::finished, [&](const AnalysisResult& r) {
        result = r;
        loop.quit();
    });
    runner.start(request);
    if (runner.isRunning())
        loop.exec();
    return result;
}

std::optional<AnalysisResult> runAnalysisWithReport(const AnalysisRequest& request, QTextStream& err)
{
    AnalysisResult result = runAnalysis(request, err);
    if (!result.report) {
        err << "heapsight-cli: " << analysisStateName(result.state) << ": " << result.errorText << '\n';
        return std::nullopt;
    }
    if (result.state != AnalysisState::Ok)
        err << "heapsight-cli: " << analysisStateName(result.state) << ":\n" << result.errorText << '\n';
    return result;
}

} // namespace heapsight::cli
