// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "diffcommand.h"

#include "blockinganalysis.h"
#include "core/analysis/gitsnapshot.h"
#include "core/model/reportfilter.h"
#include "diffoutput.h"
#include "inputreader.h"
#include "keepuntilexit.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>
#include <array>
#include <iostream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

struct Side {
    std::optional<Report> report;
    std::string label;
    std::string moduleRoot;
};

// Keeps only the chosen kinds, so a diff of heap findings is not drowned in inlining decisions.
Report filtered(const Report& r, const KindSet& kinds)
{
    return filterFindings(r, [&kinds](const Finding& f) { return kinds.test(static_cast<std::size_t>(f.kind)); });
}

} // namespace

int runDiffCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compare two escape analyses of the same code."));
    parser.addPositionalArgument(QStringLiteral("diff"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("inputs"),
        QStringLiteral(
            "A B (report files: -m=2 text or report JSON), or DIR with --toolchain/--lang twice or --against REF."));
    const QCommandLineOption againstOption(QStringLiteral("against"),
        QStringLiteral("Compare DIR's working tree (B) with the git commit REF (A): HEAD~1, a branch, a tag."),
        QStringLiteral("ref"));
    const QCommandLineOption toolchainOption(
        QStringLiteral("toolchain"), QStringLiteral("Toolchain of side A, then of side B."), QStringLiteral("version"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Language version of side A, then of side B."), QStringLiteral("version"));
    const QCommandLineOption testsOption(QStringLiteral("tests"),
        QStringLiteral(
            "Analyse with the tests (go test -c, nothing run); generated code is never a new heap allocation."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the changes as JSON."));
    const QCommandLineOption sarifOption(
        QStringLiteral("sarif"), QStringLiteral("Print SARIF 2.1.0: one result per new heap allocation."));
    const QCommandLineOption failOption(QStringLiteral("fail-on"),
        QStringLiteral("new-heap: exit 1 when B has heap allocations A does not."), QStringLiteral("what"));
    const QCommandLineOption kindsOption(
        QStringLiteral("kinds"), QStringLiteral("Only these finding kinds."), QStringLiteral("ids"));
    const QCommandLineOption allOption(
        QStringLiteral("all"), QStringLiteral("Also list unchanged findings (text output)."));
    const QCommandLineOption rootOption(
        QStringLiteral("module-root"), QStringLiteral("Directory SARIF URIs are relative to."), QStringLiteral("dir"));
    const QCommandLineOption allowUnknownOption(QStringLiteral("allow-unknown"),
        QStringLiteral("With --fail-on: decide even when a side has lines not understood (otherwise exit 3)."));
    for (const auto* o : { &againstOption, &toolchainOption, &langOption, &testsOption, &jsonOption, &sarifOption,
             &failOption, &kindsOption, &allOption, &rootOption, &allowUnknownOption })
        parser.addOption(*o);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const QStringList pos = parser.positionalArguments().mid(1);
    const QStringList toolchains = parser.values(toolchainOption), langs = parser.values(langOption);
    const bool against = parser.isSet(againstOption);
    const bool runMode = pos.size() == 1
        && (against ? toolchains.size() <= 1 && langs.size() <= 1 : toolchains.size() == 2 || langs.size() == 2);
    if (!(pos.size() == 2 && toolchains.isEmpty() && langs.isEmpty() && !against) && !runMode) {
        err << "heapsight-cli: usage: heapsight-cli diff A B | diff --toolchain go1.21 --toolchain go1.22 DIR"
               " | diff --lang 1.21 --lang 1.22 [--toolchain go1.22] DIR | diff --against REF [--toolchain go1.22] "
               "DIR\n";
        return 2;
    }
    // Two commits: the older one exported read-only into a private directory; both analysed alike.
    std::unique_ptr<GitSnapshot> snapshot;
    if (against) {
        QString error;
        snapshot = GitSnapshot::create(pos.at(0), parser.value(againstOption), &error);
        if (!snapshot) {
            err << "heapsight-cli: " << error << '\n';
            return 2;
        }
    }
    if (parser.isSet(failOption) && parser.value(failOption) != QLatin1String("new-heap")) {
        err << "heapsight-cli: --fail-on takes new-heap\n";
        return 2;
    }
    const std::optional<KindSet> chosenKinds = kindsFromOption(parser, kindsOption);
    if (!chosenKinds)
        return 2;
    const KindSet& kinds = *chosenKinds;

    // The sides, their filtered copies and the diff live until the process exits, which follows the
    // printing: no destructor walk of two std reports (keepuntilexit.h).
    std::array<Side, 2>& sides = keepUntilExit(std::array<Side, 2> {});
    for (int i = 0; i < 2; ++i) {
        if (!runMode) {
            QString error;
            sides[i].report = readReport(pos.at(i), &error);
            if (!sides[i].report) {
                err << "heapsight-cli: " << error << '\n';
                return 2;
            }
            sides[i].label = QFileInfo(pos.at(i)).fileName().toStdString();
            sides[i].moduleRoot = sides[i].report->origin().workingDirectory;
            continue;
        }
        const QString wanted = toolchains.size() == 2 ? toolchains.at(i) : toolchains.value(0);
        const auto toolchain = chooseToolchain(wanted, err);
        if (!toolchain)
            return 2;
        AnalysisRequest request;
        request.directory = against && i == 0 ? snapshot->moduleDirectory() : pos.at(0);
        request.toolchain = *toolchain;
        request.languageVersion = langs.size() == 2 ? langs.at(i) : QString();
        request.includeTests = parser.isSet(testsOption);
        const AnalysisResult result = runAnalysis(request, err);
        if (result.state != AnalysisState::Ok || !result.report) {
            err << "heapsight-cli: side " << (i == 0 ? 'A' : 'B') << ": " << analysisStateName(result.state) << ":\n"
                << result.errorText << '\n';
            return 2;
        }
        sides[i].report = *result.report;
        if (against) {
            sides[i].label = i == 0
                ? QStringLiteral("%1 (%2)").arg(snapshot->ref(), snapshot->commit().left(12)).toStdString()
                : std::string("working tree");
            sides[i].moduleRoot = result.module.root.toStdString();
            continue;
        }
        sides[i].label = QString(toolchain->version
            + (request.languageVersion.isEmpty() ? QString() : QStringLiteral(" (go %1)").arg(request.languageVersion)))
                             .toStdString();
        sides[i].moduleRoot = result.module.root.toStdString();
    }
    const Report& a = keepUntilExit(filtered(*sides[0].report, kinds));
    const Report& b = keepUntilExit(filtered(*sides[1].report, kinds));
    // Two commits: lines move, so findings are also matched by function (read from each side's sources).
    // Two report files are compared as they are, wherever they were recorded.
    const std::string noRoot;
    const ReportDiff& diff = keepUntilExit(
        diffReportTrees(a, against ? sides[0].moduleRoot : noRoot, b, against ? sides[1].moduleRoot : noRoot));
    DiffSides labels { &a, &b, sides[0].label, sides[1].label };
    // A side the parser did not fully read may lack findings: said with every result, and a gate neither
    // passes nor fails on it unless told to.
    for (int i = 0; i < 2; ++i) {
        if (std::string w = understandingWarning(*sides[i].report, i == 0 ? "side A" : "side B"); !w.empty())
            labels.warnings.push_back(std::move(w));
    }
    const bool refused = parser.isSet(failOption) && !parser.isSet(allowUnknownOption) && !labels.warnings.empty();
    labels.verdictGiven = !refused;
    printWarnings(labels.warnings, refused, err);
    err.flush();
    const std::string root = parser.isSet(rootOption)
        ? QFileInfo(parser.value(rootOption)).absoluteFilePath().toStdString()
        : sides[1].moduleRoot;
    if (parser.isSet(sarifOption)) {
        std::cout << diffToSarif(diff, labels, root, HEAPSIGHT_VERSION)
                         .dump(1, '\t', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
    } else if (parser.isSet(jsonOption)) {
        std::cout << diffToJson(diff, labels).dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        QTextStream out(stdout);
        printDiffText(diff, labels, parser.isSet(allOption), out);
    }
    if (refused)
        return ExitNotUnderstood;
    if (parser.isSet(failOption) && !diff.newHeapAllocations().empty())
        return 1;
    return 0;
}

} // namespace heapsight::cli
