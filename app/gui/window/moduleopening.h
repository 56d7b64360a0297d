// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace heapsight::gui {

class MainMenus;
class ModuleSession;
class ModuleTreePanel;
class ReportIndex;

// Opening a module, from the request to the first file shown: which report comes with it (the one asked
// for, else the one last used for that folder), the recent folders (never the bundled sample), and, once
// the folder is listed and its report applied, which file to show first.
class ModuleOpening : public QObject {
    Q_OBJECT

public:
    ModuleOpening(ModuleSession* session, ModuleTreePanel* tree, MainMenus* menus, QObject* parent);

    void openFolder(const QString& folder, const QString& reportPath);
    // The bundled sample module with a recorded report (the default one when empty); false if not installed.
    bool openSample(const QString& reportPath);
    // After the next module finishes opening, show this file (absolute, or relative to the module root)
    // at this line.
    void setInitialLocation(const QString& relativePath, int line);
    // The shown report is no longer the sample's recording (an analysis run replaced it): remembered again.
    void leaveSample() { m_isSample = false; }

    // The session opened the folder `root`: opening starts.
    void onFolderOpened(const QString& root);
    // The session's report changed: remembered for the folder when it came from a file.
    void onReportChanged(const std::shared_ptr<const ReportIndex>& report);
    // Ends the opening when the folder is listed and nothing is loading any more.
    void finishIfReady();

Q_SIGNALS:
    // The file to show first: the one asked for, else the one with the most heap findings, else the first
    // Go file; empty when the module has none.
    void firstFileChosen(const QString& path, int line);
    // The module's folder is listed, its report (if any) applied and a first file chosen.
    void finished();

private:
    void showRecentFolders();

    ModuleSession* m_session;
    ModuleTreePanel* m_tree;
    MainMenus* m_menus;
    QString m_initialFile;
    int m_initialLine = 0;
    bool m_opening = false;
    bool m_isSample = false;
};

} // namespace heapsight::gui
