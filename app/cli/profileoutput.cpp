// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profileoutput.h"

#include "core/profile/heapprofilereader.h"
#include "qtext.h"

#include <QLocale>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

QString bytes(std::int64_t n)
{
    return QLocale::c().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
}

QString count(std::int64_t n)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({}); // C locale omits group separators by default; big counts read better with them
    return locale.toString(static_cast<qlonglong>(n));
}

nlohmann::json statsJson(const AllocStats& s)
{
    return { { "bytes", s.bytes }, { "objects", s.objects } };
}

} // namespace

void ProfileOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOption(profile);
    parser.addOption(sort);
}

bool ProfileOptions::valid(const QCommandLineParser& parser) const
{
    QTextStream err(stderr);
    if (parser.isSet(sort) && parser.value(sort) != QLatin1String("alloc")) {
        err << "heapsight-cli: unknown --sort order \"" << parser.value(sort) << "\" (known: alloc)\n";
        return false;
    }
    if (parser.isSet(sort) && !parser.isSet(profile)) {
        err << "heapsight-cli: --sort alloc needs a heap profile (--profile mem.out)\n";
        return false;
    }
    return true;
}

bool ProfileOptions::sortByAllocations(const QCommandLineParser& parser) const
{
    return parser.isSet(sort);
}

std::optional<AllocationProfile> loadAllocations(const QString& path, const Report& report, const QString& moduleRoot)
{
    QString error;
    const auto profile = HeapProfileReader::readFile(path, &error);
    if (!profile) {
        QTextStream(stderr) << "heapsight-cli: " << error << '\n';
        return std::nullopt;
    }
    return AllocationProfile::attribute(*profile, report, moduleRoot.toStdString());
}

void printAllocationTotals(const AllocationProfile& a, QTextStream& out)
{
    out << "profile: " << bytes(a.total().bytes) << " in " << count(a.total().objects) << " allocations; "
        << bytes(a.inReportFiles().bytes) << " on lines of this report's files, " << bytes(a.onHeapFindings().bytes)
        << " on lines with heap findings\n";
}

void printAllocationRanking(
    const Report& report, const AllocationProfile& allocations, const KindSet& kinds, QTextStream& out)
{
    const std::vector<std::uint32_t> ranked = allocations.rankedFindings(report);
    out << "heap findings by allocated bytes:\n";
    int shown = 0;
    for (const std::uint32_t i : ranked) {
        const Finding& f = report.findings()[i];
        if (!kinds.test(static_cast<std::size_t>(f.kind)))
            continue;
        const AllocStats s = *allocations.forFinding(f);
        const std::string_view file = report.fileName(f.position.file);
        out << QStringLiteral("%1 %2  ").arg(bytes(s.bytes), 10).arg(count(s.objects) + QLatin1String(" objects"), 18)
            << QString::fromUtf8(file.data(), static_cast<qsizetype>(file.size())) << ':' << f.position.line << ':'
            << f.position.column << ": " << q(f.message) << '\n';
        ++shown;
    }
    if (shown == 0)
        out << "  (none: the profile recorded no allocations on the lines of these findings)\n";
}

void addAllocationsToJson(
    JsonAdditions& additions, const Report& report, const AllocationProfile& allocations, bool sorted)
{
    const std::size_t n = report.findings().size();
    for (std::uint32_t i = 0; i < n; ++i) {
        if (const auto s = allocations.forFinding(report.findings()[i]))
            additions.findingMembers[i] = { { "alloc", statsJson(*s) } };
    }
    if (sorted) {
        // The ranking first, then every other finding in report order.
        std::vector<std::size_t> rank(n, n);
        const std::vector<std::uint32_t> ranked = allocations.rankedFindings(report);
        for (std::size_t r = 0; r < ranked.size(); ++r)
            rank[ranked[r]] = r;
        std::vector<std::uint32_t> index(n);
        for (std::uint32_t i = 0; i < n; ++i)
            index[i] = i;
        std::stable_sort(
            index.begin(), index.end(), [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
        additions.order = std::move(index);
    }
    additions.members["allocations"]
        = { { "total", statsJson(allocations.total()) }, { "inReportFiles", statsJson(allocations.inReportFiles()) },
              { "onHeapFindings", statsJson(allocations.onHeapFindings()) } };
}

} // namespace heapsight::cli
