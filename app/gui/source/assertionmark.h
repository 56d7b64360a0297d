// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"

#include <QString>

namespace heapsight::gui {

// A line of the open file an assertion directive covers, as the source gutter marks it: the asserted line
// of a line directive, the `func` line of a function's.
struct AssertionMark {
    int line = 0; // 1-based
    bool broken = false; // at least one assertion on the line does not hold
    QString toolTip; // plain text: each directive and what breaks it
};

// A broken assertion as the Problems panel lists it: where (relative to the module root) and the headline
// ("//heapsight:noescape broken: moved to heap: n"), with the compiler's reason as details.
struct AssertionProblem {
    Diagnostic at;
    QString details; // the headline and the reason lines, as heapsight-cli assert prints them
};

} // namespace heapsight::gui
