// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Running the compiler from the window, with the real toolchains CI installs: Analyze replaces the report
// and keeps the open file, a failing build fills the Problems panel and keeps the other packages'
// findings, and Cancel returns to idle at once. Every module is a temporary copy.
#include "core/analysis/analysisrunner.h"
#include "findings/problemspanel.h"
#include "guitestsupport.h"
#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "testsupport.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <cstdio>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

// "file:line:col message" of each finding whose package is (or, with `other`, is not) `importPath`, sorted:
// a failing QCOMPARE reads like a diff.
QStringList findingsOf(const Report& r, const std::string& importPath, bool other = false)
{
    QStringList lines;
    for (const Finding& f : r.findings()) {
        const std::string& header = r.packages()[f.package].name;
        if ((header.substr(0, header.find(' ')) == importPath) == other)
            continue;
        lines << QStringLiteral("%1:%2:%3 %4")
                     .arg(QString::fromStdString(std::string(r.fileName(f.position.file))))
                     .arg(f.position.line)
                     .arg(f.position.column)
                     .arg(QString::fromStdString(std::string(f.message)));
    }
    lines.sort();
    return lines;
}

// A complete analysis of `module` as a live run builds it (no logopt), outside the window.
std::shared_ptr<const Report> completeLiveAnalysis(const AnalysisRequest& current)
{
    AnalysisRunner runner;
    AnalysisRequest request = current;
    request.collectLogopt = false;
    request.useCache = false;
    QSignalSpy done(&runner, &AnalysisRunner::finished);
    runner.start(request);
    if (!done.wait(5 * 60 * 1000))
        return nullptr;
    return done.first().at(0).value<AnalysisResult>().report;
}

} // namespace

class TestAnalysisRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void analyzeReplacesReportAndKeepsFile();
    void compileErrorsFillProblems();
    void cancelReturnsToIdle();
    void bannerAnalyzesInOneClick();
    void watchReanalysesOnSave();
    void testsToggleRememberedPerModule();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& module);
    AnalysisResult runAnalysis(MainWindow& window);

    QTemporaryDir m_work;
};

void TestAnalysisRun::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_work.isValid());
    test::isolateUserDirs(m_work);
}

std::unique_ptr<MainWindow> TestAnalysisRun::openWindow(const QString& module)
{
    return test::openModuleForAnalysis(module);
}

AnalysisResult TestAnalysisRun::runAnalysis(MainWindow& window)
{
    QSignalSpy done(window.analysisBar(), &AnalysisBar::analysisFinished);
    window.analysisBar()->analyzeAction()->trigger();
    if (!done.wait(5 * 60 * 1000))
        return {};
    return done.first().at(0).value<AnalysisResult>();
}

void TestAnalysisRun::analyzeReplacesReportAndKeepsFile()
{
    const QString module = m_work.filePath(QStringLiteral("escapes"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    auto window = openWindow(module);
    QVERIFY(window);
    QVERIFY(!window->session()->report()); // no recorded report next to a copy
    window->openFile(module + QStringLiteral("/returnaddr.go"), 7);
    QVERIFY(window->analysisBar()->analyzeAction()->isEnabled());
    const AnalysisResult result = runAnalysis(*window);
    QCOMPARE(analysisStateName(result.state), QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report(), 10000); // indexed off the GUI thread
    QCOMPARE(window->sourcePane()->currentPath(), module + QStringLiteral("/returnaddr.go"));
    QVERIFY2(window->reportStatusBar()->summary().contains(QLatin1String("moved to heap")),
        qPrintable(window->reportStatusBar()->summary()));
    QCOMPARE(window->problemsPanel()->model()->rowCount(), 0);
    QVERIFY(!window->analysisBar()->cancelAction()->isEnabled());
}

void TestAnalysisRun::compileErrorsFillProblems()
{
    const QString module = m_work.filePath(QStringLiteral("broken"));
    QVERIFY(test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/broken"), module));
    auto window = openWindow(module);
    QVERIFY(window);
    DiagnosticsModel* problems = window->problemsPanel()->model();
    const QAbstractItemModelTester tester(problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const AnalysisResult result = runAnalysis(*window);
    QCOMPARE(analysisStateName(result.state), QStringLiteral("compile errors"));
    QVERIFY(problems->rowCount() >= 1);
    bool found = false;
    for (int row = 0; row < problems->rowCount(); ++row)
        found |= problems->index(row).data().toString().contains(QLatin1String("undefined: undefinedName"));
    QVERIFY(found);
    // The package that compiled is shown all the same.
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report(), 10000);
}

void TestAnalysisRun::cancelReturnsToIdle()
{
    const QString module = m_work.filePath(QStringLiteral("slow"));
    QVERIFY(QDir().mkpath(module));
    QFile mod(module + QStringLiteral("/go.mod")), main(module + QStringLiteral("/main.go"));
    QVERIFY(mod.open(QIODevice::WriteOnly) && main.open(QIODevice::WriteOnly));
    mod.write("module example.com/slow\n\ngo 1.21\n");
    main.write("package main\n\nimport \"net/http\"\n\nfunc main() { _ = http.ListenAndServe }\n");
    mod.close();
    main.close();
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache-cancel")))); // a cold build: slow
    auto window = openWindow(module);
    QVERIFY(window);
    QSignalSpy done(window->analysisBar(), &AnalysisBar::analysisFinished);
    window->analysisBar()->analyzeAction()->trigger();
    QVERIFY(window->analysisBar()->cancelAction()->isEnabled());
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    window->analysisBar()->cancelAction()->trigger();
    QVERIFY(done.size() == 1 || done.wait(1000));
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(analysisStateName(done.first().at(0).value<AnalysisResult>().state), QStringLiteral("cancelled"));
    QVERIFY(window->analysisBar()->analyzeAction()->isEnabled());
    QVERIFY(!window->analysisBar()->cancelAction()->isEnabled());
}

// A module without a report, with a toolchain found: the banner offers Analyze, one click analyses, the
// banner goes, and the module folder is not written (it used to tell the user to redirect go's output into
// a file in the module folder).
void TestAnalysisRun::bannerAnalyzesInOneClick()
{
    const QString module = m_work.filePath(QStringLiteral("banner"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const QMap<QString, QByteArray> before = test::hashTree(module);
    auto window = openWindow(module);
    QVERIFY(window);
    QVERIFY(!window->session()->report());
    QWidget* banner = window->sourcePane()->findChild<QWidget*>(QStringLiteral("reportBanner"));
    auto* analyze = window->sourcePane()->findChild<QPushButton*>(QStringLiteral("bannerAnalyze"));
    QVERIFY(banner && analyze);
    QTRY_VERIFY(analyze->isVisible()); // once discovery has found a toolchain
    QVERIFY(banner->findChild<QLabel*>()->text().contains(window->analysisBar()->selectedToolchain()->version));

    QSignalSpy done(window->analysisBar(), &AnalysisBar::analysisFinished);
    QTest::mouseClick(analyze, Qt::LeftButton);
    QVERIFY(!banner->isVisible()); // the status bar shows the run
    QVERIFY(done.wait(5 * 60 * 1000));
    QCOMPARE(analysisStateName(done.first().at(0).value<AnalysisResult>().state), QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report(), 10000);
    QVERIFY(!banner->isVisible());
    QCOMPARE(test::hashTree(module), before);
}

// Watch: a file saved from outside (as an editor does: a new file renamed over the old one) re-runs the
// analysis without a click; the new findings, the new text and the selected line (moved down by the edit)
// are shown; the toggle is remembered for the module; nothing else in the module is written.
void TestAnalysisRun::watchReanalysesOnSave()
{
    const QString module = m_work.filePath(QStringLiteral("watch"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    auto window = openWindow(module);
    QVERIFY(window);
    AnalysisBar* bar = window->analysisBar();
    QVERIFY(bar->watchAction()->isEnabled());
    QVERIFY(!bar->watchAction()->isChecked());
    bar->watchAction()->setChecked(true);
    QVERIFY(bar->watcher()->fileCount() > 10);
    QCOMPARE(runAnalysis(*window).state, AnalysisState::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report(), 10000);
    const QString file = module + QStringLiteral("/returnaddr.go");
    window->openFile(file, 7);
    QCOMPARE(window->sourcePane()->view()->currentLine(), 7);
    const QString selectedText = window->sourcePane()->view()->document()->findBlockByNumber(6).text();
    const std::shared_ptr<const ReportIndex> before = window->session()->report();
    const QMap<QString, QByteArray> others = [&] {
        QMap<QString, QByteArray> tree = test::hashTree(module);
        tree.remove(QStringLiteral("returnaddr.go"));
        return tree;
    }();

    // Two lines inserted at the top: every finding of the file moves down by two.
    QByteArray text = test::readFile(file);
    const int package = text.indexOf("package");
    text.insert(text.indexOf('\n', package) + 1, "\n// Edited while Heapsight watches.\n");
    QFile edited(file + QStringLiteral(".tmp"));
    QVERIFY(edited.open(QIODevice::WriteOnly));
    edited.write(text);
    edited.close();
    QSignalSpy started(bar, &AnalysisBar::started);
    QSignalSpy changed(bar, &AnalysisBar::sourcesChanged);
    QVERIFY(::rename(QFile::encodeName(edited.fileName()).constData(), QFile::encodeName(file).constData()) == 0);
    QVERIFY(started.wait(10000));
    QCOMPARE(changed.value(0).value(0).toStringList(), QStringList { QStringLiteral("returnaddr.go") });
    // Only the edited package is built again (nothing in the module imports the main package), and laid
    // over the analysis shown.
    QVERIFY2(started.first().at(0).toString().contains(QLatin1String("live: returnaddr.go changed, 1 package(s) "
                                                                     "built again")),
        qPrintable(started.first().at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report() && window->session()->report() != before, 5 * 60 * 1000);
    // What it shows: the edited package's findings as a complete run finds them, the other package's as
    // they were (from the first, complete run).
    const std::shared_ptr<const Report> complete = completeLiveAnalysis(*bar->currentRequest());
    QVERIFY(complete);
    const std::string mainPackage = "example.com/escapes", storePackage = "example.com/escapes/store";
    QCOMPARE(findingsOf(window->session()->report()->report(), mainPackage), findingsOf(*complete, mainPackage));
    QVERIFY(!findingsOf(*complete, mainPackage).isEmpty());
    QCOMPARE(findingsOf(window->session()->report()->report(), mainPackage, true),
        findingsOf(before->report(), mainPackage, true));
    QVERIFY(!findingsOf(before->report(), storePackage).isEmpty());

    SourceView* view = window->sourcePane()->view();
    QCOMPARE(view->currentLine(), 9);
    QCOMPARE(view->document()->findBlockByNumber(8).text(), selectedText);
    const Report& after = window->session()->report()->report();
    const auto movedOn = [](const Report& r, std::uint32_t line) {
        for (std::uint32_t i : r.findingsOnLine(r.fileId("./returnaddr.go"), line)) {
            if (r.findings()[i].kind == FindingKind::MovedToHeap)
                return true;
        }
        return false;
    };
    QVERIFY(movedOn(before->report(), 7));
    QVERIFY(movedOn(after, 9));
    QVERIFY(!view->annotations().lines().empty());
    QVERIFY(view->annotations().at(9));
    if (const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); !shot.isEmpty()) {
        window->resize(1600, 1000);
        QVERIFY(window->grab().save(QFile::decodeName(shot)));
    }
    QCOMPARE(test::hashTree(module).size(), others.size() + 1);
    for (auto it = others.cbegin(); it != others.cend(); ++it)
        QCOMPARE(test::hashTree(module).value(it.key()), it.value());

    // An edit of the store package: it and its importer (the main package) are built again, and the
    // whole report is what a complete run of the edited module finds.
    const QString store = module + QStringLiteral("/store/store.go");
    QByteArray storeText = test::readFile(store);
    storeText.append("\n// Sinks the given value.\nfunc Sink(v *int) { sunk = v }\n\nvar sunk *int\n");
    const std::shared_ptr<const ReportIndex> beforeStore = window->session()->report();
    started.clear();
    QFile storeEdit(store + QStringLiteral(".tmp"));
    QVERIFY(storeEdit.open(QIODevice::WriteOnly));
    storeEdit.write(storeText);
    storeEdit.close();
    QVERIFY(::rename(QFile::encodeName(storeEdit.fileName()).constData(), QFile::encodeName(store).constData()) == 0);
    QVERIFY(started.wait(10000));
    QVERIFY2(started.first().at(0).toString().contains(QLatin1String("2 package(s) built again")),
        qPrintable(started.first().at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report() != beforeStore, 5 * 60 * 1000);
    const std::shared_ptr<const Report> completeAfterStore = completeLiveAnalysis(*bar->currentRequest());
    QVERIFY(completeAfterStore);
    QCOMPARE(findingsOf(window->session()->report()->report(), std::string(), true),
        findingsOf(*completeAfterStore, std::string(), true));
    QVERIFY(findingsOf(*completeAfterStore, std::string(), true)
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("leaking param: v")));

    // Remembered: a new window on the module watches again.
    window.reset();
    auto again = openWindow(module);
    QVERIFY(again);
    QVERIFY(again->analysisBar()->watchAction()->isChecked());
    QVERIFY(again->analysisBar()->watcher()->fileCount() > 10);
}

// The Tests toggle (go test -c) is the module's: on for one module stays on for it in a new window, and a
// module never seen starts with it off. Kept in the isolated settings, never in the module.
void TestAnalysisRun::testsToggleRememberedPerModule()
{
    const QString a = m_work.filePath(QStringLiteral("with-tests")), b = m_work.filePath(QStringLiteral("without"));
    QVERIFY(test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/benchmarks"), a));
    QVERIFY(test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/benchmarks"), b));
    const auto before = test::hashTree(a);
    {
        auto window = openWindow(a);
        QVERIFY(window);
        QAction* tests = window->analysisBar()->testsAction();
        QVERIFY(tests->isCheckable() && tests->isEnabled());
        QVERIFY(!tests->isChecked());
        tests->trigger();
        QVERIFY(tests->isChecked());
    }
    {
        auto window = openWindow(b);
        QVERIFY(window);
        QVERIFY(!window->analysisBar()->testsAction()->isChecked());
    }
    {
        auto window = openWindow(a);
        QVERIFY(window);
        QVERIFY(window->analysisBar()->testsAction()->isChecked());
    }
    QCOMPARE(test::hashTree(a), before);
}

QTEST_MAIN(TestAnalysisRun)
#include "tst_analysisrun.moc"
