// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reportdiff.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

struct DiffSides {
    const Report* a = nullptr;
    const Report* b = nullptr;
    std::string labelA, labelB; // "go1.21.13", "old.txt"
    // Said with the result (JSON `warnings`, SARIF tool execution notifications): understandingWarning of
    // each side that has one, in the order A, B.
    std::vector<std::string> warnings {};
    // False when the command gave no verdict (exit 3: a gate on a side not fully understood); SARIF's
    // executionSuccessful.
    bool verdictGiven = true;
};

// One line for the user when `report` holds input the parser did not fully understand, so a comparison
// with it may miss findings or explanations: "side B not fully understood: 3 lines not understood"
// (Report::unknownLines), "...: 12 explanation lines only partly understood" (lines of explanation blocks
// kept only as raw text, ReportStats::partlyUnderstoodLines), or both joined by ", ". `side` names it:
// "side A", "side B", "the analysis". Empty when everything was understood.
std::string understandingWarning(const Report& report, std::string_view side);

// The `changes` JSON documented in README ("Diff JSON"), with `warnings` (an array of strings, empty when
// both sides were understood) at the top level.
nlohmann::json diffToJson(const ReportDiff& diff, const DiffSides& sides);
// SARIF 2.1.0: one result per heap allocation new in B, with URIs relative to `moduleRoot` (uriBaseId
// SRCROOT) where the file lies inside it, and the compiler's flow as a code flow. runs[0].invocations[0]
// says whether a verdict was given (executionSuccessful) and carries `sides.warnings` as tool execution
// notifications of level "warning".
// `level` is SARIF's: "warning" for a diff gate, "note" for findings a baseline does not have.
nlohmann::json diffToSarif(const ReportDiff& diff, const DiffSides& sides, const std::string& moduleRoot,
    const std::string& heapsightVersion, const std::string& level = "warning");

} // namespace heapsight
