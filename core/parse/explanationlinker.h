// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/finding.h"

#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

namespace heapsight {

class ReportBuilder;

// A verdict an explanation block may explain (moved to heap, escapes to heap, leaking param…), as
// explanationScore reads it: where it is, what it says (views of its finding's fields, valid while that
// finding is), and which finding of the report it is.
struct ExplainableVerdict {
    Position position;
    FindingKind kind = FindingKind::MovedToHeap;
    std::string_view subject; // Finding::subject
    std::string_view detail; // Finding::detail: the result of `leaking param: p to result R level=N`
    std::int64_t number = -1; // Finding::number: level=N
    std::uint32_t finding = 0; // index into the report's findings
};

// How well `block` explains `verdict` at the same position: a negative score when it cannot, else the
// higher the better. A block explains the verdict whose subject and kind it proves:
// - `X escapes to heap[ in F]:` explains `moved to heap: X` when its first flow starts at the variable
//   itself (`&X`), and `X escapes to heap` when it starts at `{storage for X}`; Go 1.25+ names the
//   subject in full in the header and by its callee in the verdict (`append(s, v)` / `append`).
// - `parameter P leaks to LOC[ for F] with derefs=N:` explains `leaking param: P to result LOC` when LOC
//   is that result, else `leaking param: P` (derefs=0) or `leaking param content: P` (derefs>0).
// Facts from cmd/compile/internal/escape (escape.go, solve.go: explain, paramTag) and measured output.
int explanationScore(const Explanation& block, const ExplainableVerdict& verdict);

// Attaches -m=2 explanation blocks to the verdicts they explain, within one package's output. Blocks
// usually come before their verdicts, a bodyless (assembly) function's `leaking param` before the block of
// its ABI wrapper; several blocks and verdicts can share one position (inlined calls). So every block and
// verdict of a package is collected and the blocks are linked when the package ends, each to the verdict
// at its position with the best explanationScore (the first such verdict on a tie), else to the lone
// verdict of the kind it proves that no other block explains; blocks that explain no verdict there are
// kept as unlinked.
class ExplanationLinker {
public:
    void block(Position at, Explanation block);
    // The finding at `findingIndex` of the builder that endPackage is given, an explainable verdict at `at`
    // (its position there; its kind, subject, detail and number are read from there when the package ends).
    void verdict(Position at, std::uint32_t findingIndex);
    void endPackage(ReportBuilder& builder);

    // What a parser hands to the linker, recorded when the linking is done later (a part of a package
    // parsed on its own thread, linked when the parts are merged in order).
    struct Event {
        enum class Type : std::uint8_t { Block, Verdict, EndPackage };
        Type type = Type::EndPackage;
        Position position; // Block, Verdict
        Explanation block; // Block
        std::uint32_t finding = 0; // Verdict: index into the part's findings, then the merged report's
    };
    void replay(ReportBuilder& builder, Event event);

private:
    void linkPlace(ReportBuilder& builder, Position at, std::span<const std::uint32_t> blocks,
        std::span<const ExplainableVerdict> verdicts);

    // A package's blocks and verdicts, linked when it ends. Flat arrays in input order, sorted by position
    // then: a hash map of places allocated two vectors per position, 6% of a parse of Go 1.27's std.
    struct Keyed {
        Position at;
        std::uint32_t index;
        friend auto operator<=>(const Keyed&, const Keyed&) = default;
        friend bool operator==(const Keyed&, const Keyed&) = default;
    };
    // A deque: a vector moved every block (160 bytes) about twice as it grew, into fresh memory each time;
    // a package as big as go/types holds tens of thousands until it ends.
    std::deque<Explanation> m_blocks;
    std::vector<Keyed> m_blockOrder; // each block's position and index into m_blocks
    std::vector<Keyed> m_verdicts; // each verdict's position and finding index
    // endPackage's work arrays, kept for their capacity: one place's blocks and verdicts.
    std::vector<ExplainableVerdict> m_placeVerdicts;
    std::vector<std::uint32_t> m_placeBlocks;
    std::vector<char> m_explained;
    std::vector<std::uint32_t> m_left;
};

} // namespace heapsight
