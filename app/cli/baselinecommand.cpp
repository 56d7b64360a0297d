// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "baselinecommand.h"

#include "blockinganalysis.h"
#include "core/diff/baseline.h"
#include "core/diff/diffexport.h"
#include "diffoutput.h"
#include "inputreader.h"
#include "qtext.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

// The options `baseline save` and `check` share: how the findings are obtained.
struct InputOptions {
    QCommandLineOption toolchain { QStringLiteral("toolchain"),
        QStringLiteral("Toolchain that analyses DIR (default: newest)."), QStringLiteral("version") };
    QCommandLineOption lang { QStringLiteral("lang"), QStringLiteral("Analyse DIR under this language version."),
        QStringLiteral("version") };
    QCommandLineOption tests { QStringLiteral("tests"),
        QStringLiteral("Analyse DIR with its tests (go test -c, nothing run); generated code is never counted.") };
    QCommandLineOption sources { QStringLiteral("sources"),
        QStringLiteral("For a report FILE: the directory its file names are relative to (default: where it was made)."),
        QStringLiteral("dir") };

    void addTo(QCommandLineParser& parser) const
    {
        for (const auto* o : { &toolchain, &lang, &tests, &sources })
            parser.addOption(*o);
    }
};

// The heap findings of DIR (analysed now) or of a report FILE, with their enclosing functions.
std::optional<Baseline> findingsOf(
    const QString& input, const QCommandLineParser& parser, const InputOptions& options, QTextStream& err)
{
    if (!QFileInfo(input).isDir()) {
        QString error;
        const std::optional<Report> report = readReport(input, &error);
        if (!report) {
            err << "heapsight-cli: " << error << '\n';
            return std::nullopt;
        }
        const std::string root = parser.isSet(options.sources)
            ? QFileInfo(parser.value(options.sources)).absoluteFilePath().toStdString()
            : report->origin().workingDirectory;
        return makeBaseline(*report, root);
    }
    const std::optional<Toolchain> toolchain = chooseToolchain(parser.value(options.toolchain), err);
    if (!toolchain)
        return std::nullopt;
    AnalysisRequest request;
    request.directory = input;
    request.toolchain = *toolchain;
    request.languageVersion = parser.value(options.lang);
    request.includeTests = parser.isSet(options.tests);
    const AnalysisResult result = runAnalysis(request, err);
    if (result.state != AnalysisState::Ok || !result.report) {
        // A build that failed says nothing reliable about what escapes: no baseline, no verdict.
        err << "heapsight-cli: " << analysisStateName(result.state) << ":\n" << result.errorText << '\n';
        return std::nullopt;
    }
    return makeBaseline(*result.report, result.module.root.toStdString());
}

// Go's package patterns: "example.com/m/..." is m and everything below it, "..." everything.
bool matchesPackage(const std::string& package, const QStringList& patterns)
{
    if (patterns.isEmpty())
        return true;
    const QString name = QString::fromStdString(packageWithoutVariant(package));
    for (const QString& p : patterns) {
        if (p == QLatin1String("...") || p == name)
            return true;
        if (p.endsWith(QLatin1String("/..."))) {
            const QString base = p.chopped(4);
            if (name == base || name.startsWith(base + QLatin1Char('/')))
                return true;
        }
    }
    return false;
}

} // namespace

int runBaselineCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Record the heap allocations of a module as accepted."));
    parser.addPositionalArgument(QStringLiteral("baseline"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("save"), QStringLiteral("The action."));
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("A module directory, or a report file."));
    const QCommandLineOption outputOption(QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("The baseline file to write."), QStringLiteral("file"));
    parser.addOption(outputOption);
    const InputOptions inputs;
    inputs.addTo(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3 || pos.at(1) != QLatin1String("save") || !parser.isSet(outputOption)) {
        err << "heapsight-cli: usage: heapsight-cli baseline save DIR|FILE -o BASELINE [--toolchain go1.22]\n";
        return 2;
    }
    const std::optional<Baseline> baseline = findingsOf(pos.at(2), parser, inputs, err);
    if (!baseline)
        return 2;
    // Saved all the same (what was understood is accepted), but the user learns that some may be missing.
    if (const std::string w = understandingWarning(baseline->report, "the analysis"); !w.empty())
        printWarnings({ w }, false, err);
    // The one file Heapsight writes that the user names: written whole or not at all.
    QSaveFile out(parser.value(outputOption));
    const std::string text = baselineToJsonText(*baseline);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
        || !out.commit()) {
        err << "heapsight-cli: cannot write " << parser.value(outputOption) << ": " << out.errorString() << '\n';
        return 2;
    }
    err << "saved " << baseline->report.findings().size() << " heap allocations to " << parser.value(outputOption)
        << '\n';
    return 0;
}

int runCheckCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Report heap allocations a baseline does not have."));
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("A module directory, or a report file."));
    const QCommandLineOption baselineOption(
        QStringLiteral("baseline"), QStringLiteral("The baseline file."), QStringLiteral("file"));
    const QCommandLineOption packagesOption(QStringLiteral("packages"),
        QStringLiteral("Fail only on new escapes in these packages (Go patterns: example.com/m/...)."),
        QStringLiteral("pattern"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the new findings as diff JSON."));
    const QCommandLineOption sarifOption(QStringLiteral("sarif"), QStringLiteral("Print SARIF 2.1.0 (level note)."));
    const QCommandLineOption allowUnknownOption(QStringLiteral("allow-unknown"),
        QStringLiteral("Decide even when the analysis has lines not understood (otherwise exit 3)."));
    for (const auto* o : { &baselineOption, &packagesOption, &jsonOption, &sarifOption, &allowUnknownOption })
        parser.addOption(*o);
    const InputOptions inputs;
    inputs.addTo(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || !parser.isSet(baselineOption)) {
        err << "heapsight-cli: usage: heapsight-cli check DIR|FILE --baseline BASELINE [--packages PATTERN] "
               "[--json|--sarif]\n";
        return 2;
    }
    QFile file(parser.value(baselineOption));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "heapsight-cli: cannot read " << file.fileName() << ": " << file.errorString() << '\n';
        return 2;
    }
    const QByteArray bytes = file.readAll();
    std::string error;
    const std::optional<Baseline> baseline
        = baselineFromJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &error);
    if (!baseline) {
        err << "heapsight-cli: " << file.fileName() << ": " << QString::fromStdString(error) << '\n';
        return 2;
    }
    const std::optional<Baseline> current = findingsOf(pos.at(1), parser, inputs, err);
    if (!current)
        return 2;

    const ReportDiff diff = checkAgainstBaseline(*baseline, *current);
    const QStringList patterns = parser.values(packagesOption);
    std::size_t failing = 0;
    const auto fresh = diff.newHeapAllocations();
    for (const Change* c : fresh)
        failing += matchesPackage(c->package, patterns) ? 1 : 0;
    DiffSides sides { &baseline->report, &current->report,
        "baseline " + QFileInfo(file.fileName()).fileName().toStdString(), pos.at(1).toStdString() };
    // An analysis the parser did not fully read may lack new allocations: no pass (nor fail) on it unless told.
    if (std::string w = understandingWarning(current->report, "the analysis"); !w.empty())
        sides.warnings.push_back(std::move(w));
    const bool refused = !parser.isSet(allowUnknownOption) && !sides.warnings.empty();
    sides.verdictGiven = !refused;
    printWarnings(sides.warnings, refused, err);
    err.flush();
    if (parser.isSet(sarifOption)) {
        const std::string root = QFileInfo(pos.at(1)).isDir() ? QFileInfo(pos.at(1)).absoluteFilePath().toStdString()
                                                              : current->report.origin().workingDirectory;
        std::cout << diffToSarif(diff, sides, root, HEAPSIGHT_VERSION, "note")
                         .dump(1, '\t', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
    } else if (parser.isSet(jsonOption)) {
        nlohmann::json doc = diffToJson(diff, sides);
        doc["failing"] = failing;
        std::cout << doc.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        QTextStream out(stdout);
        for (const std::string& w : sides.warnings)
            out << "warning: " << QString::fromStdString(w) << '\n';
        for (const Change* c : fresh) {
            const Finding& f = current->report.findings()[static_cast<std::size_t>(c->indexB)];
            out << (matchesPackage(c->package, patterns) ? "+ " : "  ") << QString::fromStdString(c->file) << ':'
                << c->line << ':' << c->column << ": " << q(f.message) << '\n';
        }
        out << fresh.size() << " heap allocation" << (fresh.size() == 1 ? "" : "s") << " not in the baseline";
        if (!patterns.isEmpty())
            out << ", " << failing << " in " << patterns.join(QStringLiteral(", "));
        out << " (" << baseline->report.findings().size() << " accepted, " << diff.total.removed << " of them gone)\n";
    }
    if (refused)
        return ExitNotUnderstood;
    return failing > 0 ? 1 : 0;
}

} // namespace heapsight::cli
