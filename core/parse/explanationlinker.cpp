#include "explanationlinker.h"

#include "../model/reportbuilder.h"

#include <algorithm>

namespace heapsight {

std::size_t ExplanationKeyHash::operator()(const ExplanationKey& key) const noexcept
{
    std::size_t h = std::hash<std::string_view> {}(key.subject);
    const std::uint64_t place = (std::uint64_t(key.position.file) << 40) ^ (std::uint64_t(key.position.line) << 16)
        ^ (std::uint64_t(key.position.column) << 1) ^ static_cast<std::uint64_t>(key.header);
    h ^= place * 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

void ExplanationLinker::block(ReportBuilder& builder, ExplanationKey key, Explanation block)
{
    if (const auto it = m_verdicts.find(key); it != m_verdicts.end()) {
        builder.attachExplanation(it->second, std::move(block));
        return;
    }
    m_pending[std::move(key)].push_back(std::move(block));
}

void ExplanationLinker::verdict(ReportBuilder& builder, const ExplanationKey& key, std::uint32_t finding)
{
    if (const auto it = m_pending.find(key); it != m_pending.end()) {
        for (Explanation& e : it->second)
            builder.attachExplanation(finding, std::move(e));
        m_pending.erase(it);
    }
    // The first verdict of a key is the one later blocks explain.
    m_verdicts.try_emplace(key, finding);
}

void ExplanationLinker::endPackage(ReportBuilder& builder)
{
    std::vector<std::pair<const ExplanationKey*, std::vector<Explanation>*>> left;
    left.reserve(m_pending.size());
    for (auto& [key, blocks] : m_pending)
        left.emplace_back(&key, &blocks);
    std::sort(left.begin(), left.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
    for (auto& [key, blocks] : left) {
        for (Explanation& e : *blocks)
            builder.addUnlinkedExplanation(key->position, std::move(e));
    }
    m_pending.clear();
    m_verdicts.clear();
}

void ExplanationLinker::replay(ReportBuilder& builder, Event event)
{
    switch (event.type) {
    case Event::Type::Block:
        block(builder, std::move(event.key), std::move(event.block));
        return;
    case Event::Type::Verdict:
        verdict(builder, event.key, event.finding);
        return;
    case Event::Type::EndPackage:
        endPackage(builder);
        return;
    }
}

} // namespace heapsight
