// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/modulesession.h"

#include "core/analysis/modulelocator.h"

#include <QDir>
#include <QFileInfo>

namespace heapsight::gui {

ModuleSession::ModuleSession(QObject* parent)
    : QObject(parent)
{
    connect(&m_scanner, &FolderScanner::folderScanned, this, &ModuleSession::onFolderScanned);
    connect(&m_loader, &ReportLoader::reportLoaded, this, &ModuleSession::onReportLoaded);
    connect(&m_loader, &ReportLoader::loadFailed, this, &ModuleSession::onLoadFailed);
    connect(&m_scanner, &FolderScanner::scanCanceled, this, [this] {
        m_scanning = false;
        updateBusy();
    });
    connect(&m_loader, &ReportLoader::loadCanceled, this, [this] {
        m_loading = false;
        updateBusy();
    });
}

void ModuleSession::openFolder(const QString& directory, const QString& reportPath)
{
    const QFileInfo info(directory);
    QString root = info.canonicalFilePath();
    if (root.isEmpty() || !info.isDir()) {
        Q_EMIT loadFailed(tr("%1 is not a folder.").arg(directory));
        return;
    }
    m_modulePath.clear();
    if (const std::optional<ModuleInfo> module = locateModule(root)) {
        root = QDir::cleanPath(module->root);
        m_modulePath = module->modulePath;
    }
    m_root = root;
    m_folder.reset();
    m_report.reset();
    m_reportPath.clear();
    m_loader.cancel();
    Q_EMIT folderOpened(m_root);
    Q_EMIT reportChanged(nullptr);
    m_scanning = true;
    m_scanner.scan(m_root, m_modulePath);
    if (!reportPath.isEmpty())
        openReport(reportPath);
    updateBusy(tr("Reading %1…").arg(QDir::toNativeSeparators(m_root)));
}

void ModuleSession::openReport(const QString& path)
{
    m_pendingReportPath = QFileInfo(path).absoluteFilePath();
    m_loading = true;
    m_loader.loadFile(m_pendingReportPath, m_root);
    updateBusy(tr("Parsing %1…").arg(QFileInfo(path).fileName()));
}

void ModuleSession::setReport(std::shared_ptr<const Report> report, const QString& sourceName)
{
    if (!report)
        return;
    m_pendingReportPath.clear();
    m_loading = true;
    m_loader.loadReport(std::move(report), m_root, sourceName);
    updateBusy(tr("Indexing %1…").arg(sourceName));
}

void ModuleSession::cancel()
{
    m_scanner.cancel();
    m_loader.cancel();
    updateBusy();
}

void ModuleSession::onFolderScanned(std::shared_ptr<const ModuleFolder> folder)
{
    m_folder = std::move(folder);
    m_scanning = false;
    Q_EMIT folderScanned(m_folder);
    updateBusy();
}

void ModuleSession::onReportLoaded(std::shared_ptr<const ReportIndex> report)
{
    m_report = std::move(report);
    m_reportPath = m_pendingReportPath;
    m_loading = false;
    Q_EMIT reportChanged(m_report);
    updateBusy();
}

void ModuleSession::onLoadFailed(const QString& message)
{
    m_loading = false;
    Q_EMIT loadFailed(message);
    updateBusy();
}

void ModuleSession::updateBusy(const QString& activity)
{
    Q_EMIT busyChanged(isBusy(), activity);
}

QString ModuleSession::relativePath(const QString& path) const
{
    if (!m_root.isEmpty() && path.startsWith(m_root + QLatin1Char('/')))
        return path.mid(m_root.size() + 1);
    return QDir::toNativeSeparators(path);
}

} // namespace heapsight::gui
