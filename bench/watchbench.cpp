// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// What Watch's live run costs after one save, in process, side by side (bench/watch.py runs it):
//   heapsight_watchbench MODULE FILE GO [ROUNDS]
// A complete analysis of MODULE (no logopt, as live runs) is the base; then, ROUNDS times each and in turn,
// FILE (a Go file of MODULE) gets a new function appended and the module is analysed again:
//   spliced  the edited package and its importers built and laid over the base (AnalysisRequest::spliceBase)
//   whole    ./... built again (go list, go's staleness check of every package), as before
// Prints "spliced S whole W" (median wall seconds) on stdout. go runs with the environment given (GOCACHE…).

#include "core/analysis/analysisrunner.h"
#include "core/toolchain/toolchaindiscovery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace heapsight;

namespace {

AnalysisResult run(const AnalysisRequest& request, double* seconds)
{
    AnalysisRunner runner;
    runner.setCache(std::nullopt);
    std::optional<AnalysisResult> result;
    QObject::connect(&runner, &AnalysisRunner::finished, [&](const AnalysisResult& r) { result = r; });
    QElapsedTimer clock;
    clock.start();
    runner.start(request);
    while (!result)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    *seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    if (result->state != AnalysisState::Ok) {
        std::fprintf(stderr, "watchbench: %s\n", qPrintable(result->errorText));
        std::exit(1);
    }
    return *result;
}

void edit(const QString& file, int round)
{
    QFile f(file);
    if (!f.open(QIODevice::Append)) {
        std::fprintf(stderr, "watchbench: cannot edit %s\n", qPrintable(file));
        std::exit(1);
    }
    f.write(QStringLiteral("\nfunc watchbench%1() *int { x := %1; return &x }\n").arg(round).toUtf8());
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: heapsight_watchbench MODULE FILE GO [ROUNDS]\n");
        return 2;
    }
    const QString module = args.at(1), file = QFileInfo(args.at(2)).absoluteFilePath();
    const int rounds = args.size() > 4 ? args.at(4).toInt() : 3;
    std::optional<Toolchain> toolchain;
    for (const Toolchain& t :
        ToolchainDiscovery::discover(ToolchainDiscovery::Places::fromEnvironment({ args.at(3) }))) {
        if (QFileInfo(t.goBinary).canonicalFilePath() == QFileInfo(args.at(3)).canonicalFilePath())
            toolchain = t;
    }
    if (!toolchain) {
        std::fprintf(stderr, "watchbench: %s is no Go toolchain\n", qPrintable(args.at(3)));
        return 2;
    }
    AnalysisRequest whole;
    whole.directory = module;
    whole.toolchain = *toolchain;
    whole.collectLogopt = false;
    whole.useCache = false;
    double seconds = 0;
    AnalysisResult base = run(whole, &seconds);
    std::vector<double> spliced, again;
    for (int r = 0; r < rounds; ++r) {
        edit(file, 2 * r);
        AnalysisRequest live = whole;
        const std::optional<QStringList> affected = base.packages.affectedBy({ QFileInfo(file).absolutePath() });
        if (!affected) {
            std::fprintf(stderr, "watchbench: %s is in no package of the module\n", qPrintable(file));
            return 2;
        }
        live.packages = *affected;
        live.spliceBase = base.report;
        const AnalysisResult part = run(live, &seconds);
        spliced.push_back(seconds);
        edit(file, 2 * r + 1);
        const AnalysisResult complete = run(whole, &seconds);
        again.push_back(seconds);
        base.report = complete.report; // the next splice starts from the file as it is now
        (void)part;
    }
    std::printf("spliced %.3f whole %.3f\n", median(spliced), median(again));
    return 0;
}
