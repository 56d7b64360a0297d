// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "tree/moduletreeproxy.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QToolButton;
class QTreeView;

namespace heapsight::gui {

class FindingFilter;
class ModuleFolder;
class ModuleTreeModel;
struct ReportSnapshot;

// The module tree with its controls: sort by name or by count, and "only files with findings".
class ModuleTreePanel : public QWidget {
    Q_OBJECT

public:
    explicit ModuleTreePanel(const FindingFilter* filter, QWidget* parent = nullptr);

    void setFolder(std::shared_ptr<const ModuleFolder> folder);
    // The report the badges count, with its allocations and accepted flags.
    void setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot);
    void selectFile(const QString& path);
    QString busiestFile() const;

    void setSortMode(ModuleTreeProxy::SortMode mode);
    ModuleTreeProxy::SortMode sortMode() const { return m_proxy->sortMode(); }
    void setShowOnlyFilesWithFindings(bool only);
    bool showsOnlyFilesWithFindings() const { return m_proxy->showsOnlyFilesWithFindings(); }

    QTreeView* view() const { return m_view; }
    ModuleTreeModel* model() const { return m_model; }
    ModuleTreeProxy* proxy() const { return m_proxy; }

Q_SIGNALS:
    void fileActivated(const QString& path);

private:
    void onCurrentChanged(const QModelIndex& current);

    ModuleTreeModel* m_model;
    ModuleTreeProxy* m_proxy;
    QTreeView* m_view;
    QComboBox* m_sort;
    QToolButton* m_onlyWithFindings;
    bool m_selecting = false;
};

} // namespace heapsight::gui
