// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findingkind.h"

#include <array>

namespace heapsight {

namespace {

struct KindInfo {
    FindingKind kind;
    std::string_view id;
    std::string_view label;
    KindGroup group;
};

constexpr std::array<KindInfo, FindingKindCount> kKinds { {
    { FindingKind::MovedToHeap, "moved", "moved to heap", KindGroup::Heap },
    { FindingKind::EscapesToHeap, "escapes", "escapes to heap", KindGroup::Heap },
    { FindingKind::DoesNotEscape, "noescape", "does not escape", KindGroup::Stack },
    { FindingKind::LeakingParam, "leak", "leaking param", KindGroup::Leak },
    { FindingKind::LeakingParamContent, "leak-content", "leaking param content", KindGroup::Leak },
    { FindingKind::LeakingParamToResult, "leak-result", "leaking param to result", KindGroup::Leak },
    { FindingKind::ClosureCapture, "capture", "closure capture", KindGroup::Other },
    { FindingKind::SelfAssignment, "self-assign", "self-assignment ignored", KindGroup::Other },
    { FindingKind::UnsafeUintptr, "unsafe-uintptr", "unsafe uintptr assumed", KindGroup::Other },
    { FindingKind::EscapingUintptr, "escaping-uintptr", "escaping uintptr", KindGroup::Other },
    { FindingKind::ZeroCopyConversion, "zero-copy", "zero-copy conversion", KindGroup::Stack },
    { FindingKind::MutatesParam, "mutates", "mutates param", KindGroup::Other },
    { FindingKind::CallsParam, "calls", "calls param", KindGroup::Other },
    { FindingKind::NoEscapeMutateOrCall, "noescape-mutcall", "does not escape, mutate, or call", KindGroup::Stack },
    { FindingKind::CanInline, "can-inline", "can inline", KindGroup::Inlining },
    { FindingKind::CannotInline, "cannot-inline", "cannot inline", KindGroup::Inlining },
    { FindingKind::InliningCall, "inline-call", "inlining call", KindGroup::Inlining },
    { FindingKind::BigFunction, "big-function", "function considered big", KindGroup::Inlining },
    { FindingKind::Devirtualized, "devirt", "devirtualized", KindGroup::Devirtualization },
    { FindingKind::PartiallyDevirtualized, "devirt-partial", "partially devirtualized", KindGroup::Devirtualization },
    { FindingKind::NotDevirtualized, "devirt-failed", "not devirtualized", KindGroup::Devirtualization },
    { FindingKind::PgoDevirtualized, "pgo-devirt", "PGO devirtualized", KindGroup::Devirtualization },
    { FindingKind::PgoDecision, "pgo-note", "PGO decision", KindGroup::Devirtualization },
    { FindingKind::BoundsCheckElided, "bce", "bounds check elided", KindGroup::Other },
    { FindingKind::ImpreciseInterfaceCall, "imprecise-call", "imprecise interface call", KindGroup::Other },
    { FindingKind::LoopVariable, "loopvar", "per-iteration loop variable", KindGroup::Other },
    { FindingKind::LoopModified, "loop-modified", "loop modified", KindGroup::Other },
    { FindingKind::DeadClosure, "dead-closure", "dead closure", KindGroup::Other },
    { FindingKind::NilCheck, "nilcheck", "nil check kept", KindGroup::Other },
    { FindingKind::BoundsCheck, "bounds-check", "bounds check kept", KindGroup::Other },
    { FindingKind::SliceBoundsCheck, "slice-bounds-check", "slice bounds check kept", KindGroup::Other },
    { FindingKind::LargeCopy, "copy", "large copy", KindGroup::Other },
    { FindingKind::CannotInlineCall, "cannot-inline-call", "call not inlined", KindGroup::Inlining },
    { FindingKind::SkipInliningInBLoop, "bloop-no-inline", "not inlined in b.Loop", KindGroup::Inlining },
    { FindingKind::KeptAlive, "kept-alive", "kept alive for b.Loop", KindGroup::Other },
} };

constexpr bool kindsInDeclarationOrder()
{
    for (int i = 0; i < FindingKindCount; ++i) {
        if (static_cast<int>(kKinds[static_cast<std::size_t>(i)].kind) != i)
            return false;
    }
    return true;
}
static_assert(kindsInDeclarationOrder(), "kKinds must list every FindingKind in declaration order");

const KindInfo& info(FindingKind kind)
{
    return kKinds[static_cast<std::size_t>(kind)];
}

} // namespace

std::string_view kindId(FindingKind kind)
{
    return info(kind).id;
}
std::string_view kindLabel(FindingKind kind)
{
    return info(kind).label;
}
KindGroup kindGroup(FindingKind kind)
{
    return info(kind).group;
}

std::optional<FindingKind> kindFromId(std::string_view id)
{
    for (const KindInfo& k : kKinds) {
        if (k.id == id)
            return k.kind;
    }
    return std::nullopt;
}

bool isHeapAllocation(FindingKind kind)
{
    return kind == FindingKind::MovedToHeap || kind == FindingKind::EscapesToHeap;
}

} // namespace heapsight
