// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/findingsproxy.h"

#include "findings/findingfilter.h"
#include "findings/findingsmodel.h"

namespace heapsight::gui {

FindingsProxy::FindingsProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FindingsModel::SortRole);
    setDynamicSortFilter(true);
}

void FindingsProxy::setFilter(const FindingFilter* filter)
{
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (m_filter)
        // invalidate(), not invalidateFilter(): one layout change instead of a remove or insert signal per
        // range of rows, which the view and its headers handle one by one (slow with thousands of rows).
        connect(m_filter, &FindingFilter::changed, this, &FindingsProxy::invalidate);
    invalidateFilter();
}

bool FindingsProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || !m_filter)
        return true;
    const auto* model = qobject_cast<const FindingsModel*>(sourceModel());
    if (!model || !model->report())
        return true;
    return m_filter->accepts(*model->snapshot(), static_cast<std::uint32_t>(sourceRow));
}

bool FindingsProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftGenerated = left.data(FindingsModel::GeneratedRole).toBool();
    const bool rightGenerated = right.data(FindingsModel::GeneratedRole).toBool();
    if (leftGenerated != rightGenerated) {
        // The view reverses lessThan for a descending sort; generated code stays last either way.
        return sortOrder() == Qt::AscendingOrder ? rightGenerated : leftGenerated;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace heapsight::gui
