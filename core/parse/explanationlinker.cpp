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
    const Explanation& block, const std::vector<ExplainableVerdict>& verdicts, const std::vector<bool>& explained)
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

std::size_t ExplanationLinker::PositionHash::operator()(const Position& p) const noexcept
{
    const std::uint64_t v = (std::uint64_t(p.file) << 40) ^ (std::uint64_t(p.line) << 12) ^ p.column;
    return static_cast<std::size_t>(v * 0x9e3779b97f4a7c15ULL);
}

void ExplanationLinker::block(Position at, Explanation block)
{
    m_places[at].blocks.push_back(std::move(block));
}

void ExplanationLinker::verdict(ExplainableVerdict verdict)
{
    const Position at = verdict.position;
    m_places[at].verdicts.push_back(std::move(verdict));
}

void ExplanationLinker::endPackage(ReportBuilder& builder)
{
    // Sorted by position, so that unlinked blocks come out in an order that does not depend on hashing.
    std::vector<std::pair<Position, Place*>> places;
    places.reserve(m_places.size());
    for (auto& [at, place] : m_places) {
        if (!place.blocks.empty())
            places.emplace_back(at, &place);
    }
    std::sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [at, place] : places) {
        std::vector<bool> explained(place->verdicts.size(), false);
        std::vector<Explanation*> left;
        for (Explanation& block : place->blocks) {
            std::size_t best = place->verdicts.size();
            int bestScore = -1;
            for (std::size_t i = 0; i < place->verdicts.size(); ++i) {
                const int score = explanationScore(block, place->verdicts[i]);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < place->verdicts.size()) {
                explained[best] = true;
                builder.attachExplanation(place->verdicts[best].finding, std::move(block));
            } else {
                left.push_back(&block);
            }
        }
        for (Explanation* block : left) {
            const std::size_t only = loneUnexplainedVerdict(*block, place->verdicts, explained);
            if (only < place->verdicts.size()) {
                explained[only] = true;
                builder.attachExplanation(place->verdicts[only].finding, std::move(*block));
            } else {
                builder.addUnlinkedExplanation(at, std::move(*block));
            }
        }
    }
    m_places.clear();
}

void ExplanationLinker::replay(ReportBuilder& builder, Event event)
{
    switch (event.type) {
    case Event::Type::Block:
        block(event.position, std::move(event.block));
        return;
    case Event::Type::Verdict:
        verdict(std::move(event.verdict));
        return;
    case Event::Type::EndPackage:
        endPackage(builder);
        return;
    }
}

} // namespace heapsight
