// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSortFilterProxyModel>

namespace heapsight::gui {

// Sorts the module tree by name, by finding count or by the bytes a heap profile says its heap findings
// allocated (directories first either way) and, on request, hides
// files without findings and the directories left empty by that.
class ModuleTreeProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class SortMode { Name, Count, AllocatedBytes };

    explicit ModuleTreeProxy(QObject* parent = nullptr);

    SortMode sortMode() const { return m_sortMode; }
    void setSortMode(SortMode mode);
    bool showsOnlyFilesWithFindings() const { return m_onlyWithFindings; }
    void setShowOnlyFilesWithFindings(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    SortMode m_sortMode = SortMode::Name;
    bool m_onlyWithFindings = false;
};

} // namespace heapsight::gui
