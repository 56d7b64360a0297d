// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"
#include "core/model/report.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;

namespace heapsight::gui {

class AnalysisBar;
class AssertionChecks;
class BaselineActions;
class ComparePanel;
class FilterBar;
class FindingFilter;
class FindingsPanel;
class MainMenus;
class ModuleFolder;
class ModuleSession;
class ModuleTreePanel;
class OverviewPanel;
class ProfileActions;
class ProblemsPanel;
class ReportIndex;
class ReportStatusBar;
class SourcePane;
class WhyPanel;

// Heapsight's main window: the module tree (left), the annotated source (centre), "Why?" (right), the
// findings list (bottom) and the filter bar, all following one FindingFilter. It only reads the module
// folder; settings and recent folders go to the user's configuration.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFolder(const QString& folder, const QString& reportPath = QString());
    void openReport(const QString& path);
    // The bundled sample module with a recorded report (the default one when empty); false if not installed.
    bool openSample(const QString& reportPath = QString());
    // Where a Report produced elsewhere arrives (an analysis run, later): it is indexed off the GUI thread
    // and replaces the current report of the open module.
    void setReport(std::shared_ptr<const heapsight::Report> report, const QString& sourceName = QString());
    // Shows a file of the module; line and column (1-based, 0: none) select a line.
    void openFile(const QString& path, int line = 0, int column = 0);
    // After the next module finishes opening, show this file (absolute, or relative to the module root)
    // at this line.
    void setInitialLocation(const QString& relativePath, int line);

    ModuleSession* session() const { return m_session; }
    FindingFilter* filter() const { return m_filter; }
    FilterBar* filterBar() const { return m_filterBar; }
    ModuleTreePanel* treePanel() const { return m_tree; }
    SourcePane* sourcePane() const { return m_source; }
    WhyPanel* whyPanel() const { return m_why; }
    QDockWidget* whyDock() const { return m_whyDock; }
    FindingsPanel* findingsPanel() const { return m_findings; }
    ReportStatusBar* reportStatusBar() const { return m_status; }
    AnalysisBar* analysisBar() const { return m_analysis; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    OverviewPanel* overviewPanel() const { return m_overview; }
    ComparePanel* comparePanel() const { return m_compare; }
    // Shows the compare view with these two sides of the open module: report files, or runs of a
    // toolchain named "go1.22" or "go1.22@1.21" (toolchain @ language version).
    void compareReports(const QString& specA, const QString& specB);
    // The compare view is up with a result: the source shows changes instead of findings.
    bool isComparing() const;
    ProfileActions* profileActions() const { return m_profiles; }
    AssertionChecks* assertionChecks() const { return m_assertions; }
    BaselineActions* baselineActions() const { return m_baselines; }

Q_SIGNALS:
    // The module's folder is listed, its report (if any) applied and a first file shown.
    void moduleReady();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void connectActions();
    void restoreSettings();
    void onFolderOpened(const QString& root);
    void onFolderScanned(std::shared_ptr<const ModuleFolder> folder);
    void onReportChanged(std::shared_ptr<const ReportIndex> report);
    void onLoadFailed(const QString& message);
    void onBusyChanged(bool busy, const QString& activity);
    void onLineSelected(int line);
    void onAnalysisFinished(const heapsight::AnalysisResult& result);
    void onFindingActivated(std::uint32_t finding);
    void onNextFinding(int delta);
    void onCopyPosition();
    void onOpenInEditor();
    void onOpenFolderDialog();
    void onOpenReportDialog();
    void finishOpeningIfReady();
    void refreshAnnotations();
    void updateBanner();
    QString relativePath(const QString& path) const;

    ModuleSession* m_session;
    FindingFilter* m_filter;
    MainMenus* m_menus;
    FilterBar* m_filterBar;
    SourcePane* m_source;
    ModuleTreePanel* m_tree;
    WhyPanel* m_why;
    FindingsPanel* m_findings;
    QDockWidget* m_treeDock = nullptr;
    QDockWidget* m_whyDock = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    ReportStatusBar* m_status;
    AnalysisBar* m_analysis;
    ProblemsPanel* m_problems;
    AssertionChecks* m_assertions;
    OverviewPanel* m_overview;
    QDockWidget* m_overviewDock = nullptr;
    ComparePanel* m_compare;
    QDockWidget* m_compareDock = nullptr;
    ProfileActions* m_profiles = nullptr;
    BaselineActions* m_baselines = nullptr;
    QString m_loadError;
    QString m_initialFile;
    int m_initialLine = 0;
    bool m_opening = false;
    bool m_isSample = false;
    bool m_firstStart = false; // no saved layout: FirstLayout's dock sizes once shown
};

} // namespace heapsight::gui
