// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "heapcause.h"

#include "reasonvocabulary.h"

#include <QtGlobal>
#include <algorithm>
#include <functional>

namespace heapsight {

namespace {

struct CauseText {
    std::string_view id;
    std::string_view label;
    // The reason word whose remedy is the hint; empty where the hint is below.
    std::string_view reason;
};

// In the order of HeapCause.
constexpr std::array<CauseText, HeapCauseCount> kCauses { {
    { "too-large-for-stack", "too large for stack", "too large for stack" },
    { "non-constant-size", "non-constant size", "non-constant size" },
    { "captured-by-closure", "captured by a closure", "captured by a closure" },
    { "interface-converted", "converted to an interface", "interface-converted" },
    { "call-parameter", "passed to a call that keeps it", "call parameter" },
    { "returned", "returned", "return" },
    { "assigned", "assigned to a global or heap location", "assign" },
    { "stored-in-map", "stored in a map", "key of map put" },
    { "appended", "appended to a slice", "appendee slice" },
    { "sent", "sent on a channel", "send" },
    { "address-of", "its address flows on", "address-of" },
    { "spill", "spill: storage of its own whose address flows on", "spill" },
    { "other-flow", "another flow", {} },
    { "unexplained", "no explanation (-m output)", {} },
} };

// The hint of a finding without a chain. Both cases are real: a report of -m output has no chains, and
// with -m=2 the compiler prints none for functions without a Go body (cmd/compile/internal/escape assumes
// their pointer parameters leak) and for a few verdicts whose value another block at the position explains.
const char* const kUnexplainedHint = QT_TRANSLATE_NOOP("ReasonVocabulary",
    "The compiler printed no reason chain for this finding: a build without -gcflags=-m=2 prints none; with it, "
    "none for functions without a Go body, and another finding at the same position may explain the value.");

// Where the value leaves, by the word of a step; nullopt for words that only carry it along.
std::optional<HeapCause> exitCause(std::string_view reason)
{
    if (reason == "call parameter" || reason == "callee operand")
        return HeapCause::CallParameter;
    if (reason == "return")
        return HeapCause::Returned;
    if (reason.starts_with("assign"))
        return HeapCause::Assigned;
    if (reason == "key of map put" || reason == "map literal key" || reason == "map literal value")
        return HeapCause::StoredInMap;
    if (reason == "appendee slice" || reason == "appended slice..." || reason == "copied slice")
        return HeapCause::Appended;
    if (reason == "send")
        return HeapCause::Sent;
    return std::nullopt;
}

// The subject's text is an allocation of its own rather than a value boxed for an interface.
bool isAllocationExpression(std::string_view subject)
{
    for (std::string_view prefix :
        { "&", "make(", "new(", "func literal", "[]", "map[", "... argument", "string(", "composite literal", "[" }) {
        if (subject.starts_with(prefix))
            return true;
    }
    // A composite literal of a named type: T{...}, pkg.T{...}.
    return subject.ends_with("{...}") || subject.ends_with("{}");
}

bool boxedForInterface(const Finding& f)
{
    if (f.kind != FindingKind::EscapesToHeap || f.explanations.empty() || isAllocationExpression(f.subject))
        return false;
    const Explanation& e = f.explanations.front();
    if (e.flows.empty() || e.flows.front().steps.empty())
        return false;
    const FlowEdge& first = e.flows.front();
    // `{storage for SUBJECT}`, compared in place: no string is built for each finding asked about.
    constexpr std::string_view kStorageFor = "{storage for ";
    const std::string_view source = first.source;
    return first.derefs == -1 && source.size() == kStorageFor.size() + f.subject.size() + 1
        && source.starts_with(kStorageFor) && source.ends_with('}')
        && source.substr(kStorageFor.size(), f.subject.size()) == f.subject.view()
        && first.steps.front().reason == "spill";
}

} // namespace

std::string_view causeId(HeapCause cause)
{
    return kCauses[static_cast<std::size_t>(cause)].id;
}

std::optional<HeapCause> causeFromId(std::string_view id)
{
    for (int c = 0; c < HeapCauseCount; ++c) {
        if (kCauses[static_cast<std::size_t>(c)].id == id)
            return static_cast<HeapCause>(c);
    }
    return std::nullopt;
}

std::string_view causeLabel(HeapCause cause)
{
    return kCauses[static_cast<std::size_t>(cause)].label;
}

std::string_view causeHint(HeapCause cause)
{
    if (cause == HeapCause::Unexplained)
        return kUnexplainedHint;
    if (cause == HeapCause::OtherFlow)
        return ReasonVocabulary::verdictText(FindingKind::EscapesToHeap).remedy;
    return ReasonVocabulary::reasonText(kCauses[static_cast<std::size_t>(cause)].reason)->remedy;
}

std::vector<HeapCause> causesByCount(const CauseCounts& counts)
{
    std::vector<HeapCause> order;
    for (int c = 0; c < HeapCauseCount; ++c) {
        if (counts[static_cast<std::size_t>(c)] > 0)
            order.push_back(static_cast<HeapCause>(c));
    }
    std::ranges::stable_sort(order, std::greater {}, [&](HeapCause c) { return counts[static_cast<std::size_t>(c)]; });
    return order;
}

bool hasCause(FindingKind kind)
{
    return isHeapAllocation(kind) || kindGroup(kind) == KindGroup::Leak;
}

std::optional<HeapCause> heapCause(const Finding& finding)
{
    if (!hasCause(finding.kind))
        return std::nullopt;
    if (finding.explanations.empty())
        return HeapCause::Unexplained;
    bool closure = false;
    bool iface = false;
    for (const Explanation& e : finding.explanations) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& s : edge.steps) {
                if (s.reason == "too large for stack" || s.reason == "too aligned for stack")
                    return HeapCause::TooLargeForStack;
                if (s.reason == "non-constant size")
                    return HeapCause::NonConstantSize;
                closure = closure || s.reason == "captured by a closure" || s.reason == "reference";
                iface = iface || s.reason == "interface-converted";
            }
        }
    }
    if (closure)
        return HeapCause::CapturedByClosure;
    if (iface || boxedForInterface(finding))
        return HeapCause::InterfaceConverted;
    bool addressOf = false;
    bool spill = false;
    const auto& flows = finding.explanations.front().flows;
    for (auto edge = flows.rbegin(); edge != flows.rend(); ++edge) {
        for (auto s = edge->steps.rbegin(); s != edge->steps.rend(); ++s) {
            if (const std::optional<HeapCause> exit = exitCause(s->reason))
                return exit;
            addressOf = addressOf || s->reason == "address-of";
            spill = spill || s->reason == "spill";
        }
    }
    if (addressOf)
        return HeapCause::AddressOf;
    return spill ? HeapCause::Spill : HeapCause::OtherFlow;
}

} // namespace heapsight
