// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "compare/comparison.h"
#include "core/profile/allocationprofile.h"
#include "session/modulefolder.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "source/markergroup.h"

#include <QAbstractItemModel>
#include <QFileIconProvider>
#include <QHash>
#include <QPointer>
#include <array>
#include <memory>

namespace heapsight::gui {

class FindingFilter;

// The module's packages (directories) and .go files as found on disk, one top-level item for the module,
// each with the number of findings the filter shows (the badge counts heap allocations, see
// FindingFilter::badgeGroups). Counts follow the filter and the report live.
class ModuleTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Roles {
        SortRole = Qt::UserRole,
        PathRole, // absolute path on disk
        IsDirectoryRole,
        BadgeCountRole, // what the badge shows
        BadgeGroupRole, // MarkerGroup (int) to colour the badge with
        FindingCountRole, // every finding the filter shows
        AllocatedBytesRole, // bytes a heap profile recorded on the lines of heap findings (qint64)
        ChangeCountRole, // findings new, gone or changed between the compared reports (0 when not comparing)
    };

    explicit ModuleTreeModel(QObject* parent = nullptr);

    void setFolder(std::shared_ptr<const ModuleFolder> folder);
    // The report whose findings are counted (null or no index: none), with the allocated bytes of its heap
    // profile and the baseline's accepted flags (the filter may hide those findings). Counts once.
    void setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot);
    void setFilter(const FindingFilter* filter);
    // While the compare view is up: each file and package also counts its changes; null when not comparing.
    void setComparison(std::shared_ptr<const Comparison> comparison);

    const std::shared_ptr<const ModuleFolder>& folder() const { return m_folder; }
    QModelIndex indexForPath(const QString& path) const;
    // The file to show first: most variables moved to the heap, then most badge findings, then by path;
    // empty when no file has a badge.
    QString busiestFile() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countsChanged();

private:
    struct Counts {
        int badge = 0;
        int shown = 0;
        std::array<int, MarkerGroupCount> perGroup {};
        qint64 allocatedBytes = 0;
        std::array<int, 3> changes {}; // added, removed, changed
    };

    void recount();
    // Changes per file on disk, by type.
    QHash<QString, std::array<int, 3>> changesByPath() const;
    void emitCountsChanged(int node);
    const ModuleFolderNode& node(const QModelIndex& index) const;
    QString toolTip(int node) const;

    std::shared_ptr<const ModuleFolder> m_folder;
    std::shared_ptr<const ReportSnapshot> m_snapshot; // never null
    std::shared_ptr<const Comparison> m_comparison;
    QPointer<const FindingFilter> m_filter;
    std::vector<int> m_rows; // row of each node under its parent
    std::vector<Counts> m_counts;
    QFileIconProvider m_icons;
};

} // namespace heapsight::gui
