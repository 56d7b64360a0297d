// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Analyze dependency" in the why panel, end to end with Go 1.27 on tests/data/modules/whypath: the module's
// own analysis stops where `buf` goes into sync.(*Pool).Put; one click runs the escape analysis of sync
// off the GUI thread (progress and Cancel in the status bar), and the path goes on into sync's sources,
// read-only, to the heap. Opening another module drops it; the module folder is never written.

#include "core/why/whypath.h"
#include "guitestsupport.h"
#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "why/dependencyanalysis.h"
#include "why/whycallsformatter.h"
#include "why/whypanel.h"
#include "window/dependencyactions.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QComboBox>
#include <QDir>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

QString moduleDir()
{
    return QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/whypath");
}

QUrl analyzeLink(const QStringList& packages)
{
    std::vector<std::string> names;
    for (const QString& p : packages)
        names.push_back(p.toStdString());
    return WhyCallsFormatter::analyzeUrl(names);
}

} // namespace

class TestWhyDependency : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void analyzeDependency();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QMap<QString, QByteArray> m_before;
};

void TestWhyDependency::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.27");
    QVERIFY(m_dir.isValid());
    test::isolateUserDirs(m_dir);
    // errorcheck-go1.27's build cache, when CMake names it: the standard library is compiled once.
    if (const QString cache = qEnvironmentVariable("HEAPSIGHT_WHY_GOCACHE"); !cache.isEmpty())
        qputenv("GOCACHE", QFile::encodeName(cache));
    m_before = test::hashTree(moduleDir());
    QVERIFY(!m_before.isEmpty());
}

void TestWhyDependency::analyzeDependency()
{
    auto window = test::openModuleForAnalysis(moduleDir());
    QVERIFY(window);
    AnalysisBar* bar = window->analysisBar();
    auto* box = bar->findChild<QComboBox*>(QStringLiteral("toolchainBox"));
    QVERIFY(box);
    for (std::size_t i = 0; i < bar->toolchains().size(); ++i) {
        if (bar->toolchains()[i].version.startsWith(QLatin1String("go1.27")))
            box->setCurrentIndex(static_cast<int>(i));
    }
    QVERIFY(bar->selectedToolchain() && bar->selectedToolchain()->version.startsWith(QLatin1String("go1.27")));

    // The module's own analysis.
    QSignalSpy reportShown(window->session(), &ModuleSession::reportChanged);
    QSignalSpy analysed(bar, &AnalysisBar::analysisFinished);
    bar->analyzeAction()->trigger();
    QVERIFY(analysed.wait(600000));
    QCOMPARE(analysisStateName(analysed.first().at(0).value<AnalysisResult>().state), QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!reportShown.isEmpty() && window->session()->report(), 20000);

    // main.go:28 `buffers.Put(&buf)`: the path stops at sync, which no report covers, and offers its analysis.
    WhyPanel* why = window->whyPanel();
    const QString mainGo = QDir(moduleDir()).filePath(QStringLiteral("main.go"));
    window->openFile(mainGo, 28);
    QTRY_VERIFY_WITH_TIMEOUT(why->plainText().contains(QLatin1String("moved to heap: buf")), 5000);
    QString text = why->plainText();
    QVERIFY2(text.contains(QLatin1String("The path ends: not analysed")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Not analysed: sync · Analyze dependency")), qPrintable(text));
    const QUrl link = analyzeLink({ QStringLiteral("sync") });
    QVERIFY2(
        why->browser()->toHtml().contains(link.toString(QUrl::FullyEncoded)), qPrintable(why->browser()->toHtml()));
    QCOMPARE(WhyCallsFormatter::packagesFromUrl(link), QStringList { QStringLiteral("sync") });

    const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); // PATH.png: PATH-before.png and PATH.png
    if (!shot.isEmpty()) {
        window->resize(1600, 1000);
        QVERIFY(
            window->grab().save(QFile::decodeName(shot).replace(QLatin1String(".png"), QLatin1String("-before.png"))));
    }

    // The chooser now names another toolchain: sync is still analysed with the one that recorded the report,
    // or the path would join the findings of two compilers.
    const QString recorded = QString::fromStdString(window->session()->report()->report().origin().toolchain);
    QVERIFY2(recorded.startsWith(QLatin1String("go1.27")), qPrintable(recorded));
    std::optional<Toolchain> other;
    for (std::size_t i = 0; i < bar->toolchains().size(); ++i) {
        if (!bar->toolchains()[i].version.startsWith(QLatin1String("go1.27"))) {
            box->setCurrentIndex(static_cast<int>(i));
            other = bar->toolchains()[i];
            break;
        }
    }
    if (!other)
        qWarning("only Go 1.27 is installed: the toolchain of the report is not told apart from the chooser's");

    // One click: the run starts at once, off the GUI thread, with progress in the status bar.
    DependencyAnalysis* deps = window->dependencyActions()->dependencies();
    QSignalSpy requested(why, &WhyPanel::dependencyAnalysisRequested);
    QSignalSpy finished(deps, &DependencyAnalysis::finished);
    QSignalSpy depStarted(deps, &DependencyAnalysis::started);
    Q_EMIT why->browser()->anchorClicked(link);
    QCOMPARE(requested.size(), 1);
    QVERIFY(deps->isRunning());
    QCOMPARE(depStarted.size(), 1);
    QVERIFY2(depStarted.first().at(0).toString().contains(recorded), qPrintable(depStarted.first().at(0).toString()));
    auto* progress = window->reportStatusBar()->findChild<QProgressBar*>();
    QVERIFY(progress && progress->isVisible());
    QVERIFY(finished.wait(600000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!progress->isVisible());
    QCOMPARE(deps->analysedPackages(), QStringList { QStringLiteral("sync") });
    QCOMPARE(deps->inputs().size(), std::size_t(1));
    // The same report shown again (reportChanged, as after a new snapshot of it): its dependency stays, though
    // the chooser names another toolchain.
    Q_EMIT window->session()->reportChanged(window->session()->report());
    QCOMPARE(deps->inputs().size(), std::size_t(1));

    // The same line now goes on into (*Pool).Put in GOROOT's sync, read-only, and ends on the heap.
    text = why->plainText();
    QVERIFY2(text.contains(QLatin1String("The path ends: heap")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("read-only: outside the module")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("/src/sync/pool.go")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Not analysed: sync")), qPrintable(text));
    // A step in sync's source opens that file at its line (GOROOT: read-only, outside the module).
    static const QRegularExpression fileLink(QStringLiteral("href=\"(file://[^\"]+pool\\.go#(\\d+):\\d+)\""));
    const QRegularExpressionMatch step = fileLink.match(why->browser()->toHtml());
    QVERIFY2(step.hasMatch(), qPrintable(why->browser()->toHtml()));
    Q_EMIT why->browser()->anchorClicked(QUrl(step.captured(1)));
    QVERIFY(window->sourcePane()->currentPath().endsWith(QLatin1String("/src/sync/pool.go")));
    QCOMPARE(window->sourcePane()->view()->currentLine(), step.captured(2).toInt());
    window->openFile(mainGo, 28);
    QTRY_VERIFY_WITH_TIMEOUT(why->plainText().contains(QLatin1String("The path ends: heap")), 5000);

    // Asked again: nothing runs.
    finished.clear();
    Q_EMIT why->browser()->anchorClicked(link);
    QVERIFY(!deps->isRunning());
    QVERIFY(finished.isEmpty());

    if (!shot.isEmpty())
        QVERIFY(window->grab().save(QFile::decodeName(shot)));

    // Cancelled from the status bar: the run stops, what was analysed stays.
    for (std::size_t i = 0; i < bar->toolchains().size(); ++i) {
        if (bar->toolchains()[i].version == recorded)
            box->setCurrentIndex(static_cast<int>(i));
    }
    QVERIFY(deps->analyze(*bar->currentRequest(), { QStringLiteral("fmt") }));
    QVERIFY(deps->isRunning());
    Q_EMIT window->reportStatusBar()->cancelRequested();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("cancel")),
        qPrintable(finished.first().at(1).toString()));
    QCOMPARE(deps->analysedPackages(), QStringList { QStringLiteral("sync") });
    QCOMPARE(deps->inputs().size(), std::size_t(1));

    // A report of the same toolchain keeps the inputs; one of another toolchain drops them (ModuleSession's
    // reportChanged calls keepOnlyFor).
    deps->keepOnlyFor(recorded);
    QCOMPARE(deps->inputs().size(), std::size_t(1));
    deps->keepOnlyFor(QStringLiteral("go1.21.13"));
    QVERIFY(deps->inputs().empty());
    QVERIFY(deps->analysedPackages().isEmpty());
    // So does a request for another toolchain: sync again with go1.27 (from the result cache), then with
    // another, which is no "analysed already".
    if (other) {
        finished.clear();
        QVERIFY(deps->analyze(*bar->currentRequest(), { QStringLiteral("sync") }));
        QVERIFY(finished.wait(600000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(deps->inputs().size(), std::size_t(1));
        AnalysisRequest otherRequest = *bar->currentRequest();
        otherRequest.toolchain = *other;
        QVERIFY(deps->analyze(otherRequest, { QStringLiteral("sync") }));
        QVERIFY(deps->inputs().empty());
        deps->cancel();
        QTRY_VERIFY(!deps->isRunning());
    }

    // Another module: the dependency report is dropped, and the panel's paths with it.
    QSignalSpy ready(window.get(), &MainWindow::moduleReady);
    window->openFolder(test::sampleModule());
    QVERIFY(ready.wait(20000));
    QVERIFY(deps->inputs().empty());
    QVERIFY(deps->analysedPackages().isEmpty());
}

void TestWhyDependency::cleanupTestCase()
{
    if (!m_before.isEmpty())
        QCOMPARE(test::hashTree(moduleDir()), m_before);
}

QTEST_MAIN(TestWhyDependency)
#include "tst_whydependency.moc"
