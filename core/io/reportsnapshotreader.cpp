// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportsnapshot.h"
#include "reportsnapshotformat.h"
#include "zstdframe.h"

#include <algorithm>
#include <memory>
#include <new>
#include <span>
#include <string_view>

// File-local names live in heapsight::snapshot's unnamed namespace (see reportsnapshotwriter.cpp).
namespace heapsight::snapshot {

namespace {

struct Failure {
    std::string why;
};

// Reads the records in the order the writer wrote them (reportsnapshotformat.h), checking every reference
// against the tables it points into. The text table, the steps and the edges each go into one block of the
// report's ChainArena; the views of steps and edges point into the text table there.
class Reader {
public:
    explicit Reader(ZstdFrameReader& in)
        : m_in(in)
        , m_arena(std::make_shared<ChainArena>())
    {
    }
    Report read();

private:
    const char* next(std::size_t bytes)
    {
        const char* at = m_in.next(bytes);
        if (!at)
            throw Failure { m_in.error() };
        return at;
    }
    template <typename T> T get() { return load<T>(next(sizeof(T))); }
    std::string_view str(const char* at) const
    {
        const auto offset = load<std::uint32_t>(at);
        const auto length = load<std::uint32_t>(at + 4);
        if (length == 0)
            return {};
        if (std::uint64_t(offset) + length > m_counts.textBytes)
            throw Failure { "a string beyond the text table" };
        return { m_text + offset, length };
    }
    Position pos(const char* at) const
    {
        const Position p { load<std::uint32_t>(at), load<std::uint32_t>(at + 4), load<std::uint32_t>(at + 8) };
        if (p.file != NoFile && p.file >= m_counts.files)
            throw Failure { "a position in a file beyond the file table" };
        return p;
    }
    // Room for `count` objects of T in one block of the arena (none: null).
    template <typename T> T* array(std::uint64_t count)
    {
        if (count == 0)
            return nullptr;
        return static_cast<T*>(m_arena->allocate(sizeof(T) * count, alignof(T)));
    }
    // Hands out `count` consecutive items of a table, in turn.
    template <typename T>
    std::span<const T> take(const T* all, std::uint64_t total, std::uint64_t& used, std::uint64_t count)
    {
        if (count > total - used)
            throw Failure { "more flow edges or steps referred to than recorded" };
        const std::span<const T> items(all + used, count);
        used += count;
        return items;
    }
    // Calls `one(at, i)` for each of `count` records of `size` bytes, read in batches of at most 256 KiB.
    template <typename One> void records(std::uint64_t count, std::size_t size, One one)
    {
        const std::uint64_t batch = (std::size_t(256) << 10) / size;
        for (std::uint64_t done = 0; done < count;) {
            const std::uint64_t n = std::min(batch, count - done);
            const char* at = next(n * size);
            for (std::uint64_t i = 0; i < n; ++i, at += size)
                one(at, done + i);
            done += n;
        }
    }
    void header();
    void steps();
    void edges();
    Explanation explanation();
    UnknownLine line();

    ZstdFrameReader& m_in;
    std::shared_ptr<ChainArena> m_arena;
    Counts m_counts;
    const char* m_text = nullptr;
    FlowStep* m_steps = nullptr;
    FlowEdge* m_edges = nullptr;
    std::uint64_t m_stepsUsed = 0, m_edgesUsed = 0, m_explanationsRead = 0;
};

void Reader::header()
{
    const char* at = next(kHeaderBytes);
    if (!std::equal(std::begin(kMagic), std::end(kMagic), at))
        throw Failure { "not a report snapshot" };
    const auto version = load<std::uint32_t>(at + 8);
    if (version != ReportSnapshotVersion) {
        throw Failure { "report snapshot version " + std::to_string(version) + ", this build reads "
            + std::to_string(ReportSnapshotVersion) };
    }
    if (load<std::uint32_t>(at + 12) != kByteOrderTag)
        throw Failure { "a report snapshot of another byte order" };
    const std::string_view who(at + 16, kProducerBytes);
    const std::string_view mine = producer();
    if (who.substr(0, std::min(mine.size(), kProducerBytes)) != mine.substr(0, kProducerBytes)
        || who.find_first_not_of('\0', std::min(mine.size(), kProducerBytes)) != std::string_view::npos)
        throw Failure { "a report snapshot written by another Heapsight build ("
            + std::string(who.substr(0, who.find('\0'))) + ")" };
    at += 16 + kProducerBytes;
    Counts& c = m_counts;
    for (std::uint64_t* n : { &c.textBytes, &c.files, &c.packages, &c.steps, &c.edges, &c.explanations, &c.findings,
             &c.unlinked, &c.unknown, &c.errors, &c.unfamiliar, &c.kinds }) {
        *n = load<std::uint64_t>(at);
        at += 8;
    }
    if (c.kinds != FindingKindCount)
        throw Failure { "a report snapshot of another set of finding kinds" };
    // Every count is checked against what the content can hold before anything is reserved for it.
    const std::uint64_t counts[] = { c.textBytes, c.files, c.packages, c.steps, c.edges, c.explanations, c.findings,
        c.unlinked, c.unknown, c.errors, c.unfamiliar };
    if (std::any_of(std::begin(counts), std::end(counts), [](std::uint64_t n) { return n > 0xffffffffu; }))
        throw Failure { "a report snapshot with impossible counts" };
    const std::uint64_t least = c.textBytes + (c.files + c.packages) * kStr + c.steps * kStep + c.edges * kEdge
        + c.explanations * kExplanation + c.findings * (kFinding + 4) + c.unlinked * kPos
        + (c.unknown + c.errors) * kLine + c.unfamiliar * kShape + c.files * 8;
    if (least > m_in.left())
        throw Failure { "a report snapshot shorter than its counts say" };
}

void Reader::steps()
{
    m_steps = array<FlowStep>(m_counts.steps);
    records(m_counts.steps, kStep, [this](const char* at, std::uint64_t i) {
        new (m_steps + i) FlowStep { str(at), str(at + kStr), pos(at + 2 * kStr) };
    });
}

void Reader::edges()
{
    m_edges = array<FlowEdge>(m_counts.edges);
    records(m_counts.edges, kEdge, [this](const char* at, std::uint64_t i) {
        const auto count = load<std::uint32_t>(at + 2 * kStr + 4);
        new (m_edges + i) FlowEdge { str(at), str(at + kStr), load<std::int32_t>(at + 2 * kStr),
            take<FlowStep>(m_steps, m_counts.steps, m_stepsUsed, count) };
    });
}

Explanation Reader::explanation()
{
    if (m_explanationsRead++ == m_counts.explanations)
        throw Failure { "more explanations than recorded" };
    const char* at = next(kExplanation);
    Explanation e;
    const auto header = load<std::uint8_t>(at);
    if (header > static_cast<std::uint8_t>(Explanation::Header::Leaks))
        throw Failure { "an explanation of an unknown kind" };
    e.header = static_cast<Explanation::Header>(header);
    e.truncated = load<std::uint8_t>(at + 1) != 0;
    e.derefs = load<std::int32_t>(at + 4);
    e.subject = str(at + 8);
    e.target = str(at + 8 + kStr);
    e.function = str(at + 8 + 2 * kStr);
    const auto unparsed = load<std::uint32_t>(at + 8 + 3 * kStr);
    e.flows = take<FlowEdge>(m_edges, m_counts.edges, m_edgesUsed, load<std::uint32_t>(at + 12 + 3 * kStr));
    e.chains = m_arena;
    for (std::uint32_t i = 0; i < unparsed; ++i)
        e.unparsed.emplace_back(str(next(kStr)));
    return e;
}

UnknownLine Reader::line()
{
    const char* at = next(kLine);
    return UnknownLine { load<std::uint64_t>(at), load<std::uint32_t>(at + 8), std::string(str(at + 16)),
        std::string(str(at + 16 + kStr)) };
}

Report Reader::read()
{
    header();
    Report r;
    const Counts& c = m_counts;
    if (c.textBytes > 0) {
        char* text = array<char>(c.textBytes);
        if (!m_in.read(text, c.textBytes))
            throw Failure { m_in.error() };
        m_text = text;
    }
    ReportOrigin& o = ReportSnapshotAccess::origin(r);
    for (std::string* s : { &o.source, &o.toolchain, &o.languageVersion, &o.workingDirectory })
        *s = str(next(kStr));
    ReportStats& st = ReportSnapshotAccess::stats(r);
    for (auto* counts : { &st.distinct, &st.occurrences }) {
        for (std::uint64_t& n : *counts)
            n = get<std::uint64_t>();
    }
    for (std::uint64_t* n : { &st.inputLines, &st.packageHeaders, &st.explanationLines, &st.blankLines,
             &st.unknownLines, &st.errorLines, &st.unlinkedExplanations, &st.partlyUnderstoodLines })
        *n = get<std::uint64_t>();

    auto& files = ReportSnapshotAccess::files(r);
    auto& fileIds = ReportSnapshotAccess::fileIds(r);
    files.reserve(c.files);
    fileIds.reserve(c.files);
    for (std::uint64_t i = 0; i < c.files; ++i) {
        files.emplace_back(str(next(kStr)));
        fileIds.emplace(files.back(), static_cast<FileId>(i));
    }
    auto& packages = ReportSnapshotAccess::packages(r);
    for (std::uint64_t i = 0; i < c.packages; ++i)
        packages.push_back(PackageInfo { std::string(str(next(kStr))) });
    steps();
    edges();

    auto& findings = ReportSnapshotAccess::findings(r);
    findings.reserve(c.findings);
    populateForWriting(findings.data(), sizeof(Finding) * c.findings);
    for (std::uint64_t i = 0; i < c.findings; ++i) {
        const char* at = next(kFinding);
        Finding& f = findings.emplace_back();
        const auto kind = load<std::uint8_t>(at);
        if (kind >= FindingKindCount)
            throw Failure { "a finding of an unknown kind" };
        f.kind = static_cast<FindingKind>(kind);
        f.sources = load<std::uint8_t>(at + 1);
        f.position = pos(at + 4);
        f.package = load<std::uint32_t>(at + 4 + kPos);
        f.occurrences = load<std::uint32_t>(at + 8 + kPos);
        f.subject = str(at + 12 + kPos); // views of the text table, in m_arena
        f.text = m_arena;
        f.detail = str(at + 12 + kPos + kStr);
        f.message = str(at + 12 + kPos + 2 * kStr);
        f.number = load<std::int64_t>(at + 12 + kPos + 3 * kStr);
        const auto explanations = load<std::uint32_t>(at + 20 + kPos + 3 * kStr);
        const auto inlined = load<std::uint32_t>(at + 24 + kPos + 3 * kStr);
        if (explanations > c.explanations - m_explanationsRead)
            throw Failure { "more explanations than recorded" };
        f.explanations.reserve(explanations);
        for (std::uint32_t k = 0; k < explanations; ++k)
            f.explanations.push_back(explanation());
        for (std::uint32_t k = 0; k < inlined; ++k)
            f.inlineChain.push_back(pos(next(kPos)));
    }
    auto& unlinked = ReportSnapshotAccess::unlinked(r);
    for (std::uint64_t i = 0; i < c.unlinked; ++i) {
        const Position at = pos(next(kPos));
        unlinked.emplace_back(at, explanation());
    }
    for (auto [lines, count] : { std::pair { &ReportSnapshotAccess::unknown(r), c.unknown },
             std::pair { &ReportSnapshotAccess::errors(r), c.errors } }) {
        for (std::uint64_t i = 0; i < count; ++i)
            lines->push_back(line());
    }
    auto& shapes = ReportSnapshotAccess::unfamiliar(r);
    for (std::uint64_t i = 0; i < c.unfamiliar; ++i) {
        const char* at = next(kShape);
        shapes.push_back(UnfamiliarShape { std::string(str(at)), std::string(str(at + kStr)),
            load<std::uint64_t>(at + 2 * kStr), load<std::uint64_t>(at + 2 * kStr + 8) });
    }
    auto& byPosition = ReportSnapshotAccess::byPosition(r);
    byPosition.resize(c.findings);
    for (std::uint32_t& index : byPosition) {
        index = get<std::uint32_t>();
        if (index >= c.findings)
            throw Failure { "the per-file index names a finding beyond the findings" };
    }
    auto& ranges = ReportSnapshotAccess::fileRanges(r);
    ranges.resize(c.files);
    for (auto& [begin, end] : ranges) {
        begin = get<std::uint32_t>();
        end = get<std::uint32_t>();
        if (begin > end || end > c.findings)
            throw Failure { "the per-file index has a range beyond the findings" };
    }
    if (m_stepsUsed != c.steps || m_edgesUsed != c.edges || m_explanationsRead != c.explanations)
        throw Failure { "flow edges, steps or explanations left over" };
    if (!std::equal(std::begin(kEndMark), std::end(kEndMark), next(sizeof kEndMark)))
        throw Failure { "no end mark" };
    if (!m_in.atEnd())
        throw Failure { m_in.error() };
    return r;
}

} // namespace

} // namespace heapsight::snapshot

namespace heapsight {

std::optional<Report> readReportSnapshot(ZstdFrameReader& in, std::string* error)
{
    try {
        snapshot::Reader reader(in);
        return reader.read();
    } catch (const snapshot::Failure& f) {
        if (error)
            *error = f.why.empty() ? std::string("damaged report snapshot") : f.why;
        return std::nullopt;
    }
}

} // namespace heapsight
