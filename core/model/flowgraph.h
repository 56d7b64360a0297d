// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "report.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace heapsight {

// The compiler's escape flow of some findings as a small graph: each -m=2 explanation is a path of
// locations (variables, results ~r0, {storage for …}, temporaries) joined by its `flow:` edges, drawn as
// a column; every path that ends in the heap ends in one shared {heap} node. Locations are not merged
// across paths or by name: two `~r0` of one path are the results of different (inlined) functions.
struct FlowGraph {
    enum class NodeKind : std::uint8_t {
        Location, // a variable or parameter
        Heap, // {heap}
        Result, // ~r0, ~r1, …
        Storage, // {storage for …}
        Temporary, // .autotmp_N
        Truncated, // where the compiler stopped explaining (assignment cycle)
    };
    struct Node {
        std::string name;
        NodeKind kind = NodeKind::Location;
        Position at; // where to jump: the first step involving it
        double column = 0; // layout: the path's column (the heap node sits centred below all paths)
        std::uint32_t row = 0; // layout: place along the path, 0 at the top
    };
    struct Edge {
        std::uint32_t from = 0, to = 0; // node indices; the value flows from → to
        std::string label; // "&", "*" × derefs, then the reason words of its steps: "& address-of, return"
        Position at; // its first step
        bool truncated = false;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::uint32_t columns = 0, rows = 0;
    bool truncated = false; // some explanation was cut short by the compiler
};

FlowGraph::NodeKind flowNodeKind(std::string_view location);

// The graph of the explanations of `findings` (indices into report.findings()), in that order.
FlowGraph buildFlowGraph(const Report& report, std::span<const std::uint32_t> findings);

} // namespace heapsight
