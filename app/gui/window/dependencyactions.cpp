// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/dependencyactions.h"

#include "core/toolchain/toolchaindiscovery.h"
#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "why/dependencyanalysis.h"
#include "why/whypanel.h"
#include "window/reportstatusbar.h"

namespace heapsight::gui {

DependencyActions::DependencyActions(Parts parts, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_dependencies(new DependencyAnalysis(this))
{
    connect(m_parts.why, &WhyPanel::dependencyAnalysisRequested, this, &DependencyActions::request);
    connect(m_parts.session, &ModuleSession::folderOpened, m_dependencies, &DependencyAnalysis::setModule);
    // A report of another toolchain (a new analysis, another report opened): the dependency's findings
    // came from the old one. Compared with the toolchain a request for the new report would run (the same
    // choice as request()'s): a report recorded with go1.22.5 is served by an installed go1.22.12, and its
    // inputs made with that one stay.
    connect(m_parts.session, &ModuleSession::reportChanged, this, [this](std::shared_ptr<const ReportIndex> report) {
        std::optional<AnalysisRequest> request = m_parts.analysis->currentRequest();
        if (!report || !request)
            return;
        matchRecordedToolchain(*request);
        m_dependencies->keepOnlyFor(request->toolchain.version);
    });
    connect(m_dependencies, &DependencyAnalysis::inputsChanged, this,
        [this] { m_parts.why->setDependencyInputs(m_dependencies->inputs()); });
    connect(m_dependencies, &DependencyAnalysis::started, this,
        [this](const QString& description) { m_parts.status->setBusy(true, description); });
    connect(m_dependencies, &DependencyAnalysis::progressChanged, m_parts.status, &ReportStatusBar::setProgress);
    connect(m_dependencies, &DependencyAnalysis::finished, this, &DependencyActions::onFinished);
    connect(m_parts.status, &ReportStatusBar::cancelRequested, m_dependencies, &DependencyAnalysis::cancel);
}

void DependencyActions::request(const QStringList& packages)
{
    const std::optional<AnalysisRequest> base = m_parts.analysis->currentRequest();
    if (!base) {
        m_parts.status->showMessage(
            tr("No Go toolchain found to analyse %1: install Go, then Find Go Again in the analysis bar.")
                .arg(packages.join(QStringLiteral(", "))),
            10000);
        return;
    }
    AnalysisRequest request = *base;
    const std::optional<QString> note = matchRecordedToolchain(request);
    if (!m_dependencies->analyze(request, packages))
        m_parts.status->showMessage(tr("%1 analysed already").arg(packages.join(QStringLiteral(", "))), 5000);
    else if (note)
        m_parts.status->showMessage(*note, 10000);
}

std::optional<QString> DependencyActions::matchRecordedToolchain(AnalysisRequest& request) const
{
    const std::shared_ptr<const ReportIndex>& index = m_parts.session->report();
    if (!index)
        return std::nullopt;
    const ReportOrigin& origin = index->report().origin();
    const QString recorded = QString::fromStdString(origin.toolchain);
    if (recorded.isEmpty())
        return std::nullopt;
    // A report recorded with go1.21 explains its paths in go1.21's words: the callee's analysis must come
    // from the same compiler, or the path joins findings of two different escape analyses.
    if (const std::optional<Toolchain> same = ToolchainDiscovery::select(m_parts.analysis->toolchains(), recorded)) {
        request.toolchain = *same;
        // The origin names go.mod's version when no language was chosen, so it only replaces a choice made
        // in the bar: an empty choice (go.mod's) stays empty, and the run is the one the cache knows.
        if (!request.languageVersion.isEmpty() && !origin.languageVersion.empty())
            request.languageVersion = QString::fromStdString(origin.languageVersion);
        return std::nullopt;
    }
    return tr("This report was recorded with %1, which is not installed: the dependency is analysed with %2, "
              "whose findings may differ")
        .arg(recorded, request.toolchain.version);
}

void DependencyActions::onFinished(bool ok, const QString& message)
{
    // The module's own run (or a folder being read) may share the status bar: its progress stays.
    if (!m_parts.analysis->isRunning() && !m_parts.session->isBusy())
        m_parts.status->setBusy(false, {});
    m_parts.status->showMessage(message, ok ? 8000 : 15000);
}

} // namespace heapsight::gui
