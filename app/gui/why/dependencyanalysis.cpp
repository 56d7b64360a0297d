// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/dependencyanalysis.h"

namespace heapsight::gui {

DependencyAnalysis::DependencyAnalysis(QObject* parent)
    : QObject(parent)
{
    connect(&m_runner, &AnalysisRunner::finished, this, &DependencyAnalysis::onFinished);
    connect(&m_runner, &AnalysisRunner::progressChanged, this, &DependencyAnalysis::progressChanged);
}

void DependencyAnalysis::setModule(const QString& root)
{
    if (root == m_root)
        return;
    m_root = root;
    ++m_generation;
    if (m_runner.isRunning())
        m_runner.cancel(); // its `finished` is for the old module: onFinished drops it
    drop();
}

void DependencyAnalysis::drop()
{
    m_analysed.clear();
    m_inputsCompiler = {};
    if (!m_inputs.empty()) {
        m_inputs.clear();
        Q_EMIT inputsChanged();
    }
}

void DependencyAnalysis::keepOnlyFor(const QString& toolchainVersion)
{
    if (!m_inputs.empty() && !toolchainVersion.isEmpty() && m_inputsCompiler.first != toolchainVersion)
        drop();
}

bool DependencyAnalysis::analyze(const AnalysisRequest& base, const QStringList& packages)
{
    // Findings of another compiler (or language version) than the run asked for now never join them.
    const std::pair<QString, QString> compiler { base.toolchain.version, base.languageVersion };
    if (!m_inputs.empty() && compiler != m_inputsCompiler)
        drop();
    QStringList wanted = m_analysed + packages;
    wanted.removeDuplicates();
    if (wanted.size() == m_analysed.size() && !m_inputs.empty())
        return false;
    if (m_runner.isRunning())
        m_runner.cancel();
    AnalysisRequest request = base;
    request.packages = wanted;
    request.includeDependencies = false; // exactly these packages get -m=2, not what they import
    request.includeTests = false;
    request.collectLogopt = false; // the why path reads the -m=2 text only
    request.boundsCheckReport = false;
    request.loopvarReport = false;
    // Dependencies come from GOROOT and the module cache: a path never needs the network (nor does the
    // user expect Heapsight to download while they read).
    request.offline = true;
    m_requested = wanted;
    m_requestedCompiler = compiler;
    m_runGeneration = m_generation;
    m_runner.start(request);
    if (m_runner.isRunning())
        Q_EMIT started(tr("Analysing %1 for the why path with %2…")
                           .arg(wanted.join(QStringLiteral(", ")), request.toolchain.version));
    return true;
}

void DependencyAnalysis::cancel()
{
    m_runner.cancel();
}

void DependencyAnalysis::onFinished(const AnalysisResult& result)
{
    const QString what = m_requested.join(QStringLiteral(", "));
    // A package that fails to compile still has the blocks of those that did: use what was printed.
    const bool usable = result.report && result.report->stats().totalFindings() > 0
        && (result.state == AnalysisState::Ok || result.state == AnalysisState::CompileErrors);
    if (m_runGeneration != m_generation) {
        Q_EMIT finished(false, tr("Analysis of %1 dropped: another module was opened").arg(what));
        return;
    }
    if (!usable) {
        const QString why
            = result.errorText.isEmpty() ? tr("the compiler printed no escape analysis") : result.errorText;
        Q_EMIT finished(false, tr("Analysis of %1 for the why path: %2").arg(what, why));
        return;
    }
    m_analysed = m_requested;
    m_inputsCompiler = m_requestedCompiler;
    m_inputs = { WhyInput { result.report, reportSourceRoot(result) } };
    Q_EMIT inputsChanged();
    Q_EMIT finished(true,
        tr("Analysed %1 for the why path: %2 findings%3")
            .arg(what)
            .arg(result.report->stats().totalFindings())
            .arg(result.fromCache ? tr(" (from the cache)") : QString()));
}

} // namespace heapsight::gui
