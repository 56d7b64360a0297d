// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/modulebanner.h"

#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "source/sourcepane.h"

namespace heapsight::gui {

ModuleBanner::ModuleBanner(ModuleSession* session, AnalysisBar* analysis, SourcePane* source, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_analysis(analysis)
    , m_source(source)
{
}

void ModuleBanner::update()
{
    using Action = SourcePane::BannerAction;
    if (m_session->moduleRoot().isEmpty() || m_analysis->isRunning()) {
        m_source->setBanner(QString(), Action::None);
    } else if (!m_loadError.isEmpty()) {
        m_source->setBanner(tr("Could not load the report. %1").arg(m_loadError), Action::OpenReport);
    } else if (!m_session->report() && !m_session->isBusy()) {
        // One click to a first analysis where a toolchain was found; the module folder is never written.
        if (const auto toolchain = m_analysis->selectedToolchain())
            m_source->setBanner(tr("This module has no escape analysis report yet. <b>Analyze</b> runs the "
                                   "compiler's escape analysis with %1 (nothing is written into the module "
                                   "folder), or open a report saved earlier.")
                                    .arg(toolchain->version.toHtmlEscaped()),
                Action::Analyze | Action::OpenReport);
        else
            m_source->setBanner(
                tr("This module has no escape analysis report yet, and no Go toolchain was found "
                   "to make one (install Go, then <b>Find Go Again</b> in the analysis bar). Open a report "
                   "saved elsewhere: the compiler's output of <tt>go build -gcflags=-m=2 ./... "
                   "2&gt; /tmp/escapes.txt</tt> or a Heapsight JSON report."),
                Action::OpenReport);
    } else {
        m_source->setBanner(QString(), Action::None);
    }
}

} // namespace heapsight::gui
