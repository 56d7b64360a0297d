// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/lineannotations.h"

#include "findings/findingfilter.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "stdtext.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>

namespace heapsight::gui {

namespace {

constexpr int kMaxToolTipEntries = 12;

} // namespace

MarkerGroup LineAnnotation::primaryGroup() const
{
    const MarkerGroups set = groups ? groups : pathGroups;
    for (MarkerGroup g : AllMarkerGroups) {
        if (set & groupBit(g))
            return g;
    }
    return MarkerGroup::Other;
}

LineAnnotations LineAnnotations::build(
    const ReportSnapshot& snapshot, const QString& diskPath, const FindingFilter& filter)
{
    LineAnnotations result;
    if (!snapshot.index)
        return result;
    result.m_index = snapshot.index;
    const ReportIndex& index = *result.m_index;
    const Report& report = index.report();
    const QList<FileId> ids = index.fileIds(diskPath);
    std::map<int, LineAnnotation> byLine; // node-based: entries stay put while others are added
    const auto entry = [&byLine](int line) -> LineAnnotation& {
        LineAnnotation& a = byLine[line];
        a.line = line;
        return a;
    };
    for (FileId file : ids) {
        for (std::uint32_t i : report.findingsInFile(file)) {
            if (!filter.accepts(index, snapshot.accepted.get(), i))
                continue;
            const Finding& f = report.findings()[i];
            LineAnnotation& a = entry(static_cast<int>(f.position.line));
            a.groups |= groupBit(markerGroup(f.kind));
            a.findings.push_back(i);
            a.columns.push_back(static_cast<int>(f.position.column));
            a.findingGroups.push_back(markerGroup(f.kind));
            ++result.m_findingCount;
            // Steps of this finding's path that lie elsewhere in the same file.
            for (const Explanation& e : f.explanations) {
                for (const FlowEdge& edge : e.flows) {
                    for (const FlowStep& step : edge.steps) {
                        if (!ids.contains(step.at.file) || step.at.line == f.position.line)
                            continue;
                        LineAnnotation& through = entry(static_cast<int>(step.at.line));
                        through.pathGroups |= groupBit(markerGroup(f.kind));
                        if (std::find(through.through.begin(), through.through.end(), i) == through.through.end())
                            through.through.push_back(i);
                    }
                }
            }
        }
    }
    result.m_lines.reserve(byLine.size());
    for (auto& [line, a] : byLine)
        result.m_lines.push_back(std::move(a));

    for (LineAnnotation& a : result.m_lines) {
        if (a.findings.empty())
            continue;
        // The most important finding speaks for the line; the rest are counted.
        const auto rank = [&](std::uint32_t i) { return static_cast<int>(markerGroup(report.findings()[i].kind)); };
        const std::uint32_t lead = *std::min_element(
            a.findings.begin(), a.findings.end(), [&](std::uint32_t x, std::uint32_t y) { return rank(x) < rank(y); });
        a.note = fromStd(report.findings()[lead].message);
        if (a.findings.size() > 1)
            a.note += QStringLiteral("  +%1").arg(a.findings.size() - 1);
    }
    return result;
}

QString LineAnnotations::toolTip(int line) const
{
    const LineAnnotation* a = at(line);
    if (!a || !m_index)
        return {};
    const Report& report = m_index->report();
    QStringList tips;
    for (std::uint32_t i : a->findings) {
        if (tips.size() == kMaxToolTipEntries)
            break;
        const Finding& f = report.findings()[i];
        tips << QStringLiteral("<b>%1</b>&nbsp;&nbsp;<tt>%2</tt>")
                    .arg(markerGroupLabel(markerGroup(f.kind)).toHtmlEscaped(), fromStd(f.message).toHtmlEscaped());
    }
    if (a->findings.size() > static_cast<std::size_t>(kMaxToolTipEntries))
        tips << tr("… and %1 more").arg(a->findings.size() - kMaxToolTipEntries);
    for (std::uint32_t i : a->through) {
        if (tips.size() >= kMaxToolTipEntries + 2)
            break;
        const Finding& f = report.findings()[i];
        tips << tr("On the path of <tt>%1</tt> (line %2)").arg(fromStd(f.message).toHtmlEscaped()).arg(f.position.line);
    }
    if (!a->allocationTip.isEmpty())
        tips << a->allocationTip;
    return tips.join(QStringLiteral("<br>"));
}

const LineAnnotation* LineAnnotations::at(int line) const
{
    const auto it = std::lower_bound(
        m_lines.begin(), m_lines.end(), line, [](const LineAnnotation& a, int l) { return a.line < l; });
    return (it != m_lines.end() && it->line == line) ? &*it : nullptr;
}

std::vector<int> LineAnnotations::markedLines() const
{
    std::vector<int> lines;
    for (const LineAnnotation& a : m_lines) {
        if (!a.findings.empty())
            lines.push_back(a.line);
    }
    return lines;
}

} // namespace heapsight::gui
