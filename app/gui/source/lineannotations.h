// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/markergroup.h"

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

namespace heapsight::gui {

class FindingFilter;
struct Comparison;
class ReportIndex;
struct ReportSnapshot;

} // namespace heapsight::gui

namespace heapsight {
class AllocationProfile;
}

namespace heapsight::gui {

// What one source line carries: the findings the filter shows on it, and the findings shown elsewhere in
// the file whose flow path passes through it.
struct LineAnnotation {
    int line = 0; // 1-based
    MarkerGroups groups = 0; // of the findings on the line
    MarkerGroups pathGroups = 0; // of the findings whose path passes through the line
    std::vector<std::uint32_t> findings; // indices into Report::findings(), column order
    std::vector<std::uint32_t> through;
    std::vector<int> columns; // 1-based byte columns of `findings` (0: none printed)
    std::vector<MarkerGroup> findingGroups; // the group of each of `findings`
    QString note; // end-of-line text: "moved to heap: x", "moved to heap: x  +2"
    QString allocationTip; // what a heap profile says the line allocated (rich text), when one is loaded

    // The group to colour the line with: the first in display order.
    MarkerGroup primaryGroup() const;
};

// The annotations of one file, indexed by line. Kept outside the text document (never in
// QTextBlockUserData, which a KSyntaxHighlighting highlighter owns).
class LineAnnotations {
    Q_DECLARE_TR_FUNCTIONS(LineAnnotations)

public:
    LineAnnotations() = default;
    // The findings of `diskPath` in the snapshot's report (none without one) that the filter shows, with
    // the baseline's accepted flags of the same snapshot.
    static LineAnnotations build(const ReportSnapshot& snapshot, const QString& diskPath, const FindingFilter& filter);
    // The compare view's marks for one file: each change between the two reports on its line, with a note
    // "new in B: moved to heap: i" (lineannotationchanges.cpp).
    static LineAnnotations fromComparison(const Comparison& comparison, const QString& diskPath);
    // Adds what a heap profile says the line's heap findings allocated to their notes and tooltips:
    // "moved to heap: x · 12.5 MB" (lineannotationallocations.cpp).
    void addAllocations(const ReportIndex& index, const AllocationProfile& allocations);

    const LineAnnotation* at(int line) const;
    const std::vector<LineAnnotation>& lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.empty(); }
    // Lines with at least one finding (not only a path through them).
    std::vector<int> markedLines() const;
    int findingCount() const { return m_findingCount; }
    // Rich text for a hover: every message on the line and the paths through it. Made when asked, not
    // for every line up front (that was a third of a filter change on a file with thousands of findings).
    QString toolTip(int line) const;

private:
    std::vector<LineAnnotation> m_lines; // sorted by line
    std::shared_ptr<const ReportIndex> m_index; // what the indices in m_lines refer to
    int m_findingCount = 0;
};

} // namespace heapsight::gui
