#pragma once

#include "core/diff/reportdiff.h"

#include <QTextStream>
#include <nlohmann/json_fwd.hpp>

namespace heapsight::cli {

struct DiffSides {
    const Report* a = nullptr;
    const Report* b = nullptr;
    std::string labelA, labelB; // "go1.21.13", "old.txt"
};

void printDiffText(const ReportDiff& diff, const DiffSides& sides, bool showUnchanged, QTextStream& out);
// The `changes` JSON documented in README ("Diff JSON").
nlohmann::json diffToJson(const ReportDiff& diff, const DiffSides& sides);
// SARIF 2.1.0: one result per heap allocation new in B, with URIs relative to `moduleRoot` when given.
nlohmann::json diffToSarif(const ReportDiff& diff, const DiffSides& sides, const std::string& moduleRoot);

} // namespace heapsight::cli
