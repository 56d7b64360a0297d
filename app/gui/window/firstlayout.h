// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSize>

namespace heapsight::gui {

// The window's layout at a first start (no saved window state): the source view is the largest area and
// the why panel is wide enough to read a step of an explanation on one or two lines. Sizes in device-
// independent pixels; pure functions of the screen, so tests can check them for any screen.
struct FirstLayout {
    // Widths of the module tree (left) and the why panel (right), height of the findings dock (bottom).
    struct DockSizes {
        int tree = 0;
        int why = 0;
        int findings = 0;
    };

    // Most of the screen's available area (taskbars excluded), capped where more stops helping.
    static QSize windowSize(const QSize& available);
    // Proportions of the window, within readable minimums and maximums.
    static DockSizes dockSizes(const QSize& window);
};

} // namespace heapsight::gui
