// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace heapsight::gui {

// Notices files of a module being saved: the `.go` files, go.mod and go.sum of every directory below the
// root (hidden directories, `testdata` and `vendor` skipped, as the go command skips the first two and
// vendored code is not the user's). Editors save by rewriting or by renaming a new file over the old one,
// so directories are watched too, and every notification is checked against the size and modification
// time each file had: only real changes count. Changes are collected for DebounceMs after the last one
// (an editor's save, a `git checkout`) and reported together. Only reads the module folder.
class ModuleWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int DebounceMs = 400;

    explicit ModuleWatcher(QObject* parent = nullptr);

    // Starts watching `root` (stops watching the previous one); an empty root stops.
    void setRoot(const QString& root);
    const QString& root() const { return m_root; }
    // Files watched now (absolute paths); for tests and the status bar.
    int fileCount() const { return static_cast<int>(m_files.size()); }

Q_SIGNALS:
    // Paths relative to the root, sorted; files added, changed or removed since the last report.
    void sourcesChanged(const QStringList& relativePaths);

private:
    struct Stamp {
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const Stamp&) const = default;
    };

    void scan(QHash<QString, Stamp>* files, QStringList* directories) const;
    void onNotified();
    void compare();

    QString m_root;
    QFileSystemWatcher m_watcher;
    QHash<QString, Stamp> m_files;
    QTimer m_debounce;
};

} // namespace heapsight::gui
