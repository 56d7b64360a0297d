// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportoutput.h"

#include "core/diff/diffexport.h"
#include "core/explain/heapcause.h"
#include "core/html/reporthtml.h"
#include "core/io/jsonwriter.h"
#include "core/io/reportjson.h"
#include "core/io/reportsarif.h"
#include "core/model/generatedcode.h"

#include <QSaveFile>
#include <QStringList>
#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>

namespace heapsight::cli {

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

void printCauses(const Report& report, const KindSet& kinds, QTextStream& out)
{
    CauseCounts counts {};
    for (const Finding& f : report.findings()) {
        if (kinds.test(static_cast<std::size_t>(f.kind)) && isHeapAllocation(f.kind))
            ++counts[static_cast<std::size_t>(*heapCause(f))];
    }
    const std::vector<HeapCause> order = causesByCount(counts);
    if (order.empty())
        return;
    out << "heap findings by cause:\n";
    for (const HeapCause cause : order) {
        out << qSetFieldWidth(7) << counts[static_cast<std::size_t>(cause)] << qSetFieldWidth(0) << "  "
            << QLatin1String(causeLabel(cause)) << " (" << QLatin1String(causeId(cause)) << ")\n"
            << "         hint: " << QString::fromUtf8(causeHint(cause).data()) << '\n';
    }
}

void printSarif(const Report& report, const KindSet& kinds, const std::string& moduleRoot, bool buildSucceeded)
{
    ReportSarifOptions options;
    options.kinds = kinds;
    options.moduleRoot = moduleRoot;
    options.heapsightVersion = HEAPSIGHT_VERSION;
    options.executionSuccessful = buildSucceeded;
    if (std::string w = understandingWarning(report, "the analysis"); !w.empty())
        options.warnings.push_back(std::move(w));
    std::cout << reportToSarif(report, options).dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n'
              << std::flush;
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
                parts << QStringLiteral("%1 %2")
                             .arg(counts[static_cast<std::size_t>(k)])
                             .arg(QLatin1String(kindId(static_cast<FindingKind>(k))));
        }
        return parts.join(QLatin1String(", "));
    };
    // Generated code (the test main package, compiler wrappers) after the developer's files, marked: its
    // findings are real but nobody's to change, and verdicts (diff --fail-on, check) never count them.
    std::uint64_t generated = 0;
    for (const bool generatedPass : { false, true }) {
        for (const auto& [file, counts] : perFile) {
            if (isGeneratedFile(file) != generatedPass)
                continue;
            out << QString::fromUtf8(file.data(), static_cast<qsizetype>(file.size()))
                << (generatedPass ? " (generated)" : "") << ": " << describe(counts) << '\n';
            if (generatedPass)
                generated += std::accumulate(counts.begin(), counts.end(), std::uint64_t { 0 });
        }
    }
    const ReportStats& s = report.stats();
    std::uint64_t total = 0;
    for (std::uint64_t n : totals)
        total += n;
    out << "total: " << total << " findings in " << perFile.size() << " files, " << report.packages().size()
        << " packages";
    if (total > 0)
        out << " (" << describe(totals) << ")";
    if (generated > 0)
        out << "; " << generated << " of them in generated code";
    out << '\n';
    printCauses(report, kinds, out);
    out << "input: " << s.inputLines << " lines, " << s.explanationLines << " explanation lines, " << s.unknownLines
        << " not understood, " << s.unlinkedExplanations << " unlinked explanations";
    if (s.errorLines > 0)
        out << ", " << s.errorLines << " lines of go's errors";
    out << '\n';
    const std::size_t shown = std::min<std::size_t>(report.unknownLines().size(), 10);
    for (std::size_t i = 0; i < shown; ++i) {
        const UnknownLine& u = report.unknownLines()[i];
        out << "  not understood, line " << u.lineNumber << " (" << QString::fromStdString(u.why)
            << "): " << QString::fromStdString(u.text) << '\n';
    }
    if (report.unknownLines().size() > shown)
        out << "  … and " << (report.unknownLines().size() - shown) << " more\n";
    // go's own errors: the build's, not lines the parser failed to read.
    for (const UnknownLine& u : report.goErrors())
        out << "  " << QString::fromStdString(u.why) << ", line " << u.lineNumber << ": "
            << QString::fromStdString(u.text) << '\n';
    // A newer compiler's wording inside explanation blocks: kept with the findings, reported once per shape.
    if (s.partlyUnderstoodLines > 0)
        out << "partly understood: " << s.partlyUnderstoodLines << " explanation lines of "
            << report.unfamiliarShapes().size() << " unfamiliar shapes, kept as printed\n";
    for (const UnfamiliarShape& u : report.unfamiliarShapes())
        out << "  " << u.count << " like line " << u.firstLine << ": " << QString::fromStdString(u.example) << '\n';
}

QCommandLineOption htmlOption()
{
    return QCommandLineOption(QStringLiteral("html"),
        QStringLiteral("Also write a self-contained HTML report (sources, marks, reason chains) to this file."),
        QStringLiteral("file"));
}

int writeHtmlReport(const Report& report, const KindSet& kinds, const QString& file, const std::string& sourceRoot,
    const std::string& title)
{
    ReportHtmlOptions options;
    options.kinds = kinds;
    options.sourceRoot = sourceRoot;
    options.title = title;
    options.heapsightVersion = HEAPSIGHT_VERSION;
    ReportHtmlSummary summary;
    const std::string page = reportToHtml(report, options, &summary);
    QTextStream err(stderr);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(page.data(), static_cast<qint64>(page.size())) != static_cast<qint64>(page.size())
        || !out.commit()) {
        err << "heapsight-cli: cannot write " << file << ": " << out.errorString() << '\n';
        return 2;
    }
    err << "wrote " << file << ": " << summary.findings << " findings in " << summary.files << " files, "
        << summary.filesWithSource << " with source\n";
    const std::size_t said = std::min<std::size_t>(summary.missingSources.size(), 10);
    for (std::size_t i = 0; i < said; ++i)
        err << "  without source (findings listed): " << QString::fromStdString(summary.missingSources[i]) << '\n';
    if (summary.missingSources.size() > said)
        err << "  … and " << (summary.missingSources.size() - said) << " more without source\n";
    return 0;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "heapsight-cli: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    return std::nullopt;
}

std::optional<KindSet> kindsFromOption(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    KindSet kinds;
    kinds.set();
    if (!parser.isSet(option))
        return kinds;
    QString why;
    const auto chosen = parseKinds(parser.value(option), &why);
    if (!chosen)
        QTextStream(stderr) << "heapsight-cli: " << why << '\n';
    return chosen;
}

void printJson(const Report& report, const KindSet& kinds, const JsonAdditions& additions)
{
    ReportJsonOptions options;
    if (!additions.order.empty() || !kinds.all()) {
        std::vector<std::uint32_t> order;
        const auto keep = [&](std::uint32_t i) {
            if (kinds.test(static_cast<std::size_t>(report.findings()[i].kind)))
                order.push_back(i);
        };
        if (additions.order.empty()) {
            for (std::uint32_t i = 0; i < report.findings().size(); ++i)
                keep(i);
        } else {
            for (const std::uint32_t i : additions.order)
                keep(i);
        }
        options.findingOrder = std::move(order);
    }
    options.extraMembers = &additions.members;
    if (!additions.findingMembers.empty()) {
        options.extraFindingMembers = [&](std::uint32_t i) -> const nlohmann::json* {
            const auto it = additions.findingMembers.find(i);
            return it == additions.findingMembers.end() ? nullptr : &it->second;
        };
    }
    {
        JsonWriter out(
            [](std::string_view block) { std::cout.write(block.data(), static_cast<std::streamsize>(block.size())); });
        writeReportJson(out, report, options);
    }
    std::cout << '\n' << std::flush;
}

} // namespace heapsight::cli
