// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/moduleopening.h"

#include "session/modulefolder.h"
#include "session/modulesession.h"
#include "session/recentfolders.h"
#include "session/samplelocator.h"
#include "tree/moduletreepanel.h"
#include "window/mainmenus.h"

#include <QDir>
#include <QFileInfo>

namespace heapsight::gui {

ModuleOpening::ModuleOpening(ModuleSession* session, ModuleTreePanel* tree, MainMenus* menus, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_tree(tree)
    , m_menus(menus)
{
}

void ModuleOpening::openFolder(const QString& folder, const QString& reportPath)
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

bool ModuleOpening::openSample(const QString& reportPath)
{
    const std::optional<SampleModule> sample = SampleLocator::find();
    if (!sample)
        return false;
    m_session->openFolder(sample->folder, reportPath.isEmpty() ? sample->defaultReport : reportPath);
    m_isSample = true;
    return true;
}

void ModuleOpening::setInitialLocation(const QString& relativePath, int line)
{
    m_initialFile = relativePath;
    m_initialLine = line;
}

void ModuleOpening::onFolderOpened(const QString& root)
{
    m_opening = true;
    if (!m_isSample) {
        RecentFolders().add(root);
        showRecentFolders();
    }
}

void ModuleOpening::onReportChanged(const std::shared_ptr<const ReportIndex>& report)
{
    if (report && !m_isSample && !m_session->reportPath().isEmpty()) {
        RecentFolders().add(m_session->moduleRoot(), m_session->reportPath());
        showRecentFolders();
    }
}

void ModuleOpening::showRecentFolders()
{
    m_menus->setRecentFolders(RecentFolders().folders());
}

void ModuleOpening::finishIfReady()
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
    m_initialFile.clear();
    m_initialLine = 0;
    Q_EMIT firstFileChosen(path, line);
    Q_EMIT finished();
}

} // namespace heapsight::gui
