// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QMainWindow;

namespace heapsight::gui {

class FindingFilter;
class ModuleTreePanel;

// What the main window remembers between runs, in the application's settings: geometry and dock layout,
// the filter, and the module tree's sort mode and "with findings" toggle. Never in the module folder.
class WindowSettings {
public:
    // False when there was no saved geometry and dock state (a first start): the caller lays out.
    static bool restore(QMainWindow& window, FindingFilter& filter, ModuleTreePanel& tree);
    static void save(const QMainWindow& window, const FindingFilter& filter, const ModuleTreePanel& tree);
};

} // namespace heapsight::gui
