// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;

namespace heapsight::gui {

struct SampleModule;

// The main window's actions and menus (File, Edit, View, Help), built in one place so MainWindow only
// connects them. Recent folders and sample reports are rebuilt on demand.
class MainMenus : public QObject {
    Q_OBJECT

public:
    explicit MainMenus(QMainWindow* window);

    void setRecentFolders(const QStringList& folders);
    void setSample(const SampleModule* sample);
    // The main toolbar: open actions, then `extra` (the filter bar).
    void addToolBar(QWidget* extra);
    // Dock toggles go to View, in the order added.
    void addDockToggle(QAction* toggle);

    QMenu* fileMenu;
    QAction* openFolder;
    QAction* openReport;
    QAction* quit;
    QAction* copyPosition;
    QAction* openInEditor;
    QAction* findFindings;
    QAction* nextFinding;
    QAction* previousFinding;
    QAction* about;

Q_SIGNALS:
    void recentFolderRequested(const QString& folder);
    void sampleRequested(const QString& report);

private:
    void onAbout();
    void onClearRecent();

    QMainWindow* m_window;
    QMenu* m_recent;
    QMenu* m_samples;
    QMenu* m_view;
    QAction* m_dockSeparator;
};

} // namespace heapsight::gui
