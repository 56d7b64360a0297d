// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/mainmenus.h"

#include "session/recentfolders.h"
#include "session/samplelocator.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>

namespace heapsight::gui {

MainMenus::MainMenus(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{
    QStyle* style = window->style();
    QMenu* file = fileMenu = window->menuBar()->addMenu(tr("&File"));
    openFolder = file->addAction(style->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open Module Folder…"));
    openFolder->setShortcut(QKeySequence::Open);
    openFolder->setToolTip(tr("Open a Go module folder"));
    openReport = file->addAction(style->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Open &Report…"));
    openReport->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openReport->setToolTip(tr("Load go build -gcflags=-m=2 output or a Heapsight report for the open module"));
    m_recent = file->addMenu(tr("Open &Recent"));
    m_samples = file->addMenu(tr("Open &Sample Module"));
    file->addSeparator();
    quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = window->menuBar()->addMenu(tr("&Edit"));
    copyPosition = edit->addAction(tr("&Copy file:line:col"));
    copyPosition->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    openInEditor = edit->addAction(tr("Open in &Editor"));
    openInEditor->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    openInEditor->setToolTip(tr("Open the current line in $VISUAL, $EDITOR, or Visual Studio Code"));
    edit->addSeparator();
    findFindings = edit->addAction(tr("&Filter Findings…"));
    findFindings->setShortcut(QKeySequence::Find);

    m_view = window->menuBar()->addMenu(tr("&View"));
    nextFinding = m_view->addAction(tr("&Next Finding"));
    nextFinding->setShortcut(QKeySequence(Qt::Key_F8));
    previousFinding = m_view->addAction(tr("&Previous Finding"));
    previousFinding->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_dockSeparator = m_view->addSeparator();

    QMenu* help = window->menuBar()->addMenu(tr("&Help"));
    about = help->addAction(tr("&About Heapsight"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainMenus::onAbout);

    setRecentFolders({});
    setSample(nullptr);
}

void MainMenus::onAbout()
{
    QMessageBox::about(m_window, tr("About Heapsight"),
        tr("<h3>Heapsight %1</h3><p>Why Go values move to the heap: the compiler's escape analysis "
           "(<tt>go build -gcflags=-m=2</tt>) laid over your source.</p>")
            .arg(QStringLiteral(HEAPSIGHT_VERSION)));
}

void MainMenus::onClearRecent()
{
    RecentFolders().clear();
    setRecentFolders({});
}

void MainMenus::addToolBar(QWidget* extra)
{
    QToolBar* toolbar = m_window->addToolBar(tr("Main Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openFolder);
    toolbar->addAction(openReport);
    toolbar->addSeparator();
    toolbar->addWidget(extra);
}

void MainMenus::addDockToggle(QAction* toggle)
{
    m_view->addAction(toggle);
}

void MainMenus::setRecentFolders(const QStringList& folders)
{
    m_recent->clear();
    for (const QString& folder : folders) {
        QAction* action = m_recent->addAction(QDir::toNativeSeparators(folder));
        action->setToolTip(folder);
        connect(action, &QAction::triggered, this, [this, folder] { Q_EMIT recentFolderRequested(folder); });
    }
    if (!folders.isEmpty()) {
        m_recent->addSeparator();
        connect(m_recent->addAction(tr("Clear List")), &QAction::triggered, this, &MainMenus::onClearRecent);
    }
    m_recent->setEnabled(!folders.isEmpty());
}

void MainMenus::setSample(const SampleModule* sample)
{
    m_samples->clear();
    m_samples->setEnabled(sample && !sample->reports.isEmpty());
    if (!sample)
        return;
    for (const QString& report : sample->reports) {
        QAction* action = m_samples->addAction(tr("escapes, recorded with %1").arg(SampleLocator::reportLabel(report)));
        action->setToolTip(report);
        connect(action, &QAction::triggered, this, [this, report] { Q_EMIT sampleRequested(report); });
    }
}

} // namespace heapsight::gui
