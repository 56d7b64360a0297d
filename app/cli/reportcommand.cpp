// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportcommand.h"

#include "core/io/reportdump.h"
#include "inputreader.h"
#include "keepuntilexit.h"
#include "profileoutput.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

int runReportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise the Go compiler's escape-analysis output."));
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("input"),
        QStringLiteral("Output of go build -gcflags=-m or -m=2, a report JSON file, or - for standard input."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the whole report as JSON."));
    const QCommandLineOption kindsOption(QStringLiteral("kinds"),
        QStringLiteral("Only these finding kinds (comma-separated ids, e.g. moved,escapes,leak)."),
        QStringLiteral("ids"));
    const QCommandLineOption dumpOption(QStringLiteral("dump"),
        QStringLiteral("Print every finding and explanation in a stable text form (golden files, diffs)."));
    const QCommandLineOption sarifOption(QStringLiteral("sarif"),
        QStringLiteral("Print SARIF 2.1.0: every finding of the chosen kinds, a rule per kind and cause."));
    const QCommandLineOption html = htmlOption();
    const QCommandLineOption sourceDirOption(QStringLiteral("source-dir"),
        QStringLiteral("Where the report's relative file names are read from for --html (default: the report's "
                       "working directory, else the current directory)."),
        QStringLiteral("dir"));
    parser.addOption(html);
    parser.addOption(sourceDirOption);
    parser.addOption(jsonOption);
    parser.addOption(sarifOption);
    parser.addOption(kindsOption);
    parser.addOption(dumpOption);
    const ProfileOptions profileOptions;
    profileOptions.addTo(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "heapsight-cli: usage: heapsight-cli report FILE|- [--json | --sarif] [--kinds moved,escapes,...]"
               " [--profile mem.out [--sort alloc]] [--html OUT.html [--source-dir DIR]]\n";
        return 2;
    }
    if (!profileOptions.valid(parser))
        return 2;
    const std::optional<KindSet> chosenKinds = kindsFromOption(parser, kindsOption);
    if (!chosenKinds)
        return 2;
    const KindSet& kinds = *chosenKinds;
    QString error;
    std::optional<Report> read = readReport(positional.at(1), &error);
    if (!read) {
        err << "heapsight-cli: " << error << '\n';
        return 2;
    }
    // Lives until the process exits, which follows the printing: no destructor walk (keepuntilexit.h).
    const Report& report = keepUntilExit(std::move(*read));
    std::optional<AllocationProfile> allocations;
    if (parser.isSet(profileOptions.profile)) {
        allocations = loadAllocations(
            parser.value(profileOptions.profile), report, QString::fromStdString(report.origin().workingDirectory));
        if (!allocations)
            return 2;
    }
    const bool sorted = profileOptions.sortByAllocations(parser);
    if (parser.isSet(html)) {
        const QString sourceDir = parser.value(sourceDirOption);
        const std::string title = (sourceDir.isEmpty() ? positional.at(1) : sourceDir).toStdString();
        if (const int failed = writeHtmlReport(report, kinds, parser.value(html), sourceDir.toStdString(), title))
            return failed;
    } else if (parser.isSet(sourceDirOption)) {
        err << "heapsight-cli: --source-dir is only read with --html\n";
        return 2;
    }
    if (parser.isSet(dumpOption)) {
        writeReportDump(report, std::cout);
        return std::cout.flush() ? 0 : 2;
    }
    if (parser.isSet(sarifOption)) {
        printSarif(report, kinds, report.origin().workingDirectory, report.goErrors().empty());
        return 0;
    }
    if (parser.isSet(jsonOption)) {
        JsonAdditions additions;
        if (allocations)
            addAllocationsToJson(additions, report, *allocations, sorted);
        printJson(report, kinds, additions);
        return 0;
    }
    QTextStream out(stdout);
    printSummary(report, kinds, out);
    if (allocations) {
        printAllocationTotals(*allocations, out);
        if (sorted)
            printAllocationRanking(report, *allocations, kinds, out);
    }
    return 0;
}

} // namespace heapsight::cli
