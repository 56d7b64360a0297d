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
class AnnotationRefresh;
class AssertionChecks;
class BaselineActions;
class ComparePanel;
class DockLayout;
class FilterBar;
class FindingFilter;
class DependencyActions;
class FindingNavigation;
class FindingsPanel;
class MainMenus;
class ModuleBanner;
class ModuleFolder;
class ModuleOpening;
class ModuleSession;
class ModuleTreePanel;
class OverviewPanel;
class PositionActions;
class ProfileActions;
class ProblemsPanel;
class ReportIndex;
class ReportPanels;
class ReportState;
struct ReportSnapshot;
class ReportStatusBar;
class SourcePane;
class ToolchainList;
class WhyPanel;

// Heapsight's main window: the module tree (left), the annotated source (centre), "Why?" (right), the
// findings list (bottom) and the filter bar, all following one FindingFilter. It only reads the module
// folder; settings and recent folders go to the user's configuration. It assembles the panels and
// connects them; ReportState assembles the report with its profile and baseline flags into snapshots,
// DockLayout docks them, ReportPanels hands them the snapshots, AnnotationRefresh builds the
// source's notes, ModuleBanner says what is missing, PositionActions copies and opens the cursor's place,
// ModuleOpening picks a module's report and first file, FindingNavigation keeps list and source together.
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
    ReportState* reportState() const { return m_state; }
    FindingFilter* filter() const { return m_filter; }
    FilterBar* filterBar() const { return m_filterBar; }
    ModuleTreePanel* treePanel() const { return m_tree; }
    SourcePane* sourcePane() const { return m_source; }
    WhyPanel* whyPanel() const { return m_why; }
    QDockWidget* whyDock() const;
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
    DependencyActions* dependencyActions() const { return m_dependencyActions; }

Q_SIGNALS:
    // The module's folder is listed, its report (if any) applied and a first file shown.
    void moduleReady();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void connectActions();
    void restoreSettings();
    void onFolderOpened(const QString& root);
    void onFolderScanned(std::shared_ptr<const ModuleFolder> folder);
    void onReportChanged(std::shared_ptr<const ReportIndex> report);
    void onSnapshotChanged(const std::shared_ptr<const ReportSnapshot>& snapshot);
    void onLoadFailed(const QString& message);
    void onBusyChanged(bool busy, const QString& activity);
    void onLineSelected(int line);
    void onAnalysisFinished(const heapsight::AnalysisResult& result);
    void onOpenFolderDialog();
    void onOpenReportDialog();
    void refreshAnnotations();
    void updateBanner();

    ModuleSession* m_session;
    ReportState* m_state;
    ToolchainList* m_toolchains; // one discovery for the analysis bar and the compare view
    FindingFilter* m_filter;
    MainMenus* m_menus;
    FilterBar* m_filterBar;
    SourcePane* m_source;
    ModuleTreePanel* m_tree;
    WhyPanel* m_why;
    FindingsPanel* m_findings;
    ReportStatusBar* m_status;
    AnalysisBar* m_analysis;
    ProblemsPanel* m_problems;
    AssertionChecks* m_assertions;
    OverviewPanel* m_overview;
    ComparePanel* m_compare;
    DockLayout* m_docks = nullptr;
    ProfileActions* m_profiles = nullptr;
    BaselineActions* m_baselines = nullptr;
    ReportPanels* m_reportPanels = nullptr;
    AnnotationRefresh* m_annotations = nullptr;
    ModuleBanner* m_banner = nullptr;
    PositionActions* m_positions = nullptr;
    ModuleOpening* m_opening = nullptr;
    FindingNavigation* m_navigation = nullptr;
    DependencyActions* m_dependencyActions = nullptr;
    bool m_firstStart = false; // no saved layout: FirstLayout's dock sizes once shown
};

} // namespace heapsight::gui
