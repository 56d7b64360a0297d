// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace heapsight::gui {

// Analysis options remembered per module, in the application's settings (never in the module folder),
// keyed by the module root's clean absolute path.
class ModuleOptions {
public:
    // Whether Analyze compiles the module's tests too (go test -c); false for a module never seen.
    static bool includesTests(const QString& moduleRoot);
    static void setIncludesTests(const QString& moduleRoot, bool include);
    // Whether saved files re-run the analysis (Watch); false for a module never seen.
    static bool watches(const QString& moduleRoot);
    static void setWatches(const QString& moduleRoot, bool watch);
};

} // namespace heapsight::gui
