// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/firstlayout.h"

#include <algorithm>

namespace heapsight::gui {

QSize FirstLayout::windowSize(const QSize& available)
{
    // 90% of a laptop's 1366×768 is still small; past 1800×1100 the source lines only get longer.
    const int width = std::min(available.width() * 9 / 10, 1800);
    const int height = std::min(available.height() * 9 / 10, 1100);
    return { std::max(width, 640), std::max(height, 480) };
}

FirstLayout::DockSizes FirstLayout::dockSizes(const QSize& window)
{
    DockSizes d;
    d.tree = std::clamp(window.width() * 15 / 100, 180, 300);
    // A step reads "from &x (address-of) at main.go:12:5" plus its plain words: ~60 characters.
    d.why = std::clamp(window.width() * 28 / 100, 360, 560);
    // The findings list: a few rows above the fold; the source view keeps the rest of the height.
    d.findings = std::clamp(window.height() * 20 / 100, 130, 240);
    return d;
}

} // namespace heapsight::gui
