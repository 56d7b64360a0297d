// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chainwriter.h"

#include <cstring>
#include <type_traits>

namespace heapsight {

// Nothing in an arena is destroyed: what goes there must not need it.
static_assert(std::is_trivially_destructible_v<FlowStep> && std::is_trivially_copyable_v<FlowStep>);
static_assert(std::is_trivially_destructible_v<FlowEdge>);

ChainWriter::ChainWriter()
    : m_arena(std::make_shared<ChainArena>())
{
}

void ChainWriter::finish(Explanation& e)
{
    e.chains = m_arena;
    if (m_edges.empty()) {
        e.flows = {};
        discard();
        return;
    }
    auto* steps = static_cast<FlowStep*>(m_arena->allocate(sizeof(FlowStep) * m_steps.size(), alignof(FlowStep)));
    if (!m_steps.empty())
        std::memcpy(static_cast<void*>(steps), m_steps.data(), sizeof(FlowStep) * m_steps.size());
    auto* edges = static_cast<FlowEdge*>(m_arena->allocate(sizeof(FlowEdge) * m_edges.size(), alignof(FlowEdge)));
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const Edge& edge = m_edges[i];
        const std::size_t end = i + 1 < m_edges.size() ? m_edges[i + 1].firstStep : m_steps.size();
        new (edges + i) FlowEdge { edge.destination, edge.source, edge.derefs,
            std::span<const FlowStep>(steps + edge.firstStep, end - edge.firstStep) };
    }
    e.flows = std::span<const FlowEdge>(edges, m_edges.size());
    discard();
}

void ChainWriter::discard()
{
    m_edges.clear();
    m_steps.clear();
}

} // namespace heapsight
