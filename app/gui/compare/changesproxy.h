// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/diff/reportdiff.h"
#include "source/markergroup.h"

#include <QSortFilterProxyModel>

namespace heapsight::gui {

// The changes the user asked to see: by change type (new, gone, changed) and by kind group.
class ChangesProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ChangesProxy(QObject* parent = nullptr);

    void setChangeTypeShown(ChangeType type, bool shown);
    bool isChangeTypeShown(ChangeType type) const { return m_types & bit(type); }
    void setGroups(MarkerGroups groups);
    MarkerGroups groups() const { return m_groups; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    static unsigned bit(ChangeType type) { return 1u << static_cast<unsigned>(type); }

    unsigned m_types;
    MarkerGroups m_groups;
};

} // namespace heapsight::gui
