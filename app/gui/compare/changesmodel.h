// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "compare/comparison.h"
#include "source/annotationpalette.h"
#include "source/markergroup.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <array>
#include <memory>

namespace heapsight::gui {

// The changes between two reports, one row each (unchanged findings are not listed). Filtering by change
// type and kind is ChangesProxy's job.
class ChangesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Columns { ChangeColumn, FileColumn, LineColumn, KindColumn, SubjectAColumn, SubjectBColumn, COLUMN_COUNT };
    enum Roles {
        SortRole = Qt::UserRole, // numbers as numbers
        ChangeTypeRole, // ChangeType (int)
        GroupRole, // MarkerGroup (int)
        RowRole, // the row in Comparison::shown
    };

    explicit ChangesModel(QObject* parent = nullptr);

    void setComparison(std::shared_ptr<const Comparison> comparison);
    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }
    void setPalette(const AnnotationPalette& palette);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "new in B", "gone in B", "changed" (translated).
    static QString changeLabel(ChangeType type);

private:
    std::shared_ptr<const Comparison> m_comparison;
    std::array<QIcon, MarkerGroupCount> m_icons;
};

} // namespace heapsight::gui
