#pragma once

#include "report.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace heapsight {

// Collects findings while a parser runs and hands over a finished, indexed Report.
// Identical findings (same position, kind and message) are merged, counting occurrences.
class ReportBuilder {
public:
    ReportBuilder();

    void setOrigin(ReportOrigin origin);
    ReportOrigin& origin();
    FileId internFile(std::string_view name);
    std::uint32_t addPackage(std::string_view name);
    // Returns the index of the finding (an existing one when the finding is a repeat, whose
    // occurrences then grow by `finding.occurrences`).
    std::uint32_t addFinding(Finding finding);
    Finding& mutableFinding(std::uint32_t index) { return m_report->m_findings[index]; }
    void attachExplanation(std::uint32_t findingIndex, Explanation explanation);
    void addUnknownLine(UnknownLine line);
    void addUnlinkedExplanation(Position at, Explanation explanation);
    void countInputLine() { ++m_report->m_stats.inputLines; }
    void countExplanationLine() { ++m_report->m_stats.explanationLines; }
    void countBlankLine() { ++m_report->m_stats.blankLines; }
    void countPackageHeader() { ++m_report->m_stats.packageHeaders; }
    // For a report read back from JSON: the line counts of the input it was parsed from.
    void restoreLineCounts(const ReportStats& counts);

    std::size_t findingCount() const { return m_report->m_findings.size(); }
    const Finding& finding(std::uint32_t index) const { return m_report->m_findings[index]; }

    // Moves everything of `part` (a report of a later stretch of the same input) into this one: files
    // and packages are re-interned, findings merged with the ones already here, unknown lines renumbered
    // by `lineOffset`, line counts added.
    void absorb(Report&& part, std::uint64_t lineOffset);

    // Builds the per-file index and the statistics; the builder is empty afterwards.
    Report finish();

private:
    // Of position, kind and message: the key of de-duplication. Findings are compared in place, so the
    // table holds no copy of their (often long) messages.
    static std::size_t dedupHash(const Finding& finding) noexcept;
    std::unique_ptr<Report> m_report;
    std::unordered_multimap<std::size_t, std::uint32_t> m_dedup; // dedupHash → indices of findings
};

} // namespace heapsight
