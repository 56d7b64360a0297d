// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/changesmodel.h"

#include "source/markerpainter.h"
#include "stdtext.h"

namespace heapsight::gui {

ChangesModel::ChangesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    setPalette(AnnotationPalette());
}

void ChangesModel::setComparison(std::shared_ptr<const Comparison> comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

void ChangesModel::setPalette(const AnnotationPalette& palette)
{
    for (MarkerGroup g : AllMarkerGroups)
        m_icons[static_cast<std::size_t>(g)] = MarkerPainter::icon(g, palette);
}

QString ChangesModel::changeLabel(ChangeType type)
{
    switch (type) {
    case ChangeType::Added:
        return tr("new in B");
    case ChangeType::Removed:
        return tr("gone in B");
    case ChangeType::Changed:
        return tr("changed");
    case ChangeType::Unchanged:
        break;
    }
    return tr("unchanged");
}

int ChangesModel::rowCount(const QModelIndex& parent) const
{
    return (parent.isValid() || !m_comparison) ? 0 : static_cast<int>(m_comparison->shown.size());
}

int ChangesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : COLUMN_COUNT;
}

QVariant ChangesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::uint32_t>(index.row());
    const Change& c = m_comparison->change(row);
    const MarkerGroup group = markerGroup(c.kind);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChangeColumn:
            // Go 1.22's per-iteration loop variables are the change most users look for: said so.
            return c.loopVariable ? tr("%1 · loop variable").arg(changeLabel(c.type)) : changeLabel(c.type);
        case FileColumn:
            return fromStd(c.file);
        case LineColumn:
            return c.line;
        case KindColumn:
            return fromStd(kindLabel(c.kind));
        case SubjectAColumn:
            return fromStd(c.subjectA);
        case SubjectBColumn:
            return fromStd(c.subjectB);
        }
        break;
    case SortRole:
        if (index.column() == LineColumn)
            return static_cast<qint64>(c.line) * 100000 + c.column;
        if (index.column() == ChangeColumn)
            return static_cast<int>(c.type);
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (index.column() == KindColumn)
            return m_icons[static_cast<std::size_t>(group)];
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ChangeTypeRole:
        return static_cast<int>(c.type);
    case GroupRole:
        return static_cast<int>(group);
    case RowRole:
        return row;
    default:
        break;
    }
    return {};
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static const std::array<const char*, COLUMN_COUNT> titles { QT_TR_NOOP("Change"), QT_TR_NOOP("File"),
        QT_TR_NOOP("Line"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Subject in A"), QT_TR_NOOP("Subject in B") };
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= COLUMN_COUNT)
        return {};
    return tr(titles[static_cast<std::size_t>(section)]);
}

} // namespace heapsight::gui
