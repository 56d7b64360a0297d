// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "analyzecommand.h"

#include "blockinganalysis.h"
#include "profileoutput.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

nlohmann::json analysisJson(const AnalysisResult& r)
{
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const Diagnostic& d : r.diagnostics) {
        diagnostics.push_back({ { "file", d.file.toStdString() }, { "line", d.line }, { "column", d.column },
            { "message", d.message.toStdString() } });
    }
    nlohmann::json command = nlohmann::json::array();
    for (const QString& a : r.commandLine)
        command.push_back(a.toStdString());
    return { { "state", analysisStateName(r.state).toStdString() }, { "fromCache", r.fromCache },
        { "languageOverridden", r.languageOverridden }, { "moduleRoot", r.module.root.toStdString() },
        { "modulePath", r.module.modulePath.toStdString() }, { "exitCode", r.exitCode }, { "elapsedMs", r.elapsedMs },
        { "command", command }, { "diagnostics", diagnostics } };
}

} // namespace

int runAnalyzeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("analyze"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("A directory inside the Go module."));
    const QCommandLineOption toolchainOption(QStringLiteral("toolchain"),
        QStringLiteral("go1.22, 1.22, go1.22.12 or a path to a go binary (default: newest found)."),
        QStringLiteral("version"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Analyse under this language version (go line), e.g. 1.22, via a temporary go.mod."),
        QStringLiteral("version"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption sarifOption(QStringLiteral("sarif"),
        QStringLiteral("Print SARIF 2.1.0: every finding of the chosen kinds, a rule per kind and cause."));
    const QCommandLineOption kindsOption(
        QStringLiteral("kinds"), QStringLiteral("Only these finding kinds."), QStringLiteral("ids"));
    const QCommandLineOption depsOption(
        QStringLiteral("deps"), QStringLiteral("Also analyse dependencies (-gcflags=all=...)."));
    const QCommandLineOption offlineOption(QStringLiteral("offline"), QStringLiteral("GOPROXY=off."));
    const QCommandLineOption noCacheOption(QStringLiteral("no-cache"), QStringLiteral("Always run the compiler."));
    const QCommandLineOption noLogoptOption(
        QStringLiteral("no-logopt"), QStringLiteral("Do not collect -json=0 logopt files."));
    const QCommandLineOption loopvarOption(QStringLiteral("loopvar"), QStringLiteral("Add -d=loopvar=2 (Go 1.22+)."));
    const QCommandLineOption testsOption(QStringLiteral("tests"),
        QStringLiteral("Compile the tests too (go test -c, nothing run), so _test.go files get findings."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds."), QStringLiteral("seconds"));
    const QCommandLineOption html = htmlOption();
    for (const auto* o : { &html, &toolchainOption, &langOption, &jsonOption, &sarifOption, &kindsOption, &depsOption,
             &offlineOption, &noCacheOption, &noLogoptOption, &loopvarOption, &testsOption, &timeoutOption })
        parser.addOption(*o);
    const ProfileOptions profileOptions;
    profileOptions.addTo(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 2) {
        err << "heapsight-cli: usage: heapsight-cli analyze DIR [--toolchain go1.22] [--lang 1.22] [--json | "
               "--sarif] [--html OUT.html]\n";
        return 2;
    }
    if (!profileOptions.valid(parser))
        return 2;
    const std::optional<KindSet> chosenKinds = kindsFromOption(parser, kindsOption);
    if (!chosenKinds)
        return 2;
    const KindSet& kinds = *chosenKinds;
    const std::optional<Toolchain> toolchain = chooseToolchain(parser.value(toolchainOption), err);
    if (!toolchain)
        return 2;

    AnalysisRequest request;
    request.directory = parser.positionalArguments().at(1);
    request.toolchain = *toolchain;
    request.languageVersion = parser.value(langOption);
    request.includeDependencies = parser.isSet(depsOption);
    request.offline = parser.isSet(offlineOption);
    request.useCache = !parser.isSet(noCacheOption);
    request.collectLogopt = !parser.isSet(noLogoptOption);
    request.loopvarReport = parser.isSet(loopvarOption);
    request.includeTests = parser.isSet(testsOption);
    request.timeoutSeconds = parser.value(timeoutOption).toInt();

    const AnalysisResult result = runAnalysis(request, err);
    if (!result.report) {
        err << "heapsight-cli: " << analysisStateName(result.state) << ": " << result.errorText << '\n';
        return 2;
    }
    if (result.state != AnalysisState::Ok)
        err << "heapsight-cli: " << analysisStateName(result.state) << ":\n" << result.errorText << '\n';
    std::optional<AllocationProfile> allocations;
    if (parser.isSet(profileOptions.profile)) {
        allocations = loadAllocations(parser.value(profileOptions.profile), *result.report, result.module.root);
        if (!allocations)
            return 2;
    }
    const bool sorted = profileOptions.sortByAllocations(parser);
    if (parser.isSet(html)) {
        const QString& title = result.module.modulePath.isEmpty() ? result.module.root : result.module.modulePath;
        if (const int failed = writeHtmlReport(
                *result.report, kinds, parser.value(html), result.module.root.toStdString(), title.toStdString()))
            return failed;
    }
    if (parser.isSet(sarifOption)) {
        printSarif(*result.report, kinds, result.module.root.toStdString(), result.state == AnalysisState::Ok);
    } else if (parser.isSet(jsonOption)) {
        JsonAdditions additions;
        if (allocations)
            addAllocationsToJson(additions, *result.report, *allocations, sorted);
        additions.members["analysis"] = analysisJson(result);
        printJson(*result.report, kinds, additions);
    } else {
        QTextStream out(stdout);
        out << "analysed " << result.module.root << " with " << toolchain->version
            << (request.includeTests ? ", tests included" : "") << (result.fromCache ? " (from cache)" : "") << '\n';
        printSummary(*result.report, kinds, out);
        if (allocations) {
            printAllocationTotals(*allocations, out);
            if (sorted)
                printAllocationRanking(*result.report, *allocations, kinds, out);
        }
    }
    return result.state == AnalysisState::Ok ? 0 : 1;
}

} // namespace heapsight::cli
