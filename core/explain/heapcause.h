// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/finding.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace heapsight {

// Why a value goes to the heap (or a parameter leaks), in one word a team can count and filter by: read
// from the finding's reason chain, whose REASON words are the closed vocabulary of Go's
// cmd/compile/internal/escape (see ReasonVocabulary). One cause per finding; the order is the order of
// the text report's groups.
enum class HeapCause : std::uint8_t {
    TooLargeForStack, // a step says "too large for stack" or "too aligned for stack"
    NonConstantSize, // "non-constant size": make with a length the compiler cannot know
    CapturedByClosure, // "captured by a closure" / "reference"
    InterfaceConverted, // "interface-converted", or the value is boxed for an interface (see heapCause)
    CallParameter, // the value leaves as an argument ("call parameter", "callee operand")
    Returned, // "return"
    Assigned, // "assign", "assign-pair…": stored into a global, a heap object or a leaking location
    StoredInMap, // "key of map put", "map literal key", "map literal value"
    Appended, // "appendee slice", "appended slice...", "copied slice"
    Sent, // "send" on a channel
    AddressOf, // only "address-of" tells where it goes
    Spill, // only "spill": allocated storage whose address flows on (e.g. a go statement's closure)
    OtherFlow, // a chain none of the words above decides
    Unexplained, // no reason chain: -m output, or a Go that explains less (run with -gcflags=-m=2)
};

inline constexpr int HeapCauseCount = static_cast<int>(HeapCause::Unexplained) + 1;

// Stable id for JSON, SARIF rule ids and tests: "too-large-for-stack", "interface-converted", …
std::string_view causeId(HeapCause cause);
std::optional<HeapCause> causeFromId(std::string_view id);
// Words for people: "too large for stack", "passed to a call that keeps it", …
std::string_view causeLabel(HeapCause cause);
// One line saying what usually avoids it: the remedy ReasonVocabulary gives the cause's deciding reason
// word (English source text; never empty).
std::string_view causeHint(HeapCause cause);

// How many findings have each cause, indexed by HeapCause.
using CauseCounts = std::array<std::uint64_t, HeapCauseCount>;

// The causes counted at least once, most first; ties in HeapCause's order. The one ranking of the text
// report's "by cause", the Overview's chart and the HTML report's chart, so that they list alike.
std::vector<HeapCause> causesByCount(const CauseCounts& counts);

// Whether a finding of this kind has a cause: the heap allocations (moved to heap, escapes to heap) and
// the leaking parameters, the verdicts escape analysis explains with a chain.
bool hasCause(FindingKind kind);

// The cause of a finding, nullopt when !hasCause(finding.kind). Decided in this order:
//  1. a size reason anywhere in its explanations (the compiler's own verdict: the storage cannot be on a
//     stack whatever the flow), then a closure capture, then an interface conversion;
//  2. else the last step of its first explanation whose word says where the value leaves (argument,
//     return, assignment, map, append, send), then address-of, then spill; OtherFlow when none does.
// An escaping value the compiler boxes for an interface is printed with its own text as subject and
// flows from `&{storage for SUBJECT}` with a "spill" step (escape/expr.go spills OCONVIFACE operands that
// are not pointer-shaped); when that subject is no allocation of its own (&T{…}, make, new, a func
// literal, a composite literal, a conversion of bytes or runes) it counts as InterfaceConverted.
std::optional<HeapCause> heapCause(const Finding& finding);

} // namespace heapsight
