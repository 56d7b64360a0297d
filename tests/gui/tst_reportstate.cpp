// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ReportState on the sample module's recorded reports: each new report starts a generation without the old
// report's allocations and accepted flags, parts of the current generation come out as new snapshots of the
// same report, parts of an older generation are dropped, and a part handed over while a generation starts
// or while a snapshot is sent goes out in order. The findings list and the module tree take each snapshot
// whole: one reset for a new report, one layout change for a new part, under QAbstractItemModelTester.
#include "core/profile/heapprofilereader.h"
#include "findings/findingfilter.h"
#include "findings/findingsmodel.h"
#include "findings/findingsproxy.h"
#include "guitestsupport.h"
#include "session/modulefolder.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "session/reportstate.h"
#include "testsupport.h"
#include "tree/moduletreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

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
    void findingsModelOneResetPerReport();
    void moduleTreeFollowsSnapshots();

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

void TestReportState::findingsModelOneResetPerReport()
{
    ReportState state;
    FindingsModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FindingFilter filter;
    FindingsProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilter(&filter);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&state, &ReportState::snapshotChanged, &model, &FindingsModel::setSnapshot);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    const int rows = static_cast<int>(m_index->report().findings().size());

    // A new report: one reset, nothing else.
    state.setReport(m_index);
    QCOMPARE(aboutToReset.size(), 1);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.snapshot(), state.snapshot());

    // Its profile and baseline: one layout change each, no reset (the view keeps its row).
    const QPersistentModelIndex current = proxy.index(proxy.rowCount() / 2, 0);
    const QVariant currentFinding = current.data(FindingsModel::FindingRole);
    QVERIFY(currentFinding.isValid());
    state.setAllocations(state.generation(), m_allocations);
    QVERIFY(current.isValid());
    QCOMPARE(current.data(FindingsModel::FindingRole), currentFinding);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), rows);
    const std::uint32_t top = m_allocations->rankedFindings(m_index->report()).front();
    QVERIFY(model.index(static_cast<int>(top), FindingsModel::AllocBytesColumn).data().isValid());

    const auto accepted = heapAccepted(*m_index);
    state.setAccepted(state.generation(), accepted);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 2);
    std::uint32_t heap = 0;
    while (!(*accepted)[heap])
        ++heap;
    QVERIFY(model.index(static_cast<int>(heap), 0).data(FindingsModel::AcceptedRole).toBool());
    QVERIFY(model.index(static_cast<int>(top), FindingsModel::AllocBytesColumn).data().isValid()); // still there
    // The proxy hides them on request: the flags come from the snapshot, the choice from the filter.
    const int shown = proxy.rowCount();
    filter.setHideAccepted(true);
    QCOMPARE(proxy.rowCount(), shown - static_cast<int>(std::count(accepted->begin(), accepted->end(), true)));

    // The next report: one reset, and none of the old report's parts on the new rows.
    state.setReport(m_other);
    QCOMPARE(aboutToReset.size(), 2);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.rowCount(), static_cast<int>(m_other->report().findings().size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, 0).data(FindingsModel::AcceptedRole).toBool());
        QVERIFY(!model.index(row, FindingsModel::AllocBytesColumn).data().isValid());
    }
    // Nothing of the new report is accepted, so hiding accepted findings hides none.
    const int withHide = proxy.rowCount();
    filter.setHideAccepted(false);
    QCOMPARE(proxy.rowCount(), withHide);
    // A late part of the old report changes nothing.
    state.setAccepted(1, accepted);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(dataChanged.size(), 0);
}

void TestReportState::moduleTreeFollowsSnapshots()
{
    ReportState state;
    FindingFilter filter;
    ModuleTreeModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(&filter);
    model.setFolder(std::make_shared<const ModuleFolder>(
        ModuleFolder::scan(QDir::cleanPath(test::sampleModule()), QStringLiteral("example.com/escapes"))));
    connect(&state, &ReportState::snapshotChanged, &model, &ModuleTreeModel::setSnapshot);
    QSignalSpy counted(&model, &ModuleTreeModel::countsChanged);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data(ModuleTreeModel::FindingCountRole).toInt(), 0);

    state.setReport(m_index);
    QCOMPARE(counted.size(), 1);
    const int shown = root.data(ModuleTreeModel::FindingCountRole).toInt();
    QVERIFY(shown > 0);
    QCOMPARE(root.data(ModuleTreeModel::AllocatedBytesRole).toLongLong(), qint64(0));

    state.setAllocations(state.generation(), m_allocations);
    QCOMPARE(counted.size(), 2);
    QVERIFY(root.data(ModuleTreeModel::AllocatedBytesRole).toLongLong() > 0);

    // Accepted findings count until the filter hides them.
    const auto accepted = heapAccepted(*m_index);
    state.setAccepted(state.generation(), accepted);
    QCOMPARE(counted.size(), 3);
    QCOMPARE(root.data(ModuleTreeModel::FindingCountRole).toInt(), shown);
    filter.setHideAccepted(true);
    QVERIFY(root.data(ModuleTreeModel::FindingCountRole).toInt() < shown);

    // A new report: its own counts, neither the old allocations nor the old flags (at the old indices
    // they would hide some of its findings).
    state.setReport(m_other);
    QCOMPARE(root.data(ModuleTreeModel::AllocatedBytesRole).toLongLong(), qint64(0));
    const int withHide = root.data(ModuleTreeModel::FindingCountRole).toInt();
    QVERIFY(withHide > 0);
    filter.setHideAccepted(false);
    QCOMPARE(root.data(ModuleTreeModel::FindingCountRole).toInt(), withHide);
}

QTEST_MAIN(TestReportState)
#include "tst_reportstate.moc"
