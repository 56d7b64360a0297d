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
//
// An interprocedural graph (core/why/whyflowgraph.h) also draws the callees' `parameter P leaks` blocks a
// value is passed to: each such sub-path is a Segment with its own column(s), joined to the call that enters
// it by a `call` edge. Graphs of one report's own explanations (buildFlowGraph) have no segments.
struct FlowGraph {
    enum class NodeKind : std::uint8_t {
        Location, // a variable or parameter
        Heap, // {heap}
        Result, // ~r0, ~r1, …
        Storage, // {storage for …}
        Temporary, // .autotmp_N
        Truncated, // where the compiler stopped explaining (assignment cycle)
    };
    // A position not tied to one report's FileIds (a sub-path's steps are in other files and reports): the
    // file as the compiler printed it ("./main.go", "/usr/lib/go-1.22/src/fmt/print.go"), the file on disk
    // it names ("" when not found), 1-based line and byte column (column 0: none printed; line 0: no place).
    struct Location {
        std::string file;
        std::string path;
        std::uint32_t line = 0;
        std::uint32_t column = 0;

        bool isValid() const { return line > 0; }
    };
    struct Node {
        std::string name;
        NodeKind kind = NodeKind::Location;
        Position at; // where to jump: the first step involving it (invalid in interprocedural graphs)
        double column = 0; // layout: the path's column (the heap node sits centred below all paths)
        std::uint32_t row = 0; // layout: place along the path, 0 at the top
        // Index into `segments` (0 also when there are none); the shared heap node: the first segment reaching it.
        std::uint32_t segment = 0;
        Location where; // interprocedural graphs: where to jump, as `at` (the first step involving it)
    };
    struct Edge {
        std::uint32_t from = 0, to = 0; // node indices; the value flows from → to
        std::string label; // "&", "*" × derefs, then the reason words of its steps: "& address-of, return"
        Position at; // its first step
        bool truncated = false;
        // The value is passed to a callee whose own block says where it goes: `to` is the first location of
        // that callee's segment; the label reads "call parameter → store.Keep (it)".
        bool call = false;
        Location where; // interprocedural graphs: as `at` (for a call edge: the call step)
    };
    // One explanation block of an interprocedural graph: segment 0 the finding's own, the others a callee's
    // `parameter P leaks to …` block, entered from a call edge of segment `parent`.
    struct Segment {
        std::string function; // the callee as the call names it ("store.Keep"); "" for a finding's own block
        std::string package; // the package the block was printed under ("example.com/m/internal/store")
        std::string parameter; // the callee's parameter the value lands in ("it"); "" for a finding's own
        bool outsideModule = false; // GOROOT or the module cache: its source is read-only
        Location where; // the block's position (a callee's: where its parameter is declared)
        std::int32_t parent = -1; // the entering segment; -1 for a finding's own block
        std::uint32_t depth = 0; // calls from the finding's own block
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Segment> segments; // empty unless interprocedural (core/why/whyflowgraph.h)
    std::uint32_t columns = 0, rows = 0;
    bool truncated = false; // some explanation was cut short by the compiler
};

FlowGraph::NodeKind flowNodeKind(std::string_view location);

// The graph of the explanations of `findings` (indices into report.findings()), in that order.
FlowGraph buildFlowGraph(const Report& report, std::span<const std::uint32_t> findings);

} // namespace heapsight
