// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrunner.h"
#include "core/toolchain/toolchain.h"
#include "run/livesplice.h"
#include "session/modulewatcher.h"

#include <QToolBar>
#include <optional>
#include <vector>

class QComboBox;

namespace heapsight::gui {

class ToolchainList;

// Runs the compiler from the GUI: a toolchain (of the window's shared ToolchainList),
// a language version ("as go.mod says" or an override through a temporary go.mod), whether the tests are
// compiled too (remembered per module), Analyze (Ctrl+R),
// Cancel, the run's time limit, and finding the toolchains again. Progress and the result leave as
// signals; the window shows them.
class AnalysisBar : public QToolBar {
    Q_OBJECT

public:
    // `toolchains` (which outlives this) is shown in the toolchain chooser; Find Go Again rediscovers it.
    explicit AnalysisBar(ToolchainList* toolchains, QWidget* parent = nullptr);

    QAction* analyzeAction() const { return m_analyze; }
    QAction* cancelAction() const { return m_cancel; }
    QAction* timeLimitAction() const { return m_timeLimit; }
    QAction* rediscoverAction() const { return m_rediscover; }
    // Checkable: compile the tests too (go test -c); remembered per module (ModuleOptions).
    QAction* testsAction() const { return m_tests; }
    // Checkable: re-analyse when a file of the module is saved (ModuleWatcher); remembered per module.
    // Such a live run skips the logopt files, so go's build cache replays every package that did not
    // change and only the edited ones are compiled again.
    QAction* watchAction() const { return m_watch; }
    ModuleWatcher* watcher() { return &m_watcher; }
    AnalysisRunner* runner() { return &m_runner; }
    bool isRunning() const { return m_runner.isRunning(); }
    void setModule(const QString& directory, const QString& goVersion);
    std::optional<Toolchain> selectedToolchain() const;
    // What Analyze would run now (module, toolchain, language version, tests, time limit); nullopt without
    // a module or a toolchain. Other runs of the module (a dependency for the why path) start from it.
    std::optional<AnalysisRequest> currentRequest() const;
    int toolchainCount() const { return static_cast<int>(m_toolchains.size()); }
    const std::vector<Toolchain>& toolchains() const { return m_toolchains; }

public Q_SLOTS:
    void analyze();
    void cancel();
    void rediscoverToolchains();
    void editTimeLimit();

Q_SIGNALS:
    // The chooser shows the list's newest discovery.
    void toolchainsFound(int count);
    void started(const QString& description);
    // A live run is starting (Watch) because these files changed (relative to the module root).
    void sourcesChanged(const QStringList& relativePaths);
    void progressChanged(int done, int total, const QString& activity);
    void analysisFinished(const heapsight::AnalysisResult& result);

private:
    void onToolchainsFound();
    void onSourcesChanged(const QStringList& relativePaths);
    void start(bool live);
    void updateActions();
    void showTimeLimit();

    AnalysisRunner m_runner;
    ModuleWatcher m_watcher;
    bool m_restartLive = false; // a change arrived while a run was going: cancel it, then run live
    QStringList m_changed; // files whose change the next live run answers
    QStringList m_runningChanged; // those the run in flight answers
    AnalysisRequest m_runningRequest; // what the run in flight was asked
    LiveSplice m_live;
    ToolchainList* m_list;
    std::vector<Toolchain> m_toolchains; // what the chooser shows: m_list's at its last change
    QString m_directory;
    QString m_goModVersion; // the module's `go` line, "" when unknown
    QString m_stage;
    QComboBox* m_toolchainBox;
    QComboBox* m_languageBox;
    QAction* m_analyze;
    QAction* m_cancel;
    QAction* m_tests;
    QAction* m_watch;
    QAction* m_timeLimit;
    QAction* m_rediscover;
};

} // namespace heapsight::gui
