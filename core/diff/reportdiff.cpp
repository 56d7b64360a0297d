// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportdiff.h"

#include "core/identity/spelling.h"
#include "core/model/generatedcode.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>

namespace heapsight {

std::string_view changeTypeId(ChangeType type)
{
    switch (type) {
    case ChangeType::Added:
        return "added";
    case ChangeType::Removed:
        return "removed";
    case ChangeType::Changed:
        return "changed";
    case ChangeType::Unchanged:
        return "unchanged";
    }
    return {};
}

std::vector<const Change*> ReportDiff::newHeapAllocations() const
{
    std::vector<const Change*> out;
    for (const Change& c : changes) {
        if (c.type == ChangeType::Added && isHeapAllocation(c.kind) && !c.generated)
            out.push_back(&c);
    }
    return out;
}

std::size_t ReportDiff::generatedChanges() const
{
    return static_cast<std::size_t>(std::count_if(changes.begin(), changes.end(),
        [](const Change& c) { return c.generated && c.type != ChangeType::Unchanged; }));
}

namespace {

// One side's finding with its normalised identity.
struct Entry {
    std::uint32_t index;
    std::string file;
    std::uint32_t line, column;
    FindingKind kind;
    std::string subject; // normalised
    const FindingIdentity* id = nullptr; // with DiffIdentities
    bool matched = false;
    // Index of an earlier entry of the same side that is this finding spelled another way (see entriesOf).
    std::int64_t twin = -1;
    bool generated = false; // positioned in generated code (isGeneratedFile)

    bool hasFunction() const { return id && !id->function.empty(); }
    std::string function() const { return id ? id->function : std::string(); }
};

// One entry per finding, in the order of r.findings() (entry i is finding i). A finding one report prints
// twice under two spellings at one place (Go 1.24-1.26: `can inline makeAccumulator.func1` and, where the
// closure was inlined into main, `can inline main.makeAccumulator.func1`, both at closure.go:9:9, where Go
// 1.27 prints one name twice) is one finding: the second spelling is the first's twin, paired with whatever
// the first is paired with (pairTwins), so it is neither added nor removed on its own.
std::vector<Entry> entriesOf(const Report& r, std::span<const FindingIdentity> ids)
{
    std::vector<Entry> out;
    out.reserve(r.findings().size());
    using Key = std::tuple<std::string_view, std::uint32_t, std::uint32_t, FindingKind, std::string_view, std::string>;
    std::map<Key, std::uint32_t> first;
    for (std::uint32_t i = 0; i < r.findings().size(); ++i) {
        const Finding& f = r.findings()[i];
        out.push_back(Entry { i, normalizeFileName(r.fileName(f.position.file)), f.position.line, f.position.column,
            f.kind, normalizeSpelling(f.subject), i < ids.size() ? &ids[i] : nullptr });
        out.back().generated = isGenerated(r, f);
    }
    for (std::uint32_t i = 0; i < out.size(); ++i) {
        const Entry& e = out[i];
        const auto [it, added]
            = first.try_emplace(Key { e.file, e.line, e.column, e.kind, e.subject, e.function() }, i);
        if (!added && r.findings()[it->second].subject != r.findings()[i].subject)
            out[i].twin = it->second;
    }
    return out;
}

// `{storage for X}` where X is the explanation's own subject: the compiler names the storage of the value
// it explains after the value, which one version prints by name and another by value (`n` against `7`,
// once a constant is propagated into inlined code); the pairing already decided they are one finding.
std::string withOwnStorage(std::string location, const std::string& ownStorage)
{
    for (std::size_t at = location.find(ownStorage); at != std::string::npos; at = location.find(ownStorage, at + 1))
        location.replace(at, ownStorage.size(), "{storage for ·}");
    return location;
}

// What a finding's explanations say, one text per explanation block, sorted and without repeats, for
// deciding whether a pair is `changed`. Compared by meaning, not spelling: the header's kind, target and
// derefs, and each flow's destination, source and derefs (spelled canonically, see normalizeSpelling),
// with its steps' reasons and, when `positions`, where they are. Not compared: the `=`/`←` arrow (the
// parser reads both), the function Go 1.25+ names in the header (`in F:`, `for F`), the steps' expression
// text (inlining and constant propagation respell it), the order of the blocks (versions print a
// function's blocks in different orders), repeated blocks (Go 1.24 prints some blocks twice that 1.25+
// prints once: container/ring's Do), and lines the parser did not understand.
// Empty when the finding has no explanation, or one with lines kept only as raw text (`unparsed`): then
// there is nothing the other side's explanation could be compared with.
std::vector<std::string> explanationMeaning(const Report& r, const Finding& f, bool positions)
{
    std::vector<std::string> out;
    for (const Explanation& e : f.explanations) {
        if (!e.unparsed.empty())
            return {};
        const std::string ownStorage = "{storage for " + normalizeSpelling(e.subject) + '}';
        const auto location
            = [&](std::string_view text) { return withOwnStorage(normalizeSpelling(text), ownStorage); };
        std::string sig = e.header == Explanation::Header::Leaks ? "L:" : "E:";
        sig += location(e.target) + '|' + std::to_string(e.derefs) + '{';
        for (const FlowEdge& edge : e.flows) {
            sig += location(edge.destination) + '=' + std::to_string(edge.derefs) + location(edge.source) + '(';
            for (const FlowStep& step : edge.steps) {
                sig.append(step.reason);
                if (positions && step.at.isValid()) {
                    sig += '@' + normalizeFileName(r.fileName(step.at.file)) + ':' + std::to_string(step.at.line) + ':'
                        + std::to_string(step.at.column);
                }
                sig += ',';
            }
            sig += ')';
        }
        sig += '}';
        out.push_back(std::move(sig));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Whether two paired findings say different things about why: both explain themselves, differently.
// A side with no explanation says nothing about why, so it cannot disagree with the other: `-m` output has
// no explanations at all, and Go 1.25+ prints far more blocks than older versions, so "A has no explanation,
// B has one" (or the reverse) is not a change of the finding; nor is an explanation only partly understood
// (the diff's warnings say so, see understandingWarning in diffexport.h).
bool explanationsDiffer(const Report& ra, const Finding& fa, const Report& rb, const Finding& fb, bool positions)
{
    const std::vector<std::string> a = explanationMeaning(ra, fa, positions);
    if (a.empty())
        return false;
    const std::vector<std::string> b = explanationMeaning(rb, fb, positions);
    return !b.empty() && a != b;
}

// Two different spellings can be one finding only where a version prints a value differently (a named
// constant against its value, a folded expression): at least one side holds a literal. Two different
// names (HasPrefix, HasSuffix) are two findings, and so are two function names of inlining decisions.
bool mayBeRespelled(const Entry& a, const Entry& b)
{
    const KindGroup g = kindGroup(a.kind);
    if (g == KindGroup::Inlining || g == KindGroup::Devirtualization)
        return false;
    const auto hasLiteral = [](const std::string& s) { return s.find_first_of("0123456789\" ") != std::string::npos; };
    return hasLiteral(a.subject) || hasLiteral(b.subject);
}

// The shape of a subject with its names and literals folded (`make([]int, n)` → `_([]_,_)`, `append` →
// `_`): a constant printed by name in one version and by value in the other keeps its shape.
std::string skeleton(std::string_view subject)
{
    std::string out;
    for (std::size_t i = 0; i < subject.size(); ++i) {
        const char c = subject[i];
        if (c == '"') {
            std::size_t j = i + 1;
            while (j < subject.size() && subject[j] != '"')
                j += subject[j] == '\\' ? 2 : 1;
            i = j;
            out += '_';
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '~' || c == '#') {
            if (out.empty() || out.back() != '_')
                out += '_';
        } else if (c != ' ') {
            out += c;
        }
    }
    return out;
}

using Pairs = std::vector<std::tuple<std::uint32_t, std::uint32_t, MatchRule>>;

template <typename Key, typename KeyOf>
void matchBy(std::vector<Entry>& a, std::vector<Entry>& b, KeyOf keyOf, bool uniqueOnly, MatchRule rule, Pairs& pairs,
    bool (*eligible)(const Entry&) = nullptr)
{
    std::map<Key, std::vector<std::size_t>> inA, inB;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].matched && (!eligible || eligible(a[i])))
            inA[keyOf(a[i])].push_back(i);
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (!b[i].matched && (!eligible || eligible(b[i])))
            inB[keyOf(b[i])].push_back(i);
    }
    for (auto& [key, as] : inA) {
        const auto it = inB.find(key);
        if (it == inB.end())
            continue;
        std::vector<std::size_t>& bs = it->second;
        if (uniqueOnly && (as.size() != 1 || bs.size() != 1 || !mayBeRespelled(a[as[0]], b[bs[0]])))
            continue;
        // Only the column moved too: without the same column to vouch for them, a removed and an added
        // finding that happen to share a line (`make([]int, n)` no longer escapes, an `append` now does)
        // are one respelled finding only if their subjects have one shape.
        if (rule == MatchRule::LineOnly && skeleton(a[as[0]].subject) != skeleton(b[bs[0]].subject))
            continue;
        const std::size_t n = std::min(as.size(), bs.size());
        for (std::size_t k = 0; k < n; ++k) {
            a[as[k]].matched = b[bs[k]].matched = true;
            pairs.emplace_back(a[as[k]].index, b[bs[k]].index, rule);
        }
    }
}

void count(DiffCounts& c, ChangeType t)
{
    switch (t) {
    case ChangeType::Added:
        ++c.added;
        break;
    case ChangeType::Removed:
        ++c.removed;
        break;
    case ChangeType::Changed:
        ++c.changed;
        break;
    case ChangeType::Unchanged:
        ++c.unchanged;
        break;
    }
}

// Loop variables a report says are per-iteration: (file, line) of the `for` → variable names.
std::set<std::tuple<std::string, std::uint32_t, std::string>> loopVariables(const Report& r)
{
    std::set<std::tuple<std::string, std::uint32_t, std::string>> out;
    for (const Finding& f : r.findings()) {
        if (f.kind == FindingKind::LoopVariable)
            out.emplace(normalizeFileName(r.fileName(f.position.file)), f.position.line, f.subject);
    }
    return out;
}

// Two commits: the same finding of the same function, first where the function moved as a whole, then
// by its place among its kind where lines inside the function changed but the set of such findings did not.
// What the steps of a finding's explanation say, without positions: tells apart findings that share
// function, kind and subject (`... argument escapes to heap` of two different calls).
std::string stepsText(const Finding& f)
{
    std::string text;
    for (const Explanation& e : f.explanations) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& s : edge.steps)
                text += normalizeSpelling(s.expression) + '\n';
        }
    }
    return text;
}

// Where one side has more findings of a function with the same kind and subject (one was added, or
// removed): pair them in source order, leaving out as many as the difference, choosing the pairing that
// best keeps columns, explanation steps and line within the function. The ones left out are the changes.
void matchInOrder(const Report& ra, const Report& rb, std::vector<Entry>& a, std::vector<Entry>& b, Pairs& pairs)
{
    using Group = std::tuple<std::string, std::string, FindingKind, std::string>;
    std::map<Group, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> groups;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].matched && a[i].hasFunction())
            groups[{ a[i].id->package, a[i].id->function, a[i].kind, a[i].subject }].first.push_back(i);
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (!b[i].matched && b[i].hasFunction())
            groups[{ b[i].id->package, b[i].id->function, b[i].kind, b[i].subject }].second.push_back(i);
    }
    constexpr std::size_t kMaxCells = 1u << 18; // a pathological group is left to be reported, not solved
    for (auto& [group, sides] : groups) {
        auto& [as, bs] = sides;
        if (as.empty() || bs.empty() || as.size() * bs.size() > kMaxCells)
            continue;
        const auto byOrdinal = [](const std::vector<Entry>& v) {
            return [&v](std::size_t x, std::size_t y) { return v[x].id->ordinal < v[y].id->ordinal; };
        };
        std::sort(as.begin(), as.end(), byOrdinal(a));
        std::sort(bs.begin(), bs.end(), byOrdinal(b));
        const bool aShorter = as.size() <= bs.size();
        const std::vector<std::size_t>& shortSide = aShorter ? as : bs;
        const std::vector<std::size_t>& longSide = aShorter ? bs : as;
        std::vector<std::string> shortSteps, longSteps;
        for (std::size_t i : shortSide)
            shortSteps.push_back(stepsText((aShorter ? ra : rb).findings()[(aShorter ? a : b)[i].index]));
        for (std::size_t i : longSide)
            longSteps.push_back(stepsText((aShorter ? rb : ra).findings()[(aShorter ? b : a)[i].index]));
        const auto cost = [&](std::size_t s, std::size_t l) {
            const Entry& x = (aShorter ? a : b)[shortSide[s]];
            const Entry& y = (aShorter ? b : a)[longSide[l]];
            const auto lines
                = static_cast<std::int64_t>(x.id->lineInFunction) - static_cast<std::int64_t>(y.id->lineInFunction);
            return (x.column != y.column ? 10000 : 0) + (shortSteps[s] != longSteps[l] ? 1000 : 0)
                + std::min<std::int64_t>(std::abs(lines), 999);
        };
        // best[s][l]: the cheapest order-keeping pairing of all of the first s short ones into the first l long ones.
        const std::size_t n = shortSide.size(), m = longSide.size();
        constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max() / 4;
        std::vector<std::int64_t> best((n + 1) * (m + 1), kNone);
        const auto at = [m](std::size_t s, std::size_t l) { return s * (m + 1) + l; };
        for (std::size_t l = 0; l <= m; ++l)
            best[at(0, l)] = 0;
        for (std::size_t s = 1; s <= n; ++s) {
            for (std::size_t l = s; l <= m; ++l)
                best[at(s, l)] = std::min(best[at(s, l - 1)], best[at(s - 1, l - 1)] + cost(s - 1, l - 1));
        }
        for (std::size_t s = n, l = m; s > 0; --l) {
            if (best[at(s, l)] == best[at(s - 1, l - 1)] + cost(s - 1, l - 1)) {
                Entry& x = (aShorter ? a : b)[shortSide[s - 1]];
                Entry& y = (aShorter ? b : a)[longSide[l - 1]];
                x.matched = y.matched = true;
                pairs.emplace_back(
                    aShorter ? x.index : y.index, aShorter ? y.index : x.index, MatchRule::FunctionOrdinal);
                --s;
            }
        }
    }
}

// Two commits: the same finding of the same function, first where the function moved as a whole, then
// by its place among its kind where lines inside the function changed but the set of such findings did not,
// then, where one side has more of them, by an order-keeping pairing (matchInOrder).
void matchIdentities(const Report& ra, const Report& rb, std::vector<Entry>& a, std::vector<Entry>& b, Pairs& pairs)
{
    const auto inFunction = [](const Entry& e) { return e.hasFunction(); };
    using Moved = std::tuple<std::string, std::string, FindingKind, std::string, std::uint32_t, std::uint32_t>;
    matchBy<Moved>(
        a, b,
        [](const Entry& e) {
            return Moved { e.id->package, e.id->function, e.kind, e.subject, e.id->lineInFunction, e.id->column };
        },
        false, MatchRule::SameFunction, pairs, inFunction);
    using Ordinal = std::tuple<std::string, std::string, FindingKind, std::string, std::uint32_t, std::uint32_t>;
    matchBy<Ordinal>(
        a, b,
        [](const Entry& e) {
            return Ordinal { e.id->package, e.id->function, e.kind, e.subject, e.id->ordinal, e.id->groupSize };
        },
        false, MatchRule::FunctionOrdinal, pairs, inFunction);
    matchInOrder(ra, rb, a, b, pairs);
}

// Generated code (`_testmain.go`, `<autogenerated>`): the go command's templates change between versions,
// so lines say nothing; the function does (init, main). Findings are paired by package (without its test
// variant), file name, function (generatedFunctionOf), kind, subject and their order there; the unpaired
// rest is added or removed, and never counted as a new heap allocation.
void matchGenerated(const Report& ra, const Report& rb, std::vector<Entry>& a, std::vector<Entry>& b, Pairs& pairs)
{
    using Key = std::tuple<std::string, std::string, std::string, FindingKind, std::string, std::uint32_t>;
    const auto keysOf = [](const Report& r, const std::vector<Entry>& entries) {
        std::vector<Key> keys(entries.size());
        std::map<Key, std::uint32_t> seen;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Entry& e = entries[i];
            if (!e.generated || e.matched)
                continue;
            const Finding& f = r.findings()[e.index];
            const std::string package
                = f.package < r.packages().size() ? packageWithoutVariant(r.packages()[f.package].name) : std::string();
            const std::size_t slash = e.file.rfind('/');
            Key key { package, e.file.substr(slash == std::string::npos ? 0 : slash + 1),
                generatedFunctionOf(r, e.index), e.kind, e.subject, 0 };
            std::get<5>(key) = seen[key]++;
            keys[i] = std::move(key);
        }
        return keys;
    };
    const std::vector<Key> keysA = keysOf(ra, a), keysB = keysOf(rb, b);
    std::map<Key, std::size_t> inB;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i].generated && !b[i].matched)
            inB.emplace(keysB[i], i);
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].generated || a[i].matched)
            continue;
        const auto it = inB.find(keysA[i]);
        if (it == inB.end())
            continue;
        a[i].matched = b[it->second].matched = true;
        pairs.emplace_back(a[i].index, b[it->second].index, MatchRule::GeneratedFunction);
        inB.erase(it);
    }
    // A value one version prints by name and the other by value (`"…" + strconv.FormatInt(…)` against
    // `"…" + ~r0` once inlined): the only unpaired finding of its kind in the package's generated file on
    // both sides, with a literal to respell, is the same finding (what SameColumn does for positions).
    using Place = std::tuple<std::string, std::string, FindingKind>;
    std::map<Place, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> places;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].generated && !a[i].matched)
            places[{ std::get<0>(keysA[i]), std::get<1>(keysA[i]), a[i].kind }].first.push_back(i);
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i].generated && !b[i].matched)
            places[{ std::get<0>(keysB[i]), std::get<1>(keysB[i]), b[i].kind }].second.push_back(i);
    }
    for (const auto& [place, sides] : places) {
        const auto& [as, bs] = sides;
        if (as.size() != 1 || bs.size() != 1 || !mayBeRespelled(a[as[0]], b[bs[0]]))
            continue;
        a[as[0]].matched = b[bs[0]].matched = true;
        pairs.emplace_back(a[as[0]].index, b[bs[0]].index, MatchRule::GeneratedFunction);
    }
}

// Pairs each unpaired twin (see entriesOf) with what the finding it respells was paired with.
void pairTwins(std::vector<Entry>& a, std::vector<Entry>& b, Pairs& pairs)
{
    std::map<std::uint32_t, std::pair<std::uint32_t, MatchRule>> partnerOfA, partnerOfB;
    for (const auto& [ia, ib, rule] : pairs) {
        partnerOfA.try_emplace(ia, ib, rule);
        partnerOfB.try_emplace(ib, ia, rule);
    }
    for (Entry& e : a) {
        const auto it
            = e.matched || e.twin < 0 ? partnerOfA.end() : partnerOfA.find(static_cast<std::uint32_t>(e.twin));
        if (it != partnerOfA.end()) {
            e.matched = true;
            pairs.emplace_back(e.index, it->second.first, it->second.second);
        }
    }
    for (Entry& e : b) {
        const auto it
            = e.matched || e.twin < 0 ? partnerOfB.end() : partnerOfB.find(static_cast<std::uint32_t>(e.twin));
        if (it != partnerOfB.end()) {
            e.matched = true;
            pairs.emplace_back(it->second.first, e.index, it->second.second);
        }
    }
}

} // namespace

ReportDiff diffReports(const Report& ra, const Report& rb, const DiffIdentities& identities)
{
    std::vector<Entry> a = entriesOf(ra, identities.a), b = entriesOf(rb, identities.b);
    Pairs pairs;
    // With identities, the enclosing function is part of even the exact key: after an edit, the same line
    // number may hold another function's code.
    using Full = std::tuple<std::string, std::uint32_t, std::uint32_t, FindingKind, std::string, std::string>;
    matchBy<Full>(
        a, b,
        [](const Entry& e) {
            return Full { e.file, e.line, e.column, e.kind, e.subject, e.function() };
        },
        false, MatchRule::Exact, pairs);
    // Before any rule that trusts lines: generated code's lines are the go command's, not the developer's.
    matchGenerated(ra, rb, a, b, pairs);
    if (!identities.isEmpty()) {
        matchIdentities(ra, rb, a, b, pairs);
    } else {
        // Same source, two compilers: positions are comparable, spellings may not be.
        const auto notGenerated = [](const Entry& e) { return !e.generated; };
        using AtColumn = std::tuple<std::string, std::uint32_t, std::uint32_t, FindingKind>;
        using OnLine = std::tuple<std::string, std::uint32_t, FindingKind, std::string>;
        using LineKind = std::tuple<std::string, std::uint32_t, FindingKind>;
        matchBy<AtColumn>(
            a, b,
            [](const Entry& e) {
                return AtColumn { e.file, e.line, e.column, e.kind };
            },
            true, MatchRule::SameColumn, pairs, notGenerated);
        matchBy<OnLine>(
            a, b,
            [](const Entry& e) {
                return OnLine { e.file, e.line, e.kind, e.subject };
            },
            false, MatchRule::ColumnMoved, pairs, notGenerated);
        matchBy<LineKind>(
            a, b,
            [](const Entry& e) {
                return LineKind { e.file, e.line, e.kind };
            },
            true, MatchRule::LineOnly, pairs, notGenerated);
    }
    pairTwins(a, b, pairs);

    const auto loopsA = loopVariables(ra), loopsB = loopVariables(rb);
    const auto isLoopVariable = [&](const Change& c) {
        for (const auto* loops : { &loopsA, &loopsB }) {
            for (const std::string& s : { c.subjectA, c.subjectB }) {
                if (!s.empty() && loops->count({ c.file, c.line, s }))
                    return true;
            }
        }
        return false;
    };
    const auto packageName = [](const Report& r, const Finding& f) {
        return f.package < r.packages().size() ? r.packages()[f.package].name : std::string();
    };

    ReportDiff diff;
    for (const auto& [ia, ib, rule] : pairs) {
        const Finding& fa = ra.findings()[ia];
        const Finding& fb = rb.findings()[ib];
        Change c;
        c.rule = rule;
        c.kind = fb.kind;
        c.file = normalizeFileName(rb.fileName(fb.position.file));
        c.line = fb.position.line;
        c.column = fb.position.column;
        c.lineA = fa.position.line;
        c.columnA = fa.position.column;
        c.package = packageName(rb, fb);
        c.subjectA = fa.subject;
        c.subjectB = fb.subject;
        c.indexA = ia;
        c.indexB = ib;
        c.generated = isGenerated(rb, fb);
        // A spelling that normalisation could not join (a named constant against its value) at the one
        // place both reports have such a finding is the same finding: only the reasoning can change it.
        // Positions of steps are comparable only in one and the same source: between two commits, lines move.
        c.type = explanationsDiffer(ra, fa, rb, fb, identities.isEmpty()) ? ChangeType::Changed : ChangeType::Unchanged;
        diff.changes.push_back(std::move(c));
    }
    // Findings only one side has.
    const auto unmatched = [&](const std::vector<Entry>& entries, const Report& r, ChangeType type) {
        for (const Entry& e : entries) {
            if (e.matched)
                continue;
            const Finding& f = r.findings()[e.index];
            Change c;
            c.type = type;
            c.kind = f.kind;
            c.file = e.file;
            c.line = e.line;
            c.column = e.column;
            if (type == ChangeType::Removed) {
                c.lineA = e.line;
                c.columnA = e.column;
            }
            c.package = packageName(r, f);
            (type == ChangeType::Removed ? c.subjectA : c.subjectB) = f.subject;
            (type == ChangeType::Removed ? c.indexA : c.indexB) = e.index;
            c.generated = e.generated;
            diff.changes.push_back(std::move(c));
        }
    };
    unmatched(a, ra, ChangeType::Removed);
    unmatched(b, rb, ChangeType::Added);
    for (Change& c : diff.changes) {
        c.loopVariable = isLoopVariable(c);
        count(diff.perPackage[c.package], c.type);
        count(diff.perKind[static_cast<std::size_t>(c.kind)], c.type);
        count(diff.total, c.type);
    }
    std::sort(diff.changes.begin(), diff.changes.end(), [](const Change& x, const Change& y) {
        return std::tie(x.file, x.line, x.column, x.kind, x.type, x.subjectA, x.subjectB)
            < std::tie(y.file, y.line, y.column, y.kind, y.type, y.subjectA, y.subjectB);
    });
    return diff;
}

ReportDiff diffReportTrees(const Report& a, const std::string& rootA, const Report& b, const std::string& rootB)
{
    if (rootA.empty() || rootB.empty() || rootA == rootB)
        return diffReports(a, b);
    const std::vector<FindingIdentity> idsA = findingIdentities(a, rootA);
    const std::vector<FindingIdentity> idsB = findingIdentities(b, rootB);
    return diffReports(a, b, DiffIdentities { idsA, idsB });
}

} // namespace heapsight
