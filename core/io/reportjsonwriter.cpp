// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The report JSON writer: the schema's document written member by member, keys in the byte-wise order
// nlohmann's std::map-backed objects kept them in when the document was built in memory first (that took
// 9× the input's size in memory and most of the time of `report --json`).

#include "core/explain/heapcause.h"
#include "jsonwriter.h"
#include "reportjson.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace heapsight {

namespace {

// An object whose own keys come in order, merged with added members (nullable) in std::map order; an
// added member named like an own one replaces it. Without added members every call is one test.
class MergedObject {
public:
    MergedObject(JsonWriter& out, const nlohmann::json* added)
        : m_out(out)
        , m_added(added && added->is_object() && !added->empty() ? added : nullptr)
    {
        m_out.beginObject();
        if (m_added)
            m_next = m_added->begin();
    }

    // Writes `name` and returns true when the caller is to write its value; false when an added member
    // took its place.
    bool key(std::string_view name)
    {
        if (m_added) {
            for (; m_next != m_added->end() && std::string_view(m_next.key()) < name; ++m_next)
                writeAdded();
            if (m_next != m_added->end() && std::string_view(m_next.key()) == name) {
                writeAdded();
                ++m_next;
                return false;
            }
        }
        m_out.key(name);
        return true;
    }

    void end()
    {
        if (m_added) {
            for (; m_next != m_added->end(); ++m_next)
                writeAdded();
        }
        m_out.endObject();
    }

private:
    void writeAdded()
    {
        m_out.key(m_next.key());
        m_out.value(m_next.value());
    }

    JsonWriter& m_out;
    const nlohmann::json* m_added;
    nlohmann::json::const_iterator m_next;
};

std::string_view headerName(Explanation::Header h)
{
    return h == Explanation::Header::Leaks ? "leaks" : "escapes";
}

struct Writer {
    JsonWriter& out;
    const Report& report;

    void file(const Position& p)
    {
        out.key("file");
        out.string(report.fileName(p.file));
    }

    void position(const Position& p)
    {
        out.beginObject();
        out.key("column");
        out.number(p.column);
        file(p);
        out.key("line");
        out.number(p.line);
        out.endObject();
    }

    // The members of an explanation object from "derefs" on, up to where `at` (an unlinked block's
    // position) and its "flow" would go in between.
    void explanationMembers(const Explanation& e, const Position* at, std::size_t index)
    {
        if (at) {
            out.key("column");
            out.number(at->column);
        }
        out.key("derefs");
        out.number(e.derefs);
        if (at) {
            file(*at);
            out.key("flow");
            out.beginArray();
            flowOf(e, index);
            out.endArray();
        }
        // "function" and "unparsed" only where present, so reports of Go 1.21–1.24 keep their exact bytes.
        if (!e.function.empty()) {
            out.key("function");
            out.string(e.function);
        }
        out.key("header");
        out.string(headerName(e.header));
        if (at) {
            out.key("line");
            out.number(at->line);
        }
        out.key("subject");
        out.string(e.subject);
        out.key("target");
        out.string(e.target);
        out.key("truncated");
        out.boolean(e.truncated);
        if (!e.unparsed.empty()) {
            out.key("unparsed");
            out.beginArray();
            for (const std::string& line : e.unparsed)
                out.string(line);
            out.endArray();
        }
    }

    // The edges of one explanation, as elements of a "flow" array.
    void flowOf(const Explanation& e, std::size_t index)
    {
        for (const FlowEdge& edge : e.flows) {
            out.beginObject();
            out.key("derefs");
            out.number(edge.derefs);
            out.key("dst");
            out.string(edge.destination);
            out.key("explanation");
            out.number(index);
            out.key("src");
            out.string(edge.source);
            out.key("steps");
            out.beginArray();
            for (const FlowStep& s : edge.steps) {
                out.beginObject();
                out.key("column");
                out.number(s.at.column);
                out.key("expression");
                out.string(s.expression);
                file(s.at);
                out.key("line");
                out.number(s.at.line);
                out.key("reason");
                out.string(s.reason);
                out.endObject();
            }
            out.endArray();
            out.endObject();
        }
    }

    void finding(const Finding& f, const nlohmann::json* added)
    {
        MergedObject o(out, added);
        // Derived from kind and chain (heapcause.h), so a reader need not keep them: written, never read.
        const std::optional<HeapCause> cause = heapCause(f);
        if (cause && o.key("cause"))
            out.string(causeId(*cause));
        if (o.key("column"))
            out.number(f.position.column);
        if (!f.detail.empty() && o.key("detail"))
            out.string(f.detail);
        if (o.key("explanations")) {
            out.beginArray();
            for (std::size_t i = 0; i < f.explanations.size(); ++i) {
                out.beginObject();
                explanationMembers(f.explanations[i], nullptr, i);
                out.endObject();
            }
            out.endArray();
        }
        if (o.key("file"))
            out.string(report.fileName(f.position.file));
        if (o.key("flow")) {
            out.beginArray();
            for (std::size_t i = 0; i < f.explanations.size(); ++i)
                flowOf(f.explanations[i], i);
            out.endArray();
        }
        if (cause && o.key("hint"))
            out.string(causeHint(*cause));
        if (!f.inlineChain.empty() && o.key("inlinedFrom")) {
            out.beginArray();
            for (const Position& p : f.inlineChain)
                position(p);
            out.endArray();
        }
        if (o.key("kind"))
            out.string(kindId(f.kind));
        if (o.key("line"))
            out.number(f.position.line);
        if (o.key("message"))
            out.string(f.message);
        if (f.number >= 0 && o.key("number"))
            out.number(f.number);
        if (o.key("occurrences"))
            out.number(f.occurrences);
        if (o.key("package"))
            out.string(f.package < report.packages().size() ? std::string_view(report.packages()[f.package].name)
                                                            : std::string_view());
        if (o.key("sources")) {
            out.beginArray();
            if (f.sources & FromText)
                out.string("text");
            if (f.sources & FromLogopt)
                out.string("logopt");
            out.endArray();
        }
        if (o.key("subject"))
            out.string(f.subject);
        o.end();
    }

    // Kinds in the order of their ids, the order of the per-kind counts' keys.
    static const std::array<FindingKind, FindingKindCount>& kindsById()
    {
        static const std::array<FindingKind, FindingKindCount> sorted = [] {
            std::array<FindingKind, FindingKindCount> k;
            for (int i = 0; i < FindingKindCount; ++i)
                k[static_cast<std::size_t>(i)] = static_cast<FindingKind>(i);
            std::sort(k.begin(), k.end(), [](FindingKind a, FindingKind b) { return kindId(a) < kindId(b); });
            return k;
        }();
        return sorted;
    }

    void perKind(const ReportStats& stats, bool occurrences)
    {
        out.beginObject();
        for (const FindingKind k : kindsById()) {
            if (stats.distinctOf(k) == 0)
                continue;
            out.key(kindId(k));
            out.number(occurrences ? stats.occurrencesOf(k) : stats.distinctOf(k));
        }
        out.endObject();
    }

    void stats(const ReportStats& s)
    {
        out.beginObject();
        out.key("blankLines");
        out.number(s.blankLines);
        if (s.errorLines > 0) {
            out.key("errorLines");
            out.number(s.errorLines);
        }
        out.key("explanationLines");
        out.number(s.explanationLines);
        out.key("findings");
        perKind(s, false);
        out.key("inputLines");
        out.number(s.inputLines);
        out.key("occurrences");
        perKind(s, true);
        out.key("packageHeaders");
        out.number(s.packageHeaders);
        if (s.partlyUnderstoodLines > 0) {
            out.key("partlyUnderstoodLines");
            out.number(s.partlyUnderstoodLines);
        }
        out.key("unknownLines");
        out.number(s.unknownLines);
        out.key("unlinkedExplanations");
        out.number(s.unlinkedExplanations);
        out.endObject();
    }

    void lines(const std::vector<UnknownLine>& list, bool withText)
    {
        out.beginArray();
        for (const UnknownLine& u : list) {
            out.beginObject();
            out.key("line");
            out.number(u.lineNumber);
            if (withText) {
                out.key("text");
                out.string(u.text);
            }
            out.key("why");
            out.string(u.why);
            out.endObject();
        }
        out.endArray();
    }
};

} // namespace

void writeReportJson(JsonWriter& out, const Report& report, const ReportJsonOptions& options)
{
    Writer w { out, report };
    MergedObject doc(out, options.extraMembers);
    if (doc.key("errors"))
        w.lines(report.goErrors(), true);
    if (doc.key("findings")) {
        out.beginArray();
        const auto one = [&](std::uint32_t i) {
            w.finding(report.findings()[i], options.extraFindingMembers ? options.extraFindingMembers(i) : nullptr);
        };
        if (options.findingOrder) {
            for (const std::uint32_t i : *options.findingOrder)
                one(i);
        } else {
            for (std::uint32_t i = 0; i < report.findings().size(); ++i)
                one(i);
        }
        out.endArray();
    }
    if (doc.key("origin")) {
        const ReportOrigin& o = report.origin();
        out.beginObject();
        out.key("languageVersion");
        out.string(o.languageVersion);
        out.key("source");
        out.string(o.source);
        out.key("toolchain");
        out.string(o.toolchain);
        out.key("workingDirectory");
        out.string(o.workingDirectory);
        out.endObject();
    }
    if (doc.key("packages")) {
        out.beginArray();
        for (const PackageInfo& p : report.packages())
            out.string(p.name);
        out.endArray();
    }
    if (doc.key("schema"))
        out.string("heapsight-report");
    if (doc.key("schemaVersion"))
        out.number(ReportSchemaVersion);
    if (doc.key("stats"))
        w.stats(report.stats());
    if (!report.unfamiliarShapes().empty() && doc.key("unfamiliarShapes")) {
        out.beginArray();
        for (const UnfamiliarShape& u : report.unfamiliarShapes()) {
            out.beginObject();
            out.key("count");
            out.number(u.count);
            out.key("example");
            out.string(u.example);
            out.key("line");
            out.number(u.firstLine);
            out.key("shape");
            out.string(u.shape);
            out.endObject();
        }
        out.endArray();
    }
    if (doc.key("unknown"))
        w.lines(report.unknownLines(), options.includeUnknownLineText);
    if (doc.key("unknownLines"))
        out.number(report.stats().unknownLines);
    if (doc.key("unlinkedExplanations")) {
        out.beginArray();
        for (const auto& [at, e] : report.unlinkedExplanations()) {
            out.beginObject();
            w.explanationMembers(e, &at, 0);
            out.endObject();
        }
        out.endArray();
    }
    doc.end();
}

std::string reportToJsonText(const Report& report, const ReportJsonOptions& options)
{
    std::string text;
    {
        JsonWriter out([&text](std::string_view block) { text.append(block); });
        writeReportJson(out, report, options);
    }
    return text;
}

} // namespace heapsight
