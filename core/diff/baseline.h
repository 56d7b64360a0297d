// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/identity/findingidentity.h"
#include "reportdiff.h"

#include <optional>
#include <string>
#include <string_view>

namespace heapsight {

// The heap allocations a team has accepted: `check` reports only what is not among them. Saved as JSON
// (README, "Baseline file"): the heap findings as a report, plus each one's enclosing function, so a
// later commit's findings match it even after lines moved and without the old sources.
struct Baseline {
    Report report; // heap allocations only (moved to heap, escapes to heap)
    std::vector<FunctionPlace> places; // one per finding of `report`

    std::vector<FindingIdentity> identities() const { return findingIdentities(report, places); }
};

inline constexpr int BaselineSchemaVersion = 1;

// The heap allocations of `report`, with their functions read from the sources under `sourceRoot`.
Baseline makeBaseline(const Report& report, const std::string& sourceRoot);

// `accepted` with the findings of `more` it does not have yet (by the matching `check` uses): the GUI's
// "Accept". Nothing of `accepted` is dropped, even findings the code no longer has.
Baseline mergeBaselines(const Baseline& accepted, const Baseline& more);

std::string baselineToJsonText(const Baseline& baseline);
// nullopt with the reason in `error` for anything that is not a baseline file of a known schema.
std::optional<Baseline> baselineFromJsonText(std::string_view text, std::string* error);

// What `current` has that the baseline does not: diff.newHeapAllocations() are the new escapes.
ReportDiff checkAgainstBaseline(const Baseline& baseline, const Baseline& current);

// Which findings of `report` the baseline accepts, by the pairing of checkAgainstBaseline (`heapsight-cli
// check`): one flag per finding of report.findings(), true for a heap allocation the baseline has (unchanged
// or changed in its explanation); functions read from the sources under `sourceRoot`. The GUI dims these.
std::vector<bool> acceptedFindings(const Baseline& baseline, const Report& report, const std::string& sourceRoot);

} // namespace heapsight
