// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/reportpanels.h"

#include "findings/findingspanel.h"
#include "findings/overviewpanel.h"
#include "findings/problemspanel.h"
#include "session/modulesession.h"
#include "session/reportsnapshot.h"
#include "source/assertionchecks.h"
#include "source/sourcepane.h"
#include "tree/moduletreepanel.h"
#include "why/whypanel.h"
#include "window/reportstatusbar.h"

#include <utility>

namespace heapsight::gui {

ReportPanels::ReportPanels(const Parts& parts, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
{
}

void ReportPanels::clear()
{
    m_parts.tree->setFolder(nullptr);
    m_parts.why->clear();
    m_parts.status->setReport(nullptr, true);
    m_parts.problems->model()->setDiagnostics({}, {});
}

void ReportPanels::show(const std::shared_ptr<const ReportSnapshot>& snapshot)
{
    m_parts.tree->setSnapshot(snapshot);
    m_parts.findings->setSnapshot(snapshot);
    m_parts.why->setSnapshot(snapshot);
    if (snapshot->generation == std::exchange(m_generation, snapshot->generation))
        return; // the same report with its profile or baseline result: nothing else depends on those
    const std::shared_ptr<const ReportIndex>& report = snapshot->index;
    m_parts.overview->setReport(report);
    // The report may answer an edit (Watch): show the file as it is now, the selected line kept.
    m_parts.source->reloadKeepingPlace();
    m_parts.assertions->check(m_parts.session->moduleRoot(), report);
    m_parts.status->setReport(report, true);
}

} // namespace heapsight::gui
