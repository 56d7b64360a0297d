#include "logoptmerge.h"

#include "../model/chainwriter.h"
#include "../model/reportbuilder.h"
#include "messageclassifier.h"

#include <map>
#include <optional>
#include <unordered_map>

namespace heapsight {

namespace {

class Merger {
public:
    explicit Merger(const Report& text)
        : m_text(text)
        , m_textAvailable(text.stats().inputLines > 0)
    {
        m_builder.setOrigin(text.origin());
        m_builder.restoreLineCounts(text.stats());
        for (const PackageInfo& p : text.packages())
            m_packages.emplace(p.name, m_builder.addPackage(p.name));
        for (const Finding& f : text.findings()) {
            const std::uint32_t i = add(copyOf(f));
            m_filePackages.try_emplace(m_builder.finding(i).position.file, f.package);
        }
        for (const UnknownLine& u : text.unknownLines())
            m_builder.addUnknownLine(u);
        for (const auto& [at, e] : text.unlinkedExplanations())
            m_builder.addUnlinkedExplanation(reintern(at), copyOf(e));
    }

    void merge(const LogoptRecord& r);
    void addError(const std::string& error)
    {
        m_builder.addUnknownLine(UnknownLine { 0, UnknownLine::NoPackage, error, "logopt file problem" });
    }
    Report finish()
    {
        // Explanations whose verdict never showed: keep them, as the text parser does.
        for (auto& [key, e] : m_orphans) {
            if (!m_textAvailable && e.header == Explanation::Header::Escapes) {
                // JSON alone: a named variable's explanation is its "moved to heap" verdict.
                Finding f = verdict(FindingKind::MovedToHeap, key.first, e.subject, "moved to heap: " + e.subject);
                f.package = key.second;
                f.explanations.push_back(std::move(e));
                add(std::move(f));
                continue;
            }
            m_builder.addUnlinkedExplanation(key.first, std::move(e));
        }
        return m_builder.finish();
    }

private:
    using PosKind = std::pair<Position, FindingKind>;

    Position reintern(const Position& p)
    {
        return p.isValid() ? Position { m_builder.internFile(m_text.fileName(p.file)), p.line, p.column } : p;
    }
    Position intern(const LogoptPosition& p) { return Position { m_builder.internFile(p.file), p.line, p.column }; }

    Explanation copyOf(const Explanation& e)
    {
        return m_chains.copy(e, [this](const Position& p) { return reintern(p); });
    }
    Finding copyOf(const Finding& f)
    {
        Finding x = f;
        x.position = reintern(f.position);
        for (Explanation& e : x.explanations)
            e = copyOf(e);
        for (Position& p : x.inlineChain)
            p = reintern(p);
        return x;
    }

    std::uint32_t add(Finding f)
    {
        const Position pos = f.position;
        const FindingKind kind = f.kind;
        const std::uint32_t index = m_builder.addFinding(std::move(f));
        auto& list = m_byPosKind[{ pos, kind }];
        if (std::find(list.begin(), list.end(), index) == list.end())
            list.push_back(index);
        return index;
    }

    std::optional<std::uint32_t> find(const Position& pos, FindingKind kind, const std::string* subject = nullptr)
    {
        const auto it = m_byPosKind.find({ pos, kind });
        if (it == m_byPosKind.end())
            return std::nullopt;
        for (std::uint32_t i : it->second) {
            if (!subject || m_builder.finding(i).subject == *subject)
                return i;
        }
        return std::nullopt;
    }

    std::optional<std::uint32_t> findUnconfirmed(const Position& pos, FindingKind kind)
    {
        const auto it = m_byPosKind.find({ pos, kind });
        if (it == m_byPosKind.end())
            return std::nullopt;
        for (std::uint32_t i : it->second) {
            if (!(m_builder.finding(i).sources & FromLogopt))
                return i;
        }
        return it->second.front();
    }

    static Finding verdict(FindingKind kind, Position pos, std::string subject, std::string message)
    {
        Finding f;
        f.kind = kind;
        f.position = pos;
        f.subject = std::move(subject);
        f.message = std::move(message);
        f.sources = FromLogopt;
        return f;
    }

    Explanation explanationOf(const LogoptRecord& r, Explanation::Header header, std::string subject,
                              std::string target, int derefs)
    {
        Explanation e;
        e.header = header;
        e.subject = std::move(subject);
        e.target = std::move(target);
        e.derefs = derefs;
        m_chains.discard();
        for (const LogoptFlow& flow : r.flows) {
            m_chains.addEdge(flow.destination, flow.source, flow.derefs);
            for (const LogoptStep& s : flow.steps)
                m_chains.addStep(s.expression, s.reason, intern(s.at));
        }
        m_chains.finish(e);
        return e;
    }

    // Marks an existing finding as also reported by logopt, adding what logopt knows beyond the text.
    void enrich(std::uint32_t index, const LogoptRecord& r, std::optional<Explanation> e)
    {
        Finding& f = m_builder.mutableFinding(index);
        f.sources |= FromLogopt;
        if (f.inlineChain.empty()) {
            for (const LogoptPosition& p : r.inlineChain)
                f.inlineChain.push_back(intern(p));
        }
        if (e && f.explanations.empty())
            m_builder.attachExplanation(index, std::move(*e));
    }

    std::uint32_t packageOf(const LogoptRecord& r)
    {
        // Logopt names every command package "main": prefer the text output's name for the same file.
        if (const auto known = m_filePackages.find(m_builder.internFile(r.position.file)); known != m_filePackages.end())
            return known->second;
        const auto [it, inserted] = m_packages.try_emplace(r.package, 0);
        if (inserted)
            it->second = m_builder.addPackage(r.package);
        return it->second;
    }

    void addOrEnrich(FindingKind kind, const LogoptRecord& r, std::string subject, std::string detail,
                     std::string message, std::int64_t number = -1)
    {
        const Position pos = intern(r.position);
        if (const auto i = find(pos, kind, subject.empty() ? nullptr : &subject)) {
            enrich(*i, r, std::nullopt);
            return;
        }
        Finding f = verdict(kind, pos, std::move(subject), std::move(message));
        f.detail = std::move(detail);
        f.number = number;
        f.package = packageOf(r);
        for (const LogoptPosition& p : r.inlineChain)
            f.inlineChain.push_back(intern(p));
        add(std::move(f));
    }

    void mergeEscape(const LogoptRecord& r);
    void mergeLeak(const LogoptRecord& r);

    const Report& m_text;
    const bool m_textAvailable;
    ReportBuilder m_builder;
    ChainWriter m_chains;
    std::unordered_map<std::string, std::uint32_t> m_packages;
    std::map<PosKind, std::vector<std::uint32_t>> m_byPosKind;
    std::unordered_map<FileId, std::uint32_t> m_filePackages;
    // Explanations waiting for a verdict at their position: (position, package) → explanation.
    std::multimap<std::pair<Position, std::uint32_t>, Explanation> m_orphans;
};

constexpr std::string_view kEscapesSuffix = " escapes to heap";

void Merger::mergeEscape(const LogoptRecord& r)
{
    const Position pos = intern(r.position);
    if (r.message.empty()) {
        // The bare verdict that an allocation is on the heap; its subject comes from an explanation
        // record at the same position. Several allocations can share a position (f(g(), h())): each
        // bare record takes one explanation, or confirms one text finding not yet confirmed.
        const auto orphan = m_orphans.find({ pos, packageOf(r) });
        if (orphan == m_orphans.end()) {
            if (const auto i = findUnconfirmed(pos, FindingKind::EscapesToHeap)) {
                enrich(*i, r, std::nullopt);
                return;
            }
        }
        std::string subject = orphan == m_orphans.end() ? std::string() : orphan->second.subject;
        if (m_textAvailable) {
            if (const auto i = find(pos, FindingKind::EscapesToHeap, &subject)) {
                enrich(*i, r, orphan == m_orphans.end() ? std::nullopt : std::optional<Explanation>(std::move(orphan->second)));
                if (orphan != m_orphans.end())
                    m_orphans.erase(orphan);
                return;
            }
        }
        Finding f = verdict(FindingKind::EscapesToHeap, pos, subject, subject + std::string(kEscapesSuffix));
        f.package = packageOf(r);
        for (const LogoptPosition& p : r.inlineChain)
            f.inlineChain.push_back(intern(p));
        if (orphan != m_orphans.end()) {
            f.explanations.push_back(std::move(orphan->second));
            m_orphans.erase(orphan);
        }
        add(std::move(f));
        return;
    }
    // "E escapes to heap", in Go 1.25+ "E escapes to heap in F": the text header without its ':'.
    const std::string header = r.message + ":";
    const ClassifiedMessage m = classifyMessage(header);
    if (m.type != ClassifiedMessage::Type::EscapesHeader) {
        addError("logopt " + r.code + " record with an unexpected message: " + r.message);
        return;
    }
    std::string subject(m.subject);
    Explanation e = explanationOf(r, Explanation::Header::Escapes, subject, "{heap}", 0);
    e.function.assign(m.function);
    for (FindingKind kind : { FindingKind::MovedToHeap, FindingKind::EscapesToHeap }) {
        if (const auto i = find(pos, kind, &subject)) {
            enrich(*i, r, std::move(e));
            return;
        }
    }
    m_orphans.emplace(std::make_pair(pos, packageOf(r)), std::move(e));
}

void Merger::mergeLeak(const LogoptRecord& r)
{
    // "parameter P leaks to LOC with derefs=N", in Go 1.25+ "… LOC for F with derefs=N": the text header
    // without its ':'.
    const std::string header = r.message + ":";
    const ClassifiedMessage m = classifyMessage(header);
    if (m.type != ClassifiedMessage::Type::LeaksHeader || m.number < 0) {
        addError("logopt leak record with an unexpected message: " + r.message);
        return;
    }
    std::string param(m.subject);
    std::string target(m.detail);
    const int derefs = static_cast<int>(m.number);
    const Position pos = intern(r.position);
    Explanation e = explanationOf(r, Explanation::Header::Leaks, param, target, derefs);
    e.function.assign(m.function);
    for (FindingKind kind : { FindingKind::LeakingParam, FindingKind::LeakingParamContent, FindingKind::LeakingParamToResult }) {
        if (const auto i = find(pos, kind, &param)) {
            Finding& f = m_builder.mutableFinding(*i);
            f.sources |= FromLogopt;
            m_builder.attachExplanation(*i, std::move(e));
            return;
        }
    }
    if (m_textAvailable) {
        m_orphans.emplace(std::make_pair(pos, packageOf(r)), std::move(e));
        return;
    }
    // JSON alone has no leak verdicts: derive the one the text output would print.
    Finding f;
    if (target.starts_with("~r")) {
        f = verdict(FindingKind::LeakingParamToResult, pos, param,
                    "leaking param: " + param + " to result " + target + " level=" + std::to_string(derefs));
        f.detail = target;
        f.number = derefs;
    } else if (target == "{heap}") {
        const bool content = derefs > 0;
        f = verdict(content ? FindingKind::LeakingParamContent : FindingKind::LeakingParam, pos, param,
                    (content ? "leaking param content: " : "leaking param: ") + param);
    } else {
        m_orphans.emplace(std::make_pair(pos, packageOf(r)), std::move(e));
        return;
    }
    f.package = packageOf(r);
    f.explanations.push_back(std::move(e));
    add(std::move(f));
}

void Merger::merge(const LogoptRecord& r)
{
    const std::string& c = r.code;
    if (c == "escape" || c == "escapes") {
        mergeEscape(r);
    } else if (c == "leak") {
        mergeLeak(r);
    } else if (c == "canInlineFunction") {
        std::int64_t cost = -1;
        if (r.message.starts_with("cost: "))
            cost = std::atoll(r.message.c_str() + 6);
        addOrEnrich(FindingKind::CanInline, r, {}, {}, "can inline (" + r.message + ")", cost);
    } else if (c == "cannotInlineFunction") {
        addOrEnrich(FindingKind::CannotInline, r, {}, r.message, "cannot inline: " + r.message);
    } else if (c == "cannotInlineCall") {
        addOrEnrich(FindingKind::CannotInlineCall, r, {}, r.message, "cannot inline call: " + r.message);
    } else if (c == "inlineCall") {
        addOrEnrich(FindingKind::InliningCall, r, r.message, {}, "inlining call to " + r.message);
    } else if (c == "iteration-variable-to-heap" || c == "iteration-variable-to-stack") {
        std::string name = r.message;
        if (const auto p = name.find(" (from inline)"); p != std::string::npos)
            name.resize(p);
        const std::string where = c.ends_with("heap") ? "heap-allocated" : "stack-allocated";
        addOrEnrich(FindingKind::LoopVariable, r, name, where, "loop variable " + name + " now per-iteration, " + where);
    } else if (c.starts_with("loop-modified-")) {
        const std::string loop = c.substr(14);
        addOrEnrich(FindingKind::LoopModified, r, loop, {}, loop + " loop was modified (per-iteration variables)");
    } else if (c == "nilcheck") {
        addOrEnrich(FindingKind::NilCheck, r, {}, {}, "nil check");
    } else if (c == "isInBounds") {
        addOrEnrich(FindingKind::BoundsCheck, r, {}, {}, "bounds check");
    } else if (c == "isSliceInBounds") {
        addOrEnrich(FindingKind::SliceBoundsCheck, r, {}, {}, "slice bounds check");
    } else if (c == "copy") {
        addOrEnrich(FindingKind::LargeCopy, r, {}, r.message, "copy of " + r.message);
    } else {
        addError("logopt record with unknown code \"" + c + "\" at " + r.position.file + ":" + std::to_string(r.position.line));
    }
}

} // namespace

Report mergeLogopt(const Report& text, const LogoptReadResult& logopt)
{
    Merger merger(text);
    for (const LogoptRecord& r : logopt.records)
        merger.merge(r);
    for (const std::string& e : logopt.errors)
        merger.addError(e);
    return merger.finish();
}

} // namespace heapsight
