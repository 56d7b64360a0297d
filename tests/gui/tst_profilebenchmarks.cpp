// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Profile Benchmarks…" end to end with a real toolchain: a copy of the sample module is analysed, its
// benchmarks run from the dialog, and the findings list comes back ranked by the bytes they allocated;
// closing the dialog during a run stops go test; the module folder is byte-identical afterwards.
#include "findings/findingsmodel.h"
#include "findings/findingspanel.h"
#include "findings/findingsproxy.h"
#include "guitestsupport.h"
#include "profile/benchmarkdialog.h"
#include "profile/profileactions.h"
#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

class TestProfileBenchmarks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runRanksFindings();
    void closingStopsRun();

private:
    std::unique_ptr<MainWindow> openAnalysed(const QString& module);
    QTemporaryDir m_work;
};

void TestProfileBenchmarks::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_work.isValid());
    test::isolateUserDirs(m_work);
}

std::unique_ptr<MainWindow> TestProfileBenchmarks::openAnalysed(const QString& module)
{
    std::unique_ptr<MainWindow> window = test::openModuleForAnalysis(module);
    if (!window)
        return nullptr;
    AnalysisBar* bar = window->analysisBar();
    QSignalSpy done(bar, &AnalysisBar::analysisFinished);
    bar->analyzeAction()->trigger();
    if (!done.wait(5 * 60 * 1000) || !QTest::qWaitFor([&] { return window->session()->report() != nullptr; }, 10000))
        return nullptr;
    return window;
}

void TestProfileBenchmarks::runRanksFindings()
{
    const QString module = m_work.filePath(QStringLiteral("escapes"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const auto before = test::hashTree(module);
    auto window = openAnalysed(module);
    QVERIFY(window);

    window->profileActions()->profileBenchmarks->trigger();
    BenchmarkDialog* dialog = window->profileActions()->benchmarkDialog();
    QVERIFY(dialog->runButton()->isEnabled());
    QSignalSpy changed(window->profileActions(), &ProfileActions::allocationsChanged);
    dialog->runButton()->click();
    QVERIFY(!dialog->runButton()->isEnabled()); // running
    QVERIFY(changed.wait(5 * 60 * 1000));
    const auto& allocations = window->profileActions()->allocations();
    QVERIFY(allocations);
    const Report& report = window->session()->report()->report();
    const std::vector<std::uint32_t> ranked = allocations->rankedFindings(report);
    QVERIFY(!ranked.empty());
    const FindingsProxy* proxy = window->findingsPanel()->proxy();
    QCOMPARE(proxy->index(0, FindingsModel::AllocBytesColumn).data(FindingsModel::SortRole).toLongLong(),
        allocations->forFinding(report.findings()[ranked.front()])->bytes);
    QVERIFY(dialog->runButton()->isEnabled());
    dialog->reject();
    QCOMPARE(test::hashTree(module), before);
}

void TestProfileBenchmarks::closingStopsRun()
{
    const QString module = m_work.filePath(QStringLiteral("escapes-close"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const auto before = test::hashTree(module);
    auto window = openAnalysed(module);
    QVERIFY(window);
    window->profileActions()->profileBenchmarks->trigger();
    BenchmarkDialog* dialog = window->profileActions()->benchmarkDialog();
    QSignalSpy finished(dialog->profiler(), &BenchmarkProfiler::finished);
    dialog->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->profiler()->processId() > 0, 5000);
    QTest::qWait(1500); // go is compiling the test binary by now
    dialog->reject();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).value<BenchmarkResult>().state == BenchmarkResult::State::Cancelled);
    QVERIFY(!dialog->profiler()->isRunning());
    QVERIFY(!window->profileActions()->allocations());
    QCOMPARE(test::hashTree(module), before);
}

QTEST_MAIN(TestProfileBenchmarks)
#include "tst_profilebenchmarks.moc"
