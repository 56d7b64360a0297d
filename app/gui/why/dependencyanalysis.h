// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrunner.h"
#include "core/why/whypathbuilder.h"

#include <QObject>
#include <QStringList>
#include <utility>
#include <vector>

namespace heapsight::gui {

// "Analyze dependency" for the why panel: the escape analysis of packages a why path calls into but the
// module's report does not cover (the standard library, the module cache), run with the toolchain and
// language version of the request given (DependencyActions: those that recorded the module's report), off
// the GUI thread, offline, served from go's build cache and Heapsight's result cache when nothing changed
// (`go build -gcflags=-m=2 fmt sync` in a private copy of go.mod: the module is only read). Each request
// analyses every package asked for so far, so the inputs are one report whatever order the user asked in;
// they stay while the module and the compiler do (a new analysis of the module with the same toolchain does
// not change what the standard library prints), and are dropped when either changes.
class DependencyAnalysis : public QObject {
    Q_OBJECT

public:
    explicit DependencyAnalysis(QObject* parent = nullptr);

    // The module the analyses belong to; another root drops the inputs and cancels a run in flight.
    void setModule(const QString& root);
    // Starts the analysis of `packages` (import paths, e.g. "fmt") together with those analysed before,
    // from `base` (what Analyze would run: toolchain, language version, time limit). A run in flight is
    // cancelled first; inputs of another toolchain or language version are dropped first. Nothing starts, and false is
    // returned, when every package is analysed already.
    bool analyze(const AnalysisRequest& base, const QStringList& packages);
    void cancel();
    // Drops the inputs when they were made by another toolchain than `toolchainVersion` ("go1.22.12": the
    // one that recorded the report now shown; empty: unknown, nothing dropped).
    void keepOnlyFor(const QString& toolchainVersion);
    bool isRunning() const { return m_runner.isRunning(); }
    AnalysisRunner* runner() { return &m_runner; }

    // The dependency reports to read after the module's own (WhyPathBuilder inputs 1…): none or one.
    const std::vector<WhyInput>& inputs() const { return m_inputs; }
    // The import paths those inputs cover, in the order they were first asked for.
    const QStringList& analysedPackages() const { return m_analysed; }

Q_SIGNALS:
    void started(const QString& description);
    void progressChanged(int done, int total, const QString& activity);
    // ok: the inputs now cover what was asked (inputsChanged came first); else `message` says why not
    // (go's error, cancel, time limit) and the inputs are those of before.
    void finished(bool ok, const QString& message);
    void inputsChanged();

private:
    void onFinished(const AnalysisResult& result);
    void drop();

    AnalysisRunner m_runner;
    QString m_root;
    QStringList m_analysed;
    QStringList m_requested; // what the run in flight analyses
    // (toolchain version, language version) of the inputs / of the run in flight
    std::pair<QString, QString> m_inputsCompiler, m_requestedCompiler;
    quint64 m_generation = 0; // counts setModule's changes of module
    quint64 m_runGeneration = 0; // the generation the run in flight was started in
    std::vector<WhyInput> m_inputs;
};

} // namespace heapsight::gui
