// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Heap profiles in the desktop app, on the sample module with its recorded report and the heap profile
// tools/record-profile recorded from the sample's benchmarks (in another directory, so the paths are
// matched by suffix, as for a profile made on CI): the Alloc columns, the ranking, the tree sorted by
// bytes, the bytes in the inline note, bad input, and the benchmark dialog's package list.
#include "findings/findingsmodel.h"
#include "findings/findingspanel.h"
#include "findings/findingsproxy.h"
#include "guitestsupport.h"
#include "profile/benchmarkdialog.h"
#include "profile/profileactions.h"
#include "profile/profilesession.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "source/allocationtext.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

const QString kProfiles = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/profiles");

} // namespace

class TestProfileGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void profileRanksFindingsByBytes();
    void treeSortsByAllocatedBytes();
    void noteShowsBytes();
    void clearingHidesColumns();
    void badProfileSaysWhy_data();
    void badProfileSaysWhy();
    void benchmarkDialogListsPackagesWithTests();

private:
    bool loadProfile(const QString& name);

    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestProfileGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight")).remove(QStringLiteral("gui"));
}

void TestProfileGui::init()
{
    m_window = test::openSampleWindow(&m_testers);
    QVERIFY(m_window);
}

void TestProfileGui::cleanup()
{
    m_testers.clear();
    m_window.reset();
}

bool TestProfileGui::loadProfile(const QString& name)
{
    QSignalSpy changed(m_window->profileActions(), &ProfileActions::allocationsChanged);
    m_window->profileActions()->session()->loadFile(kProfiles + QLatin1Char('/') + name);
    return changed.wait(10000) && m_window->profileActions()->allocations();
}

void TestProfileGui::profileRanksFindingsByBytes()
{
    QTableView* table = m_window->findingsPanel()->table();
    QVERIFY(table->isColumnHidden(FindingsModel::AllocBytesColumn));
    QVERIFY(loadProfile(QStringLiteral("escapes-go1.22.mem.pb.gz")));
    QVERIFY(!table->isColumnHidden(FindingsModel::AllocBytesColumn));
    QVERIFY(!table->isColumnHidden(FindingsModel::AllocObjectsColumn));
    const FindingsProxy* proxy = m_window->findingsPanel()->proxy();
    QCOMPARE(proxy->sortColumn(), int(FindingsModel::AllocBytesColumn));
    QCOMPARE(proxy->sortOrder(), Qt::DescendingOrder);

    // The rows in order are the core's ranking, then the findings without allocations.
    const Report& report = m_window->session()->report()->report();
    const AllocationProfile& allocations = *m_window->profileActions()->allocations();
    const std::vector<std::uint32_t> ranked = allocations.rankedFindings(report);
    QVERIFY(ranked.size() >= 2);
    std::vector<std::uint32_t> shownWithBytes;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex bytes = proxy->index(row, FindingsModel::AllocBytesColumn);
        if (bytes.data(FindingsModel::SortRole).toLongLong() < 0) {
            QVERIFY(bytes.data().toString().isEmpty());
            continue;
        }
        QCOMPARE(long(shownWithBytes.size()), long(row)); // every finding with bytes comes first
        const auto finding = bytes.data(FindingsModel::FindingRole).toUInt();
        const AllocStats stats = *allocations.forFinding(report.findings()[finding]);
        QCOMPARE(bytes.data().toString(), allocatedBytesText(stats.bytes));
        QCOMPARE(proxy->index(row, FindingsModel::AllocObjectsColumn).data(FindingsModel::SortRole).toLongLong(),
            stats.objects);
        shownWithBytes.push_back(finding);
    }
    // The default filter shows heap findings, and those are exactly what carries bytes.
    const std::vector<std::uint32_t>& expected = ranked;
    QCOMPARE(shownWithBytes.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto a = allocations.forFinding(report.findings()[shownWithBytes[i]])->bytes;
        const auto b = allocations.forFinding(report.findings()[expected[i]])->bytes;
        QCOMPARE(a, b); // ties may list in either order; the bytes must match rank by rank
    }
}

void TestProfileGui::treeSortsByAllocatedBytes()
{
    QVERIFY(loadProfile(QStringLiteral("escapes-go1.22.mem.pb.gz")));
    ModuleTreePanel* tree = m_window->treePanel();
    tree->setSortMode(ModuleTreeProxy::SortMode::AllocatedBytes);
    const QAbstractItemModel* proxy = tree->proxy();
    const QModelIndex root = proxy->index(0, 0);
    qint64 previous = std::numeric_limits<qint64>::max();
    QString firstFile;
    for (int row = 0; row < proxy->rowCount(root); ++row) {
        const QModelIndex index = proxy->index(row, 0, root);
        if (index.data(ModuleTreeModel::IsDirectoryRole).toBool())
            continue;
        const qint64 bytes = index.data(ModuleTreeModel::AllocatedBytesRole).toLongLong();
        QVERIFY(bytes <= previous);
        previous = bytes;
        if (firstFile.isEmpty())
            firstFile = index.data(ModuleTreeModel::PathRole).toString();
    }
    // The file of the costliest finding leads.
    const ReportIndex& index = *m_window->session()->report();
    const auto top = m_window->profileActions()->allocations()->rankedFindings(index.report()).front();
    QCOMPARE(firstFile, index.diskPath(index.report().findings()[top].position.file));
    // The module item sums its files: every report file is on disk here.
    QCOMPARE(root.data(ModuleTreeModel::AllocatedBytesRole).toLongLong(),
        m_window->profileActions()->allocations()->onHeapFindings().bytes);
}

void TestProfileGui::noteShowsBytes()
{
    QVERIFY(loadProfile(QStringLiteral("escapes-go1.22.mem.pb.gz")));
    const ReportIndex& index = *m_window->session()->report();
    const AllocationProfile& allocations = *m_window->profileActions()->allocations();
    const auto top = allocations.rankedFindings(index.report()).front();
    const Finding& f = index.report().findings()[top];
    m_window->openFile(index.diskPath(f.position.file), int(f.position.line));
    const LineAnnotation* a = m_window->sourcePane()->view()->annotations().at(int(f.position.line));
    QVERIFY(a);
    QVERIFY2(a->note.endsWith(QStringLiteral(" · ") + allocatedBytesText(allocations.forFinding(f)->bytes)),
        qPrintable(a->note));
    // Only lines whose heap findings allocated something carry bytes.
    for (const LineAnnotation& other : m_window->sourcePane()->view()->annotations().lines()) {
        const bool allocated = std::any_of(other.findings.begin(), other.findings.end(),
            [&](std::uint32_t i) { return allocations.forFinding(index.report().findings()[i]).has_value(); });
        QCOMPARE(other.note.contains(QStringLiteral(" · ")), allocated);
    }
}

void TestProfileGui::clearingHidesColumns()
{
    QVERIFY(loadProfile(QStringLiteral("escapes-go1.22.mem.pb.gz")));
    QSignalSpy changed(m_window->profileActions(), &ProfileActions::allocationsChanged);
    m_window->profileActions()->clearProfile->trigger();
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_window->profileActions()->allocations());
    QVERIFY(m_window->findingsPanel()->table()->isColumnHidden(FindingsModel::AllocBytesColumn));
    QCOMPARE(m_window->findingsPanel()->proxy()->sortColumn(), int(FindingsModel::FileColumn));
    for (const LineAnnotation& a : m_window->sourcePane()->view()->annotations().lines())
        QVERIFY(!a.note.contains(QStringLiteral(" · ")));
}

void TestProfileGui::badProfileSaysWhy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CPU profile") << QStringLiteral("escapes-go1.22.cpu.pb.gz") << QStringLiteral("no alloc_space");
    QTest::newRow("gzip of text") << QStringLiteral("not-a-profile.gz") << QStringLiteral("not a heap profile");
    QTest::newRow("raw dump text") << QStringLiteral("escapes-go1.22.mem.raw.txt")
                                   << QStringLiteral("not a heap profile");
    QTest::newRow("missing file") << QStringLiteral("no-such-profile.out") << QStringLiteral("cannot read");
}

void TestProfileGui::badProfileSaysWhy()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QSignalSpy failed(m_window->profileActions()->session(), &ProfileSession::loadFailed);
    m_window->profileActions()->session()->loadFile(kProfiles + QLatin1Char('/') + file);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().at(0).toString().contains(expected), qPrintable(failed.first().at(0).toString()));
    QVERIFY(m_window->reportStatusBar()->currentMessage().contains(expected));
    QVERIFY(!m_window->profileActions()->allocations());
    QVERIFY(m_window->findingsPanel()->table()->isColumnHidden(FindingsModel::AllocBytesColumn));
}

void TestProfileGui::benchmarkDialogListsPackagesWithTests()
{
    m_window->profileActions()->profileBenchmarks->trigger();
    BenchmarkDialog* dialog = m_window->profileActions()->benchmarkDialog();
    QVERIFY(dialog->isVisible());
    QStringList packages;
    for (int i = 0; i < dialog->packageBox()->count(); ++i)
        packages << dialog->packageBox()->itemText(i);
    // Only the module root has a _test.go file; store/ has none.
    QCOMPARE(packages, QStringList { QStringLiteral(".") });
    dialog->reject();
    QVERIFY(!dialog->isVisible());
}

QTEST_MAIN(TestProfileGui)
#include "tst_profilegui.moc"
