// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/allocationprofile.h"
#include "session/reportindex.h"

#include <QtGlobal>
#include <cstdint>
#include <memory>
#include <vector>

namespace heapsight::gui {

// What the views show of the open module's report, all parts belonging to one report: the index, the heap
// profile placed on its lines and the baseline's flags for its findings. Immutable once published (by
// ReportState): a view holding one never sees a part of another report. Null parts: not there (no
// report, no profile, no baseline, or not matched yet).
struct ReportSnapshot {
    std::shared_ptr<const ReportIndex> index;
    std::shared_ptr<const AllocationProfile> allocations;
    // One flag per finding of `index`: the baseline has it.
    std::shared_ptr<const std::vector<bool>> accepted;
    // Counts reports: every new index starts a new one; its later parts keep it.
    quint64 generation = 0;

    bool isAccepted(std::uint32_t finding) const
    {
        return accepted && finding < accepted->size() && (*accepted)[finding];
    }
};

} // namespace heapsight::gui
