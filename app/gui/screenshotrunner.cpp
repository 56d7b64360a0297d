// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "screenshotrunner.h"

#include "compare/changesmodel.h"
#include "compare/comparepanel.h"
#include "findings/findingspanel.h"
#include "findings/overviewpanel.h"
#include "findings/problemspanel.h"
#include "profile/profileactions.h"
#include "profile/profilesession.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "source/assertionchecks.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "why/whypanel.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>

namespace heapsight::gui {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, const QString& directory)
    : QObject(window)
    , m_window(window)
    , m_directory(directory)
{
    connect(window, &MainWindow::moduleReady, this, &ScreenshotRunner::onModuleReady, Qt::QueuedConnection);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("the module did not finish opening")); });
    m_timeout.start(TimeoutMs);
}

// The first moved-to-heap line, else the first escape, else the first line with any finding.
int ScreenshotRunner::pickLine() const
{
    const LineAnnotations& annotations = m_window->sourcePane()->view()->annotations();
    for (MarkerGroup wanted : { MarkerGroup::Moved, MarkerGroup::Escapes }) {
        for (const LineAnnotation& a : annotations.lines()) {
            if (a.groups & groupBit(wanted))
                return a.line;
        }
    }
    const std::vector<int> marked = annotations.markedLines();
    return marked.empty() ? 1 : marked.front();
}

void ScreenshotRunner::onModuleReady()
{
    // With a heap profile (--profile), show the costliest heap finding: its note carries the bytes.
    if (m_window->profileActions()->session()->isLoading()) {
        QTimer::singleShot(100, this, &ScreenshotRunner::onModuleReady);
        return;
    }
    if (m_window->comparePanel()->isBusy() || m_window->assertionChecks()->isBusy()) {
        QTimer::singleShot(100, this, &ScreenshotRunner::onModuleReady);
        return;
    }
    if (m_window->isComparing()) {
        // The first change that is a heap allocation, selected and shown in the source.
        QTableView* changes = m_window->comparePanel()->changesView();
        for (int row = 0; row < changes->model()->rowCount(); ++row) {
            const QModelIndex index = changes->model()->index(row, 0);
            if (index.data(ChangesModel::GroupRole).toInt() <= static_cast<int>(MarkerGroup::Escapes)) {
                changes->setCurrentIndex(index);
                Q_EMIT changes->activated(index);
                break;
            }
        }
    } else if (m_window->profileActions()->allocations()) {
        if (const auto top = m_window->findingsPanel()->step(1)) {
            const ReportIndex& report = *m_window->session()->report();
            const Position& at = report.report().findings()[*top].position;
            m_window->openFile(report.diskPath(at.file), static_cast<int>(at.line));
        }
    } else {
        m_window->sourcePane()->view()->goToLine(m_line > 0 ? m_line : pickLine());
    }
    // Let docks settle and the view repaint at its final size before grabbing.
    QTimer::singleShot(400, this, &ScreenshotRunner::capture);
}

void ScreenshotRunner::capture()
{
    m_timeout.stop();
    if (!QDir().mkpath(m_directory))
        return fail(QStringLiteral("cannot create %1").arg(m_directory));
    const QDir dir(m_directory);
    const QString main = dir.filePath(QStringLiteral("main-window.png"));
    const QString why = dir.filePath(QStringLiteral("why-panel.png"));
    if (!m_window->grab().save(main))
        return fail(QStringLiteral("cannot write %1").arg(main));
    if (!m_window->whyDock()->grab().save(why))
        return fail(QStringLiteral("cannot write %1").arg(why));
    // The same line's flow graph: the why panel's second tab, at a size where the graph is readable.
    const QString graph = dir.filePath(QStringLiteral("flow-graph.png"));
    WhyPanel* whyPanel = m_window->whyPanel();
    const int shownTab = whyPanel->tabs()->currentIndex();
    const QSize whySize = whyPanel->size();
    whyPanel->tabs()->setCurrentIndex(1);
    whyPanel->resize(std::max(whySize.width(), 900), std::max(whySize.height(), 600));
    QCoreApplication::processEvents();
    const bool graphSaved = whyPanel->grab().save(graph);
    whyPanel->tabs()->setCurrentIndex(shownTab);
    whyPanel->resize(whySize);
    if (!graphSaved)
        return fail(QStringLiteral("cannot write %1").arg(graph));
    QTextStream(stdout) << main << '\n' << why << '\n' << graph << '\n';
    // The overview tab, raised and laid out at a readable size, then grabbed on its own.
    if (!grabDocked(QStringLiteral("overviewDock"), m_window->overviewPanel(), { 1100, 420 }, dir, "overview.png"))
        return;
    // Compile errors and broken assertions, as listed in the Problems panel.
    if (m_window->problemsPanel()->model()->rowCount() > 0
        && !grabDocked(QStringLiteral("problemsDock"), m_window->problemsPanel(), { 1000, 260 }, dir, "problems.png"))
        return;
    if (m_window->isComparing()
        && !grabDocked(QStringLiteral("compareDock"), m_window->comparePanel(), { 1300, 420 }, dir, "compare.png"))
        return;
    // The findings list ranked by the bytes the profile recorded.
    if (m_window->profileActions()->allocations()
        && !grabDocked(
            QStringLiteral("findingsDock"), m_window->findingsPanel(), { 1100, 360 }, dir, "findings-by-bytes.png"))
        return;
    Q_EMIT finished(0);
}

bool ScreenshotRunner::grabDocked(
    const QString& dockName, QWidget* panel, QSize atLeast, const QDir& dir, const char* fileName)
{
    const QString path = dir.filePath(QString::fromLatin1(fileName));
    if (auto* dock = m_window->findChild<QDockWidget*>(dockName))
        dock->raise();
    panel->resize(std::max(panel->width(), atLeast.width()), std::max(panel->height(), atLeast.height()));
    QCoreApplication::processEvents();
    if (!panel->grab().save(path)) {
        fail(QStringLiteral("cannot write %1").arg(path));
        return false;
    }
    QTextStream(stdout) << path << '\n';
    return true;
}

void ScreenshotRunner::fail(const QString& why)
{
    m_timeout.stop();
    QTextStream(stderr) << "heapsight --screenshot: " << why << '\n';
    Q_EMIT finished(1);
}

} // namespace heapsight::gui
