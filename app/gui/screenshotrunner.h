// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDir>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>

class QWidget;

namespace heapsight::gui {

class MainWindow;

// The hidden `--screenshot DIR` mode (tools/screenshots): once the module is open, selects a line with a
// heap escape (or the line of `--goto FILE:LINE`), grabs the main window to DIR/main-window.png and the why panel to
// DIR/why-panel.png, and reports the exit code. With a heap profile (--profile) it shows the costliest heap finding and
// also grabs the findings list ranked by bytes to DIR/findings-by-bytes.png. When the Problems panel lists something
// (compile errors, broken assertions), it is grabbed to DIR/problems.png; the capture waits for the assertion checks,
// so the gutter shows their marks.
class ScreenshotRunner : public QObject {
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 60000;

    ScreenshotRunner(MainWindow* window, const QString& directory);
    // The line (1-based) of the opened file to show instead of the picked one: `--goto FILE:LINE`, to
    // capture a given finding (one whose why path enters callees, for the flow graph's sub-paths).
    void setLine(int line) { m_line = line; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onModuleReady();
    void capture();
    // Raises the dock `dockName`, lays `panel` out at least `atLeast` large and saves it to `fileName` in
    // `dir`, printing the path; false (after fail()) when it cannot be written.
    bool grabDocked(const QString& dockName, QWidget* panel, QSize atLeast, const QDir& dir, const char* fileName);
    void fail(const QString& why);
    int pickLine() const;

    MainWindow* m_window;
    QString m_directory;
    QTimer m_timeout;
    int m_line = 0;
};

} // namespace heapsight::gui
