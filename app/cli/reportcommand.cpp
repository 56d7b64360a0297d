#include "reportcommand.h"

#include "inputreader.h"

#include "core/io/reportjson.h"
#include "core/model/findingkind.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <algorithm>
#include <bitset>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

using KindSet = std::bitset<FindingKindCount>;

std::optional<KindSet> parseKinds(const QString& list, QString* error)
{
    KindSet set;
    const QStringList ids = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& id : ids) {
        const auto kind = kindFromId(id.trimmed().toStdString());
        if (!kind) {
            *error = QStringLiteral("unknown kind \"%1\"").arg(id);
            return std::nullopt;
        }
        set.set(static_cast<std::size_t>(*kind));
    }
    return set;
}

void printSummary(const Report& report, const KindSet& kinds, QTextStream& out)
{
    std::map<std::string_view, std::array<std::uint64_t, FindingKindCount>> perFile;
    std::array<std::uint64_t, FindingKindCount> totals {};
    for (const Finding& f : report.findings()) {
        const auto k = static_cast<std::size_t>(f.kind);
        if (!kinds.test(k))
            continue;
        ++perFile[report.fileName(f.position.file)][k];
        ++totals[k];
    }
    const auto describe = [](const std::array<std::uint64_t, FindingKindCount>& counts) {
        QStringList parts;
        for (int k = 0; k < FindingKindCount; ++k) {
            if (counts[static_cast<std::size_t>(k)] > 0)
                parts << QStringLiteral("%1 %2").arg(counts[static_cast<std::size_t>(k)]).arg(QLatin1String(kindId(static_cast<FindingKind>(k))));
        }
        return parts.join(QLatin1String(", "));
    };
    for (const auto& [file, counts] : perFile)
        out << QString::fromUtf8(file.data(), static_cast<qsizetype>(file.size())) << ": " << describe(counts) << '\n';
    const ReportStats& s = report.stats();
    std::uint64_t total = 0;
    for (std::uint64_t n : totals)
        total += n;
    out << "total: " << total << " findings in " << perFile.size() << " files, " << report.packages().size()
        << " packages";
    if (total > 0)
        out << " (" << describe(totals) << ")";
    out << '\n';
    out << "input: " << s.inputLines << " lines, " << s.explanationLines << " explanation lines, " << s.unknownLines
        << " not understood, " << s.unlinkedExplanations << " unlinked explanations\n";
    const std::size_t shown = std::min<std::size_t>(report.unknownLines().size(), 10);
    for (std::size_t i = 0; i < shown; ++i) {
        const UnknownLine& u = report.unknownLines()[i];
        out << "  not understood, line " << u.lineNumber << " (" << QString::fromStdString(u.why)
            << "): " << QString::fromStdString(u.text) << '\n';
    }
    if (report.unknownLines().size() > shown)
        out << "  … and " << (report.unknownLines().size() - shown) << " more\n";
}

} // namespace

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
    parser.addOption(jsonOption);
    parser.addOption(kindsOption);
    parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "heapsight-cli: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "heapsight-cli: usage: heapsight-cli report FILE|- [--json] [--kinds moved,escapes,...]\n";
        return 2;
    }
    KindSet kinds;
    kinds.set();
    if (parser.isSet(kindsOption)) {
        QString why;
        const auto chosen = parseKinds(parser.value(kindsOption), &why);
        if (!chosen) {
            err << "heapsight-cli: " << why << '\n';
            return 2;
        }
        kinds = *chosen;
    }
    QString error;
    const auto report = readReport(positional.at(1), &error);
    if (!report) {
        err << "heapsight-cli: " << error << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption)) {
        nlohmann::json doc = reportToJson(*report);
        if (parser.isSet(kindsOption)) {
            nlohmann::json& findings = doc["findings"];
            nlohmann::json kept = nlohmann::json::array();
            for (nlohmann::json& f : findings) {
                if (kinds.test(static_cast<std::size_t>(*kindFromId(f["kind"].get<std::string>()))))
                    kept.push_back(std::move(f));
            }
            findings = std::move(kept);
        }
        std::cout << doc.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    QTextStream out(stdout);
    printSummary(*report, kinds, out);
    return 0;
}

} // namespace heapsight::cli
