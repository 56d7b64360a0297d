// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportbuilder.h"

#include "chainarena.h"
#include "chainwriter.h"

#include <algorithm>
#include <cctype>

// Inlined: most messages are 20 to 60 bytes, where a call and XXH3's dispatch would cost as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace heapsight {

// Every verdict the parser reads is hashed here, so its cost is the parser's: with libstdc++'s
// std::hash<string_view> (_Hash_bytes, a byte-at-a-time tail) it was 4.6% of the parser's instructions on
// Go 1.27's std output (callgrind). XXH3 takes the position and kind as its seed, so one call covers all
// four; the hash is never stored outside the builder, so any good hash will do. Its low 32 bits are kept.
std::uint32_t ReportBuilder::dedupHash(const Finding& finding) noexcept
{
    // Kind in the low 8 bits (FindingKind has some 40 values), column in the next 16, line in the 24 after,
    // file above: fields within those ranges never share a bit.
    const XXH64_hash_t seed = (XXH64_hash_t(finding.position.file) << 48) ^ (XXH64_hash_t(finding.position.line) << 24)
        ^ (XXH64_hash_t(finding.position.column) << 8) ^ static_cast<XXH64_hash_t>(finding.kind);
    return static_cast<std::uint32_t>(XXH3_64bits_withSeed(finding.message.data(), finding.message.size(), seed));
}

ReportBuilder::ReportBuilder()
    : m_report(std::make_unique<Report>())
{
}

void ReportBuilder::setOrigin(ReportOrigin origin)
{
    m_report->m_origin = std::move(origin);
}

ReportOrigin& ReportBuilder::origin()
{
    return m_report->m_origin;
}

FileId ReportBuilder::internFile(std::string_view name)
{
    Report& r = *m_report;
    if (const auto it = r.m_fileIds.find(name); it != r.m_fileIds.end())
        return it->second;
    const auto id = static_cast<FileId>(r.m_files.size());
    r.m_files.emplace_back(name);
    r.m_fileIds.emplace(std::string(name), id);
    return id;
}

std::uint32_t ReportBuilder::addPackage(std::string_view name)
{
    m_report->m_packages.push_back(PackageInfo { std::string(name) });
    return static_cast<std::uint32_t>(m_report->m_packages.size() - 1);
}

std::uint32_t ReportBuilder::addFinding(Finding&& finding)
{
    Report& r = *m_report;
    const std::uint32_t occurrences = std::max<std::uint32_t>(finding.occurrences, 1);
    r.m_stats.occurrences[static_cast<std::size_t>(finding.kind)] += occurrences;
    std::vector<Explanation> explanations = std::move(finding.explanations);
    finding.explanations.clear();
    const std::uint32_t hash = dedupHash(finding);
    SlotTable& table = tableFor(finding.position.file);
    Slot* slot = findSlot(table, hash, finding);
    const bool inserted = slot->finding == 0;
    const std::uint32_t index = inserted ? static_cast<std::uint32_t>(r.m_findings.size()) : slot->finding - 1;
    if (inserted) {
        *slot = Slot { index + 1, hash };
        ++table.used;
        ++r.m_stats.distinct[static_cast<std::size_t>(finding.kind)];
        r.m_findings.push_back(std::move(finding));
    } else {
        Finding& existing = r.m_findings[index];
        existing.occurrences += occurrences;
        existing.sources |= finding.sources;
        if (existing.inlineChain.empty())
            existing.inlineChain = std::move(finding.inlineChain);
    }
    for (Explanation& e : explanations)
        attachExplanation(index, std::move(e));
    return index;
}

void ReportBuilder::reserveFindings(std::size_t count)
{
    m_report->m_findings.reserve(count);
    // A big report's findings fill this reservation front to back: in huge pages, a fault per 2 MiB instead
    // of one per 4 KiB page (6k faults for std's findings, each costly on a virtual machine).
    adviseHugePages(m_report->m_findings.data(), sizeof(Finding) * m_report->m_findings.capacity());
}

// The table of a file's findings; findings without a file have one of their own.
ReportBuilder::SlotTable& ReportBuilder::tableFor(FileId file)
{
    const std::size_t at = file == NoFile ? 0 : std::size_t(file) + 1;
    if (at >= m_tables.size())
        m_tables.resize(at + 1);
    return m_tables[at];
}

// The slot of `table` that holds an identical finding, or the free slot where it belongs (the table grows
// first when it would be more than half full).
ReportBuilder::Slot* ReportBuilder::findSlot(SlotTable& table, std::uint32_t hash, const Finding& finding)
{
    if ((table.used + 1) * 2 > table.entries.size())
        grow(table);
    const std::vector<Finding>& findings = m_report->m_findings;
    const std::size_t mask = table.entries.size() - 1;
    std::size_t at = homeSlot(hash, table.bits);
    while (table.entries[at].finding != 0) {
        const Slot& s = table.entries[at];
        if (s.hash == hash) {
            const Finding& same = findings[s.finding - 1];
            if (same.position == finding.position && same.kind == finding.kind && same.message == finding.message)
                break;
        }
        at = (at + 1) & mask;
    }
    return &table.entries[at];
}

// Where a hash's probe starts in a table of 2^bits slots. Fibonacci hashing: the top bits of the product
// mix every bit of the hash.
std::size_t ReportBuilder::homeSlot(std::uint32_t hash, unsigned bits)
{
    return static_cast<std::uint32_t>(hash * 0x9e3779b9u) >> (32 - bits);
}

void ReportBuilder::grow(SlotTable& table)
{
    // Most files have a few dozen findings: a small first table, doubled as they come.
    const unsigned bits = std::max(table.bits + 1, 4u);
    std::vector<Slot> entries(std::size_t(1) << bits);
    const std::size_t mask = entries.size() - 1;
    for (const Slot& s : table.entries) {
        if (s.finding == 0)
            continue;
        std::size_t at = homeSlot(s.hash, bits);
        while (entries[at].finding != 0)
            at = (at + 1) & mask;
        entries[at] = s;
    }
    table.entries = std::move(entries);
    table.bits = bits;
}

void ReportBuilder::attachExplanation(std::uint32_t findingIndex, Explanation explanation)
{
    std::vector<Explanation>& list = m_report->m_findings[findingIndex].explanations;
    // A repeated verdict comes with a repeated block: keep one copy of each distinct explanation.
    for (const Explanation& e : list) {
        if (e == explanation)
            return;
    }
    list.push_back(std::move(explanation));
}

void ReportBuilder::addUnknownLine(UnknownLine line)
{
    ++m_report->m_stats.unknownLines;
    m_report->m_unknown.push_back(std::move(line));
}

void ReportBuilder::addGoError(UnknownLine line)
{
    ++m_report->m_stats.errorLines;
    m_report->m_errors.push_back(std::move(line));
}

void ReportBuilder::addUnlinkedExplanation(Position at, Explanation explanation)
{
    ++m_report->m_stats.unlinkedExplanations;
    m_report->m_unlinked.emplace_back(at, std::move(explanation));
}

std::string foldShape(std::string_view line)
{
    std::string shape;
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ')
        shape.push_back(line[i++]);
    // The marker word (`flow:`, `from`, `warning:`, or a new one) as it is.
    while (i < line.size() && line[i] != ' ')
        shape.push_back(line[i++]);
    bool inName = false;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == '{') {
            int depth = 0;
            while (i < line.size()) {
                depth += line[i] == '{' ? 1 : line[i] == '}' ? -1 : 0;
                ++i;
                if (depth == 0)
                    break;
            }
            shape += "{}";
            inName = false;
            continue;
        }
        const bool name = std::isalnum(c) || c == '_' || c == '.' || c == '~' || c == '&' || c == '*' || c == '#'
            || c == '/' || c == '[' || c == ']' || c == '"' || c == '\'' || c == '-';
        if (name) {
            if (!inName)
                shape.push_back('x');
            inName = true;
        } else if (c == ':' && inName && i + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 1]))) {
            // `file.go:12:3`: the position folds into the name before it.
        } else {
            shape.push_back(static_cast<char>(c));
            inName = false;
        }
        ++i;
    }
    return shape;
}

void ReportBuilder::addPartlyUnderstood(std::string_view line, std::uint64_t lineNumber)
{
    addPartlyUnderstood(line, lineNumber, foldShape(line));
}

void ReportBuilder::addPartlyUnderstood(std::string_view line, std::uint64_t lineNumber, std::string shape)
{
    Report& r = *m_report;
    ++r.m_stats.partlyUnderstoodLines;
    const auto [it, added] = m_shapeIndex.try_emplace(std::move(shape), r.m_unfamiliar.size());
    if (added)
        r.m_unfamiliar.push_back(UnfamiliarShape { it->first, std::string(line), lineNumber, 0 });
    ++r.m_unfamiliar[it->second].count;
}

void ReportBuilder::restoreUnfamiliarShape(UnfamiliarShape shape)
{
    m_shapeIndex.try_emplace(shape.shape, m_report->m_unfamiliar.size());
    m_report->m_unfamiliar.push_back(std::move(shape));
}

void ReportBuilder::Absorbed::remap(Position& p) const
{
    if (p.file < files.size())
        p.file = files[p.file];
}

void ReportBuilder::Absorbed::remap(Explanation& e) const
{
    for (const FlowEdge& edge : e.flows) {
        for (const FlowStep& s : edge.steps)
            remap(const_cast<FlowStep&>(s).at); // written non-const by the part's ChainWriter
    }
}

ReportBuilder::Absorbed ReportBuilder::absorb(Report&& part, std::uint64_t lineOffset, bool continuesPackage)
{
    Absorbed absorbed;
    std::vector<FileId>& files = absorbed.files;
    files.resize(part.m_files.size());
    for (FileId f = 0; f < part.m_files.size(); ++f)
        files[f] = internFile(part.m_files[f]);
    const auto remap = [&absorbed](auto& x) { absorbed.remap(x); };
    std::vector<std::uint32_t> packages(part.m_packages.size());
    for (std::size_t i = 0; i < part.m_packages.size(); ++i) {
        const bool continued = i == 0 && continuesPackage && !m_report->m_packages.empty();
        packages[i] = continued ? static_cast<std::uint32_t>(m_report->m_packages.size() - 1)
                                : addPackage(part.m_packages[i].name);
    }
    absorbed.findings.reserve(part.m_findings.size());
    for (Finding& f : part.m_findings) {
        remap(f.position);
        for (Explanation& e : f.explanations)
            remap(e);
        for (Position& p : f.inlineChain)
            remap(p);
        if (f.package < packages.size())
            f.package = packages[f.package];
        absorbed.findings.push_back(addFinding(std::move(f)));
    }
    for (UnknownLine& u : part.m_unknown) {
        u.lineNumber += lineOffset;
        if (u.package < packages.size())
            u.package = packages[u.package];
        addUnknownLine(std::move(u));
    }
    for (UnknownLine& u : part.m_errors) {
        u.lineNumber += lineOffset;
        if (u.package < packages.size())
            u.package = packages[u.package];
        addGoError(std::move(u));
    }
    for (UnfamiliarShape& u : part.m_unfamiliar) {
        const auto [it, added] = m_shapeIndex.try_emplace(u.shape, m_report->m_unfamiliar.size());
        if (added) {
            u.firstLine += lineOffset;
            m_report->m_unfamiliar.push_back(std::move(u));
        } else {
            m_report->m_unfamiliar[it->second].count += u.count;
        }
    }
    m_report->m_stats.partlyUnderstoodLines += part.m_stats.partlyUnderstoodLines;
    for (auto& [at, e] : part.m_unlinked) {
        remap(at);
        remap(e);
        addUnlinkedExplanation(at, std::move(e));
    }
    ReportStats& s = m_report->m_stats;
    s.inputLines += part.m_stats.inputLines;
    s.packageHeaders += part.m_stats.packageHeaders;
    s.explanationLines += part.m_stats.explanationLines;
    s.blankLines += part.m_stats.blankLines;
    return absorbed;
}

void ReportBuilder::restoreLineCounts(const ReportStats& counts)
{
    ReportStats& s = m_report->m_stats;
    s.inputLines = counts.inputLines;
    s.packageHeaders = counts.packageHeaders;
    s.explanationLines = counts.explanationLines;
    s.blankLines = counts.blankLines;
    s.partlyUnderstoodLines = counts.partlyUnderstoodLines;
}

Report ReportBuilder::finish()
{
    Report& r = *m_report;
    // Sorted as (position, index) keys: comparing in place would reach into a finding (two hundred
    // bytes away from the next) at every step. The index as the last key keeps equal positions in order.
    // Two 64-bit words compared as integers: with the defaulted <=> of a Position-and-index pair this
    // function ran 27.4 M instructions on 40 MB of Go 1.27's std, now 19.7 M (callgrind).
    struct Key {
        std::uint64_t fileLine;
        std::uint64_t columnIndex;
        bool operator<(const Key& o) const noexcept
        {
            return fileLine < o.fileLine || (fileLine == o.fileLine && columnIndex < o.columnIndex);
        }
    };
    std::vector<Key> order(r.m_findings.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        const Position& p = r.m_findings[i].position;
        order[i] = { (std::uint64_t(p.file) << 32) | p.line, (std::uint64_t(p.column) << 32) | i };
    }
    std::sort(order.begin(), order.end());
    r.m_byPosition.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        r.m_byPosition[i] = static_cast<std::uint32_t>(order[i].columnIndex);
    r.m_fileRanges.assign(r.m_files.size(), { 0u, 0u });
    // Findings without a position (never observed, but possible) sort last under NoFile and get no range.
    std::uint32_t i = 0;
    const auto n = static_cast<std::uint32_t>(r.m_byPosition.size());
    while (i < n) {
        const FileId file = r.m_findings[r.m_byPosition[i]].position.file;
        std::uint32_t j = i;
        while (j < n && r.m_findings[r.m_byPosition[j]].position.file == file)
            ++j;
        if (file < r.m_fileRanges.size())
            r.m_fileRanges[file] = { i, j };
        i = j;
    }
    m_tables.clear();
    m_shapeIndex.clear();
    Report result = std::move(r);
    m_report = std::make_unique<Report>();
    return result;
}

} // namespace heapsight
