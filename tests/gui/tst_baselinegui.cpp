// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Baseline menu on the sample module and its recorded Go 1.22 report: Accept Finding and Accept All in
// This File write the chosen baseline file (a real `heapsight-cli baseline` file, which the core check then
// agrees with), accepted findings are dimmed in the list and hidden in every view on request, a non-heap
// finding is refused, the choice of file is remembered for the module, and the module folder is not touched.
#include "baseline/baselineactions.h"
#include "core/diff/baseline.h"
#include "findings/findingfilter.h"
#include "findings/findingsmodel.h"
#include "findings/findingspanel.h"
#include "guitestsupport.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "session/reportstate.h"
#include "source/sourcepane.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

std::size_t acceptedCount(const BaselineActions& b)
{
    return b.accepted() ? static_cast<std::size_t>(std::count(b.accepted()->begin(), b.accepted()->end(), true)) : 0;
}

// The first finding of `kind` in `file` (as the compiler prints it).
std::optional<std::uint32_t> findingOf(const Report& r, const std::string& file, FindingKind kind)
{
    for (std::uint32_t i = 0; i < r.findings().size(); ++i) {
        if (r.findings()[i].kind == kind && r.fileName(r.findings()[i].position.file) == file)
            return i;
    }
    return std::nullopt;
}

std::optional<Baseline> readBaseline(const QString& path)
{
    const QByteArray bytes = test::readFile(path);
    return baselineFromJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), nullptr);
}

} // namespace

class TestBaselineGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptHideAndRemember();
    void newReportDropsOldAcceptedFlags();
};

void TestBaselineGui::acceptHideAndRemember()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("heap-baseline.json"));
    const auto moduleBefore = test::hashTree(test::sampleModule());
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    auto window = test::openSampleWindow(&testers);
    QVERIFY(window);
    BaselineActions* baseline = window->baselineActions();
    const std::shared_ptr<const ReportIndex> index = window->session()->report();
    const Report& report = index->report();

    QVERIFY(baseline->useFile(path));
    QVERIFY(!QFile::exists(path)); // created by the first Accept, not by choosing
    QTRY_VERIFY(baseline->accepted());
    QCOMPARE(acceptedCount(*baseline), std::size_t(0));

    // Accept Finding: the selected heap allocation.
    const auto moved = findingOf(report, "./returnaddr.go", FindingKind::MovedToHeap);
    QVERIFY(moved);
    window->findingsPanel()->revealFinding(*moved);
    QCOMPARE(window->findingsPanel()->currentFinding(), moved);
    baseline->acceptFinding->trigger();
    QVERIFY(QFile::exists(path));
    QTRY_COMPARE(acceptedCount(*baseline), std::size_t(1));
    QVERIFY((*baseline->accepted())[*moved]);

    // A non-heap finding is refused and the file stays as it was.
    const auto inlined = findingOf(report, "./returnaddr.go", FindingKind::CanInline);
    QVERIFY(inlined);
    const QByteArray written = test::readFile(path);
    QVERIFY(!baseline->acceptFindings({ *inlined }));
    QCOMPARE(test::readFile(path), written);

    // Accept All in This File: every heap allocation of main.go.
    const QString mainGo = QDir(test::sampleModule()).filePath(QStringLiteral("main.go"));
    QVERIFY(window->sourcePane()->showFile(mainGo, QStringLiteral("main.go")));
    std::size_t heapInMain = 0;
    for (FileId file : index->fileIds(mainGo)) {
        for (std::uint32_t i : report.findingsInFile(file))
            heapInMain += isHeapAllocation(report.findings()[i].kind) ? 1 : 0;
    }
    QVERIFY(heapInMain > 0);
    baseline->acceptFile->trigger();
    QTRY_COMPARE(acceptedCount(*baseline), 1 + heapInMain);

    // The file is a baseline the command line reads; checked against this report, the rest is new.
    const auto saved = readBaseline(path);
    QVERIFY(saved);
    QCOMPARE(saved->report.findings().size(), 1 + heapInMain);
    std::size_t heapTotal = 0;
    for (const Finding& f : report.findings())
        heapTotal += isHeapAllocation(f.kind) ? 1 : 0;
    const ReportDiff check = checkAgainstBaseline(*saved, makeBaseline(report, index->moduleRoot().toStdString()));
    QCOMPARE(check.newHeapAllocations().size(), heapTotal - 1 - heapInMain);

    // Dimmed in the list; hidden everywhere on request.
    const FindingsModel* model = window->findingsPanel()->model();
    QVERIFY(model->index(static_cast<int>(*moved), 0).data(FindingsModel::AcceptedRole).toBool());
    QVERIFY(model->index(static_cast<int>(*moved), 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model->index(static_cast<int>(*inlined), 0).data(FindingsModel::AcceptedRole).toBool());
    const int shown = window->findingsPanel()->table()->model()->rowCount();
    baseline->hideAccepted->setChecked(true);
    QVERIFY(window->filter()->hidesAccepted());
    QCOMPARE(window->findingsPanel()->table()->model()->rowCount(), shown - static_cast<int>(1 + heapInMain));
    QVERIFY(!window->filter()->accepts(*window->reportState()->snapshot(), *moved));
    if (const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); !shot.isEmpty()) {
        baseline->hideAccepted->setChecked(false);
        window->resize(1400, 900);
        QTest::qWait(300);
        window->grab().save(QString::fromLocal8Bit(shot));
    }
    testers.clear();
    window.reset();

    // A new window on the same module uses the same file again.
    auto again = test::openSampleWindow(&testers);
    QVERIFY(again);
    QCOMPARE(again->baselineActions()->path(), path);
    QTRY_COMPARE(acceptedCount(*again->baselineActions()), 1 + heapInMain);
    testers.clear();
    again.reset();
    QCOMPARE(test::hashTree(test::sampleModule()), moduleBefore);
}

// Accepted flags are indices into the report they were matched against. When another report arrives, the
// views must not apply the old report's flags to the new report's indices while the new match runs
// (found by reading, issue 18): a finding the baseline does not hold would show as accepted, or hide.
void TestBaselineGui::newReportDropsOldAcceptedFlags()
{
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    auto window = test::openSampleWindow(&testers);
    QVERIFY(window);
    BaselineActions* baseline = window->baselineActions();
    QVERIFY(baseline->useFile(dir.filePath(QStringLiteral("heap-baseline.json"))));
    const Report& before = window->session()->report()->report();
    std::vector<std::uint32_t> heap;
    for (std::uint32_t i = 0; i < before.findings().size(); ++i) {
        if (isHeapAllocation(before.findings()[i].kind))
            heap.push_back(i);
    }
    QVERIFY(baseline->acceptFindings(heap));
    QTRY_COMPARE(acceptedCount(*baseline), heap.size());
    const std::shared_ptr<const std::vector<bool>> oldFlags = baseline->accepted();

    // The same module's Go 1.27 output: other findings at the old indices.
    const FindingsModel* model = window->findingsPanel()->model();
    std::vector<std::uint32_t> wronglyAccepted; // seen between the new report and its match
    std::optional<std::uint32_t> probe;
    QMetaObject::Connection check = connect(
        window->session(), &ModuleSession::reportChanged, this, [&](std::shared_ptr<const ReportIndex> report) {
            if (!report)
                return;
            // Runs after the window handed the report to every view and started the new match.
            for (std::uint32_t i = 0; i < report->report().findings().size(); ++i) {
                const bool oldAccepted = i < oldFlags->size() && (*oldFlags)[i];
                if (oldAccepted && !isHeapAllocation(report->report().findings()[i].kind) && !probe)
                    probe = i; // a finding no baseline can hold, at an index accepted before
                if (model->index(static_cast<int>(i), 0).data(FindingsModel::AcceptedRole).toBool()
                    || window->reportState()->snapshot()->isAccepted(i))
                    wronglyAccepted.push_back(i);
            }
        });
    QSignalSpy changed(window->session(), &ModuleSession::reportChanged);
    window->openReport(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.27.m2.txt"));
    QVERIFY(changed.wait(10000));
    disconnect(check);
    QVERIFY2(probe, "the two reports should differ at some accepted index");
    QCOMPARE(wronglyAccepted, std::vector<std::uint32_t>());
    // Once matched, the new report's own flags: its heap findings the baseline holds, never a probe.
    QTRY_VERIFY(baseline->accepted()
        && baseline->accepted()->size() == window->session()->report()->report().findings().size());
    QVERIFY(acceptedCount(*baseline) > 0);
    QVERIFY(!(*baseline->accepted())[*probe]);
}

QTEST_MAIN(TestBaselineGui)
#include "tst_baselinegui.moc"
