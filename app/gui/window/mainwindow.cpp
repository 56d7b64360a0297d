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
#include "session/modulesession.h"
#include "session/recentfolders.h"
#include "session/samplelocator.h"
#include "source/assertionchecks.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "why/whypanel.h"
#include "window/appicon.h"
#include "window/editorlauncher.h"
#include "window/firstlayout.h"
#include "window/mainmenus.h"
#include "window/reportstatusbar.h"
#include "window/windowsettings.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QTextBlock>
#include <QTimer>

namespace heapsight::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new ModuleSession(this))
    , m_filter(new FindingFilter(this))
    , m_menus(new MainMenus(this))
    , m_filterBar(new FilterBar(m_filter, this))
    , m_source(new SourcePane(this))
    , m_tree(new ModuleTreePanel(m_filter, this))
    , m_why(new WhyPanel(this))
    , m_findings(new FindingsPanel(m_filter, this))
    , m_status(new ReportStatusBar(this))
    , m_analysis(new AnalysisBar(this))
    , m_problems(new ProblemsPanel(this))
    , m_assertions(new AssertionChecks(this))
    , m_overview(new OverviewPanel(m_filter, this))
    , m_compare(new ComparePanel(this))
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
    createDocks();
    m_profiles = new ProfileActions(m_session,
        { [this] { return m_source->currentPath(); }, [this] { return m_analysis->selectedToolchain(); } }, this,
        m_menus->fileMenu, m_menus->quit);
    m_baselines = new BaselineActions(m_session,
        { [this] { return m_findings->currentFinding(); }, [this] { return m_source->currentPath(); } }, this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), m_baselines->menu); // before Help
    connectActions();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Closing the window hides its docks while it is already half destroyed: no slot of it may run then.
    disconnect(m_compareDock, nullptr, this, nullptr);
    disconnect(m_compare, nullptr, this, nullptr);
}

void MainWindow::createDocks()
{
    const auto dock = [this](QWidget* content, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setFeatures(
            QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        m_menus->addDockToggle(d->toggleViewAction());
        return d;
    };
    m_treeDock = dock(m_tree, tr("Module"), QStringLiteral("moduleDock"), Qt::LeftDockWidgetArea);
    m_whyDock = dock(m_why, tr("Why?"), QStringLiteral("whyDock"), Qt::RightDockWidgetArea);
    m_findingsDock = dock(m_findings, tr("Findings"), QStringLiteral("findingsDock"), Qt::BottomDockWidgetArea);
    m_problemsDock = dock(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_findingsDock, m_problemsDock);
    m_overviewDock = dock(m_overview, tr("Overview"), QStringLiteral("overviewDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problemsDock, m_overviewDock);
    m_compareDock = dock(m_compare, tr("Compare"), QStringLiteral("compareDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_overviewDock, m_compareDock);
    m_findingsDock->raise();
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

void MainWindow::connectActions()
{
    connect(m_session, &ModuleSession::folderOpened, this, &MainWindow::onFolderOpened);
    connect(m_session, &ModuleSession::folderScanned, this, &MainWindow::onFolderScanned);
    connect(m_compare, &ComparePanel::positionActivated, this, &MainWindow::openFile);
    connect(m_compare, &ComparePanel::comparisonChanged, this, &MainWindow::refreshAnnotations);
    connect(m_analysis, &AnalysisBar::toolchainsFound, this, [this] {
        m_compare->setToolchains(m_analysis->toolchains());
        updateBanner(); // now it can offer Analyze
    });
    connect(m_compareDock, &QDockWidget::visibilityChanged, this, &MainWindow::refreshAnnotations);
    connect(m_session, &ModuleSession::reportChanged, this, &MainWindow::onReportChanged);
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
    connect(m_profiles, &ProfileActions::allocationsChanged, this, [this] {
        m_findings->setAllocations(m_profiles->allocations());
        m_tree->setAllocations(m_profiles->allocations());
        refreshAnnotations();
    });
    connect(m_profiles, &ProfileActions::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_baselines, &BaselineActions::statusMessage, m_status, &ReportStatusBar::showMessage);
    connect(m_baselines, &BaselineActions::acceptedChanged, this,
        [this](std::shared_ptr<const std::vector<bool>> accepted) {
            m_findings->setAccepted(accepted);
            m_filter->setAccepted(std::move(accepted));
        });
    connect(m_baselines->hideAccepted, &QAction::toggled, m_filter, &FindingFilter::setHideAccepted);

    connect(m_tree, &ModuleTreePanel::fileActivated, this, [this](const QString& path) { openFile(path); });
    connect(m_source->view(), &SourceView::lineSelected, this, &MainWindow::onLineSelected);
    connect(m_source, &SourcePane::openReportRequested, this, &MainWindow::onOpenReportDialog);
    connect(m_source, &SourcePane::analyzeRequested, m_analysis, &AnalysisBar::analyze);
    connect(m_why, &WhyPanel::positionActivated, this, &MainWindow::openFile);
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::onFindingActivated);
    connect(m_findings, &FindingsPanel::countChanged, this, [this](int shown, int total) {
        m_findingsDock->setWindowTitle(total ? tr("Findings (%1 of %2)").arg(shown).arg(total) : tr("Findings"));
    });

    connect(m_menus->openFolder, &QAction::triggered, this, &MainWindow::onOpenFolderDialog);
    connect(m_menus->openReport, &QAction::triggered, this, &MainWindow::onOpenReportDialog);
    connect(m_menus->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_menus->copyPosition, &QAction::triggered, this, &MainWindow::onCopyPosition);
    connect(m_menus->openInEditor, &QAction::triggered, this, &MainWindow::onOpenInEditor);
    connect(m_menus->findFindings, &QAction::triggered, this,
        [this] { m_filterBar->searchField()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_menus->nextFinding, &QAction::triggered, this, [this] { onNextFinding(1); });
    connect(m_menus->previousFinding, &QAction::triggered, this, [this] { onNextFinding(-1); });
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
    QTimer::singleShot(0, this, [this] {
        const FirstLayout::DockSizes sizes = FirstLayout::dockSizes(size());
        resizeDocks({ m_treeDock, m_whyDock }, { sizes.tree, sizes.why }, Qt::Horizontal);
        resizeDocks({ m_findingsDock }, { sizes.findings }, Qt::Vertical);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    WindowSettings::save(*this, *m_filter, *m_tree);
    m_session->cancel();
    event->accept();
}

void MainWindow::openFolder(const QString& folder, const QString& reportPath)
{
    m_isSample = false;
    QString report = reportPath;
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (report.isEmpty() && !canonical.isEmpty()) {
        const QString remembered = RecentFolders().reportFor(canonical);
        if (QFileInfo(remembered).isFile())
            report = remembered;
    }
    m_session->openFolder(folder, report);
}

void MainWindow::openReport(const QString& path)
{
    m_loadError.clear();
    m_session->openReport(path);
    updateBanner();
}

bool MainWindow::openSample(const QString& reportPath)
{
    const std::optional<SampleModule> sample = SampleLocator::find();
    if (!sample)
        return false;
    m_session->openFolder(sample->folder, reportPath.isEmpty() ? sample->defaultReport : reportPath);
    m_isSample = true;
    return true;
}

void MainWindow::setReport(std::shared_ptr<const heapsight::Report> report, const QString& sourceName)
{
    m_loadError.clear();
    m_session->setReport(std::move(report), sourceName.isEmpty() ? tr("analysis") : sourceName);
    updateBanner();
}

void MainWindow::setInitialLocation(const QString& relativePath, int line)
{
    m_initialFile = relativePath;
    m_initialLine = line;
}

void MainWindow::onFolderOpened(const QString& root)
{
    m_opening = true;
    m_loadError.clear();
    const QString title = m_session->modulePath().isEmpty() ? QFileInfo(root).fileName() : m_session->modulePath();
    setWindowTitle(tr("%1 — Heapsight").arg(title));
    m_source->showPlaceholder(tr("Reading %1…").arg(QDir::toNativeSeparators(root)));
    m_tree->setFolder(nullptr);
    m_why->clear();
    m_status->setReport(nullptr, true);
    m_problems->model()->setDiagnostics({}, {});
    const std::optional<ModuleInfo> module = locateModule(root);
    m_analysis->setModule(root, module ? module->goVersion : QString());
    // The bundled sample comes with recorded reports of several toolchains: offered for comparing.
    const std::optional<SampleModule> sample = SampleLocator::find();
    const bool isSample
        = sample && QFileInfo(sample->folder).canonicalFilePath() == QFileInfo(root).canonicalFilePath();
    m_compare->setModule(root, module ? module->goVersion : QString(), isSample ? sample->reports : QStringList());
    if (!m_isSample) {
        RecentFolders().add(root);
        m_menus->setRecentFolders(RecentFolders().folders());
    }
}

void MainWindow::onFolderScanned(std::shared_ptr<const ModuleFolder> folder)
{
    m_tree->setFolder(std::move(folder));
    finishOpeningIfReady();
}

void MainWindow::onReportChanged(std::shared_ptr<const ReportIndex> report)
{
    m_tree->setReport(report);
    m_findings->setReport(report);
    m_why->setReport(report);
    m_overview->setReport(report);
    m_profiles->setReport(report);
    m_baselines->setReport(report);
    if (report && !m_isSample && !m_session->reportPath().isEmpty()) {
        RecentFolders().add(m_session->moduleRoot(), m_session->reportPath());
        m_menus->setRecentFolders(RecentFolders().folders());
    }
    // The report may answer an edit (Watch): show the file as it is now, the selected line kept.
    m_source->reloadKeepingPlace();
    m_assertions->check(m_session->moduleRoot(), report);
    refreshAnnotations();
    updateBanner();
    m_status->setReport(report, true);
    finishOpeningIfReady();
}

// A run's report replaces the shown one; the open file and its scroll position stay.
void MainWindow::onAnalysisFinished(const heapsight::AnalysisResult& result)
{
    m_status->setBusy(false, {});
    m_problems->model()->setDiagnostics(
        result.diagnostics, result.state == AnalysisState::Ok ? QString() : result.errorText);
    // A run that was stopped, or a toolchain that failed without a single finding, leaves the report
    // shown before in place rather than replacing it with nothing.
    const bool hasFindings = result.report && !result.report->findings().empty();
    const bool replaces = result.state == AnalysisState::Ok || result.state == AnalysisState::CompileErrors
        || (result.state == AnalysisState::ToolchainFailed && hasFindings);
    if (result.report && replaces) {
        QString name = QString::fromStdString(result.report->origin().toolchain);
        if (result.languageOverridden)
            name += tr(", go %1").arg(QString::fromStdString(result.report->origin().languageVersion));
        if (result.fromCache)
            name += tr(", from cache");
        m_isSample = false;
        setReport(result.report, name);
    }
    m_status->showAnalysisResult(result);
    updateBanner(); // a cancelled first run leaves the module without a report again
    if (result.state != AnalysisState::Ok && result.state != AnalysisState::Cancelled)
        m_problemsDock->raise();
}

void MainWindow::onLoadFailed(const QString& message)
{
    m_loadError = message;
    m_status->showMessage(message, 10000);
    updateBanner();
    finishOpeningIfReady();
}

void MainWindow::onBusyChanged(bool busy, const QString& activity)
{
    m_status->setBusy(busy, activity);
    updateBanner();
}

// The first file to show once a module is open: the one asked for, else the one with the most heap
// findings, else the first Go file.
void MainWindow::finishOpeningIfReady()
{
    if (!m_opening || !m_session->folder() || m_session->isBusy())
        return;
    m_opening = false;
    QString path
        = m_initialFile.isEmpty() ? QString() : QDir::cleanPath(QDir(m_session->moduleRoot()).filePath(m_initialFile));
    const int line = QFileInfo(path).isFile() ? m_initialLine : 0;
    if (!QFileInfo(path).isFile())
        path = m_tree->busiestFile();
    for (const ModuleFolderNode& n : m_session->folder()->nodes()) {
        if (path.isEmpty() && !n.isDirectory)
            path = n.path;
    }
    if (path.isEmpty())
        m_source->showPlaceholder(tr("%1 has no Go files.").arg(QDir::toNativeSeparators(m_session->moduleRoot())));
    else
        openFile(path, line);
    m_initialFile.clear();
    m_initialLine = 0;
    Q_EMIT moduleReady();
}

void MainWindow::openFile(const QString& path, int line, int column)
{
    if (path != m_source->currentPath()) {
        if (!m_source->showFile(path, relativePath(path)))
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
    return m_compare->comparison() && m_compareDock->isVisible();
}

void MainWindow::compareReports(const QString& specA, const QString& specB)
{
    m_compareDock->show();
    m_compareDock->raise();
    m_compare->compare(CompareSource::fromSpec(specA), CompareSource::fromSpec(specB));
}

void MainWindow::refreshAnnotations()
{
    const std::shared_ptr<const ReportIndex>& report = m_session->report();
    const QString& path = m_source->currentPath();
    // While the compare view is up, the source and the module tree show what changed between its two reports.
    m_tree->model()->setComparison(isComparing() ? m_compare->comparison() : nullptr);
    m_source->view()->setAssertionMarks(
        path.isEmpty() || isComparing() ? std::vector<AssertionMark>() : m_assertions->marksFor(relativePath(path)));
    if (isComparing()) {
        m_source->setAnnotations(
            path.isEmpty() ? LineAnnotations() : LineAnnotations::fromComparison(*m_compare->comparison(), path));
        return;
    }
    LineAnnotations annotations
        = report && !path.isEmpty() ? LineAnnotations::build(report, path, *m_filter) : LineAnnotations();
    if (report && m_profiles->allocations())
        annotations.addAllocations(*report, *m_profiles->allocations());
    m_source->setAnnotations(std::move(annotations));
}

void MainWindow::onLineSelected(int line)
{
    const QString& path = m_source->currentPath();
    m_why->showLine(path, relativePath(path), line);
    // Follow in the list, unless its current row is on this line already (F8 walks several per line).
    const LineAnnotation* a = m_source->view()->annotations().at(line);
    if (!a || a->findings.empty())
        return;
    const std::optional<std::uint32_t> current = m_findings->currentFinding();
    if (!current || std::find(a->findings.begin(), a->findings.end(), *current) == a->findings.end())
        m_findings->revealFinding(a->findings.front());
}

void MainWindow::onFindingActivated(std::uint32_t finding)
{
    const std::shared_ptr<const ReportIndex>& report = m_session->report();
    if (!report)
        return;
    const Position& at = report->report().findings()[finding].position;
    const QString path = report->diskPath(at.file);
    if (path.isEmpty()) {
        m_status->showMessage(tr("%1 has no source on disk.").arg(report->displayName(at.file)), 5000);
        return;
    }
    openFile(path, static_cast<int>(at.line), static_cast<int>(at.column));
}

void MainWindow::onNextFinding(int delta)
{
    if (const std::optional<std::uint32_t> finding = m_findings->step(delta))
        onFindingActivated(*finding);
}

QString MainWindow::relativePath(const QString& path) const
{
    const QString root = m_session->moduleRoot();
    if (!root.isEmpty() && path.startsWith(root + QLatin1Char('/')))
        return path.mid(root.size() + 1);
    return QDir::toNativeSeparators(path);
}

void MainWindow::onCopyPosition()
{
    const QString& path = m_source->currentPath();
    if (path.isEmpty())
        return;
    const QTextCursor cursor = m_source->view()->textCursor();
    // Compiler positions count bytes; so does this column.
    const int column = static_cast<int>(cursor.block().text().left(cursor.positionInBlock()).toUtf8().size()) + 1;
    const QString position
        = QStringLiteral("%1:%2:%3").arg(relativePath(path)).arg(cursor.blockNumber() + 1).arg(column);
    QApplication::clipboard()->setText(position);
    m_status->showMessage(tr("Copied %1").arg(position), 3000);
}

void MainWindow::onOpenInEditor()
{
    const QString& path = m_source->currentPath();
    if (path.isEmpty())
        return;
    const QTextCursor cursor = m_source->view()->textCursor();
    QString error;
    if (!EditorLauncher::launch(path, cursor.blockNumber() + 1, cursor.positionInBlock() + 1, &error))
        m_status->showMessage(error, 8000);
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
    using Action = SourcePane::BannerAction;
    if (m_session->moduleRoot().isEmpty() || m_analysis->isRunning()) {
        m_source->setBanner(QString(), Action::None);
    } else if (!m_loadError.isEmpty()) {
        m_source->setBanner(tr("Could not load the report. %1").arg(m_loadError), Action::OpenReport);
    } else if (!m_session->report() && !m_session->isBusy()) {
        // One click to a first analysis where a toolchain was found; the module folder is never written.
        if (const auto toolchain = m_analysis->selectedToolchain())
            m_source->setBanner(tr("This module has no escape analysis report yet. <b>Analyze</b> runs the "
                                   "compiler's escape analysis with %1 (nothing is written into the module "
                                   "folder), or open a report saved earlier.")
                                    .arg(toolchain->version.toHtmlEscaped()),
                Action::Analyze | Action::OpenReport);
        else
            m_source->setBanner(
                tr("This module has no escape analysis report yet, and no Go toolchain was found "
                   "to make one (install Go, then <b>Find Go Again</b> in the analysis bar). Open a report "
                   "saved elsewhere: the compiler's output of <tt>go build -gcflags=-m=2 ./... "
                   "2&gt; /tmp/escapes.txt</tt> or a Heapsight JSON report."),
                Action::OpenReport);
    } else {
        m_source->setBanner(QString(), Action::None);
    }
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
