// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace heapsight {

// One kind per message family the compiler prints under -m / -m=2 (and -d=loopvar=2).
// The explanation blocks (`X escapes to heap:`, `parameter p leaks to … with derefs=N:`,
// `flow:`/`from` lines) are not kinds: they explain the verdict that follows them.
enum class FindingKind : std::uint8_t {
    MovedToHeap, // moved to heap: x
    EscapesToHeap, // E escapes to heap
    DoesNotEscape, // E does not escape
    LeakingParam, // leaking param: p
    LeakingParamContent, // leaking param content: p
    LeakingParamToResult, // leaking param: p to result ~r0 level=N
    ClosureCapture, // F capturing by value|ref: v (addr=… assign=… width=N)
    SelfAssignment, // F ignoring self-assignment in STMT
    UnsafeUintptr, // assuming p is unsafe uintptr
    EscapingUintptr, // marking p as escaping uintptr
    ZeroCopyConversion, // zero-copy string->[]byte conversion
    MutatesParam, // mutates param: p derefs=N  (-d=escapemutationscalls)
    CallsParam, // calls param: p derefs=N
    NoEscapeMutateOrCall, // p does not escape, mutate, or call
    CanInline, // can inline F [with cost N as: BODY]
    CannotInline, // cannot inline F: REASON / cannot inline F into G: repeated recursive cycle
    InliningCall, // inlining call to F [with score N]
    BigFunction, // function F considered 'big'; reducing max cost of inlinees
    Devirtualized, // devirtualizing CALL to T
    PartiallyDevirtualized, // partially devirtualizing CALL to T
    NotDevirtualized, // cannot devirtualize …: shaped … / failed to devirtualize … (…)
    PgoDevirtualized, // PGO devirtualizing [interface|function call] CALL to F
    PgoDecision, // should not PGO devirtualize F: R
    BoundsCheckElided, // index bounds check elided
    ImpreciseInterfaceCall, // imprecise interface call
    LoopVariable, // loop variable v now per-iteration, heap|stack-allocated
    LoopModified, // KIND loop ending at L:C was modified
    DeadClosure, // unreferenced closure F marked as dead
    // Only in -json=0 logopt output (SSA phase), no -m text equivalent:
    NilCheck, // nilcheck: a nil check the compiler kept
    BoundsCheck, // isInBounds: an index bounds check the compiler kept
    SliceBoundsCheck, // isSliceInBounds: a slice bounds check the compiler kept
    LargeCopy, // copy: "N bytes"
    CannotInlineCall, // cannotInlineCall: a call site the inliner refused
    // testing.B.Loop (Go 1.24+): the body of `for b.Loop()` is not inlined into, and (Go 1.26+, -m=2) what it
    // computes is kept alive so the benchmark measures it (cmd/compile/internal/inline/interleaved, bloop):
    SkipInliningInBLoop, // skip inlining within testing.B.loop for STMT
    KeptAlive, // E will be kept alive / E is unknown to bloop pass / unrecognized shape for …
};

inline constexpr int FindingKindCount = static_cast<int>(FindingKind::KeptAlive) + 1;

// Broad groups the GUI filters and colours by.
enum class KindGroup : std::uint8_t { Heap, Leak, Stack, Inlining, Devirtualization, Other };

// Stable short identifier used in JSON, on the command line (`--kinds moved,escapes`) and in tests.
std::string_view kindId(FindingKind kind);
std::optional<FindingKind> kindFromId(std::string_view id);
// Human wording ("moved to heap").
std::string_view kindLabel(FindingKind kind);
KindGroup kindGroup(FindingKind kind);
// A heap allocation decided by escape analysis: what a developer usually wants to see first.
bool isHeapAllocation(FindingKind kind);

} // namespace heapsight
