#pragma once

#include "reportdiff.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace heapsight {

struct DiffSides {
    const Report* a = nullptr;
    const Report* b = nullptr;
    std::string labelA, labelB; // "go1.21.13", "old.txt"
};

// The `changes` JSON documented in README ("Diff JSON").
nlohmann::json diffToJson(const ReportDiff& diff, const DiffSides& sides);
// SARIF 2.1.0: one result per heap allocation new in B, with URIs relative to `moduleRoot` (uriBaseId
// SRCROOT) where the file lies inside it, and the compiler's flow as a code flow.
// `level` is SARIF's: "warning" for a diff gate, "note" for findings a baseline does not have.
nlohmann::json diffToSarif(const ReportDiff& diff, const DiffSides& sides, const std::string& moduleRoot,
                           const std::string& heapsightVersion, const std::string& level = "warning");

} // namespace heapsight
