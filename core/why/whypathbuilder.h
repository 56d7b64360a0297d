// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"
#include "whypath.h"
#include "whysources.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace heapsight {

// One analysis a why path may read: the module's own, or one of dependency packages (`go build
// -gcflags=-m=2 fmt sync` run in the module) spliced in. `sourceRoot` is the directory relative file
// names of the report are relative to (where go ran: the module root).
struct WhyInput {
    std::shared_ptr<const Report> report;
    std::string sourceRoot;
};

// Builds interprocedural why paths: a finding's -m=2 explanation, and for each `call parameter` step
// the callee's `parameter P leaks to …` block, recursively, across packages and reports.
//
// A call step is matched to its callee's block in three moves, all on the compiler's own text and the
// Go sources it names: (1) the printed call (`store.Keep(&item)`, `(*sync.Pool).Put(buffers, &buf)`) gives
// the package name, the function as declared (`(*Pool).Put`) and the argument carrying the value (the
// step before it, or the flow's source); (2) the package name selects the analysed packages of that name
// (their files' package clause), whose sources declare the function (scanGoFunctions); its signature
// gives the parameter for the argument index and where its name is written; (3) the compiler reports the
// parameter's leak at exactly that position. Both grammars (Go 1.21–1.24 and 1.25+) carry the same
// positions, so neither needs the header's function name.
class WhyPathBuilder {
public:
    explicit WhyPathBuilder(std::vector<WhyInput> inputs);

    // The paths of the heap and leak findings of the first input on `file`:`line` (and `column`, unless
    // 0), one per explanation block (a finding without one gets a NoExplanation path). `file` as the
    // compiler prints it or relative to the first input's source root ("main.go" finds "./main.go").
    std::vector<WhyPath> pathsAt(std::string_view file, std::uint32_t line, std::uint32_t column = 0);

    // The path of explanation `explanation` of finding `finding` of input `input`.
    WhyPath pathOf(std::size_t input, std::uint32_t finding, std::size_t explanation);

    // Limits that keep a path readable and finite (a std call can fan out through fmt's whole printer).
    static constexpr std::uint32_t MaxDepth = 16;
    static constexpr std::size_t MaxSegments = 64;

private:
    using BlockKey = std::tuple<std::size_t, FileId, std::uint32_t, std::uint32_t>;

    std::int32_t addSegment(WhyPath& path, std::size_t input, const Explanation& block, Position at,
        std::string function, std::int32_t parent, std::int32_t parentStep, std::uint32_t depth);
    void followCall(WhyPath& path, std::size_t input, const WhyFlow& flow, std::size_t stepInFlow, WhyStep& step,
        std::int32_t segment, std::int32_t flatStep, std::uint32_t depth);
    WhyLocation location(std::size_t input, Position at);

    std::vector<WhyInput> m_inputs;
    WhySources m_sources;
    std::vector<BlockKey> m_stack; // callee blocks on the path being built (recursion guard)
};

} // namespace heapsight
