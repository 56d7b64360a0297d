// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/changesmodel.h"
#include "compare/comparison.h"
#include "source/lineannotations.h"
#include "stdtext.h"

#include <map>

namespace heapsight::gui {

LineAnnotations LineAnnotations::fromComparison(const Comparison& comparison, const QString& diskPath)
{
    LineAnnotations result;
    std::map<int, LineAnnotation> byLine;
    for (std::uint32_t row = 0; row < comparison.shown.size(); ++row) {
        const Change& change = comparison.change(row);
        if (comparison.diskPath(change) != diskPath)
            continue;
        const bool inB = change.indexB >= 0;
        const Finding* finding = comparison.finding(change, inB);
        LineAnnotation& a = byLine[static_cast<int>(change.line)];
        a.line = static_cast<int>(change.line);
        const MarkerGroup group = markerGroup(change.kind);
        a.groups |= groupBit(group);
        a.findings.push_back(static_cast<std::uint32_t>(inB ? change.indexB : change.indexA));
        a.columns.push_back(static_cast<int>(change.column));
        a.findingGroups.push_back(group);
        const QString text = QStringLiteral("%1: %2").arg(ChangesModel::changeLabel(change.type),
            finding ? fromStd(finding->message) : QString::fromStdString(change.subjectB));
        a.note = a.note.isEmpty() ? text : a.note + QStringLiteral("  ·  ") + text;
        ++result.m_findingCount;
    }
    result.m_lines.reserve(byLine.size());
    for (auto& [line, a] : byLine)
        result.m_lines.push_back(std::move(a));
    return result;
}

} // namespace heapsight::gui
