// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The plain words for each verdict kind; the reason words' are in reasonvocabulary.cpp.
#include "reasonvocabulary.h"

#include <QtGlobal>

namespace heapsight {

namespace {

constexpr VocabularyText text(const char* meaning, const char* remedy)
{
    return { meaning, remedy };
}

} // namespace

VocabularyText ReasonVocabulary::verdictText(FindingKind kind)
{
    switch (kind) {
    case FindingKind::MovedToHeap:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "A variable that would live in the function's stack frame is allocated on the heap instead, "
                        "because a reference to it outlives the call. Each call now costs an allocation and work for "
                        "the garbage collector."),
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "Follow the path above to the step that lets the reference outlive the call, and break it there."));
    case FindingKind::EscapesToHeap:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "This value or allocation is placed on the heap: something that outlives the function can "
                        "reach it, or the compiler cannot prove otherwise."),
            QT_TRANSLATE_NOOP(
                "ReasonVocabulary", "Follow the path above to the step that reaches the heap, and break it there."));
    case FindingKind::DoesNotEscape:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "The compiler proved that this value never outlives the function: it stays on the stack (or, "
                        "for a parameter, the callee does not keep it)."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Nothing to do: this is what you want."));
    case FindingKind::LeakingParam:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "The function keeps the pointer it is given beyond the call (stores it, returns it, or hands "
                        "it to something that does). Every caller's argument escapes with it."),
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "Copy what the function needs instead of keeping the caller's pointer, or document that it takes "
                "ownership."));
    case FindingKind::LeakingParamContent:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "The parameter itself does not escape, but what it points to does (the elements of a slice, "
                        "the target of a pointer field)."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Store copies of the contents instead of the pointers inside them."));
    case FindingKind::LeakingParamToResult:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "The parameter flows into a result (level 0: the pointer itself, level N: through N "
                        "dereferences). It escapes only if the caller lets the result escape."),
            QT_TRANSLATE_NOOP(
                "ReasonVocabulary", "Usually harmless: whether the argument escapes depends on each call site."));
    case FindingKind::ClosureCapture:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "A closure captures this variable, by value (a copy) or by reference (its address: the "
                        "variable is reassigned or larger than 128 bytes)."),
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "A captured-by-reference variable moves to the heap when the closure escapes: copy it into a fresh "
                "local first."));
    case FindingKind::CanInline:
    case FindingKind::InliningCall:
        return text(
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "The function is small enough to be inlined (its cost is within the budget of 80). Inlining lets "
                "escape analysis see through the call, so values passed in may stay on the caller's stack."),
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "Keeping small constructors inlinable lets their results stay on the caller's stack."));
    case FindingKind::CannotInline:
    case FindingKind::CannotInlineCall:
    case FindingKind::BigFunction:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "The function is not inlined (too costly, recursive, no body, or a construct the inliner "
                        "refuses). Escape analysis then works from its summary, which is often more pessimistic."),
            QT_TRANSLATE_NOOP(
                "ReasonVocabulary", "Split the hot, small part into its own function that fits the inlining budget."));
    case FindingKind::Devirtualized:
    case FindingKind::PartiallyDevirtualized:
    case FindingKind::PgoDevirtualized:
        return text(
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "A call through an interface was turned into a direct call, because the compiler knows (or, with PGO, "
                "expects) the concrete type. The callee can then be inlined and its arguments analysed."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Nothing to do: this removes an opaque call."));
    case FindingKind::NotDevirtualized:
    case FindingKind::PgoDecision:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "A call through an interface stays indirect; its arguments are assumed to escape."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Call the concrete type directly on hot paths."));
    case FindingKind::ZeroCopyConversion:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "A string is converted to []byte without copying, because the bytes are never modified."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Nothing to do: no allocation."));
    case FindingKind::SkipInliningInBLoop:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "Calls inside a `for b.Loop()` benchmark loop are not inlined (Go 1.24+), so the benchmark "
                        "measures the call as the caller will see it and the compiler cannot optimise it away."),
            QT_TRANSLATE_NOOP(
                "ReasonVocabulary", "Nothing to do; escapes in the callee show as they would for a non-inlined call."));
    case FindingKind::KeptAlive:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "Inside a `for b.Loop()` loop the compiler keeps this value alive (Go 1.26+), so the work "
                        "that computes it is not removed as dead code."),
            QT_TRANSLATE_NOOP("ReasonVocabulary", "Nothing to do: no heap allocation is involved."));
    case FindingKind::LoopVariable:
        return text(QT_TRANSLATE_NOOP("ReasonVocabulary",
                        "Since Go 1.22 each loop iteration has its own copy of the loop variable; this says where "
                        "that copy lives."),
            QT_TRANSLATE_NOOP("ReasonVocabulary",
                "A heap-allocated loop variable costs one allocation per iteration: avoid taking its address or "
                "capturing it in an escaping closure."));
    default:
        break;
    }
    return text(QT_TRANSLATE_NOOP("ReasonVocabulary", "A note from the compiler's optimisation passes."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "No heap allocation is involved."));
}

VocabularyEntry ReasonVocabulary::verdict(FindingKind kind)
{
    return translated(verdictText(kind));
}

} // namespace heapsight
