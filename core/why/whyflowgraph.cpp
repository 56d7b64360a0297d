// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "whyflowgraph.h"

#include <algorithm>
#include <optional>

namespace heapsight {

namespace {

FlowGraph::Location graphLocation(const WhyLocation& at)
{
    return { at.file, at.path, at.line, at.column };
}

// As buildFlowGraph labels a flow: "&" or "*" × derefs, then the reason words of its steps.
std::string whyFlowLabel(const WhyFlow& flow)
{
    std::string label = flow.derefs < 0 ? "&" : std::string(static_cast<std::size_t>(flow.derefs), '*');
    for (std::size_t i = 0; i < flow.steps.size(); ++i) {
        if (i == 0 && !label.empty())
            label += ' ';
        else if (i > 0)
            label += ", ";
        label += flow.steps[i].reason;
    }
    return label;
}

class WhyGraphBuilder {
public:
    FlowGraph build(std::span<const WhyPath> paths)
    {
        // The findings' own blocks take the first columns, as buildFlowGraph lays them out, with the heap
        // centred under them; the sub-paths go to their right, so that no own flow into the heap crosses one.
        const auto own = static_cast<std::uint32_t>(
            std::ranges::count_if(paths, [](const WhyPath& p) { return !p.segments.empty(); }));
        m_graph.columns = own;
        std::uint32_t column = 0;
        for (const WhyPath& path : paths) {
            if (!path.segments.empty())
                addSegment(path, 0, -1, nullptr, 0, column++);
        }
        if (m_heap) {
            FlowGraph::Node& heap = m_graph.nodes[*m_heap];
            heap.row = m_graph.rows;
            heap.column = own > 0 ? (own - 1) / 2.0 : 0;
            m_graph.rows += 1;
        }
        return std::move(m_graph);
    }

private:
    std::uint32_t addNode(const std::string& name, std::uint32_t segment, double column, std::uint32_t row)
    {
        const FlowGraph::NodeKind kind = flowNodeKind(name);
        if (kind == FlowGraph::NodeKind::Heap) {
            if (!m_heap) {
                m_heap = static_cast<std::uint32_t>(m_graph.nodes.size());
                m_graph.nodes.push_back({ name, kind, {}, 0, 0, segment, {} });
            }
            return *m_heap;
        }
        m_graph.nodes.push_back({ name, kind, {}, column, row, segment, {} });
        m_graph.rows = std::max(m_graph.rows, row + 1);
        return static_cast<std::uint32_t>(m_graph.nodes.size() - 1);
    }

    void placeAt(std::uint32_t node, const WhyLocation& at)
    {
        if (!m_graph.nodes[node].where.isValid())
            m_graph.nodes[node].where = graphLocation(at);
    }

    // Segment `index` of `path` in a column of its own, entered by `entry` (null for the finding's own
    // block); its flows chain as buildFlowGraph's do. Returns its first node (none without flows).
    std::optional<std::uint32_t> addSegment(const WhyPath& path, std::size_t index, std::int32_t parent,
        const WhyStep* entry, std::uint32_t firstRow, std::uint32_t ownColumn = 0)
    {
        const WhySegment& seg = path.segments[index];
        const auto segment = static_cast<std::uint32_t>(m_graph.segments.size());
        m_graph.segments.push_back({ seg.function, seg.package, entry ? entry->parameter : std::string(),
            seg.outsideModule, graphLocation(seg.at), parent, seg.depth });
        // A callee's column is taken before its own callees are drawn, so that they go to its right.
        const auto column = static_cast<double>(parent < 0 ? ownColumn : m_graph.columns++);
        std::uint32_t row = firstRow;
        std::optional<std::uint32_t> first, previous;
        for (const WhyFlow& flow : seg.flows) {
            if (!previous || m_graph.nodes[*previous].name != flow.source)
                previous = addNode(flow.source, segment, column, row++);
            if (!first)
                first = previous;
            const std::uint32_t to = addNode(flow.destination, segment, column, row++);
            FlowGraph::Edge edge { *previous, to, whyFlowLabel(flow), {}, false, false, {} };
            if (!flow.steps.empty()) {
                edge.where = graphLocation(flow.steps.front().at);
                placeAt(*previous, flow.steps.front().at);
                placeAt(to, flow.steps.back().at);
            }
            m_graph.edges.push_back(std::move(edge));
            // The value passed to a call is the flow's source: the callee's sub-path hangs off it.
            for (const WhyStep& step : flow.steps) {
                if (step.enters < 0 || static_cast<std::size_t>(step.enters) >= path.segments.size())
                    continue;
                const std::uint32_t origin = *previous;
                const std::optional<std::uint32_t> callee = addSegment(path, static_cast<std::size_t>(step.enters),
                    static_cast<std::int32_t>(segment), &step, m_graph.nodes[origin].row + 1);
                if (callee) {
                    m_graph.edges.push_back(
                        { origin, *callee, step.reason + " \u2192 " + step.callee + " (" + step.parameter + ")", {},
                            false, true, graphLocation(step.at) });
                }
            }
            previous = to;
        }
        if (seg.truncated && previous) {
            const std::uint32_t cut = addNode("…", segment, column, row++);
            m_graph.nodes[cut].kind = FlowGraph::NodeKind::Truncated;
            m_graph.edges.push_back({ *previous, cut, "truncated: assignment cycle", {}, true, false, {} });
            m_graph.truncated = true;
        }
        return first;
    }

    FlowGraph m_graph;
    std::optional<std::uint32_t> m_heap;
};

} // namespace

FlowGraph buildWhyFlowGraph(std::span<const WhyPath> paths)
{
    return WhyGraphBuilder().build(paths);
}

bool entersCallee(std::span<const WhyPath> paths)
{
    return std::ranges::any_of(paths, [](const WhyPath& p) { return p.segments.size() > 1; });
}

} // namespace heapsight
