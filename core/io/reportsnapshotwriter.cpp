// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportsnapshot.h"
#include "reportsnapshotformat.h"
#include "zstdframe.h"

#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifndef HEAPSIGHT_VERSION
#define HEAPSIGHT_VERSION "unknown"
#endif

// Everything file-local lives in heapsight::snapshot's unnamed namespace, so that a unity build, which puts
// several files into one, meets no second Writer or kBlock (and no using-directive leaks into other files).
namespace heapsight::snapshot {

const char* producer()
{
    return "heapsight " HEAPSIGHT_VERSION;
}

namespace {

constexpr std::size_t kBlock = std::size_t(1) << 20;

std::uint32_t u32Count(std::size_t n, const char* what)
{
    if (n > 0xffffffffu)
        throw std::length_error(std::string("report snapshot: too many ") + what);
    return static_cast<std::uint32_t>(n);
}

// Walks a report twice in the same order: first to collect its distinct strings (the text table), then to
// write the records that refer to them.
class Writer {
public:
    explicit Writer(ZstdFrameWriter& out)
        : m_out(out)
    {
        m_block.reserve(kBlock + 4096);
    }

    void intern(std::string_view s)
    {
        if (s.empty())
            return;
        const auto [it, added] = m_offsets.try_emplace(s, static_cast<std::uint32_t>(m_textBytes));
        if (!added)
            return;
        m_texts.push_back(s);
        m_textBytes += s.size();
        if (m_textBytes > 0xffffffffu)
            throw std::length_error("report snapshot: more than 4 GiB of distinct text");
    }
    void internAll(const Report& r);
    void writeAll(const Report& r);

private:
    char* room(std::size_t bytes)
    {
        if (m_block.size() + bytes > kBlock)
            flush();
        const std::size_t at = m_block.size();
        m_block.resize(at + bytes);
        return m_block.data() + at;
    }
    void flush()
    {
        m_out.append(m_block);
        m_block.clear();
    }
    template <typename T> void put(T v) { store(room(sizeof v), v); }
    void putBytes(std::string_view s) { std::memcpy(room(s.size()), s.data(), s.size()); }
    char* str(char* at, std::string_view s)
    {
        at = store<std::uint32_t>(at, s.empty() ? 0 : m_offsets.find(s)->second);
        return store<std::uint32_t>(at, static_cast<std::uint32_t>(s.size()));
    }
    void putStr(std::string_view s) { str(room(kStr), s); }
    static char* pos(char* at, Position p)
    {
        at = store<std::uint32_t>(at, p.file);
        at = store<std::uint32_t>(at, p.line);
        return store<std::uint32_t>(at, p.column);
    }
    void internExplanation(const Explanation& e);
    void explanation(const Explanation& e);
    void line(const UnknownLine& u);

    ZstdFrameWriter& m_out;
    std::string m_block;
    std::unordered_map<std::string_view, std::uint32_t> m_offsets;
    std::vector<std::string_view> m_texts; // in table order
    std::uint64_t m_textBytes = 0;
    Counts m_counts;
};

void Writer::internExplanation(const Explanation& e)
{
    intern(e.subject);
    intern(e.target);
    intern(e.function);
    for (const std::string& u : e.unparsed)
        intern(u);
    for (const FlowEdge& edge : e.flows) {
        intern(edge.destination);
        intern(edge.source);
        for (const FlowStep& s : edge.steps) {
            intern(s.expression);
            intern(s.reason);
        }
        m_counts.steps += edge.steps.size();
    }
    m_counts.edges += e.flows.size();
    ++m_counts.explanations;
}

void Writer::internAll(const Report& r)
{
    const ReportOrigin& o = r.origin();
    for (const std::string* s : { &o.source, &o.toolchain, &o.languageVersion, &o.workingDirectory })
        intern(*s);
    for (const std::string& f : r.files())
        intern(f);
    for (const PackageInfo& p : r.packages())
        intern(p.name);
    for (const Finding& f : r.findings()) {
        intern(f.subject);
        intern(f.detail);
        intern(f.message);
        for (const Explanation& e : f.explanations)
            internExplanation(e);
    }
    for (const auto& [at, e] : r.unlinkedExplanations())
        internExplanation(e);
    for (const auto* lines : { &r.unknownLines(), &r.goErrors() }) {
        for (const UnknownLine& u : *lines) {
            intern(u.text);
            intern(u.why);
        }
    }
    for (const UnfamiliarShape& u : r.unfamiliarShapes()) {
        intern(u.shape);
        intern(u.example);
    }
    m_counts.textBytes = m_textBytes;
    m_counts.files = u32Count(r.files().size(), "files");
    m_counts.packages = r.packages().size();
    m_counts.findings = u32Count(r.findings().size(), "findings");
    m_counts.unlinked = r.unlinkedExplanations().size();
    m_counts.unknown = r.unknownLines().size();
    m_counts.errors = r.goErrors().size();
    m_counts.unfamiliar = r.unfamiliarShapes().size();
    m_counts.kinds = FindingKindCount;
    u32Count(m_counts.steps, "flow steps");
    u32Count(m_counts.edges, "flow edges");
}

void Writer::explanation(const Explanation& e)
{
    char* at = room(kExplanation);
    at = store<std::uint8_t>(at, static_cast<std::uint8_t>(e.header));
    at = store<std::uint8_t>(at, e.truncated ? 1 : 0);
    at = store<std::uint16_t>(at, 0);
    at = store<std::int32_t>(at, e.derefs);
    at = str(at, e.subject);
    at = str(at, e.target);
    at = str(at, e.function);
    at = store<std::uint32_t>(at, u32Count(e.unparsed.size(), "unparsed lines"));
    store<std::uint32_t>(at, static_cast<std::uint32_t>(e.flows.size()));
    for (const std::string& u : e.unparsed)
        putStr(u);
}

void Writer::line(const UnknownLine& u)
{
    char* at = room(kLine);
    at = store<std::uint64_t>(at, u.lineNumber);
    at = store<std::uint32_t>(at, u.package);
    at = store<std::uint32_t>(at, 0);
    at = str(at, u.text);
    str(at, u.why);
}

void Writer::writeAll(const Report& r)
{
    char* at = room(kHeaderBytes);
    std::memcpy(at, kMagic, sizeof kMagic);
    at = store<std::uint32_t>(at + sizeof kMagic, ReportSnapshotVersion);
    at = store<std::uint32_t>(at, kByteOrderTag);
    std::memset(at, 0, kProducerBytes);
    const std::string_view who = producer();
    std::memcpy(at, who.data(), std::min(who.size(), kProducerBytes));
    at += kProducerBytes;
    const Counts& c = m_counts;
    for (const std::uint64_t n : { c.textBytes, c.files, c.packages, c.steps, c.edges, c.explanations, c.findings,
             c.unlinked, c.unknown, c.errors, c.unfamiliar, c.kinds })
        at = store<std::uint64_t>(at, n);
    for (const std::string_view s : m_texts)
        putBytes(s);

    const ReportOrigin& o = r.origin();
    for (const std::string* s : { &o.source, &o.toolchain, &o.languageVersion, &o.workingDirectory })
        putStr(*s);
    const ReportStats& st = r.stats();
    for (const auto* counts : { &st.distinct, &st.occurrences }) {
        for (const std::uint64_t n : *counts)
            put<std::uint64_t>(n);
    }
    for (const std::uint64_t n : { st.inputLines, st.packageHeaders, st.explanationLines, st.blankLines,
             st.unknownLines, st.errorLines, st.unlinkedExplanations, st.partlyUnderstoodLines })
        put<std::uint64_t>(n);
    for (const std::string& f : r.files())
        putStr(f);
    for (const PackageInfo& p : r.packages())
        putStr(p.name);

    // Steps, then edges, in the order explanations come below.
    const auto eachExplanation = [&r](const auto& visit) {
        for (const Finding& f : r.findings()) {
            for (const Explanation& e : f.explanations)
                visit(e);
        }
        for (const auto& [where, e] : r.unlinkedExplanations())
            visit(e);
    };
    eachExplanation([this](const Explanation& e) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& s : edge.steps)
                pos(str(str(room(kStep), s.expression), s.reason), s.at);
        }
    });
    eachExplanation([this](const Explanation& e) {
        for (const FlowEdge& edge : e.flows) {
            char* p = str(str(room(kEdge), edge.destination), edge.source);
            p = store<std::int32_t>(p, edge.derefs);
            store<std::uint32_t>(p, static_cast<std::uint32_t>(edge.steps.size()));
        }
    });

    for (const Finding& f : r.findings()) {
        char* p = room(kFinding);
        p = store<std::uint8_t>(p, static_cast<std::uint8_t>(f.kind));
        p = store<std::uint8_t>(p, f.sources);
        p = store<std::uint16_t>(p, 0);
        p = pos(p, f.position);
        p = store<std::uint32_t>(p, f.package);
        p = store<std::uint32_t>(p, f.occurrences);
        p = str(str(str(p, f.subject), f.detail), f.message);
        p = store<std::int64_t>(p, f.number);
        p = store<std::uint32_t>(p, u32Count(f.explanations.size(), "explanations"));
        store<std::uint32_t>(p, u32Count(f.inlineChain.size(), "inline positions"));
        for (const Explanation& e : f.explanations)
            explanation(e);
        for (const Position& q : f.inlineChain)
            pos(room(kPos), q);
    }
    for (const auto& [where, e] : r.unlinkedExplanations()) {
        pos(room(kPos), where);
        explanation(e);
    }
    for (const UnknownLine& u : r.unknownLines())
        line(u);
    for (const UnknownLine& u : r.goErrors())
        line(u);
    for (const UnfamiliarShape& u : r.unfamiliarShapes()) {
        char* p = str(str(room(kShape), u.shape), u.example);
        p = store<std::uint64_t>(p, u.firstLine);
        store<std::uint64_t>(p, u.count);
    }
    const auto& byPosition = ReportSnapshotAccess::byPosition(r);
    const auto& ranges = ReportSnapshotAccess::fileRanges(r);
    if (byPosition.size() != r.findings().size() || ranges.size() != r.files().size())
        throw std::logic_error("report snapshot: a report without its per-file index");
    for (const std::uint32_t i : byPosition)
        put<std::uint32_t>(i);
    for (const auto& [begin, end] : ranges) {
        put<std::uint32_t>(begin);
        put<std::uint32_t>(end);
    }
    putBytes(std::string_view(kEndMark, sizeof kEndMark));
    flush();
}

} // namespace

} // namespace heapsight::snapshot

namespace heapsight {

void writeReportSnapshot(const Report& report, ZstdFrameWriter& out)
{
    snapshot::Writer w(out);
    w.internAll(report);
    w.writeAll(report);
}

} // namespace heapsight
