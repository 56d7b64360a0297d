// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "session/modulefolder.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace heapsight::gui {

// Lists a module folder off the GUI thread. A new scan cancels the previous one; a result that arrives
// for an older request is dropped (generation number), so a slow disk never shows the wrong folder.
class FolderScanner : public QObject {
    Q_OBJECT

public:
    explicit FolderScanner(QObject* parent = nullptr);
    ~FolderScanner() override;

    void scan(const QString& root, const QString& title);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void folderScanned(std::shared_ptr<const heapsight::gui::ModuleFolder> folder);
    void scanCanceled();

private:
    struct Outcome {
        quint64 generation = 0;
        std::shared_ptr<const ModuleFolder> folder;
    };

    void onFinished();

    quint64 m_generation = 0;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace heapsight::gui
