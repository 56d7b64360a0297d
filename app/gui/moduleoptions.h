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
};

} // namespace heapsight::gui
