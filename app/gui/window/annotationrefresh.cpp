// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/annotationrefresh.h"

#include "compare/comparepanel.h"
#include "findings/findingfilter.h"
#include "session/modulesession.h"
#include "session/reportstate.h"
#include "source/assertionchecks.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"

#include <QDockWidget>

namespace heapsight::gui {

AnnotationRefresh::AnnotationRefresh(const Parts& parts, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
{
}

bool AnnotationRefresh::isComparing() const
{
    return m_parts.compare->comparison() && m_parts.compareDock->isVisible();
}

void AnnotationRefresh::refresh()
{
    const std::shared_ptr<const ReportSnapshot> snapshot = m_parts.state->snapshot();
    SourcePane* source = m_parts.source;
    const QString& path = source->currentPath();
    const bool comparing = isComparing();
    // While the compare view is up, the source and the module tree show what changed between its two reports.
    m_parts.tree->model()->setComparison(comparing ? m_parts.compare->comparison() : nullptr);
    source->view()->setAssertionMarks(path.isEmpty() || comparing
            ? std::vector<AssertionMark>()
            : m_parts.assertions->marksFor(m_parts.session->relativePath(path)));
    if (comparing) {
        source->setAnnotations(
            path.isEmpty() ? LineAnnotations() : LineAnnotations::fromComparison(*m_parts.compare->comparison(), path));
        return;
    }
    LineAnnotations annotations
        = path.isEmpty() ? LineAnnotations() : LineAnnotations::build(*snapshot, path, *m_parts.filter);
    if (snapshot->index && snapshot->allocations)
        annotations.addAllocations(*snapshot->index, *snapshot->allocations);
    source->setAnnotations(std::move(annotations));
}

} // namespace heapsight::gui
