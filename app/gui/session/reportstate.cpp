// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/reportstate.h"

#include <utility>

namespace heapsight::gui {

ReportState::ReportState(QObject* parent)
    : QObject(parent)
    , m_snapshot(std::make_shared<const ReportSnapshot>())
{
}

void ReportState::setReport(std::shared_ptr<const ReportIndex> index)
{
    const quint64 generation = m_snapshot->generation + 1;
    replace({ std::move(index), nullptr, nullptr, generation });
    {
        // The profile is placed on a new report at once: held back, it goes out in the same snapshot as
        // the index, so a view never sees the profile vanish and come back (losing the user's sort).
        const bool wasHolding = std::exchange(m_holding, true);
        Q_EMIT generationStarted(m_snapshot->index, generation);
        m_holding = wasHolding;
    }
    publish();
}

void ReportState::setAllocations(quint64 generation, std::shared_ptr<const AllocationProfile> allocations)
{
    if (generation != m_snapshot->generation)
        return;
    ReportSnapshot next = *m_snapshot;
    next.allocations = std::move(allocations);
    replace(std::move(next));
    publish();
}

void ReportState::setAccepted(quint64 generation, std::shared_ptr<const std::vector<bool>> accepted)
{
    if (generation != m_snapshot->generation)
        return;
    ReportSnapshot next = *m_snapshot;
    next.accepted = std::move(accepted);
    replace(std::move(next));
    publish();
}

void ReportState::replace(ReportSnapshot next)
{
    m_snapshot = std::make_shared<const ReportSnapshot>(std::move(next));
    m_pending = true;
}

// A part may arrive while a snapshot is being sent (a view's slot starting work that finishes at once):
// sending the newer one from inside would give the views after that slot the snapshots in reverse order.
void ReportState::publish()
{
    if (m_holding || !m_pending)
        return;
    m_holding = true;
    while (std::exchange(m_pending, false)) {
        const std::shared_ptr<const ReportSnapshot> snapshot = m_snapshot;
        Q_EMIT snapshotChanged(snapshot);
    }
    m_holding = false;
}

} // namespace heapsight::gui
