// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tree/moduletreeproxy.h"

#include "tree/moduletreemodel.h"

namespace heapsight::gui {

ModuleTreeProxy::ModuleTreeProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(ModuleTreeModel::SortRole);
}

void ModuleTreeProxy::setSortMode(SortMode mode)
{
    if (mode == m_sortMode)
        return;
    m_sortMode = mode;
    invalidate();
}

void ModuleTreeProxy::setShowOnlyFilesWithFindings(bool only)
{
    if (only == m_onlyWithFindings)
        return;
    m_onlyWithFindings = only;
    invalidateFilter();
}

bool ModuleTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_onlyWithFindings || !sourceParent.isValid()) // the module itself always shows
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Directories are kept by recursive filtering when one of their files is.
    return !index.data(ModuleTreeModel::IsDirectoryRole).toBool()
        && index.data(ModuleTreeModel::FindingCountRole).toInt() > 0;
}

bool ModuleTreeProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftDir = left.data(ModuleTreeModel::IsDirectoryRole).toBool();
    const bool rightDir = right.data(ModuleTreeModel::IsDirectoryRole).toBool();
    if (leftDir != rightDir)
        return leftDir;
    if (m_sortMode == SortMode::AllocatedBytes) {
        const qint64 l = left.data(ModuleTreeModel::AllocatedBytesRole).toLongLong();
        const qint64 r = right.data(ModuleTreeModel::AllocatedBytesRole).toLongLong();
        if (l != r)
            return l > r; // most first
    }
    if (m_sortMode != SortMode::Name) {
        const int l = left.data(ModuleTreeModel::BadgeCountRole).toInt();
        const int r = right.data(ModuleTreeModel::BadgeCountRole).toInt();
        if (l != r)
            return l > r; // most first
        const int ls = left.data(ModuleTreeModel::FindingCountRole).toInt();
        const int rs = right.data(ModuleTreeModel::FindingCountRole).toInt();
        if (ls != rs)
            return ls > rs;
    }
    return QString::compare(left.data(ModuleTreeModel::SortRole).toString(),
               right.data(ModuleTreeModel::SortRole).toString(), Qt::CaseInsensitive)
        < 0;
}

} // namespace heapsight::gui
