// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/changesproxy.h"

#include "compare/changesmodel.h"

namespace heapsight::gui {

ChangesProxy::ChangesProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_types(bit(ChangeType::Added) | bit(ChangeType::Removed) | bit(ChangeType::Changed))
    , m_groups(0xff)
{
    setSortRole(ChangesModel::SortRole);
    setDynamicSortFilter(true);
}

void ChangesProxy::setChangeTypeShown(ChangeType type, bool shown)
{
    m_types = shown ? (m_types | bit(type)) : (m_types & ~bit(type));
    invalidateFilter();
}

void ChangesProxy::setGroups(MarkerGroups groups)
{
    m_groups = groups;
    invalidateFilter();
}

bool ChangesProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto type = static_cast<ChangeType>(index.data(ChangesModel::ChangeTypeRole).toInt());
    const auto group = static_cast<MarkerGroup>(index.data(ChangesModel::GroupRole).toInt());
    return (m_types & bit(type)) && (m_groups & groupBit(group));
}

} // namespace heapsight::gui
