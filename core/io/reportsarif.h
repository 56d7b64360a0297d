// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <bitset>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace heapsight {

struct ReportSarifOptions {
    std::bitset<FindingKindCount> kinds = std::bitset<FindingKindCount>().set(); // which findings become results
    std::string moduleRoot; // what relative URIs are relative to (SRCROOT); the report's working directory
    std::string heapsightVersion;
    bool executionSuccessful = true; // false when the build failed
    std::vector<std::string> warnings; // input not fully understood (understandingWarning)
};

// SARIF 2.1.0 of `report` (README, "SARIF of a report"): one result per finding of the chosen kinds, in
// report order, with the compiler's message, its position, a stable fingerprint and its reason chain as a
// code flow; one rule per kind and, for the kinds with a cause (heapCause), per kind and cause
// ("heapsight/moved/returned", "heapsight/can-inline"), its help the cause's one-line hint (else the
// verdict's remedy). Heap allocations are level "warning", everything else "note".
nlohmann::json reportToSarif(const Report& report, const ReportSarifOptions& options);

} // namespace heapsight
