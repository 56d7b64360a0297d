// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messageclassifier.h"

#include <optional>
#include <re2/re2.h>

namespace heapsight {

namespace {

using Type = ClassifiedMessage::Type;

ClassifiedMessage verdict(
    FindingKind kind, std::string_view subject, std::string_view detail = {}, std::int64_t number = -1)
{
    return ClassifiedMessage { Type::Verdict, kind, subject, detail, number, {} };
}

bool consumePrefix(std::string_view& s, std::string_view prefix)
{
    if (!s.starts_with(prefix))
        return false;
    s.remove_prefix(prefix.size());
    return true;
}

bool consumeSuffix(std::string_view& s, std::string_view suffix)
{
    if (!s.ends_with(suffix))
        return false;
    s.remove_suffix(suffix.size());
    return true;
}

// Parses a non-negative decimal number that makes up all of `s`.
bool wholeNumber(std::string_view s, std::int64_t& value)
{
    if (s.empty() || s.size() > 18)
        return false;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

// Strips " <key>N" from the end of `s` (e.g. " derefs=3", " with score 10").
bool consumeNumberSuffix(std::string_view& s, std::string_view key, std::int64_t& value)
{
    const std::size_t at = s.rfind(key);
    if (at == std::string_view::npos || !wholeNumber(s.substr(at + key.size()), value))
        return false;
    s = s.substr(0, at);
    return true;
}

// The first ": " outside brackets and quotes: separates a function name (which may be a generic shape
// holding struct tags such as `json:"a" k: "v"`) from the reason that follows it.
std::size_t topLevelColon(std::string_view s)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '(':
        case '[':
        case '{':
            ++depth;
            break;
        case ')':
        case ']':
        case '}':
            --depth;
            break;
        case ':':
            if (depth <= 0 && s[i + 1] == ' ')
                return i;
            break;
        default:
            break;
        }
    }
    return std::string_view::npos;
}

std::string_view view(const std::string_view& whole, const re2::StringPiece& piece)
{
    return piece.data() ? whole.substr(static_cast<std::size_t>(piece.data() - whole.data()), piece.size())
                        : std::string_view();
}

// The rarer families have enough structure for a regular expression; RE2 keeps them linear-time.
const RE2& loopVariablePattern()
{
    static const RE2 re(
        R"(^loop variable (\S+) now per-iteration, ((?:heap|stack)-allocated)(?: \(loop inlined into .+:\d+\))?$)");
    return re;
}
const RE2& loopModifiedPattern()
{
    static const RE2 re(R"(^(.+) loop ending at \d+:\d+ was modified(?: \(loop inlined into .+:\d+\))?$)");
    return re;
}
ClassifiedMessage classifyLeaking(std::string_view rest)
{
    // `p to result ~r0 level=N`; parameter and result names hold no spaces.
    static constexpr std::string_view kToResult = " to result ", kLevel = " level=";
    const std::size_t to = rest.find(kToResult);
    if (to != std::string_view::npos && rest.substr(0, to).find(' ') == std::string_view::npos) {
        std::string_view tail = rest.substr(to + kToResult.size());
        const std::size_t level = tail.find(kLevel);
        std::int64_t n = -1;
        if (level != std::string_view::npos && tail.substr(0, level).find(' ') == std::string_view::npos
            && wholeNumber(tail.substr(level + kLevel.size()), n))
            return verdict(FindingKind::LeakingParamToResult, rest.substr(0, to), tail.substr(0, level), n);
    }
    return verdict(FindingKind::LeakingParam, rest);
}

// `X escapes to heap` + `` (Go 1.21–1.24) or ` in F` (1.25+); the trailing ':' is gone. Any other tail
// after the last " escapes to heap" still makes a header, marked unfamiliar.
std::optional<ClassifiedMessage> classifyEscapesHeader(std::string_view text)
{
    static constexpr std::string_view kEscapes = " escapes to heap", kIn = " in ";
    const std::size_t at = text.rfind(kEscapes);
    if (at == std::string_view::npos || at == 0)
        return std::nullopt;
    ClassifiedMessage m { Type::EscapesHeader, FindingKind::EscapesToHeap, text.substr(0, at), "{heap}", -1, {} };
    const std::string_view tail = text.substr(at + kEscapes.size());
    if (tail.starts_with(kIn) && tail.size() > kIn.size())
        m.function = tail.substr(kIn.size());
    else if (!tail.empty())
        m.unfamiliar = true;
    return m;
}

// `P leaks to LOC with derefs=N` (Go 1.21–1.24) or `P leaks to LOC for F with derefs=N` (1.25+), after
// "parameter " and without the trailing ':'. LOC may hold " for " itself (`{storage for x}`).
ClassifiedMessage classifyLeaksHeader(std::string_view rest)
{
    static constexpr std::string_view kLeaks = " leaks to ", kDerefs = " with derefs=", kFor = " for ";
    ClassifiedMessage m { Type::LeaksHeader, FindingKind::LeakingParam, {}, {}, -1, {} };
    const std::size_t leaks = rest.find(kLeaks);
    if (leaks == std::string_view::npos || leaks == 0) {
        // "parameter …:" with no " leaks to ": a header only if nothing else claims it.
        m.subject = rest.substr(0, rest.find(' '));
        m.unfamiliar = true;
        return m;
    }
    m.subject = rest.substr(0, leaks);
    std::string_view tail = rest.substr(leaks + kLeaks.size());
    std::int64_t derefs = -1;
    if (consumeNumberSuffix(tail, kDerefs, derefs)) {
        m.number = derefs;
    } else if (const std::size_t d = tail.rfind(kDerefs); d != std::string_view::npos) {
        // Something follows derefs=N: read the number, keep the rest as unfamiliar.
        std::size_t end = d + kDerefs.size();
        while (end < tail.size() && tail[end] >= '0' && tail[end] <= '9')
            ++end;
        std::int64_t n = -1;
        if (wholeNumber(tail.substr(d + kDerefs.size(), end - d - kDerefs.size()), n))
            m.number = n;
        tail = tail.substr(0, d);
        m.unfamiliar = true;
    } else {
        m.unfamiliar = true;
    }
    const std::size_t locEnd = locationEnd(tail, kFor.substr(1));
    if (locEnd != std::string_view::npos) {
        m.detail = tail.substr(0, locEnd);
        m.function = tail.substr(locEnd + kFor.size());
        return m;
    }
    // No " for F": the whole tail is LOC (Go 1.21–1.24), unless something unfamiliar follows a complete one.
    const std::size_t other = locationEnd(tail, {});
    if (other != std::string_view::npos) {
        m.detail = tail.substr(0, other);
        m.unfamiliar = true;
    } else {
        m.detail = tail;
    }
    return m;
}

ClassifiedMessage classifyInlining(std::string_view text)
{
    std::string_view rest = text;
    if (consumePrefix(rest, "can inline ")) {
        // `can inline F with cost N as: BODY` (-m=2) or `can inline F` (-m): a hot family with long
        // bodies, split by hand rather than by a regular expression.
        static constexpr std::string_view kCost = " with cost ", kAs = " as: ";
        const std::size_t cost = rest.find(kCost);
        if (cost != std::string_view::npos) {
            std::string_view tail = rest.substr(cost + kCost.size());
            const bool negative = tail.starts_with('-');
            const std::size_t as = tail.find(kAs);
            std::int64_t n = -1;
            if (as != std::string_view::npos && wholeNumber(tail.substr(negative ? 1 : 0, as - (negative ? 1 : 0)), n))
                return verdict(
                    FindingKind::CanInline, rest.substr(0, cost), tail.substr(as + kAs.size()), negative ? -n : n);
        }
        return verdict(FindingKind::CanInline, rest);
    }
    if (consumePrefix(rest, "cannot inline ")) {
        std::string_view cycle = rest;
        if (consumeSuffix(cycle, ": repeated recursive cycle")) {
            const std::size_t into = cycle.find(" into ");
            return verdict(FindingKind::CannotInline, cycle.substr(0, into), "repeated recursive cycle");
        }
        const std::size_t colon = topLevelColon(rest);
        if (colon == std::string_view::npos)
            return {};
        return verdict(FindingKind::CannotInline, rest.substr(0, colon), rest.substr(colon + 2));
    }
    if (consumePrefix(rest, "inlining call to ")) {
        std::int64_t score = -1;
        std::string_view fn = rest;
        if (!consumeNumberSuffix(fn, " with score ", score))
            fn = rest;
        return verdict(FindingKind::InliningCall, fn, {}, score);
    }
    if (consumePrefix(rest, "function ") && consumeSuffix(rest, " considered 'big'; reducing max cost of inlinees"))
        return verdict(FindingKind::BigFunction, rest);
    return {};
}

ClassifiedMessage classifyDevirtualization(std::string_view text)
{
    std::string_view rest = text;
    const auto callTo = [&rest](FindingKind kind) {
        const std::size_t to = rest.rfind(" to ");
        if (to == std::string_view::npos)
            return ClassifiedMessage {};
        return verdict(kind, rest.substr(0, to), rest.substr(to + 4));
    };
    if (consumePrefix(rest, "devirtualizing "))
        return callTo(FindingKind::Devirtualized);
    if (consumePrefix(rest, "partially devirtualizing "))
        return callTo(FindingKind::PartiallyDevirtualized);
    if (consumePrefix(rest, "PGO devirtualizing ")) {
        if (!consumePrefix(rest, "interface call "))
            consumePrefix(rest, "function call ");
        return callTo(FindingKind::PgoDevirtualized);
    }
    if (consumePrefix(rest, "cannot devirtualize ")) {
        const std::size_t colon = topLevelColon(rest);
        if (colon == std::string_view::npos)
            return {};
        return verdict(FindingKind::NotDevirtualized, rest.substr(0, colon), rest.substr(colon + 2));
    }
    if (consumePrefix(rest, "failed to devirtualize ") && rest.ends_with(')')) {
        const std::size_t open = rest.rfind(" (");
        if (open == std::string_view::npos)
            return {};
        return verdict(
            FindingKind::NotDevirtualized, rest.substr(0, open), rest.substr(open + 2, rest.size() - open - 3));
    }
    if (consumePrefix(rest, "should not PGO devirtualize ")) {
        const std::size_t colon = topLevelColon(rest);
        return verdict(FindingKind::PgoDecision, rest.substr(0, colon),
            colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 2));
    }
    if (consumePrefix(rest, "PGO devirtualize considering call "))
        return verdict(FindingKind::PgoDecision, rest, "considering call");
    return {};
}

ClassifiedMessage classifyEscape(std::string_view text)
{
    std::string_view rest = text;
    if (consumePrefix(rest, "moved to heap: "))
        return verdict(FindingKind::MovedToHeap, rest);
    if (consumePrefix(rest, "leaking param content: "))
        return verdict(FindingKind::LeakingParamContent, rest);
    if (consumePrefix(rest, "leaking param: "))
        return classifyLeaking(rest);
    rest = text;
    if (consumePrefix(rest, "parameter ") && consumeSuffix(rest, ":"))
        return classifyLeaksHeader(rest);
    rest = text;
    if (consumePrefix(rest, "mutates param: ") || consumePrefix(rest, "calls param: ")) {
        const FindingKind kind = text.starts_with('m') ? FindingKind::MutatesParam : FindingKind::CallsParam;
        std::int64_t derefs = -1;
        if (consumeNumberSuffix(rest, " derefs=", derefs))
            return verdict(kind, rest, {}, derefs);
        return {};
    }
    rest = text;
    if (consumePrefix(rest, "assuming ") && consumeSuffix(rest, " is unsafe uintptr"))
        return verdict(FindingKind::UnsafeUintptr, rest);
    rest = text;
    if (consumePrefix(rest, "marking ")
        && (consumeSuffix(rest, " as escaping uintptr") || consumeSuffix(rest, " as escaping ...uintptr")))
        return verdict(FindingKind::EscapingUintptr, rest);
    rest = text;
    if (consumeSuffix(rest, ":"))
        if (auto header = classifyEscapesHeader(rest))
            return *header;
    rest = text;
    if (consumeSuffix(rest, " escapes to heap"))
        return verdict(FindingKind::EscapesToHeap, rest);
    rest = text;
    if (consumeSuffix(rest, " does not escape, mutate, or call"))
        return verdict(FindingKind::NoEscapeMutateOrCall, rest);
    rest = text;
    if (consumeSuffix(rest, " does not escape"))
        return verdict(FindingKind::DoesNotEscape, rest);
    return {};
}

ClassifiedMessage classifyOther(std::string_view text)
{
    if (text == "index bounds check elided")
        return verdict(FindingKind::BoundsCheckElided, {});
    if (text == "imprecise interface call")
        return verdict(FindingKind::ImpreciseInterfaceCall, {});
    if (text == "zero-copy string->[]byte conversion")
        return verdict(FindingKind::ZeroCopyConversion, {});
    // -d=ssa/check_bce/debug=1 (cmd/compile/internal/ssa/check_bce.go): the bounds checks the compiler kept,
    // the same facts as logopt's isInBounds / isSliceInBounds records.
    if (text == "Found IsInBounds")
        return verdict(FindingKind::BoundsCheck, {});
    if (text == "Found IsSliceInBounds")
        return verdict(FindingKind::SliceBoundsCheck, {});
    std::string_view loop = text;
    if (consumePrefix(loop, "skip inlining within testing.B.loop for "))
        return verdict(FindingKind::SkipInliningInBLoop, loop);
    // The b.Loop keep-alive pass (Go 1.26+, -m=2): what is kept, or why it could not tell.
    for (const std::string_view tail :
        { std::string_view(" will be kept alive"), std::string_view(" is unknown to bloop pass") }) {
        std::string_view kept = text;
        if (consumeSuffix(kept, tail) && !kept.empty())
            return verdict(FindingKind::KeptAlive, kept, tail.substr(1));
    }
    if (text.starts_with("unrecognized shape for ") && text.ends_with(" stmt for blank assignment"))
        return verdict(FindingKind::KeptAlive, {}, text);
    const re2::StringPiece piece(text.data(), text.size());
    re2::StringPiece a, b;
    if (text.starts_with("loop variable ") && RE2::FullMatch(piece, loopVariablePattern(), &a, &b))
        return verdict(FindingKind::LoopVariable, view(text, a), view(text, b));
    // F capturing by value|ref: v (addr=… assign=… width=N): split from the right, F may hold spaces.
    if (const std::size_t by = text.rfind(" capturing by "); by != std::string_view::npos && text.ends_with(')')) {
        std::string_view rest = text.substr(by + std::string_view(" capturing by ").size());
        const std::string_view how = rest.starts_with("value: ") ? "value"
            : rest.starts_with("ref: ")                          ? "ref"
                                                                 : std::string_view();
        const std::size_t open = rest.find(" (addr=");
        std::int64_t width = -1;
        std::string_view w = rest.substr(0, rest.size() - 1);
        if (!how.empty() && open != std::string_view::npos && consumeNumberSuffix(w, " width=", width)) {
            const std::string_view variable = rest.substr(how.size() + 2, open - how.size() - 2);
            if (!variable.empty() && variable.find(' ') == std::string_view::npos)
                return verdict(FindingKind::ClosureCapture, variable, how, width);
        }
    }
    static constexpr std::string_view kSelfAssign = " ignoring self-assignment in ";
    if (const std::size_t at = text.find(kSelfAssign); at != std::string_view::npos)
        return verdict(FindingKind::SelfAssignment, text.substr(0, at), text.substr(at + kSelfAssign.size()));
    if (text.find(" loop ending at ") != std::string_view::npos && RE2::FullMatch(piece, loopModifiedPattern(), &a))
        return verdict(FindingKind::LoopModified, view(text, a));
    std::string_view rest = text;
    if (consumePrefix(rest, "unreferenced closure ") && consumeSuffix(rest, " marked as dead"))
        return verdict(FindingKind::DeadClosure, rest);
    return {};
}

} // namespace

std::size_t locationEnd(std::string_view text, std::string_view separator)
{
    if (text.empty())
        return std::string_view::npos;
    if (text.front() != '{') {
        const std::size_t space = text.find(' ');
        return space != std::string_view::npos && text.substr(space + 1).starts_with(separator)
            ? space
            : std::string_view::npos;
    }
    // Balanced braces; braces inside string constants are rare and then usually balanced too.
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            ++depth;
        } else if (text[i] == '}' && --depth == 0) {
            const std::size_t end = i + 1;
            if (end < text.size() && text[end] == ' ' && text.substr(end + 1).starts_with(separator))
                return end;
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

ClassifiedMessage classifyMessage(std::string_view text)
{
    // Escape verdicts are the most frequent lines, so they are tried first. No family's fixed prefix or
    // suffix can appear in another family's line, so the order does not change the result.
    for (auto classify : { classifyEscape, classifyInlining, classifyDevirtualization, classifyOther }) {
        const ClassifiedMessage m = classify(text);
        if (m.type != Type::Unknown)
            return m;
    }
    return {};
}

} // namespace heapsight
