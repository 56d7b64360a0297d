// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "explanationlinker.h"

#include "core/model/reportbuilder.h"

#include <algorithm>

namespace heapsight {

namespace {

constexpr std::string_view kStorageFor = "{storage for ";

// The verdict names the block's subject by its head: `append` for `append(*dst, it)` (Go 1.25+).
bool isHeadOf(std::string_view head, std::string_view whole)
{
    return !head.empty() && whole.size() > head.size() && whole.starts_with(head)
        && (whole[head.size()] == '(' || whole[head.size()] == '[' || whole[head.size()] == '{');
}

// The same call with other arguments: the verdict of an inlined call prints its arguments folded
// (`make([]uint, 1)`), the block as written (`make([]uint, n)`).
bool sameCallee(std::string_view a, std::string_view b)
{
    const std::size_t open = a.find('(');
    return open != std::string_view::npos && open > 0 && a.ends_with(')') && b.ends_with(')')
        && b.substr(0, open + 1) == a.substr(0, open + 1);
}

// What the first flow of an escapes block starts at: the variable (`&x`: x itself must live on the heap)
// or the storage a value expression allocates (`&{storage for E}`).
enum class Proves : std::uint8_t { Unknown, Variable, Storage };

Proves provedBy(const Explanation& block)
{
    if (block.flows.empty())
        return Proves::Unknown;
    const std::string_view source = block.flows.front().source;
    if (source.starts_with(kStorageFor))
        return Proves::Storage;
    if (source == block.subject)
        return Proves::Variable;
    return Proves::Unknown;
}

int escapesScore(const Explanation& block, const ExplainableVerdict& verdict)
{
    if (verdict.kind != FindingKind::MovedToHeap && verdict.kind != FindingKind::EscapesToHeap)
        return -1;
    int score = 0;
    if (verdict.subject == block.subject)
        score = 4;
    else if (isHeadOf(verdict.subject, block.subject))
        score = 2;
    else if (sameCallee(verdict.subject, block.subject))
        score = 1;
    else
        return -1;
    switch (provedBy(block)) {
    case Proves::Variable:
        return score + (verdict.kind == FindingKind::MovedToHeap ? 2 : 0);
    case Proves::Storage:
        return score + (verdict.kind == FindingKind::EscapesToHeap ? 2 : 0);
    case Proves::Unknown:
        return score + 1;
    }
    return score;
}

int leaksScore(const Explanation& block, const ExplainableVerdict& verdict)
{
    if (verdict.subject != block.subject)
        return -1;
    switch (verdict.kind) {
    case FindingKind::LeakingParamToResult:
        return verdict.detail == block.target ? (verdict.number == block.derefs ? 4 : 3) : 0;
    case FindingKind::LeakingParam:
        return block.derefs == 0 ? 3 : 0;
    case FindingKind::LeakingParamContent:
        return block.derefs > 0 ? 3 : 0;
    default:
        return -1;
    }
}

// An escapes block whose subject names no verdict at its position: an inlined callee's parameter (`msg`)
// whose verdict prints the caller's argument instead (`"nil" escapes to heap`). It explains the verdict of
// the kind it proves when that is the only such verdict at the position and no other block explains it.
std::size_t loneUnexplainedVerdict(
    const Explanation& block, std::span<const ExplainableVerdict> verdicts, std::span<const char> explained)
{
    if (block.header != Explanation::Header::Escapes)
        return verdicts.size();
    const Proves proves = provedBy(block);
    if (proves == Proves::Unknown)
        return verdicts.size();
    const FindingKind kind = proves == Proves::Variable ? FindingKind::MovedToHeap : FindingKind::EscapesToHeap;
    std::size_t found = verdicts.size();
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
        if (verdicts[i].kind != kind)
            continue;
        if (found != verdicts.size() || explained[i])
            return verdicts.size();
        found = i;
    }
    return found;
}

} // namespace

int explanationScore(const Explanation& block, const ExplainableVerdict& verdict)
{
    return block.header == Explanation::Header::Leaks ? leaksScore(block, verdict) : escapesScore(block, verdict);
}

void ExplanationLinker::block(Position at, Explanation block)
{
    m_blockOrder.push_back(Keyed { at, static_cast<std::uint32_t>(m_blocks.size()) });
    m_blocks.push_back(std::move(block));
}

void ExplanationLinker::verdict(Position at, std::uint32_t findingIndex)
{
    m_verdicts.push_back(Keyed { at, findingIndex });
}

void ExplanationLinker::endPackage(ReportBuilder& builder)
{
    // Places in position order, so that unlinked blocks come out in an order that does not depend on the
    // input's; within a place, blocks and verdicts in input order (blocks: their index is the tie-break;
    // verdicts: a stable sort, so that a repeated verdict's first occurrence wins a tie, as it came first).
    std::sort(m_blockOrder.begin(), m_blockOrder.end());
    // Only positions and finding indices are sorted; a verdict's finding is read only where a block is (most
    // verdicts have none: reading and sorting them all, 64 bytes each, cost more than it saved on Go 1.22).
    std::stable_sort(m_verdicts.begin(), m_verdicts.end(), [](const Keyed& a, const Keyed& b) { return a.at < b.at; });
    std::size_t v = 0;
    for (std::size_t b = 0; b < m_blockOrder.size();) {
        const Position at = m_blockOrder[b].at;
        m_placeBlocks.clear();
        for (; b < m_blockOrder.size() && m_blockOrder[b].at == at; ++b)
            m_placeBlocks.push_back(m_blockOrder[b].index);
        while (v < m_verdicts.size() && m_verdicts[v].at < at)
            ++v;
        m_placeVerdicts.clear();
        for (; v < m_verdicts.size() && m_verdicts[v].at == at; ++v) {
            const std::uint32_t i = m_verdicts[v].index;
            const Finding& f = builder.finding(i);
            m_placeVerdicts.push_back(ExplainableVerdict { f.position, f.kind, f.subject, f.detail, f.number, i });
        }
        linkPlace(builder, at, m_placeBlocks, m_placeVerdicts);
    }
    m_blockOrder.clear();
    m_blocks.clear();
    m_verdicts.clear();
}

// The blocks (indices into m_blocks) and verdicts at one position.
void ExplanationLinker::linkPlace(ReportBuilder& builder, Position at, std::span<const std::uint32_t> blocks,
    std::span<const ExplainableVerdict> verdicts)
{
    m_explained.assign(verdicts.size(), 0);
    m_left.clear();
    for (const std::uint32_t b : blocks) {
        Explanation& block = m_blocks[b];
        std::size_t best = verdicts.size();
        int bestScore = -1;
        for (std::size_t i = 0; i < verdicts.size(); ++i) {
            const int score = explanationScore(block, verdicts[i]);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < verdicts.size()) {
            m_explained[best] = 1;
            builder.attachExplanation(verdicts[best].finding, std::move(block));
        } else {
            m_left.push_back(b);
        }
    }
    for (const std::uint32_t b : m_left) {
        Explanation& block = m_blocks[b];
        const std::size_t only = loneUnexplainedVerdict(block, verdicts, m_explained);
        if (only < verdicts.size()) {
            m_explained[only] = 1;
            builder.attachExplanation(verdicts[only].finding, std::move(block));
        } else {
            builder.addUnlinkedExplanation(at, std::move(block));
        }
    }
}

void ExplanationLinker::replay(ReportBuilder& builder, Event event)
{
    switch (event.type) {
    case Event::Type::Block:
        block(event.position, std::move(event.block));
        return;
    case Event::Type::Verdict:
        verdict(event.position, event.finding);
        return;
    case Event::Type::EndPackage:
        endPackage(builder);
        return;
    }
}

} // namespace heapsight
