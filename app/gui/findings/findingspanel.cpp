// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/findingspanel.h"

#include "findings/findingsmodel.h"
#include "findings/findingsproxy.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace heapsight::gui {

FindingsPanel::FindingsPanel(const FindingFilter* filter, QWidget* parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_proxy(new FindingsProxy(this))
    , m_table(new QTableView(this))
{
    m_model->setPalette(AnnotationPalette(palette()));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilter(filter);

    m_table->setObjectName(QStringLiteral("findingsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FindingsModel::FileColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // All rows one height: the header then never asks rows for their size (thousands of rows per filter change).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(FindingsModel::SubjectColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('9'));
    header->resizeSection(FindingsModel::FileColumn, 20 * digit);
    header->resizeSection(FindingsModel::LineColumn, 7 * digit);
    header->resizeSection(FindingsModel::KindColumn, 22 * digit);
    header->resizeSection(FindingsModel::CauseColumn, 22 * digit);
    header->resizeSection(FindingsModel::AllocBytesColumn, 12 * digit);
    header->resizeSection(FindingsModel::AllocObjectsColumn, 13 * digit);
    m_table->setColumnHidden(FindingsModel::AllocBytesColumn, true);
    m_table->setColumnHidden(FindingsModel::AllocObjectsColumn, true);
    // Activation is a double-click (or a single click where the style says so) and Enter.
    connect(m_table, &QTableView::activated, this, &FindingsPanel::onActivated);

    // A filter change arrives as many row ranges; the count is told once, after the last of them.
    const auto emitCount = [this] {
        if (m_countPending)
            return;
        m_countPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_countPending = false;
                Q_EMIT countChanged(shownCount(), totalCount());
            },
            Qt::QueuedConnection);
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, emitCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, emitCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, emitCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, emitCount);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

void FindingsPanel::setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot)
{
    const bool shown = snapshot && snapshot->allocations != nullptr;
    const bool wasShown = m_model->allocations() != nullptr;
    m_model->setSnapshot(std::move(snapshot));
    m_table->setColumnHidden(FindingsModel::AllocBytesColumn, !shown);
    m_table->setColumnHidden(FindingsModel::AllocObjectsColumn, !shown);
    // A newly attached profile ranks the list by cost; the user's own sort survives a re-attribution.
    if (shown && !wasShown) {
        m_table->sortByColumn(FindingsModel::AllocBytesColumn, Qt::DescendingOrder);
        // Room for the two new columns in a window of the default size: the text columns give some up.
        QHeaderView* header = m_table->horizontalHeader();
        const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('9'));
        header->resizeSection(
            FindingsModel::FileColumn, std::min(header->sectionSize(FindingsModel::FileColumn), 14 * digit));
        header->resizeSection(
            FindingsModel::KindColumn, std::min(header->sectionSize(FindingsModel::KindColumn), 18 * digit));
        header->resizeSection(
            FindingsModel::CauseColumn, std::min(header->sectionSize(FindingsModel::CauseColumn), 16 * digit));
        header->resizeSection(FindingsModel::AllocObjectsColumn, 10 * digit);
    } else if (!shown && wasShown && m_proxy->sortColumn() >= FindingsModel::AllocBytesColumn)
        m_table->sortByColumn(FindingsModel::FileColumn, Qt::AscendingOrder);
}

std::optional<std::uint32_t> FindingsPanel::currentFinding() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.data(FindingsModel::FindingRole).toUInt();
}

int FindingsPanel::shownCount() const
{
    return m_proxy->rowCount();
}
int FindingsPanel::totalCount() const
{
    return m_model->rowCount();
}

std::optional<std::uint32_t> FindingsPanel::step(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return std::nullopt;
    const QModelIndex current = m_table->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    row = ((row % rows) + rows) % rows;
    const QModelIndex index = m_proxy->index(row, FindingsModel::FileColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return index.data(FindingsModel::FindingRole).toUInt();
}

void FindingsPanel::revealFinding(std::uint32_t finding)
{
    const QModelIndex source = m_model->index(static_cast<int>(finding), FindingsModel::FileColumn);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void FindingsPanel::onActivated(const QModelIndex& index)
{
    if (index.isValid())
        Q_EMIT findingActivated(index.data(FindingsModel::FindingRole).toUInt());
}

void FindingsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_model->setPalette(AnnotationPalette(palette()));
}

} // namespace heapsight::gui
