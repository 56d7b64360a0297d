#pragma once

#include "../identity/findingidentity.h"
#include "../model/report.h"

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace heapsight {

enum class ChangeType : std::uint8_t {
    Added, // only in B
    Removed, // only in A
    Changed, // in both, both explained, and the explanations mean different things (see diffReports)
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
    LineOnly, // file, line and kind, the only candidate on both sides, a literal in a subject, and both
              // subjects of one shape (names and literals aside: `make([]byte, N)`, `make([]byte, 4096)`)
    SameFunction, // package, enclosing function, kind, subject, line within the function and column: the
                  // function moved (two commits)
    FunctionOrdinal, // package, enclosing function, kind, subject and ordinal there, where both sides have
                     // equally many such findings: lines inside the function were added or removed
};

struct Change {
    ChangeType type = ChangeType::Unchanged;
    MatchRule rule = MatchRule::None;
    FindingKind kind = FindingKind::MovedToHeap;
    std::string file; // normalised (see normalizeFileName)
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t lineA = 0, columnA = 0; // where A has it: differs from line/column after an identity match
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

// Findings' identities (findingIdentities) for both sides, when the sources may differ (two commits).
struct DiffIdentities {
    std::span<const FindingIdentity> a, b;

    bool isEmpty() const { return a.empty() && b.empty(); }
};

// Aligns two reports of the same code (two toolchains, two language versions, two commits) by finding
// identity, not by text: spellings that differ only between Go versions compare equal. With identities
// (two versions of the source), a finding also matches the same finding of the same function after
// lines moved, and positions alone no longer pair findings of different functions. A finding one report
// prints under two spellings at one place is one finding. A pair is `Changed` when both sides explain it
// and the explanations differ in meaning: flows (locations spelled canonically, derefs), steps' reasons
// and, without identities, their positions; never for the grammar of a Go version (`=`/`←`, the function
// named in Go 1.25+ headers), the order or repetition of blocks, lines kept only as raw text, or an
// explanation one side lacks. `changes` covers every finding of both sides. Deterministic.
ReportDiff diffReports(const Report& a, const Report& b, const DiffIdentities& identities = {});

} // namespace heapsight
