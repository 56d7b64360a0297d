// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/diff/reportdiff.h"
#include "session/reportindex.h"

#include <QString>
#include <memory>
#include <vector>

namespace heapsight::gui {

// Two reports of the same module side by side and how they differ: what the compare view shows.
struct Comparison {
    std::shared_ptr<const ReportIndex> a, b;
    ReportDiff diff;
    std::vector<std::uint32_t> shown; // indices into diff.changes of the ones that are not unchanged

    const Change& change(std::uint32_t row) const { return diff.changes[shown[row]]; }
    // The finding a change is about on one side (B when it has it, else A) and that side's index.
    const Finding* finding(const Change& change, bool sideB) const;
    // Where the change is on disk, from the side that has it; empty when the file is not in the module.
    QString diskPath(const Change& change) const;

    static std::shared_ptr<const Comparison> make(
        std::shared_ptr<const ReportIndex> a, std::shared_ptr<const ReportIndex> b);
};

} // namespace heapsight::gui
