// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tree/moduletreepanel.h"

#include "tree/badgedelegate.h"
#include "tree/moduletreemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace heapsight::gui {

ModuleTreePanel::ModuleTreePanel(const FindingFilter* filter, QWidget* parent)
    : QWidget(parent)
    , m_model(new ModuleTreeModel(this))
    , m_proxy(new ModuleTreeProxy(this))
    , m_view(new QTreeView(this))
    , m_sort(new QComboBox(this))
    , m_onlyWithFindings(new QToolButton(this))
{
    m_model->setFilter(filter);
    m_proxy->setSourceModel(m_model);

    m_sort->setObjectName(QStringLiteral("treeSort"));
    m_sort->addItem(tr("Sort by name"));
    m_sort->addItem(tr("Sort by count"));
    m_sort->addItem(tr("Sort by allocated bytes"));
    m_sort->setToolTip(tr("Sort files by name, by the number of heap findings, or by the bytes a loaded heap "
                          "profile says they allocated"));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_proxy->setSortMode(static_cast<ModuleTreeProxy::SortMode>(std::clamp(i, 0, 2))); });

    m_onlyWithFindings->setObjectName(QStringLiteral("treeOnlyWithFindings"));
    m_onlyWithFindings->setText(tr("With findings"));
    m_onlyWithFindings->setToolTip(tr("Show only files with findings the filters show"));
    m_onlyWithFindings->setCheckable(true);
    m_onlyWithFindings->setAutoRaise(true);
    connect(m_onlyWithFindings, &QToolButton::toggled, m_proxy, &ModuleTreeProxy::setShowOnlyFilesWithFindings);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(m_sort, 1);
    bar->addWidget(m_onlyWithFindings);

    m_view->setObjectName(QStringLiteral("moduleTree"));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setItemDelegate(new BadgeDelegate(m_view));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->header()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) { onCurrentChanged(index); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

void ModuleTreePanel::setFolder(std::shared_ptr<const ModuleFolder> folder)
{
    m_model->setFolder(std::move(folder));
    m_view->expandAll();
}

void ModuleTreePanel::setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot)
{
    m_model->setSnapshot(std::move(snapshot));
}

QString ModuleTreePanel::busiestFile() const
{
    return m_model->busiestFile();
}

void ModuleTreePanel::setSortMode(ModuleTreeProxy::SortMode mode)
{
    m_sort->setCurrentIndex(static_cast<int>(mode));
}

void ModuleTreePanel::setShowOnlyFilesWithFindings(bool only)
{
    m_onlyWithFindings->setChecked(only);
}

void ModuleTreePanel::selectFile(const QString& path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForPath(path));
    m_selecting = true;
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->clearSelection();
    }
    m_selecting = false;
}

void ModuleTreePanel::onCurrentChanged(const QModelIndex& current)
{
    if (m_selecting || !current.isValid() || current.data(ModuleTreeModel::IsDirectoryRole).toBool())
        return;
    Q_EMIT fileActivated(current.data(ModuleTreeModel::PathRole).toString());
}

} // namespace heapsight::gui
