// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "assertionchecker.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace heapsight {

// What the assertions were checked with, said in JSON and SARIF.
struct AssertContext {
    const Report* report = nullptr; // the analysis the outcomes were decided on
    std::string moduleRoot; // absolute
    std::string toolchain; // "go1.22.12"
    std::string heapsightVersion;
    std::vector<std::string> warnings; // e.g. understandingWarning(report, "the analysis")
};

// How one violation reads for a person: the first line "noescape.go:21: //heapsight:noescape broken: moved
// to heap: n" (file relative to the module root, 1-based line; "… //heapsight:noescape on Loud broken: …"
// for a function's directive), then the reason, each line indented by four spaces: the compiler's
// explanation chain (chainText) of an escape, the compiler's line of a kept bounds check with its
// column, the compiler's `cannot inline F: REASON` of a call not inlined.
std::vector<std::string> violationText(const Report& report, const AssertOutcome& outcome, const AssertViolation& v);

// The assert JSON documented in README ("heapsight-cli assert"): schema "heapsight-assert", schemaVersion 1.
nlohmann::json assertionsToJson(const std::vector<AssertOutcome>& outcomes, const AssertContext& context);
// SARIF 2.1.0: one rule per check (heapsight/assert-noescape, -inline, -bce), one result of level "error"
// per violation at its position, the directive as a related location, an escape's chain as code flow.
nlohmann::json assertionsToSarif(const std::vector<AssertOutcome>& outcomes, const AssertContext& context);

} // namespace heapsight
