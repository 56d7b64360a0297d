// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/flowgraph.h"
#include "whypath.h"

#include <span>

namespace heapsight {

// The flow graph of interprocedural why paths (WhyPathBuilder), in the order given. Each path's own block
// (segment 0) is drawn as buildFlowGraph draws an explanation: a column of locations joined by its flows,
// the paths' own columns first (0, 1, …). Each segment a `call parameter` step enters (WhyStep::enters) is
// a sub-path in the next free column to the right of them, starting one row below the location passed to
// the call (the flow's source), and joined to it by an edge with `call` set, labelled "call parameter →
// store.Keep (it)"; its own calls recursively the same way. Every flow into {heap}, in any segment, ends in
// the one shared heap node, below all rows and centred under the own columns (so without sub-paths the
// layout is buildFlowGraph's).
//
// Nodes and edges carry `where` (file, disk path, 1-based line and column of the step, as WhyLocation) and
// not `at`: the steps of a path come from several reports. FlowGraph::segments has one entry per drawn
// segment, its `function`/`package` naming the callee and `outsideModule` set for GOROOT or module-cache
// sources. Paths without segments (NoExplanation) add nothing; no paths give an empty graph.
FlowGraph buildWhyFlowGraph(std::span<const WhyPath> paths);

// Whether any of `paths` enters a callee: only then does the interprocedural graph show more than
// buildFlowGraph does.
bool entersCallee(std::span<const WhyPath> paths);

} // namespace heapsight
