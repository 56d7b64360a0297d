// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/findingsmodel.h"

#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "source/allocationtext.h"
#include "source/markerpainter.h"
#include "stdtext.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace heapsight::gui {

FindingsModel::FindingsModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_snapshot(std::make_shared<const ReportSnapshot>())
{
    setPalette(AnnotationPalette());
}

void FindingsModel::setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot)
{
    if (!snapshot)
        snapshot = std::make_shared<const ReportSnapshot>();
    if (snapshot->index == m_snapshot->index) {
        // The same rows with other allocations or flags: what the filter hides and the sort order may change,
        // so a layout change, which the proxy answers with one layout change of its own (a dataChanged made
        // it remove and insert each range of rows, slow with thousands) while the views keep their row.
        Q_EMIT layoutAboutToBeChanged();
        m_snapshot = std::move(snapshot);
        Q_EMIT layoutChanged();
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_report = m_snapshot->index.get();
    rankFiles();
    endResetModel();
}

void FindingsModel::rankFiles()
{
    m_fileRank.clear();
    if (m_report) {
        const std::size_t files = m_report->report().files().size();
        std::vector<FileId> order(files);
        std::vector<QString> names(files);
        for (FileId id = 0; id < files; ++id) {
            order[id] = id;
            names[id] = m_report->displayName(id);
        }
        std::stable_sort(order.begin(), order.end(), [&](FileId a, FileId b) { return names[a] < names[b]; });
        m_fileRank.resize(files);
        for (std::size_t rank = 0; rank < files; ++rank)
            m_fileRank[order[rank]] = static_cast<qint64>(rank);
    }
}

void FindingsModel::setPalette(const AnnotationPalette& palette)
{
    for (MarkerGroup g : AllMarkerGroups)
        m_icons[static_cast<std::size_t>(g)] = MarkerPainter::icon(g, palette);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, KindColumn), index(rowCount() - 1, KindColumn), { Qt::DecorationRole });
}

std::optional<AllocStats> FindingsModel::allocationsOf(std::uint32_t finding) const
{
    const std::shared_ptr<const AllocationProfile>& allocations = m_snapshot->allocations;
    return allocations ? allocations->forFinding(m_report->report().findings()[finding]) : std::nullopt;
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return (parent.isValid() || !m_report) ? 0 : static_cast<int>(m_report->report().findings().size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : COLUMN_COUNT;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto i = static_cast<std::uint32_t>(index.row());
    const Finding& f = m_report->report().findings()[i];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return m_report->isGenerated(i) ? tr("%1 (generated)").arg(m_report->displayName(f.position.file))
                                            : m_report->displayName(f.position.file);
        case LineColumn:
            return f.position.line;
        case KindColumn:
            return fromStd(kindLabel(f.kind));
        case SubjectColumn:
            return fromStd(f.subject);
        case CauseColumn:
            return causeText(i);
        case AllocBytesColumn:
            if (const auto a = allocationsOf(i))
                return allocatedBytesText(a->bytes);
            break;
        case AllocObjectsColumn:
            if (const auto a = allocationsOf(i))
                return QLocale().toString(static_cast<qlonglong>(a->objects));
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == KindColumn)
            return m_icons[static_cast<std::size_t>(markerGroup(f.kind))];
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn || index.column() == AllocBytesColumn || index.column() == AllocObjectsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return toolTip(i);
    case SortRole:
        return sortKey(i, index.column());
    case KindRole:
        return static_cast<int>(f.kind);
    case GroupRole:
        return static_cast<int>(markerGroup(f.kind));
    case FindingRole:
        return i;
    case AcceptedRole:
        return isAccepted(i);
    case GeneratedRole:
        return m_report->isGenerated(i);
    case Qt::ForegroundRole:
        if (isAccepted(i) || m_report->isGenerated(i))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

bool FindingsModel::isAccepted(std::uint32_t finding) const
{
    return m_snapshot->isAccepted(finding);
}

QVariant FindingsModel::sortKey(std::uint32_t finding, int column) const
{
    const Finding& f = m_report->report().findings()[finding];
    // Ties within a column fall back to the position, so equal files list their findings in line order.
    const qint64 position = static_cast<qint64>(f.position.line) * 100000 + f.position.column;
    switch (column) {
    case FileColumn: {
        const qint64 rank
            = f.position.file < m_fileRank.size() ? m_fileRank[f.position.file] : qint64(m_fileRank.size());
        return rank * 1'000'000'000'000LL + position; // positions stay below 10^12
    }
    case LineColumn:
        return position;
    case KindColumn:
        return static_cast<int>(markerGroup(f.kind)) * 256 + static_cast<int>(f.kind);
    case SubjectColumn:
        return fromStd(f.subject);
    case CauseColumn:
        return causeText(finding);
    case AllocBytesColumn:
    case AllocObjectsColumn: {
        // Findings without allocations sort below every finding with some.
        const auto a = allocationsOf(finding);
        return a ? (column == AllocBytesColumn ? a->bytes : a->objects) : qint64(-1);
    }
    }
    return {};
}

QString FindingsModel::causeText(std::uint32_t finding) const
{
    const std::optional<HeapCause> cause = m_report->cause(finding);
    return cause ? fromStd(causeLabel(*cause)) : QString();
}

QString FindingsModel::toolTip(std::uint32_t finding) const
{
    const Finding& f = m_report->report().findings()[finding];
    QString text = QStringLiteral("<b>%1</b><br><tt>%2</tt>")
                       .arg(m_report->positionText(f.position).toHtmlEscaped(), fromStd(f.message).toHtmlEscaped());
    if (const std::optional<HeapCause> cause = m_report->cause(finding))
        text += QStringLiteral("<p>%1 %2</p>").arg(tr("Cause:"), fromStd(causeLabel(*cause)).toHtmlEscaped());
    const std::string_view reason = m_report->firstReason(finding);
    if (const std::optional<VocabularyEntry> entry = ReasonVocabulary::reason(reason))
        text += QStringLiteral("<p><i>%1</i>: %2</p>")
                    .arg(fromStd(reason).toHtmlEscaped(), entry->meaning.toHtmlEscaped());
    if (isAccepted(finding))
        text += tr("<p>Accepted: the baseline has it.</p>");
    if (m_report->isGenerated(finding))
        text += tr("<p>Generated code (the go command's test main or the compiler's wrappers): a real allocation, "
                   "but not yours to change; never counted as a new heap allocation.</p>");
    return text;
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case KindColumn:
        return tr("Kind");
    case SubjectColumn:
        return tr("Subject");
    case CauseColumn:
        return tr("Cause");
    case AllocBytesColumn:
        return tr("Alloc bytes");
    case AllocObjectsColumn:
        return tr("Alloc objects");
    }
    return {};
}

} // namespace heapsight::gui
