// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "report.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace heapsight {

// The shape of an explanation line (after its position prefix): leading spaces and the marker word kept,
// `{…}` groups folded to `{}`, runs of names, numbers and Go punctuation to `x`, positions dropped; so two
// lines worded alike by the compiler have one shape whatever they are about.
std::string foldShape(std::string_view line);

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
    // Taken by rvalue: a by-value parameter was one more move and destruction of a 180-byte Finding per
    // verdict the parser reads (3% of its instructions on Go 1.27's output, callgrind).
    std::uint32_t addFinding(Finding&& finding);
    std::uint32_t addFinding(const Finding& finding) { return addFinding(Finding(finding)); }
    // Makes room for `count` findings up front, so that a big input's findings are not moved to a twice
    // as large array again and again (each move touches fresh pages). Address space only: what is never
    // filled is never faulted in.
    void reserveFindings(std::size_t count);
    Finding& mutableFinding(std::uint32_t index) { return m_report->m_findings[index]; }
    void attachExplanation(std::uint32_t findingIndex, Explanation explanation);
    void addUnknownLine(UnknownLine line);
    void addGoError(UnknownLine line); // see Report::goErrors
    void addUnlinkedExplanation(Position at, Explanation explanation);
    // Counts a line of an explanation block whose shape this build does not know (`line` as printed,
    // `lineNumber` 1-based in the input) under its folded shape (see foldShape).
    void addPartlyUnderstood(std::string_view line, std::uint64_t lineNumber);
    // The same, under a shape the caller folded itself (a header with its subject and function as X and F).
    void addPartlyUnderstood(std::string_view line, std::uint64_t lineNumber, std::string shape);
    // For a report read back from JSON: one shape as it was counted (its count is not added to the stats).
    void restoreUnfamiliarShape(UnfamiliarShape shape);
    void countInputLine() { ++m_report->m_stats.inputLines; }
    void countExplanationLine() { ++m_report->m_stats.explanationLines; }
    void countBlankLine() { ++m_report->m_stats.blankLines; }
    void countPackageHeader() { ++m_report->m_stats.packageHeaders; }
    // For a report read back from JSON: the line counts of the input it was parsed from.
    void restoreLineCounts(const ReportStats& counts);

    std::size_t findingCount() const { return m_report->m_findings.size(); }
    std::size_t packageCount() const { return m_report->m_packages.size(); }
    const Finding& finding(std::uint32_t index) const { return m_report->m_findings[index]; }

    // Moves everything of `part` (a report of a later stretch of the same input) into this one: files
    // and packages are re-interned, findings merged with the ones already here, unknown lines renumbered
    // by `lineOffset`, line counts added. With `continuesPackage`, the part's package 0 is this report's
    // last package (the stretch began inside it). Returns where the part's files and findings went.
    // `part` must own its chains alone, as EscapeParser::finishPart's does (no copy of a report or of its
    // explanations shares them): their step positions are renumbered in place, not copied (a copy would
    // cost the calling thread as much as a third of parsing the part).
    struct Absorbed {
        std::vector<FileId> files; // part's FileId → this report's
        std::vector<std::uint32_t> findings; // part's finding index → this report's
        // A position, or every step position of an explanation, of the part, renumbered for this report
        // (the explanation's chains in place: see above). Each explanation once.
        void remap(Position& p) const;
        void remap(Explanation& e) const;
    };
    Absorbed absorb(Report&& part, std::uint64_t lineOffset, bool continuesPackage = false);

    // Builds the per-file index and the statistics; the builder is empty afterwards.
    Report finish();

private:
    // Of position, kind and message: the key of de-duplication. Findings are compared in place, so the
    // tables hold no copy of their (often long) messages.
    static std::uint32_t dedupHash(const Finding& finding) noexcept;
    static std::size_t homeSlot(std::uint32_t hash, unsigned bits);

    std::unique_ptr<Report> m_report;
    // De-duplication, open addressing: a slot holds a finding's index + 1 (0: free) and its hash, so a probe
    // past another finding reads nothing else; the findings themselves are the keys. One table per file:
    // the compiler prints a package's diagnostics sorted by position (cmd/compile/internal/base/print.go,
    // FlushErrors), so the verdicts that come one after another probe one small table that stays in cache.
    // With one table for all (4 MB for Go 1.27's std) the first probe of nearly every verdict missed the
    // cache: 9% of `report`'s time (perf).
    struct Slot {
        std::uint32_t finding = 0;
        std::uint32_t hash = 0;
    };
    struct SlotTable {
        std::vector<Slot> entries; // a power of two in size (2^bits), at most half full
        unsigned bits = 0;
        std::uint32_t used = 0;
    };
    SlotTable& tableFor(FileId file);
    Slot* findSlot(SlotTable& table, std::uint32_t hash, const Finding& finding);
    static void grow(SlotTable& table);
    std::vector<SlotTable> m_tables; // by FileId + 1; [0] for findings without a file
    std::unordered_map<std::string, std::size_t> m_shapeIndex; // folded shape → index in unfamiliarShapes
};

} // namespace heapsight
