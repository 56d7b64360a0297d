#include "reportdiff.h"

#include "spelling.h"

#include <algorithm>
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
        if (c.type == ChangeType::Added && isHeapAllocation(c.kind))
            out.push_back(&c);
    }
    return out;
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

    bool hasFunction() const { return id && !id->function.empty(); }
    std::string function() const { return id ? id->function : std::string(); }
};

std::vector<Entry> entriesOf(const Report& r, std::span<const FindingIdentity> ids)
{
    std::vector<Entry> out;
    out.reserve(r.findings().size());
    for (std::uint32_t i = 0; i < r.findings().size(); ++i) {
        const Finding& f = r.findings()[i];
        out.push_back(Entry { i, normalizeFileName(r.fileName(f.position.file)), f.position.line, f.position.column,
                              f.kind, normalizeSpelling(f.subject), i < ids.size() ? &ids[i] : nullptr });
    }
    return out;
}

// The explanation, spelled canonically and without positions (inlining moves them between versions).
std::string chainSignature(const Finding& f)
{
    std::string sig;
    for (const Explanation& e : f.explanations) {
        sig += e.header == Explanation::Header::Leaks ? "L:" : "E:";
        sig += normalizeSpelling(e.target) + '|' + std::to_string(e.derefs) + '{';
        for (const FlowEdge& edge : e.flows) {
            sig += normalizeSpelling(edge.destination) + '=' + std::to_string(edge.derefs) + normalizeSpelling(edge.source) + '(';
            for (const FlowStep& s : edge.steps)
                sig += s.reason + ',';
            sig += ')';
        }
        sig += '}';
    }
    return sig;
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

using Pairs = std::vector<std::tuple<std::uint32_t, std::uint32_t, MatchRule>>;

template<typename Key, typename KeyOf>
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
void matchIdentities(std::vector<Entry>& a, std::vector<Entry>& b, Pairs& pairs)
{
    const auto inFunction = [](const Entry& e) { return e.hasFunction(); };
    using Moved = std::tuple<std::string, std::string, FindingKind, std::string, std::uint32_t, std::uint32_t>;
    matchBy<Moved>(a, b, [](const Entry& e) {
        return Moved { e.id->package, e.id->function, e.kind, e.subject, e.id->lineInFunction, e.id->column };
    }, false, MatchRule::SameFunction, pairs, inFunction);
    // The group size is in the key: where one side has more `moved to heap: x` in a function, their order
    // says nothing about which is which.
    using Ordinal = std::tuple<std::string, std::string, FindingKind, std::string, std::uint32_t, std::uint32_t>;
    matchBy<Ordinal>(a, b, [](const Entry& e) {
        return Ordinal { e.id->package, e.id->function, e.kind, e.subject, e.id->ordinal, e.id->groupSize };
    }, false, MatchRule::FunctionOrdinal, pairs, inFunction);
}

} // namespace

ReportDiff diffReports(const Report& ra, const Report& rb, const DiffIdentities& identities)
{
    std::vector<Entry> a = entriesOf(ra, identities.a), b = entriesOf(rb, identities.b);
    Pairs pairs;
    // With identities, the enclosing function is part of even the exact key: after an edit, the same line
    // number may hold another function's code.
    using Full = std::tuple<std::string, std::uint32_t, std::uint32_t, FindingKind, std::string, std::string>;
    matchBy<Full>(a, b, [](const Entry& e) { return Full { e.file, e.line, e.column, e.kind, e.subject, e.function() }; },
                  false, MatchRule::Exact, pairs);
    if (!identities.isEmpty()) {
        matchIdentities(a, b, pairs);
    } else {
        // Same source, two compilers: positions are comparable, spellings may not be.
        using AtColumn = std::tuple<std::string, std::uint32_t, std::uint32_t, FindingKind>;
        using OnLine = std::tuple<std::string, std::uint32_t, FindingKind, std::string>;
        using LineKind = std::tuple<std::string, std::uint32_t, FindingKind>;
        matchBy<AtColumn>(a, b, [](const Entry& e) { return AtColumn { e.file, e.line, e.column, e.kind }; }, true,
                          MatchRule::SameColumn, pairs);
        matchBy<OnLine>(a, b, [](const Entry& e) { return OnLine { e.file, e.line, e.kind, e.subject }; }, false,
                        MatchRule::ColumnMoved, pairs);
        matchBy<LineKind>(a, b, [](const Entry& e) { return LineKind { e.file, e.line, e.kind }; }, true,
                          MatchRule::LineOnly, pairs);
    }

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
        // A spelling that normalisation could not join (a named constant against its value) at the one
        // place both reports have such a finding is the same finding: only the reasoning can change it.
        c.type = chainSignature(fa) != chainSignature(fb) ? ChangeType::Changed : ChangeType::Unchanged;
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

} // namespace heapsight
