// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/modulewatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>

namespace heapsight::gui {

namespace {

bool isWatchedFile(const QString& name)
{
    return name.endsWith(QLatin1String(".go")) || name == QLatin1String("go.mod") || name == QLatin1String("go.sum");
}

bool isSkippedDirectory(const QString& name)
{
    // The go command ignores directories starting with . or _ and testdata (go help packages).
    return name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('_')) || name == QLatin1String("testdata")
        || name == QLatin1String("vendor");
}

} // namespace

ModuleWatcher::ModuleWatcher(QObject* parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ModuleWatcher::compare);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ModuleWatcher::onNotified);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ModuleWatcher::onNotified);
}

void ModuleWatcher::setRoot(const QString& root)
{
    m_debounce.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_files.clear();
    m_root = root.isEmpty() ? QString() : QDir(root).absolutePath();
    if (m_root.isEmpty())
        return;
    QStringList directories;
    scan(&m_files, &directories);
    m_watcher.addPaths(directories);
    if (!m_files.isEmpty())
        m_watcher.addPaths(m_files.keys());
}

void ModuleWatcher::scan(QHash<QString, Stamp>* files, QStringList* directories) const
{
    QStringList pending { m_root };
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        directories->append(dir);
        const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo& entry : entries) {
            if (entry.isDir() && !entry.isSymLink()) {
                if (!isSkippedDirectory(entry.fileName()))
                    pending.append(entry.absoluteFilePath());
            } else if (entry.isFile() && isWatchedFile(entry.fileName())) {
                files->insert(entry.absoluteFilePath(), Stamp { entry.size(), entry.lastModified() });
            }
        }
    }
}

void ModuleWatcher::onNotified()
{
    m_debounce.start(); // restarted by every notification: one report after the burst
}

// Rescans (a few thousand stat calls for a large module) and reports what differs from the last scan.
void ModuleWatcher::compare()
{
    if (m_root.isEmpty())
        return;
    QHash<QString, Stamp> now;
    QStringList directories;
    scan(&now, &directories);
    QStringList changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto before = m_files.constFind(it.key());
        if (before == m_files.cend() || !(*before == it.value()))
            changed.append(it.key());
    }
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (!now.contains(it.key()))
            changed.append(it.key());
    }
    // A file renamed over the watched one is a new inode: watch what exists now.
    const QStringList watchedFiles = m_watcher.files();
    if (!watchedFiles.isEmpty())
        m_watcher.removePaths(watchedFiles);
    if (!now.isEmpty())
        m_watcher.addPaths(now.keys());
    const QStringList watchedDirectories = m_watcher.directories();
    for (const QString& dir : directories) {
        if (!watchedDirectories.contains(dir))
            m_watcher.addPath(dir);
    }
    m_files = std::move(now);
    if (changed.isEmpty())
        return;
    const QDir root(m_root);
    for (QString& path : changed)
        path = root.relativeFilePath(path);
    std::sort(changed.begin(), changed.end());
    Q_EMIT sourcesChanged(changed);
}

} // namespace heapsight::gui
