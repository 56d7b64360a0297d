// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "session/reportindex.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace heapsight::gui {

// Turns a report file, or a Report that arrived whole, into a ReportIndex off the GUI thread. One load at
// a time: a new request cancels the running one (the parser checks between chunks) and results of older
// requests are dropped by generation number.
class ReportLoader : public QObject {
    Q_OBJECT

public:
    explicit ReportLoader(QObject* parent = nullptr);
    ~ReportLoader() override;

    // Compiler output (`go build -gcflags=-m` or `-m=2`, as text) or a Heapsight report JSON document.
    void loadFile(const QString& path, const QString& moduleRoot);
    void loadReport(std::shared_ptr<const Report> report, const QString& moduleRoot, const QString& sourceName);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void reportLoaded(std::shared_ptr<const heapsight::gui::ReportIndex> index);
    void loadFailed(const QString& message);
    void loadCanceled();

private:
    struct Outcome {
        quint64 generation = 0;
        std::shared_ptr<const ReportIndex> index;
        QString error;
    };

    static void parseFile(QPromise<Outcome>& promise, const QString& path, const QString& root, quint64 generation);
    void onFinished();

    quint64 m_generation = 0;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace heapsight::gui
