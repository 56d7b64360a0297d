// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace heapsight::gui {

// Whether an analysis run's report takes the place of the one shown, and the name it is shown under.
class RunReport {
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    // The name ("go1.22, go 1.21, from cache") when `result`'s report replaces the shown one; none when the
    // shown one stays: a run that was stopped, or a toolchain that failed without a single finding, does
    // not replace a report with nothing.
    static std::optional<QString> replacingName(const AnalysisResult& result);
};

} // namespace heapsight::gui
