// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reporthtml.h"

#include "core/explain/heapcause.h"
#include "core/model/chaintext.h"
#include "core/model/generatedcode.h"
#include "reporthtmlparts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <numeric>

namespace heapsight {

using namespace html;

namespace {

constexpr std::size_t kChartRows = 10;
constexpr std::size_t kHeapTableRows = 1000;

std::uint64_t sum(const GroupCounts& c)
{
    return std::accumulate(c.begin(), c.end(), std::uint64_t { 0 });
}
std::uint64_t heapCount(const GroupCounts& c)
{
    return c[static_cast<std::size_t>(MarkerGroup::Moved)] + c[static_cast<std::size_t>(MarkerGroup::Escapes)];
}

// One file of the page: a report file with shown findings, and its source when it could be read.
struct PageFile {
    FileId id = NoFile;
    std::string name;
    std::string package;
    GroupCounts counts {};
    std::vector<std::uint32_t> findings; // shown, in line and column order
    bool hasSource = false;
    std::vector<std::string> lines; // highlighted
    std::string whyNoSource;
};

std::string diskPath(const std::string& name, const ReportHtmlOptions& options, const Report& report)
{
    const QString file = QString::fromStdString(name);
    if (QDir::isAbsolutePath(file))
        return name;
    std::string root = options.sourceRoot.empty() ? report.origin().workingDirectory : options.sourceRoot;
    if (root.empty())
        root = QDir::currentPath().toStdString();
    return QDir::cleanPath(QDir(QString::fromStdString(root)).filePath(file)).toStdString();
}

void readSource(PageFile& file, const ReportHtmlOptions& options, const Report& report)
{
    if (file.name.empty() || file.name.front() == '<' || isGeneratedFile(file.name)) {
        file.whyNoSource = "generated code: no source to show";
        return;
    }
    const QString path = QString::fromStdString(diskPath(file.name, options, report));
    const QFileInfo info(path);
    if (!info.isFile()) {
        file.whyNoSource = "source not found at " + path.toStdString();
        return;
    }
    if (static_cast<std::size_t>(info.size()) > options.maxSourceBytes) {
        file.whyNoSource = "source larger than " + std::to_string(options.maxSourceBytes / 1024) + " KiB: not shown";
        return;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        file.whyNoSource = "source not readable: " + f.errorString().toStdString();
        return;
    }
    const QByteArray bytes = f.readAll();
    file.lines = highlightedGoLines(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    file.hasSource = true;
}

std::string badges(const GroupCounts& counts)
{
    std::string out;
    for (const MarkerGroup g : AllMarkerGroups) {
        if (const std::uint64_t n = counts[static_cast<std::size_t>(g)]; n > 0)
            out += "<span class=\"badge g-" + std::string(markerGroupId(g)) + "\" title=\"" + std::string(groupLabel(g))
                + "\">" + std::to_string(n) + "</span>";
    }
    return out;
}

std::string countCells(const GroupCounts& counts)
{
    std::string out;
    for (const MarkerGroup g : AllMarkerGroups) {
        const std::uint64_t n = counts[static_cast<std::size_t>(g)];
        out += "<td class=\"num" + std::string(n ? "" : " zero") + "\">" + std::to_string(n) + "</td>";
    }
    return out + "<td class=\"num total\">" + std::to_string(sum(counts)) + "</td>";
}

std::string countHeader(std::string_view first)
{
    std::string out = "<thead><tr><th>" + std::string(first) + "</th>";
    for (const MarkerGroup g : AllMarkerGroups)
        out += "<th class=\"num\" title=\"" + std::string(groupLabel(g)) + "\"><i class=\"mk g-"
            + std::string(markerGroupId(g)) + "\"></i>" + std::string(groupShortLabel(g)) + "</th>";
    return out + "<th class=\"num\">Total</th></tr></thead>";
}

std::string findingRow(const Report& report, std::uint32_t i, bool withCause)
{
    const Finding& f = report.findings()[i];
    const MarkerGroup g = markerGroup(f.kind);
    std::string row = "<tr class=\"pick g-" + std::string(markerGroupId(g)) + "\" data-fid=\"" + std::to_string(i)
        + "\"><td class=\"pos\">" + escaped(positionText(report, f.position)) + "</td><td><i class=\"mk g-"
        + std::string(markerGroupId(g)) + "\"></i>" + escaped(kindLabel(f.kind)) + "</td><td><code>"
        + escaped(f.message) + "</code></td>";
    if (withCause) {
        const std::optional<HeapCause> cause = heapCause(f);
        row += "<td>" + (cause ? escaped(causeLabel(*cause)) : std::string()) + "</td>";
    }
    return row + "</tr>";
}

std::string card(std::string_view id, std::string_view label, std::uint64_t n, std::string_view tone)
{
    return "<div class=\"card " + std::string(tone) + "\" data-count=\"" + std::string(id) + "\"><b>"
        + std::to_string(n) + "</b><span>" + std::string(label) + "</span></div>";
}

} // namespace

std::string reportToHtml(const Report& report, const ReportHtmlOptions& options, ReportHtmlSummary* summary)
{
    std::vector<std::uint32_t> shown;
    for (std::uint32_t i = 0; i < report.findings().size(); ++i) {
        if (options.kinds.test(static_cast<std::size_t>(report.findings()[i].kind)))
            shown.push_back(i);
    }
    // Files: the developer's first, generated code last, each in name order.
    std::vector<PageFile> files;
    std::vector<int> section(report.files().size(), -1);
    std::vector<GroupCounts> perPackage(report.packages().size());
    std::array<std::uint64_t, FindingKindCount> perKind {};
    std::array<GroupCounts, HeapCauseCount> perCause {};
    GroupCounts totals {};
    for (const FileId id : report.filesWithFindings()) {
        PageFile file;
        file.id = id;
        file.name = std::string(report.fileName(id));
        for (const std::uint32_t i : report.findingsInFile(id)) {
            if (options.kinds.test(static_cast<std::size_t>(report.findings()[i].kind)))
                file.findings.push_back(i);
        }
        if (file.findings.empty())
            continue;
        const Finding& first = report.findings()[file.findings.front()];
        if (first.package < report.packages().size())
            file.package = report.packages()[first.package].name;
        files.push_back(std::move(file));
    }
    std::ranges::stable_sort(files, {}, [](const PageFile& f) { return std::pair(isGeneratedFile(f.name), f.name); });
    for (std::size_t s = 0; s < files.size(); ++s) {
        PageFile& file = files[s];
        section[file.id] = static_cast<int>(s);
        for (const std::uint32_t i : file.findings)
            ++file.counts[static_cast<std::size_t>(markerGroup(report.findings()[i].kind))];
        readSource(file, options, report);
    }
    for (const std::uint32_t i : shown) {
        const Finding& f = report.findings()[i];
        const auto g = static_cast<std::size_t>(markerGroup(f.kind));
        ++totals[g];
        ++perKind[static_cast<std::size_t>(f.kind)];
        if (f.package < perPackage.size())
            ++perPackage[f.package][g];
        if (isHeapAllocation(f.kind))
            ++perCause[static_cast<std::size_t>(*heapCause(f))][g];
    }

    const std::string title = options.title.empty() ? std::string("Heapsight report") : options.title;
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<meta name=\"generator\" content=\"Heapsight\"><title>Heapsight: "
        + escaped(title) + "</title><style>" + std::string(kPageCss) + "</style></head>\n";
    page += "<body class=\"hide-stack hide-inlining hide-other\"><header class=\"top\"><div class=\"brand\">"
            "<i class=\"mk g-moved\"></i>Heapsight</div><div class=\"title\">"
        + escaped(title) + "</div><div class=\"meta\">" + escaped(report.origin().toolchain)
        + (report.origin().toolchain.empty() ? "" : " · ") + std::to_string(shown.size()) + " findings in "
        + std::to_string(files.size())
        + " files</div></header>\n<div class=\"layout\"><nav class=\"side\">"
          "<h2>Files</h2>";
    std::string lastPackage = "\x01";
    for (std::size_t s = 0; s < files.size(); ++s) {
        const std::string package
            = files[s].package + (isGeneratedFile(files[s].name) ? std::string(" (generated)") : std::string());
        if (package != lastPackage) {
            lastPackage = package;
            page += "<div class=\"pkgname\">" + escaped(files[s].package)
                + (isGeneratedFile(files[s].name) ? " <em>generated</em>" : "") + "</div>";
        }
        page += "<a href=\"#file-" + std::to_string(s) + "\"><span>" + escaped(files[s].name) + "</span>"
            + badges(files[s].counts) + "</a>";
    }
    page += "</nav>\n<main>";

    // Overview: totals, the filter, the charts.
    page += "<section id=\"overview\"><div class=\"cards\">"
        + card("heap", "heap allocations", heapCount(totals), "g-moved")
        + card("moved", "moved to heap", totals[static_cast<std::size_t>(MarkerGroup::Moved)], "")
        + card("escapes", "escape to heap", totals[static_cast<std::size_t>(MarkerGroup::Escapes)], "")
        + card("leaks", "leaking params", totals[static_cast<std::size_t>(MarkerGroup::Leaks)], "")
        + card("findings", "findings", shown.size(), "") + card("files", "files", files.size(), "")
        + card("packages", "packages", report.packages().size(), "") + "</div><div class=\"filters\">Show:";
    for (const MarkerGroup g : AllMarkerGroups) {
        const std::string id(markerGroupId(g));
        const bool on = g == MarkerGroup::Moved || g == MarkerGroup::Escapes || g == MarkerGroup::Leaks;
        page += "<label class=\"chip\"><input type=\"checkbox\" data-group=\"" + id + '"' + (on ? " checked" : "")
            + "><i class=\"mk g-" + id + "\"></i>" + std::string(groupLabel(g)) + " <b>"
            + std::to_string(totals[static_cast<std::size_t>(g)]) + "</b></label>";
    }
    page += "</div><div class=\"charts\">";
    std::vector<BarRow> kindRows;
    for (int k = 0; k < FindingKindCount; ++k) {
        if (perKind[static_cast<std::size_t>(k)] == 0)
            continue;
        const auto kind = static_cast<FindingKind>(k);
        BarRow row { std::string(kindLabel(kind)), false, {}, {} };
        row.counts[static_cast<std::size_t>(markerGroup(kind))] = perKind[static_cast<std::size_t>(k)];
        kindRows.push_back(std::move(row));
    }
    std::ranges::stable_sort(kindRows, {}, [](const BarRow& r) {
        const auto g = std::ranges::find_if(r.counts, [](std::uint64_t n) { return n > 0; }) - r.counts.begin();
        return std::pair(g, -static_cast<std::int64_t>(sum(r.counts)));
    });
    page += barChartSvg("Findings per kind", kindRows, "No findings.");
    std::vector<BarRow> packageRows;
    for (std::size_t p = 0; p < perPackage.size(); ++p) {
        BarRow row { report.packages()[p].name, true, {}, {} };
        row.counts[0] = perPackage[p][0];
        row.counts[1] = perPackage[p][1];
        if (heapCount(row.counts) > 0)
            packageRows.push_back(std::move(row));
    }
    std::ranges::stable_sort(packageRows, std::greater {}, [](const BarRow& r) { return heapCount(r.counts); });
    if (packageRows.size() > kChartRows)
        packageRows.resize(kChartRows);
    page += barChartSvg(
        "Heap allocations per package (top " + std::to_string(kChartRows) + ")", packageRows, "No heap allocations.");
    CauseCounts causeTotals {};
    for (std::size_t c = 0; c < causeTotals.size(); ++c)
        causeTotals[c] = sum(perCause[c]);
    std::vector<BarRow> causeRows;
    for (const HeapCause c : causesByCount(causeTotals))
        causeRows.push_back({ std::string(causeLabel(c)), false, perCause[static_cast<std::size_t>(c)], {} });
    page += barChartSvg("Heap allocations per cause", causeRows, "No heap allocations.");
    page += "</div></section>\n";

    // Counts per package and per file.
    page += "<section id=\"packages\"><h2>Packages</h2><table class=\"counts\">" + countHeader("Package") + "<tbody>";
    for (std::size_t p = 0; p < perPackage.size(); ++p)
        page += "<tr><td>" + escaped(report.packages()[p].name) + "</td>" + countCells(perPackage[p]) + "</tr>";
    page += "</tbody></table></section>\n<section id=\"filelist\"><h2>Files</h2><table class=\"counts\">"
        + countHeader("File") + "<tbody>";
    for (std::size_t s = 0; s < files.size(); ++s)
        page += "<tr><td><a href=\"#file-" + std::to_string(s) + "\">" + escaped(files[s].name) + "</a></td>"
            + countCells(files[s].counts) + "</tr>";
    page += "</tbody></table></section>\n";

    // The heap allocations, each a row that opens its explanation.
    page += "<section id=\"heap\"><h2>Heap allocations</h2><table class=\"findings\"><thead><tr><th>Position</th>"
            "<th>Kind</th><th>Message</th><th>Cause</th></tr></thead><tbody>";
    std::size_t heapRows = 0;
    for (const PageFile& file : files) {
        for (const std::uint32_t i : file.findings) {
            if (isHeapAllocation(report.findings()[i].kind) && heapRows++ < kHeapTableRows)
                page += findingRow(report, i, true);
        }
    }
    page += "</tbody></table>";
    if (heapRows > kHeapTableRows)
        page += "<p class=\"muted\">… and " + std::to_string(heapRows - kHeapTableRows)
            + " more: see each file below.</p>";
    page += "</section>\n<section id=\"sources\"><h2>Sources</h2>";

    ReportHtmlSummary result;
    result.findings = shown.size();
    result.files = files.size();
    for (std::size_t s = 0; s < files.size(); ++s) {
        const PageFile& file = files[s];
        const bool open = file.hasSource && (heapCount(file.counts) + file.counts[2] > 0);
        page += "<details class=\"file\" id=\"file-" + std::to_string(s) + '"' + (open ? " open" : "")
            + "><summary><span class=\"fname\">" + escaped(file.name) + "</span><span class=\"pkg\">"
            + escaped(file.package) + "</span>" + badges(file.counts) + "</summary>";
        std::vector<std::uint32_t> unplaced;
        if (file.hasSource) {
            ++result.filesWithSource;
            page += sourceHtml(report, file.id, file.lines, file.findings, static_cast<int>(s), unplaced);
        } else {
            result.missingSources.push_back(file.name);
            page += "<p class=\"nosource\">" + escaped(file.whyNoSource) + ": its findings are listed.</p>";
            unplaced = file.findings;
        }
        if (!unplaced.empty()) {
            page += "<table class=\"findings\"><tbody>";
            for (const std::uint32_t i : unplaced)
                page += findingRow(report, i, false);
            page += "</tbody></table>";
        }
        page += "</details>";
    }
    page += "</section><footer>Written by Heapsight " + escaped(options.heapsightVersion) + " from "
        + escaped(report.origin().source) + ": " + std::to_string(report.stats().inputLines)
        + " lines of compiler output, " + std::to_string(report.stats().unknownLines)
        + " not understood.</footer></main>\n"
        + "<aside id=\"why\"><h2>Why</h2><div id=\"why-body\"><p class=\"muted\">Click a marked line, a note or a "
          "finding to see the compiler's reasons.</p></div></aside></div>\n"
        + "<script type=\"application/json\" id=\"heapsight-data\">" + findingDataJson(report, shown, section)
        + "</script>\n<script>" + std::string(kPageScript) + "</script></body></html>\n";
    if (summary)
        *summary = std::move(result);
    return page;
}

} // namespace heapsight
