// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/mainwindow.h"

#include "baseline/baselineactions.h"
#include "compare/comparepanel.h"
#include "core/analysis/modulelocator.h"
#include "findings/filterbar.h"
#include "findings/findingfilter.h"
#include "findings/findingspanel.h"
#include "findings/overviewpanel.h"
#include "findings/problemspanel.h"
#include "profile/profileactions.h"
#include "run/analysisbar.h"
#include "run/runreport.h"
#include "run/toolchainlist.h"
#include "session/modulesession.h"
#include "session/recentfolders.h"
#include "session/reportstate.h"
#include "session/samplelocator.h"
#include "source/assertionchecks.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "tree/moduletreepanel.h"
#include "why/whypanel.h"
#include "window/annotationrefresh.h"
#include "window/appicon.h"
#include "window/dependencyactions.h"
#include "window/docklayout.h"
#include "window/findingnavigation.h"
#include "window/firstlayout.h"
#include "window/mainmenus.h"
#include "window/modulebanner.h"
#include "window/moduleopening.h"
#include "window/positionactions.h"
#include "window/reportpanels.h"
#include "window/reportstatusbar.h"
#include "window/windowsettings.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QTimer>

namespace heapsight::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new ModuleSession(this))
    , m_state(new ReportState(this))
    , m_toolchains(new ToolchainList(this))
    , m_filter(new FindingFilter(this))
    , m_menus(new MainMenus(this))
    , m_filterBar(new FilterBar(m_filter, this))
    , m_source(new SourcePane(this))
    , m_tree(new ModuleTreePanel(m_filter, this))
    , m_why(new WhyPanel(this))
    , m_findings(new FindingsPanel(m_filter, this))
    , m_status(new ReportStatusBar(this))
    , m_analysis(new AnalysisBar(m_toolchains, this))
    , m_problems(new ProblemsPanel(this))
    , m_assertions(new AssertionChecks(this))
    , m_overview(new OverviewPanel(m_filter, this))
    , m_compare(new ComparePanel(m_toolchains, this))
{
    setWindowIcon(AppIcon::icon());
    setWindowTitle(tr("Heapsight"));
    setAcceptDrops(true);
    setCentralWidget(m_source);
    m_why->setFilter(m_filter);

    m_menus->addToolBar(m_filterBar);
    // Running the compiler gets a row of its own: the filter row is full.
    addToolBarBreak();
    addToolBar(m_analysis);
    setStatusBar(m_status);
    m_docks = new DockLayout(this, m_menus, { m_tree, m_why, m_findings, m_problems, m_overview, m_compare });
    m_profiles = new ProfileActions(m_session,
        { [this] { return m_source->currentPath(); }, [this] { return m_analysis->selectedToolchain(); } }, this,
        m_menus->fileMenu, m_menus->quit);
    m_baselines = new BaselineActions(m_session,
        { [this] { return m_findings->currentFinding(); }, [this] { return m_source->currentPath(); } }, this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), m_baselines->menu); // before Help
    m_reportPanels = new ReportPanels(
        { m_session, m_tree, m_findings, m_why, m_overview, m_problems, m_assertions, m_source, m_status }, this);
    m_annotations = new AnnotationRefresh(
        { m_session, m_filter, m_source, m_tree, m_compare, m_docks->compare, m_assertions, m_state }, this);
    m_banner = new ModuleBanner(m_session, m_analysis, m_source, this);
    m_positions = new PositionActions(m_session, m_source, this);
    m_opening = new ModuleOpening(m_session, m_tree, m_menus, this);
    m_navigation = new FindingNavigation(m_session, m_findings, m_source, this);
    m_dependencyActions = new DependencyActions({ m_session, m_analysis, m_why, m_status }, this);
    connectActions();
    restoreSettings();
    m_toolchains->discover();
}

MainWindow::~MainWindow()
{
    // Closing the window hides its docks while it is already half destroyed: no slot of it may run then.
    disconnect(m_docks->compare, nullptr, this, nullptr);
    disconnect(m_compare, nullptr, this, nullptr);
}

QDockWidget* MainWindow::whyDock() const
{
    return m_docks->why;
}

void MainWindow::connectActions()
{
    connect(m_session, &ModuleSession::folderOpened, this, &MainWindow::onFolderOpened);
    connect(m_opening, &ModuleOpening::firstFileChosen, this, [this](const QString& path, int line) {
        if (path.isEmpty())
            m_source->showPlaceholder(tr("%1 has no Go files.").arg(QDir::toNativeSeparators(m_session->moduleRoot())));
        else
            openFile(path, line);
    });
    connect(m_opening, &ModuleOpening::finished, this, &MainWindow::moduleReady);
    connect(m_session, &ModuleSession::folderScanned, this, &MainWindow::onFolderScanned);
    connect(m_compare, &ComparePanel::positionActivated, this, &MainWindow::openFile);
    connect(m_compare, &ComparePanel::comparisonChanged, this, &MainWindow::refreshAnnotations);
    connect(m_analysis, &AnalysisBar::toolchainsFound, this, &MainWindow::updateBanner); // now it can offer Analyze
    connect(m_docks->compare, &QDockWidget::visibilityChanged, this, &MainWindow::refreshAnnotations);
    // A report travels one hop per layer: the session's report starts a generation in the state, the
    // profile and the baseline add their parts to it, the state's snapshots go to the views.
    connect(m_session, &ModuleSession::reportChanged, this, &MainWindow::onReportChanged);
    connect(m_state, &ReportState::generationStarted, m_profiles, &ProfileActions::setReport);
    connect(m_state, &ReportState::generationStarted, m_baselines, &BaselineActions::setReport);
    connect(m_profiles, &ProfileActions::allocationsChanged, m_state, &ReportState::setAllocations);
    connect(m_baselines, &BaselineActions::acceptedChanged, m_state, &ReportState::setAccepted);
    connect(m_state, &ReportState::snapshotChanged, this, &MainWindow::onSnapshotChanged);
    connect(m_session, &ModuleSession::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_session, &ModuleSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_status, &ReportStatusBar::cancelRequested, m_session, &ModuleSession::cancel);
    connect(m_status, &ReportStatusBar::cancelRequested, m_analysis, &AnalysisBar::cancel);
    connect(m_analysis, &AnalysisBar::started, this, [this](const QString& what) {
        m_status->setBusy(true, tr("Analysing with %1…").arg(what));
        updateBanner();
    });
    connect(m_analysis, &AnalysisBar::progressChanged, m_status, &ReportStatusBar::setProgress);
    connect(m_analysis, &AnalysisBar::analysisFinished, this, &MainWindow::onAnalysisFinished);
    connect(m_problems, &ProblemsPanel::positionActivated, this, [this](const QString& file, int line, int column) {
        openFile(QDir::cleanPath(QDir(m_session->moduleRoot()).filePath(file)), line, column);
    });
    connect(m_filter, &FindingFilter::changed, this, &MainWindow::refreshAnnotations);
    connect(m_assertions, &AssertionChecks::checked, this, [this] {
        m_problems->model()->setAssertionProblems(m_assertions->problems());
        refreshAnnotations();
    });
    connect(m_profiles, &ProfileActions::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_baselines, &BaselineActions::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_baselines->hideAccepted, &QAction::toggled, m_filter, &FindingFilter::setHideAccepted);

    connect(m_tree, &ModuleTreePanel::fileActivated, this, [this](const QString& path) { openFile(path); });
    connect(m_source->view(), &SourceView::lineSelected, this, &MainWindow::onLineSelected);
    connect(m_source, &SourcePane::openReportRequested, this, &MainWindow::onOpenReportDialog);
    connect(m_source, &SourcePane::analyzeRequested, m_analysis, &AnalysisBar::analyze);
    connect(m_why, &WhyPanel::positionActivated, this, &MainWindow::openFile);
    connect(m_findings, &FindingsPanel::findingActivated, m_navigation, &FindingNavigation::activate);
    connect(m_navigation, &FindingNavigation::openRequested, this, &MainWindow::openFile);
    connect(m_navigation, &FindingNavigation::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_findings, &FindingsPanel::countChanged, m_docks, &DockLayout::showFindingsCount);

    connect(m_menus->openFolder, &QAction::triggered, this, &MainWindow::onOpenFolderDialog);
    connect(m_menus->openReport, &QAction::triggered, this, &MainWindow::onOpenReportDialog);
    connect(m_menus->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_menus->copyPosition, &QAction::triggered, m_positions, &PositionActions::copyPosition);
    connect(m_menus->openInEditor, &QAction::triggered, m_positions, &PositionActions::openInEditor);
    connect(m_positions, &PositionActions::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_menus->findFindings, &QAction::triggered, this,
        [this] { m_filterBar->searchField()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_menus->nextFinding, &QAction::triggered, m_navigation, [this] { m_navigation->step(1); });
    connect(m_menus->previousFinding, &QAction::triggered, m_navigation, [this] { m_navigation->step(-1); });
    connect(m_menus, &MainMenus::recentFolderRequested, this, [this](const QString& folder) { openFolder(folder); });
    connect(m_menus, &MainMenus::sampleRequested, this, [this](const QString& report) { openSample(report); });
}

void MainWindow::restoreSettings()
{
    m_firstStart = !WindowSettings::restore(*this, *m_filter, *m_tree);
    if (m_firstStart && screen())
        resize(FirstLayout::windowSize(screen()->availableGeometry().size()));
    m_menus->setRecentFolders(RecentFolders().folders());
    const std::optional<SampleModule> sample = SampleLocator::find();
    m_menus->setSample(sample ? &*sample : nullptr);
}

// Dock sizes need the window's final size and a laid-out dock area: once shown, after the show's own
// layout pass (resizeDocks before it is overwritten by the docks' size hints).
void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_firstStart, false))
        return;
    QTimer::singleShot(0, m_docks, &DockLayout::applyFirstSizes);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    WindowSettings::save(*this, *m_filter, *m_tree);
    m_session->cancel();
    event->accept();
}

void MainWindow::openFolder(const QString& folder, const QString& reportPath)
{
    m_opening->openFolder(folder, reportPath);
}

void MainWindow::openReport(const QString& path)
{
    m_banner->setLoadError(QString());
    m_session->openReport(path);
    updateBanner();
}

bool MainWindow::openSample(const QString& reportPath)
{
    return m_opening->openSample(reportPath);
}

void MainWindow::setReport(std::shared_ptr<const heapsight::Report> report, const QString& sourceName)
{
    m_banner->setLoadError(QString());
    m_session->setReport(std::move(report), sourceName.isEmpty() ? tr("analysis") : sourceName);
    updateBanner();
}

void MainWindow::setInitialLocation(const QString& relativePath, int line)
{
    m_opening->setInitialLocation(relativePath, line);
}

void MainWindow::onFolderOpened(const QString& root)
{
    m_opening->onFolderOpened(root);
    m_banner->setLoadError(QString());
    const QString title = m_session->modulePath().isEmpty() ? QFileInfo(root).fileName() : m_session->modulePath();
    setWindowTitle(tr("%1 — Heapsight").arg(title));
    m_source->showPlaceholder(tr("Reading %1…").arg(QDir::toNativeSeparators(root)));
    m_reportPanels->clear();
    const std::optional<ModuleInfo> module = locateModule(root);
    m_analysis->setModule(root, module ? module->goVersion : QString());
    // The bundled sample comes with recorded reports of several toolchains: offered for comparing.
    const std::optional<SampleModule> sample = SampleLocator::find();
    const bool isSample
        = sample && QFileInfo(sample->folder).canonicalFilePath() == QFileInfo(root).canonicalFilePath();
    m_compare->setModule(root, module ? module->goVersion : QString(), isSample ? sample->reports : QStringList());
}

void MainWindow::onFolderScanned(std::shared_ptr<const ModuleFolder> folder)
{
    m_tree->setFolder(std::move(folder));
    m_opening->finishIfReady();
}

void MainWindow::onReportChanged(std::shared_ptr<const ReportIndex> report)
{
    m_state->setReport(report); // the views follow through onSnapshotChanged before this returns
    m_opening->onReportChanged(report);
    updateBanner();
    m_opening->finishIfReady();
}

void MainWindow::onSnapshotChanged(const std::shared_ptr<const ReportSnapshot>& snapshot)
{
    m_reportPanels->show(snapshot);
    refreshAnnotations();
}

// A run's report replaces the shown one; the open file and its scroll position stay.
void MainWindow::onAnalysisFinished(const heapsight::AnalysisResult& result)
{
    m_status->setBusy(false, {});
    m_problems->model()->setDiagnostics(
        result.diagnostics, result.state == AnalysisState::Ok ? QString() : result.errorText);
    if (const std::optional<QString> name = RunReport::replacingName(result)) {
        m_opening->leaveSample();
        setReport(result.report, *name);
    }
    m_status->showAnalysisResult(result);
    updateBanner(); // a cancelled first run leaves the module without a report again
    if (result.state != AnalysisState::Ok && result.state != AnalysisState::Cancelled)
        m_docks->problems->raise();
}

void MainWindow::onLoadFailed(const QString& message)
{
    m_banner->setLoadError(message);
    m_status->showMessage(message, 10000);
    updateBanner();
    m_opening->finishIfReady();
}

void MainWindow::onBusyChanged(bool busy, const QString& activity)
{
    m_status->setBusy(busy, activity);
    updateBanner();
}

void MainWindow::openFile(const QString& path, int line, int column)
{
    if (path != m_source->currentPath()) {
        if (!m_source->showFile(path, m_session->relativePath(path)))
            return;
        m_tree->selectFile(path);
        refreshAnnotations();
        m_why->clear();
    }
    if (line > 0)
        m_source->view()->goToLine(line, column);
}

bool MainWindow::isComparing() const
{
    return m_annotations->isComparing();
}

void MainWindow::compareReports(const QString& specA, const QString& specB)
{
    m_docks->compare->show();
    m_docks->compare->raise();
    m_compare->compare(CompareSource::fromSpec(specA), CompareSource::fromSpec(specB));
}

void MainWindow::refreshAnnotations()
{
    m_annotations->refresh();
}

void MainWindow::onLineSelected(int line)
{
    const QString& path = m_source->currentPath();
    m_why->showLine(path, m_session->relativePath(path), line);
    m_navigation->followLine(line);
}

void MainWindow::onOpenFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Module Folder"), m_session->moduleRoot());
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::onOpenReportDialog()
{
    if (m_session->moduleRoot().isEmpty()) {
        m_status->showMessage(tr("Open a module folder first: the report's file names are relative to it."), 6000);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this,
        tr("Open Report for %1").arg(QFileInfo(m_session->moduleRoot()).fileName()), m_session->moduleRoot(),
        tr("Compiler output or Heapsight report (*.txt *.log *.json);;All files (*)"));
    if (!path.isEmpty())
        openReport(path);
}

void MainWindow::updateBanner()
{
    m_banner->update();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

// A folder opens as a module; a file opens as a report for the open module, or a Go file's module.
void MainWindow::dropEvent(QDropEvent* event)
{
    const QFileInfo info(event->mimeData()->urls().value(0).toLocalFile());
    if (info.isDir()) {
        openFolder(info.absoluteFilePath());
    } else if (info.suffix() == QLatin1String("go")) {
        setInitialLocation(info.absoluteFilePath(), 0);
        openFolder(info.absolutePath());
    } else if (info.isFile()) {
        if (m_session->moduleRoot().isEmpty())
            openFolder(info.absolutePath(), info.absoluteFilePath());
        else
            openReport(info.absoluteFilePath());
    }
    event->acceptProposedAction();
}

} // namespace heapsight::gui
