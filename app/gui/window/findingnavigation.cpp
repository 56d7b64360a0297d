// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/findingnavigation.h"

#include "findings/findingspanel.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"

#include <algorithm>

namespace heapsight::gui {

FindingNavigation::FindingNavigation(
    ModuleSession* session, FindingsPanel* findings, SourcePane* source, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_findings(findings)
    , m_source(source)
{
}

void FindingNavigation::activate(std::uint32_t finding)
{
    const std::shared_ptr<const ReportIndex>& report = m_session->report();
    if (!report)
        return;
    const Position& at = report->report().findings()[finding].position;
    const QString path = report->diskPath(at.file);
    if (path.isEmpty()) {
        Q_EMIT statusMessage(tr("%1 has no source on disk.").arg(report->displayName(at.file)), 5000);
        return;
    }
    Q_EMIT openRequested(path, static_cast<int>(at.line), static_cast<int>(at.column));
}

void FindingNavigation::step(int delta)
{
    if (const std::optional<std::uint32_t> finding = m_findings->step(delta))
        activate(*finding);
}

void FindingNavigation::followLine(int line)
{
    const LineAnnotation* a = m_source->view()->annotations().at(line);
    if (!a || a->findings.empty())
        return;
    const std::optional<std::uint32_t> current = m_findings->currentFinding();
    if (!current || std::find(a->findings.begin(), a->findings.end(), *current) == a->findings.end())
        m_findings->revealFinding(a->findings.front());
}

} // namespace heapsight::gui
