// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "session/folderscanner.h"
#include "session/reportloader.h"

#include <QObject>
#include <memory>

namespace heapsight::gui {

// The module being looked at: its folder (read only, never written) and the report laid over it. Folder
// listing and report parsing both run off the GUI thread; whatever finishes last wins per kind, and the
// signals say what happened.
class ModuleSession : public QObject {
    Q_OBJECT

public:
    explicit ModuleSession(QObject* parent = nullptr);

    // Opens the module that contains `directory` (the folder with go.mod above it, else `directory`). The
    // current report is dropped unless it is loaded again: from `reportPath` when given.
    void openFolder(const QString& directory, const QString& reportPath = QString());
    // Compiler output (-m / -m=2 text) or Heapsight report JSON for the open module.
    void openReport(const QString& path);
    // Where a report produced elsewhere arrives, e.g. from an analysis run: it is indexed off the GUI thread.
    void setReport(std::shared_ptr<const Report> report, const QString& sourceName);
    void cancel();

    const QString& moduleRoot() const { return m_root; }
    const QString& modulePath() const { return m_modulePath; }
    const QString& reportPath() const { return m_reportPath; }
    // `path` as the window shows it: relative to the module root when inside it, else in native form.
    QString relativePath(const QString& path) const;
    const std::shared_ptr<const ModuleFolder>& folder() const { return m_folder; }
    const std::shared_ptr<const ReportIndex>& report() const { return m_report; }
    bool isBusy() const { return m_scanning || m_loading; }

Q_SIGNALS:
    void folderOpened(const QString& root);
    void folderScanned(std::shared_ptr<const heapsight::gui::ModuleFolder> folder);
    void reportChanged(std::shared_ptr<const heapsight::gui::ReportIndex> report); // null: no report
    void loadFailed(const QString& message);
    void busyChanged(bool busy, const QString& activity);

private:
    void onFolderScanned(std::shared_ptr<const ModuleFolder> folder);
    void onReportLoaded(std::shared_ptr<const ReportIndex> report);
    void onLoadFailed(const QString& message);
    void updateBusy(const QString& activity = QString());

    FolderScanner m_scanner;
    ReportLoader m_loader;
    QString m_root;
    QString m_modulePath;
    QString m_reportPath;
    QString m_pendingReportPath;
    std::shared_ptr<const ModuleFolder> m_folder;
    std::shared_ptr<const ReportIndex> m_report;
    // Set when a request starts, cleared when its answer (result, failure or cancellation) arrives.
    bool m_scanning = false;
    bool m_loading = false;
};

} // namespace heapsight::gui
