// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/windowsettings.h"

#include "findings/findingfilter.h"
#include "session/appsettings.h"
#include "tree/moduletreepanel.h"

#include <QMainWindow>
#include <QSettings>

namespace heapsight::gui {

namespace {

const QLatin1String kGeometry("gui/geometry");
const QLatin1String kState("gui/state");
const QLatin1String kGroups("gui/filterGroups");
const QLatin1String kHideInlined("gui/hideInlined");
const QLatin1String kSortByCount("gui/treeSortByCount");
const QLatin1String kOnlyWithFindings("gui/treeOnlyWithFindings");

} // namespace

bool WindowSettings::restore(QMainWindow& window, FindingFilter& filter, ModuleTreePanel& tree)
{
    const QSettings s = appSettings();
    const bool restored = window.restoreGeometry(s.value(kGeometry).toByteArray())
        && window.restoreState(s.value(kState).toByteArray());
    if (s.contains(kGroups))
        filter.setGroups(static_cast<MarkerGroups>(s.value(kGroups).toUInt()));
    filter.setHideInlinedFromOtherFiles(s.value(kHideInlined, false).toBool());
    tree.setSortMode(
        s.value(kSortByCount, false).toBool() ? ModuleTreeProxy::SortMode::Count : ModuleTreeProxy::SortMode::Name);
    tree.setShowOnlyFilesWithFindings(s.value(kOnlyWithFindings, false).toBool());
    return restored;
}

void WindowSettings::save(const QMainWindow& window, const FindingFilter& filter, const ModuleTreePanel& tree)
{
    QSettings s = appSettings();
    s.setValue(kGeometry, window.saveGeometry());
    s.setValue(kState, window.saveState());
    s.setValue(kGroups, static_cast<unsigned>(filter.groups()));
    s.setValue(kHideInlined, filter.hidesInlinedFromOtherFiles());
    s.setValue(kSortByCount, tree.sortMode() == ModuleTreeProxy::SortMode::Count);
    s.setValue(kOnlyWithFindings, tree.showsOnlyFilesWithFindings());
}

} // namespace heapsight::gui
