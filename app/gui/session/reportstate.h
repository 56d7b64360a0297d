// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "session/reportsnapshot.h"

#include <QObject>
#include <memory>

namespace heapsight::gui {

// Assembles the ReportSnapshot the views show. A new report index starts a new generation with none of
// the old report's parts (its allocations and accepted flags index the old findings); the heap profile's
// attribution and the baseline's match for it arrive later as parts of that generation, and a part of an
// older generation (a match that finished after the report changed) is dropped. Views follow
// snapshotChanged only.
class ReportState : public QObject {
    Q_OBJECT

public:
    explicit ReportState(QObject* parent = nullptr);

    // Never null; generation 0 and no index before the first report.
    const std::shared_ptr<const ReportSnapshot>& snapshot() const { return m_snapshot; }
    quint64 generation() const { return m_snapshot->generation; }

    // `index` (null: none) is the open module's report now: a new generation, announced to the producers
    // of its parts (generationStarted) and then published with whatever they attached meanwhile.
    void setReport(std::shared_ptr<const ReportIndex> index);
    // The parts of generation `generation`; ignored when it is not the current one.
    void setAllocations(quint64 generation, std::shared_ptr<const AllocationProfile> allocations);
    void setAccepted(quint64 generation, std::shared_ptr<const std::vector<bool>> accepted);

Q_SIGNALS:
    // For the producers of a report's parts (profile, baseline): start on `index`, tag results with
    // `generation`. A part handed over while this is emitted goes out with the generation's first snapshot.
    void generationStarted(std::shared_ptr<const heapsight::gui::ReportIndex> index, quint64 generation);
    // For the views: everything they show, at once.
    void snapshotChanged(std::shared_ptr<const heapsight::gui::ReportSnapshot> snapshot);

private:
    void replace(ReportSnapshot next);
    void publish();

    std::shared_ptr<const ReportSnapshot> m_snapshot;
    // While set, publish() only notes that a newer snapshot is due; the emission in progress sends it.
    bool m_holding = false;
    bool m_pending = false;
};

} // namespace heapsight::gui
