// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace heapsight::gui {

// How long one analysis run may take before Heapsight kills go's whole process tree, kept in the
// application's settings. A hung toolchain (a network file system, a wrapper script waiting for input)
// otherwise keeps a run going forever; Cancel always works as well.
class AnalysisTimeLimit {
public:
    static constexpr int kDefaultSeconds = 10 * 60;
    static constexpr int kMaxSeconds = 24 * 60 * 60;

    static int seconds(); // 0: no limit
    static void setSeconds(int seconds);
    // "10 min", "90 s", "no limit"
    static QString describe(int seconds);
};

} // namespace heapsight::gui
