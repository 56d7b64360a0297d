// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/folderscanner.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

FolderScanner::FolderScanner(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &FolderScanner::onFinished);
}

FolderScanner::~FolderScanner()
{
    cancel();
    m_watcher.waitForFinished();
}

void FolderScanner::scan(const QString& root, const QString& title)
{
    cancel();
    const quint64 generation = ++m_generation;
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<Outcome>& promise, const QString& dir, const QString& name, quint64 gen) {
            ModuleFolder folder = ModuleFolder::scan(dir, name, [&promise] { return promise.isCanceled(); });
            if (!promise.isCanceled())
                promise.addResult(Outcome { gen, std::make_shared<const ModuleFolder>(std::move(folder)) });
        },
        root, title, generation));
}

void FolderScanner::cancel()
{
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

void FolderScanner::onFinished()
{
    const QFuture<Outcome> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT scanCanceled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.generation != m_generation)
        return;
    Q_EMIT folderScanned(outcome.folder);
}

} // namespace heapsight::gui
