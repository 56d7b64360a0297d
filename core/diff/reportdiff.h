#pragma once

#include "../model/report.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace heapsight {

enum class ChangeType : std::uint8_t {
    Added, // only in B
    Removed, // only in A
    Changed, // in both, with a different explanation (reason chain) or spelling that normalisation keeps apart
    Unchanged,
};

std::string_view changeTypeId(ChangeType type); // "added", "removed", "changed", "unchanged"

// How a finding of A was paired with one of B.
enum class MatchRule : std::uint8_t {
    None, // added or removed
    Exact, // file, line, column, kind and normalised subject
    SameColumn, // file, line, column and kind, the only candidate on both sides, a literal in a subject:
                // a value spelled differently (EINVAL against syscall.Errno(22))
    ColumnMoved, // file, line, kind and normalised subject
    LineOnly, // file, line and kind, the only candidate on both sides, a literal in a subject
};

struct Change {
    ChangeType type = ChangeType::Unchanged;
    MatchRule rule = MatchRule::None;
    FindingKind kind = FindingKind::MovedToHeap;
    std::string file; // normalised (see normalizeFileName)
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string package;
    std::string subjectA, subjectB;
    std::int64_t indexA = -1, indexB = -1; // into the reports' findings(); -1 when absent
    bool loopVariable = false; // the subject is a loop variable whose per-iteration status is reported
};

struct DiffCounts {
    std::uint64_t added = 0, removed = 0, changed = 0, unchanged = 0;
};

struct ReportDiff {
    std::vector<Change> changes; // sorted by file, line, column, kind, type; unchanged ones included
    std::map<std::string, DiffCounts> perPackage;
    std::array<DiffCounts, FindingKindCount> perKind {};
    DiffCounts total;

    // Heap allocations (moved to heap, escapes to heap) that B has and A does not.
    std::vector<const Change*> newHeapAllocations() const;
};

// Aligns two reports of the same code (two toolchains, two language versions, two commits) by finding
// identity, not by text: spellings that differ only between Go versions compare equal. Deterministic.
ReportDiff diffReports(const Report& a, const Report& b);

} // namespace heapsight
