// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>

namespace heapsight::gui {

// The application icon: the desktop theme's org.heapsight.Heapsight, else the bundled SVG. Qt draws SVG
// icons through an optional plugin (libqt6svg6); without it the same design is painted here.
class AppIcon {
public:
    static QIcon icon();
    static QIcon painted();
};

} // namespace heapsight::gui
