// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The report JSON reader's walk of the document, on simdjson's On-Demand API.
//
// Why simdjson and not nlohmann's SAX interface: both were measured on the 376 MB report JSON of the Go
// 1.22 std corpus in one process (README, "Performance"). nlohmann's sax_parse with a handler that keeps
// nothing ran at 92-159 MB/s, already below the 300 MB/s that reading a report must reach in all; this
// reader, building the whole report, ran at 155-246 MB/s. simdjson finds the structure with SIMD
// instructions (its stage 1: 0.03 s for the whole document on reused memory) and hands strings out as
// views of the input, so what remains is building the report. On-Demand rather than simdjson's DOM: no
// tape of the whole document, memory stays near the input plus the report.

#include "reportjsondocument.h"

#include "core/model/chainwriter.h"
#include "core/model/reportbuilder.h"
#include "reportjson.h"

#include <unordered_map>

namespace heapsight::reportjson {

namespace od = simdjson::ondemand;

namespace {

// Strings are read in place where they can be: a string without escapes is a view of the input (simdjson
// validated its UTF-8 and where it ends), so only the few with a backslash are unescaped into simdjson's
// string buffer. Unescaping them all wrote most of the document a second time into fresh memory.
std::string_view text(od::value v)
{
    const std::string_view token = v.raw_json_token(); // `"…"` and the blanks up to the next token
    if (!token.empty() && token.front() == '"') {
        const std::size_t close = token.rfind('"');
        const std::string_view inner = token.substr(1, close - 1);
        if (close > 0 && inner.find('\\') == std::string_view::npos)
            return inner;
    }
    return v.get_string(); // escapes, or not a string at all (which throws)
}

// A member's key as written, without unescaping: the schema's keys have no escapes, and a key that has
// some matches none of them and is skipped like any unknown member.
std::string_view keyOf(simdjson::simdjson_result<od::field>& member)
{
    const char* begin = member.key().raw();
    const char* end = begin;
    while (*end != '"') // stage 1 found the closing quote: the key is followed by ':'
        end += *end == '\\' ? 2 : 1;
    return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

std::uint32_t u32(od::value v)
{
    const std::uint64_t n = v.get_uint64();
    if (n > 0xffffffffu)
        throw SchemaError { "number out of range: " + std::to_string(n) };
    return static_cast<std::uint32_t>(n);
}

int i32(od::value v)
{
    const std::int64_t n = v.get_int64();
    if (n < -0x7fffffff || n > 0x7fffffff)
        throw SchemaError { "number out of range: " + std::to_string(n) };
    return static_cast<int>(n);
}

// Marks which of an object's required members were seen.
struct Seen {
    unsigned bits = 0;
    void operator+=(unsigned bit) { bits |= bit; }
    void require(unsigned all, const char* what) const
    {
        if ((bits & all) != all)
            throw SchemaError { std::string("a member of ") + what + " is missing" };
    }
};

struct StepText {
    std::string_view expression, reason, file;
    std::uint32_t line = 0, column = 0;
};

struct EdgeText {
    std::size_t explanation = 0;
    std::string_view destination, source;
    int derefs = 0;
    std::size_t firstStep = 0, endStep = 0;
};

class Reader {
public:
    ReportBuilder builder;

    // "file", "line", "column" of a position object; other members are the caller's (`other`).
    template <typename Other> Position position(od::object o, Other other)
    {
        Position p;
        Seen seen;
        for (auto member : o) {
            const std::string_view k = keyOf(member);
            od::value v = member.value();
            if (k == "file")
                p.file = builder.internFile(text(v)), seen += 1;
            else if (k == "line")
                p.line = u32(v), seen += 2;
            else if (k == "column")
                p.column = u32(v), seen += 4;
            else
                other(k, v);
        }
        seen.require(7, "a position");
        return p;
    }

    void explanationMember(std::string_view k, od::value v, Explanation& x, Seen& seen)
    {
        if (k == "header")
            x.header = text(v) == "leaks" ? Explanation::Header::Leaks : Explanation::Header::Escapes, seen += 1;
        else if (k == "subject") // the header's texts go where its chains will be (m_chains finishes x)
            x.subject = m_chains.text(text(v)), seen += 2;
        else if (k == "target")
            x.target = m_chains.word(text(v)), seen += 4;
        else if (k == "derefs")
            x.derefs = i32(v), seen += 8;
        else if (k == "truncated")
            x.truncated = v.get_bool(), seen += 16;
        else if (k == "function")
            x.function = m_chains.text(text(v));
        else if (k == "unparsed") {
            for (auto line : v.get_array())
                x.unparsed.emplace_back(text(line.value()));
        } else if (k == "flow")
            flow(v.get_array());
    }

    void explanations(od::array list)
    {
        for (auto element : list) {
            Explanation x;
            Seen seen;
            for (auto member : element.get_object())
                explanationMember(keyOf(member), member.value(), x, seen);
            seen.require(31, "an explanation");
            m_explanations.push_back(std::move(x));
        }
    }

    void flow(od::array list)
    {
        for (auto element : list) {
            EdgeText e;
            Seen seen;
            for (auto member : element.get_object()) {
                const std::string_view k = keyOf(member);
                od::value v = member.value();
                if (k == "explanation")
                    e.explanation = v.get_uint64(), seen += 1;
                else if (k == "dst")
                    e.destination = text(v), seen += 2;
                else if (k == "src")
                    e.source = text(v), seen += 4;
                else if (k == "derefs")
                    e.derefs = i32(v), seen += 8;
                else if (k == "steps") {
                    e.firstStep = m_steps.size();
                    for (auto s : v.get_array())
                        step(s.get_object());
                    e.endStep = m_steps.size();
                    seen += 16;
                }
            }
            seen.require(31, "a flow edge");
            m_edges.push_back(e);
        }
    }

    void step(od::object o)
    {
        StepText s;
        Seen seen;
        for (auto member : o) {
            const std::string_view k = keyOf(member);
            od::value v = member.value();
            if (k == "expression")
                s.expression = text(v), seen += 1;
            else if (k == "reason")
                s.reason = text(v), seen += 2;
            else if (k == "file")
                s.file = text(v), seen += 4;
            else if (k == "line")
                s.line = u32(v), seen += 8;
            else if (k == "column")
                s.column = u32(v), seen += 16;
        }
        seen.require(31, "a flow step");
        m_steps.push_back(s);
    }

    // The explanations and edges read since the last call, the edges written into their explanations'
    // chains (an explanation's edges are written together, in the order they come).
    std::vector<Explanation> takeExplanations()
    {
        for (const EdgeText& e : m_edges) {
            if (e.explanation >= m_explanations.size())
                throw SchemaError { "a flow edge refers to a missing explanation" };
        }
        std::stable_sort(m_edges.begin(), m_edges.end(),
            [](const EdgeText& a, const EdgeText& b) { return a.explanation < b.explanation; });
        std::size_t next = 0;
        for (std::size_t i = 0; i < m_explanations.size(); ++i) {
            m_chains.discard();
            for (; next < m_edges.size() && m_edges[next].explanation == i; ++next) {
                const EdgeText& e = m_edges[next];
                m_chains.addEdge(e.destination, e.source, e.derefs);
                for (std::size_t s = e.firstStep; s < e.endStep; ++s) {
                    const StepText& t = m_steps[s];
                    m_chains.addStep(t.expression, t.reason, Position { builder.internFile(t.file), t.line, t.column });
                }
            }
            m_chains.finish(m_explanations[i]);
        }
        m_edges.clear();
        m_steps.clear();
        std::vector<Explanation> taken;
        taken.swap(m_explanations);
        return taken;
    }

    // A finding's text, copied out of the document into the arena `findingText()` names.
    TextRef keep(std::string_view text) { return m_chains.text(text); }
    std::shared_ptr<const ChainArena> findingText() const { return m_chains.arena(); }

    std::vector<Explanation> m_explanations;
    std::vector<EdgeText> m_edges;
    std::vector<StepText> m_steps;
    ChainWriter m_chains;
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view> {}(s); }
};
using PackageIds = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

void finding(Reader& r, od::object o, const PackageIds& packages)
{
    Finding f;
    f.text = r.findingText();
    bool hasKind = false, hasSources = false;
    Seen seen;
    f.position = r.position(o, [&](std::string_view k, od::value v) {
        if (k == "kind") {
            const std::string_view id = text(v);
            const auto kind = kindFromId(id);
            if (!kind)
                throw SchemaError { "unknown finding kind \"" + std::string(id) + "\"" };
            f.kind = *kind;
            hasKind = true;
        } else if (k == "subject") {
            f.subject = r.keep(text(v)), seen += 1;
        } else if (k == "message") {
            f.message = r.keep(text(v)), seen += 2;
        } else if (k == "package") {
            const auto p = packages.find(text(v));
            f.package = p == packages.end() ? 0 : p->second;
        } else if (k == "detail") {
            f.detail = r.keep(text(v));
        } else if (k == "number") {
            f.number = v.get_int64();
        } else if (k == "occurrences") {
            f.occurrences = u32(v);
        } else if (k == "sources") {
            f.sources = 0;
            hasSources = true;
            for (auto s : v.get_array())
                f.sources |= text(s.value()) == "logopt" ? FromLogopt : FromText;
        } else if (k == "inlinedFrom") {
            for (auto p : v.get_array())
                f.inlineChain.push_back(r.position(p.get_object(), [](std::string_view, od::value) {}));
        } else if (k == "explanations") {
            r.explanations(v.get_array());
        } else if (k == "flow") {
            r.flow(v.get_array());
        }
    });
    if (!hasKind)
        throw SchemaError { "a finding without \"kind\"" };
    seen.require(3, "a finding");
    if (!hasSources)
        f.sources = FromText;
    f.explanations = r.takeExplanations();
    r.builder.addFinding(std::move(f));
}

UnknownLine unknownLine(od::object o)
{
    UnknownLine u { 0, UnknownLine::NoPackage, {}, {} };
    Seen seen;
    for (auto member : o) {
        const std::string_view k = keyOf(member);
        od::value v = member.value();
        if (k == "line")
            u.lineNumber = v.get_uint64(), seen += 1;
        else if (k == "text")
            u.text = text(v);
        else if (k == "why")
            u.why = text(v);
    }
    seen.require(1, "an unknown line or error");
    return u;
}

UnfamiliarShape unfamiliarShape(od::object o)
{
    UnfamiliarShape u;
    Seen seen;
    for (auto member : o) {
        const std::string_view k = keyOf(member);
        od::value v = member.value();
        if (k == "shape")
            u.shape = text(v), seen += 1;
        else if (k == "example")
            u.example = text(v), seen += 2;
        else if (k == "line")
            u.firstLine = v.get_uint64(), seen += 4;
        else if (k == "count")
            u.count = v.get_uint64(), seen += 8;
    }
    seen.require(15, "an unfamiliar shape");
    return u;
}

} // namespace

std::optional<Report> readDocument(od::document& doc, std::string* error)
{
    const auto fail = [error](std::string why) -> std::optional<Report> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    // Members may come in any order, but packages must be known before findings name them: a writer of
    // this schema puts "findings" first (byte-wise key order), so the document is read twice, packages
    // and schema first. The second pass only re-walks the structure simdjson indexed in the first.
    od::object root = doc.get_object();
    std::string schema;
    std::optional<std::int64_t> version;
    Reader r;
    PackageIds packageIds;
    bool hasOrigin = false, hasPackages = false, hasFindings = false;
    for (auto member : root) {
        const std::string_view k = keyOf(member);
        if (k == "schema")
            schema = text(member.value());
        else if (k == "schemaVersion")
            version = member.value().get_int64();
        else if (k == "packages") {
            hasPackages = true;
            for (auto p : member.value().get_array()) {
                const std::string_view name = text(p.value());
                packageIds.emplace(std::string(name), r.builder.addPackage(name));
            }
        }
    }
    if (schema != "heapsight-report")
        return fail("not a Heapsight report (no \"schema\": \"heapsight-report\")");
    if (!version)
        return fail("malformed report JSON: no \"schemaVersion\"");
    if (*version > ReportSchemaVersion) {
        return fail("report schema version " + std::to_string(*version) + " is newer than this Heapsight reads ("
            + std::to_string(ReportSchemaVersion) + ")");
    }
    root.reset();
    ReportStats counts;
    for (auto member : root) {
        const std::string_view k = keyOf(member);
        od::value v = member.value();
        if (k == "origin") {
            hasOrigin = true;
            ReportOrigin o;
            for (auto m : v.get_object()) {
                const std::string_view name = keyOf(m);
                std::string* field = name == "source" ? &o.source
                    : name == "toolchain"             ? &o.toolchain
                    : name == "languageVersion"       ? &o.languageVersion
                    : name == "workingDirectory"      ? &o.workingDirectory
                                                      : nullptr;
                if (field)
                    *field = text(m.value());
            }
            r.builder.setOrigin(std::move(o));
        } else if (k == "findings") {
            hasFindings = true;
            for (auto f : v.get_array())
                finding(r, f.get_object(), packageIds);
        } else if (k == "unknown") {
            for (auto u : v.get_array())
                r.builder.addUnknownLine(unknownLine(u.get_object()));
        } else if (k == "errors") {
            for (auto u : v.get_array())
                r.builder.addGoError(unknownLine(u.get_object()));
        } else if (k == "unlinkedExplanations") {
            for (auto x : v.get_array()) {
                Explanation e;
                Seen seen;
                const Position at = r.position(x.get_object(),
                    [&](std::string_view name, od::value value) { r.explanationMember(name, value, e, seen); });
                seen.require(31, "an unlinked explanation");
                r.m_explanations.push_back(std::move(e));
                r.builder.addUnlinkedExplanation(at, std::move(r.takeExplanations().front()));
            }
        } else if (k == "unfamiliarShapes") {
            for (auto u : v.get_array())
                r.builder.restoreUnfamiliarShape(unfamiliarShape(u.get_object()));
        } else if (k == "stats") {
            for (auto m : v.get_object()) {
                const std::string_view name = keyOf(m);
                std::uint64_t* field = name == "inputLines" ? &counts.inputLines
                    : name == "packageHeaders"              ? &counts.packageHeaders
                    : name == "explanationLines"            ? &counts.explanationLines
                    : name == "blankLines"                  ? &counts.blankLines
                    : name == "partlyUnderstoodLines"       ? &counts.partlyUnderstoodLines
                                                            : nullptr;
                if (field)
                    *field = m.value().get_uint64();
            }
        }
    }
    if (!hasOrigin || !hasPackages || !hasFindings)
        return fail("malformed report JSON: \"origin\", \"packages\" and \"findings\" are required");
    r.builder.restoreLineCounts(counts);
    return r.builder.finish();
}

} // namespace heapsight::reportjson
