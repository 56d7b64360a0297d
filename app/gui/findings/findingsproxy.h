// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

namespace heapsight::gui {

class FindingFilter;

// Shows the rows of FindingsModel that the shared FindingFilter accepts, sorted by SortRole, with findings in
// generated code (GeneratedRole) apart: after all others whichever way the column sorts.
class FindingsProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit FindingsProxy(QObject* parent = nullptr);

    void setFilter(const FindingFilter* filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QPointer<const FindingFilter> m_filter;
};

} // namespace heapsight::gui
