// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ReportState on the sample module's recorded reports: each new report starts a generation without the old
// report's allocations and accepted flags, parts of the current generation come out as new snapshots of the
// same report, parts of an older generation are dropped, and a part handed over while a generation starts
// or while a snapshot is sent goes out in order.
#include "core/profile/heapprofilereader.h"
#include "guitestsupport.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "session/reportstate.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

using Snapshot = std::shared_ptr<const ReportSnapshot>;

Snapshot snapshotAt(const QSignalSpy& spy, qsizetype i)
{
    return spy.at(i).at(0).value<Snapshot>();
}

// Every heap finding of `index` accepted, nothing else.
std::shared_ptr<const std::vector<bool>> heapAccepted(const ReportIndex& index)
{
    const auto& findings = index.report().findings();
    auto flags = std::make_shared<std::vector<bool>>(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i)
        (*flags)[i] = isHeapAllocation(findings[i].kind);
    return flags;
}

} // namespace

class TestReportState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generations();
    void partsWhileStartingGoOutWithTheIndex();
    void partsWhileSendingGoOutInOrder();

private:
    std::shared_ptr<const ReportIndex> m_index; // Go 1.22
    std::shared_ptr<const ReportIndex> m_other; // Go 1.27: other findings at the same indices
    std::shared_ptr<const AllocationProfile> m_allocations; // of m_index
};

void TestReportState::initTestCase()
{
    m_index = test::loadSampleIndex();
    m_other = test::loadSampleIndex(QStringLiteral("escapes-go1.27.m2.txt"));
    QVERIFY(m_index->report().findings().size() > 0);
    QString error;
    const std::optional<HeapProfile> profile = HeapProfileReader::readFile(
        QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/profiles/escapes-go1.22.mem.pb.gz"), &error);
    QVERIFY2(profile, qPrintable(error));
    m_allocations = std::make_shared<const AllocationProfile>(
        AllocationProfile::attribute(*profile, m_index->report(), m_index->moduleRoot().toStdString()));
    QVERIFY(m_allocations->onHeapFindings().bytes > 0);
}

void TestReportState::generations()
{
    ReportState state;
    QVERIFY(state.snapshot());
    QCOMPARE(state.generation(), quint64(0));
    QVERIFY(!state.snapshot()->index);
    QSignalSpy snapshots(&state, &ReportState::snapshotChanged);
    QSignalSpy started(&state, &ReportState::generationStarted);

    state.setReport(m_index);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(1).value<quint64>(), quint64(1));
    QCOMPARE(snapshots.size(), 1);
    Snapshot first = snapshotAt(snapshots, 0);
    QCOMPARE(first, state.snapshot());
    QCOMPARE(first->index, m_index);
    QCOMPARE(first->generation, quint64(1));
    QVERIFY(!first->allocations);
    QVERIFY(!first->accepted);

    // Parts of the current generation: new snapshots of the same report, each keeping the other part.
    state.setAllocations(1, m_allocations);
    QCOMPARE(snapshots.size(), 2);
    const auto accepted = heapAccepted(*m_index);
    state.setAccepted(1, accepted);
    QCOMPARE(snapshots.size(), 3);
    const Snapshot full = snapshotAt(snapshots, 2);
    QCOMPARE(full->index, m_index);
    QCOMPARE(full->generation, quint64(1));
    QCOMPARE(full->allocations, m_allocations);
    QCOMPARE(full->accepted, accepted);
    // Published snapshots never change: the first still has neither part.
    QVERIFY(!first->allocations);
    QVERIFY(!first->accepted);

    // A new report drops both parts at once, in its first snapshot.
    state.setReport(m_other);
    QCOMPARE(snapshots.size(), 4);
    const Snapshot next = snapshotAt(snapshots, 3);
    QCOMPARE(next->index, m_other);
    QCOMPARE(next->generation, quint64(2));
    QVERIFY(!next->allocations);
    QVERIFY(!next->accepted);

    // Late results for the old report (a match that finished after the change) are ignored.
    state.setAllocations(1, m_allocations);
    state.setAccepted(1, accepted);
    QCOMPARE(snapshots.size(), 4);
    QCOMPARE(state.snapshot(), next);

    // No report: a generation too, with nothing in it.
    state.setReport(nullptr);
    QCOMPARE(snapshots.size(), 5);
    QVERIFY(!state.snapshot()->index);
    QCOMPARE(state.generation(), quint64(3));
}

// The profile is placed on a new report synchronously: the views get index and allocations together.
void TestReportState::partsWhileStartingGoOutWithTheIndex()
{
    ReportState state;
    connect(&state, &ReportState::generationStarted, &state,
        [&](const std::shared_ptr<const ReportIndex>& index, quint64 generation) {
            QCOMPARE(index, m_index);
            state.setAllocations(generation, m_allocations);
        });
    QSignalSpy snapshots(&state, &ReportState::snapshotChanged);
    state.setReport(m_index);
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(snapshotAt(snapshots, 0)->index, m_index);
    QCOMPARE(snapshotAt(snapshots, 0)->allocations, m_allocations);
}

// A receiver that hands over a part while a snapshot is sent must not make later receivers see the newer
// snapshot before the older one.
void TestReportState::partsWhileSendingGoOutInOrder()
{
    ReportState state;
    const auto accepted = heapAccepted(*m_index);
    connect(&state, &ReportState::snapshotChanged, &state, [&](const Snapshot& snapshot) {
        if (!snapshot->accepted)
            state.setAccepted(snapshot->generation, accepted);
    });
    QSignalSpy snapshots(&state, &ReportState::snapshotChanged); // connected after the receiver above
    state.setReport(m_index);
    QCOMPARE(snapshots.size(), 2);
    QVERIFY(!snapshotAt(snapshots, 0)->accepted);
    QCOMPARE(snapshotAt(snapshots, 1)->accepted, accepted);
    QCOMPARE(state.snapshot(), snapshotAt(snapshots, 1));
}

QTEST_MAIN(TestReportState)
#include "tst_reportstate.moc"
