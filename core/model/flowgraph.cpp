// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "flowgraph.h"

#include <algorithm>
#include <optional>

namespace heapsight {

FlowGraph::NodeKind flowNodeKind(std::string_view location)
{
    if (location == "{heap}")
        return FlowGraph::NodeKind::Heap;
    if (location.starts_with("~r") || location.starts_with("~R"))
        return FlowGraph::NodeKind::Result;
    if (location.starts_with("{storage for"))
        return FlowGraph::NodeKind::Storage;
    if (location.starts_with(".autotmp"))
        return FlowGraph::NodeKind::Temporary;
    return FlowGraph::NodeKind::Location;
}

namespace {

std::string edgeLabel(const FlowEdge& edge)
{
    std::string label = edge.derefs < 0 ? "&" : std::string(static_cast<std::size_t>(edge.derefs), '*');
    for (std::size_t i = 0; i < edge.steps.size(); ++i) {
        if (i == 0 && !label.empty())
            label += ' ';
        else if (i > 0)
            label += ", ";
        label += edge.steps[i].reason;
    }
    return label;
}

class GraphBuilder {
public:
    FlowGraph build(const Report& report, std::span<const std::uint32_t> findings)
    {
        for (std::uint32_t i : findings) {
            if (i >= report.findings().size())
                continue;
            for (const Explanation& e : report.findings()[i].explanations)
                addPath(e);
        }
        // The heap sits below the longest path, centred under all of them.
        if (m_heap) {
            FlowGraph::Node& heap = m_graph.nodes[*m_heap];
            heap.row = m_graph.rows;
            heap.column = m_graph.columns > 0 ? (m_graph.columns - 1) / 2.0 : 0;
            m_graph.rows += 1;
        }
        return std::move(m_graph);
    }

private:
    std::uint32_t addNode(std::string_view name, FlowGraph::NodeKind kind, std::uint32_t row)
    {
        if (kind == FlowGraph::NodeKind::Heap) {
            if (!m_heap) {
                m_heap = static_cast<std::uint32_t>(m_graph.nodes.size());
                m_graph.nodes.push_back({ std::string(name), kind, {}, 0, 0, 0, {} });
            }
            return *m_heap;
        }
        m_graph.nodes.push_back({ std::string(name), kind, {}, static_cast<double>(m_graph.columns), row, 0, {} });
        m_graph.rows = std::max(m_graph.rows, row + 1);
        return static_cast<std::uint32_t>(m_graph.nodes.size() - 1);
    }

    void placeAt(std::uint32_t node, const Position& at)
    {
        if (!m_graph.nodes[node].at.isValid())
            m_graph.nodes[node].at = at;
    }

    // One explanation: its flows chain source → destination; a flow whose source is not the previous
    // destination starts the chain again (never seen in real output, but then nothing is invented).
    void addPath(const Explanation& e)
    {
        if (e.flows.empty())
            return;
        std::uint32_t row = 0;
        std::optional<std::uint32_t> previous;
        for (const FlowEdge& flow : e.flows) {
            if (!previous || m_graph.nodes[*previous].name != std::string_view(flow.source))
                previous = addNode(flow.source, flowNodeKind(flow.source), row++);
            const std::uint32_t to = addNode(flow.destination, flowNodeKind(flow.destination), row++);
            FlowGraph::Edge edge { *previous, to, edgeLabel(flow), {}, false, false, {} };
            if (!flow.steps.empty()) {
                edge.at = flow.steps.front().at;
                placeAt(*previous, flow.steps.front().at);
                placeAt(to, flow.steps.back().at);
            }
            m_graph.edges.push_back(std::move(edge));
            previous = to;
        }
        if (e.truncated) {
            const std::uint32_t cut = addNode("…", FlowGraph::NodeKind::Truncated, row++);
            m_graph.edges.push_back({ *previous, cut, "truncated: assignment cycle", {}, true, false, {} });
            m_graph.truncated = true;
        }
        ++m_graph.columns;
    }

    FlowGraph m_graph;
    std::optional<std::uint32_t> m_heap;
};

} // namespace

FlowGraph buildFlowGraph(const Report& report, std::span<const std::uint32_t> findings)
{
    return GraphBuilder().build(report, findings);
}

} // namespace heapsight
