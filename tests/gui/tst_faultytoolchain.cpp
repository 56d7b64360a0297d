// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window under a toolchain that misbehaves. Each row writes a small shell script named `go` that
// answers discovery (`go env GOVERSION GOROOT GOOS GOARCH`) and `go list` like a real toolchain and then
// goes wrong on `go build`: it fails with status 2, hangs (stopped by Cancel, or by the time limit), floods
// stderr with 100 MB, or is deleted after discovery. The real MainWindow finds it through the user
// toolchain setting and runs it on a copy of samples/escapes. Every row checks what the user is told,
// that the GUI thread kept ticking, that no process of the run survives, and that the module is unchanged.
// No real Go is needed.
#include "core/parse/escapeparser.h"
#include "core/toolchain/usertoolchains.h"
#include "findings/problemspanel.h"
#include "guitestsupport.h"
#include "run/analysisbar.h"
#include "run/analysistimelimit.h"
#include "run/toolchainlist.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "testsupport.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace heapsight;
using namespace heapsight::gui;

namespace faults {
enum class Fault { ExitStatus2, Hang, Flood, FloodThenHang, Deleted };
enum class Stop { None, Cancel, TimeLimit };
} // namespace faults
Q_DECLARE_METATYPE(faults::Fault)
Q_DECLARE_METATYPE(faults::Stop)
using faults::Fault;
using faults::Stop;

namespace {

// What `go build` does in each fake toolchain. The hang leaves a child in the background too, so killing
// only the go process would not be enough.
QByteArray buildBehaviour(Fault fault, const QString& recordedOutput)
{
    switch (fault) {
    case Fault::ExitStatus2:
        return "echo 'go: injected failure: cannot run the compiler' >&2\nexit 2\n";
    case Fault::Hang:
        return "sleep 1000 &\nexec sleep 1000\n";
    case Fault::Flood:
        // Real escape analysis first, then a million lines of 100 'x' (100 MB).
        return "cat '" + QFile::encodeName(recordedOutput)
            + "' >&2\n"
              "head -c 100000000 /dev/zero | tr '\\0' 'x' | fold -w 100 >&2\nexit 0\n";
    case Fault::FloodThenHang:
        return "cat '" + QFile::encodeName(recordedOutput)
            + "' >&2\n"
              "head -c 100000000 /dev/zero | tr '\\0' 'x' | fold -w 100 >&2\n"
              "sleep 1000 &\nexec sleep 1000\n";
    case Fault::Deleted:
        return "cat '" + QFile::encodeName(recordedOutput) + "' >&2\nexit 0\n";
    }
    return {};
}

bool writeFakeGo(const QString& path, const QString& version, Fault fault, const QString& recordedOutput)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QByteArray goroot = QFile::encodeName(QFileInfo(path).absolutePath());
    // `go env GOVERSION GOROOT GOOS GOARCH` is what discovery asks; `go list` gives the package count.
    QByteArray script = "#!/bin/sh\n"
                        "case \"$1\" in\n"
                        "env)\n";
    script += "    printf '%s\\n' " + version.toUtf8() + " '" + goroot + "' linux amd64\n    exit 0 ;;\n";
    script += "list)\n"
              "    printf 'example.com/escapes\\nexample.com/escapes/store\\n'\n"
              "    exit 0 ;;\n"
              "build)\n";
    script += buildBehaviour(fault, recordedOutput);
    script += ";;\n"
              "esac\n"
              "echo \"fake go: unexpected command $1\" >&2\n"
              "exit 1\n";
    f.write(script);
    f.close();
    return f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// Records the longest pause of a 20 ms timer on the GUI thread.
class TickWatch : public QObject {
public:
    TickWatch()
    {
        m_clock.start();
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] { m_maxGap = std::max(m_maxGap, m_clock.restart()); });
        m_timer.start();
    }
    // Up to now: a GUI thread that never ticked at all counts too.
    qint64 maxGap() const { return std::max(m_maxGap, m_clock.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
};

QStringList problems(MainWindow& window)
{
    QStringList rows;
    const DiagnosticsModel* model = window.problemsPanel()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->index(row).data().toString();
    return rows;
}

} // namespace

class TestFaultyToolchain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeLimitIsASetting();
    void fault_data();
    void fault();

private:
    QTemporaryDir m_work;
    int m_rows = 0;
};

void TestFaultyToolchain::initTestCase()
{
    QVERIFY(m_work.isValid());
    test::isolateUserDirs(m_work);
}

// Time Limit… asks for seconds and keeps them in the settings; Cancel in the dialog changes nothing.
void TestFaultyToolchain::timeLimitIsASetting()
{
    AnalysisTimeLimit::setSeconds(AnalysisTimeLimit::kDefaultSeconds);
    ToolchainList toolchains;
    AnalysisBar bar(&toolchains);
    const auto answer = [](int seconds, bool accept) {
        QTimer::singleShot(0, [seconds, accept] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->intValue(), AnalysisTimeLimit::seconds());
            dialog->setIntValue(seconds);
            accept ? dialog->accept() : dialog->reject();
        });
    };
    QVERIFY(bar.timeLimitAction()->toolTip().contains(QLatin1String("10 min")));
    answer(90, true);
    bar.timeLimitAction()->trigger();
    QCOMPARE(AnalysisTimeLimit::seconds(), 90);
    QVERIFY2(
        bar.timeLimitAction()->toolTip().contains(QLatin1String("90 s")), qPrintable(bar.timeLimitAction()->toolTip()));
    answer(5, false);
    bar.timeLimitAction()->trigger();
    QCOMPARE(AnalysisTimeLimit::seconds(), 90);
    answer(0, true);
    bar.timeLimitAction()->trigger();
    QCOMPARE(AnalysisTimeLimit::seconds(), 0);
    QVERIFY(bar.timeLimitAction()->toolTip().contains(QLatin1String("no limit")));
    // Another bar (the next start of the app) reads the same setting.
    QVERIFY(AnalysisBar(&toolchains).timeLimitAction()->toolTip().contains(QLatin1String("no limit")));
}

void TestFaultyToolchain::fault_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<Stop>("stop");
    QTest::addColumn<int>("timeLimit"); // seconds; 0: the default
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("message"); // each part appears in the status bar message

    QTest::newRow("exits with status 2") << Fault::ExitStatus2 << Stop::None << 0 << QStringLiteral("toolchain failed")
                                         << QStringList { QStringLiteral("go build exited with status 2"),
                                                QStringLiteral("go: injected failure: cannot run the compiler") };
    QTest::newRow("hangs, cancelled") << Fault::Hang << Stop::Cancel << 0 << QStringLiteral("cancelled")
                                      << QStringList { QStringLiteral("Analysis cancelled") };
    QTest::newRow("hangs, time limit") << Fault::Hang << Stop::TimeLimit << 2 << QStringLiteral("timed out")
                                       << QStringList { QStringLiteral("timed out after 2 s — killed") };
    QTest::newRow("prints 100 MB") << Fault::Flood << Stop::None << 0 << QStringLiteral("ok")
                                   << QStringList { QStringLiteral("1000000 line(s) not understood") };
    // Stopped while (or after) printing: what it printed is parsed off the GUI thread too.
    QTest::newRow("prints 100 MB, then hangs, time limit")
        << Fault::FloodThenHang << Stop::TimeLimit << 4 << QStringLiteral("timed out")
        << QStringList { QStringLiteral("timed out after 4 s — killed") };
    QTest::newRow("deleted after discovery")
        << Fault::Deleted << Stop::None << 0 << QStringLiteral("toolchain failed")
        << QStringList { QStringLiteral("no longer exists (found at start-up; choose another or rediscover)") };
}

void TestFaultyToolchain::fault()
{
    QFETCH(Fault, fault);
    QFETCH(Stop, stop);
    QFETCH(int, timeLimit);
    QFETCH(QString, state);
    QFETCH(QStringList, message);

    // Each row its own toolchain (a version newer than any real one, so it is the default) and module
    // copy, so no row is answered from the result cache of another.
    const QString dir = m_work.filePath(QStringLiteral("row%1").arg(++m_rows));
    const QString module = dir + QStringLiteral("/escapes");
    const QString go = dir + QStringLiteral("/bin/go");
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/bin")));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const QString recorded = test::sampleReport();
    QVERIFY(writeFakeGo(go, QStringLiteral("go1.99.%1").arg(m_rows), fault, recorded));
    setUserToolchainPaths({ go });
    AnalysisTimeLimit::setSeconds(timeLimit > 0 ? timeLimit : AnalysisTimeLimit::kDefaultSeconds);
    const auto before = test::hashTree(module);

    auto window = test::openModuleForAnalysis(module);
    QVERIFY(window);
    window->resize(1280, 860);
    AnalysisBar* bar = window->analysisBar();
    auto* box = bar->findChild<QComboBox*>(QStringLiteral("toolchainBox"));
    QVERIFY(box);
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i, Qt::ToolTipRole).toString().startsWith(go + QLatin1Char(' ')))
            box->setCurrentIndex(i);
    }
    QVERIFY(bar->selectedToolchain());
    QCOMPARE(bar->selectedToolchain()->goBinary, go);
    // What the window showed before (here the recorded report) must survive a run that fails.
    window->openReport(recorded);
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->report(), 20000);
    const auto shownBefore = window->session()->report();
    if (fault == Fault::Deleted)
        QVERIFY(QFile::remove(go));

    TickWatch ticks;
    QSignalSpy done(bar, &AnalysisBar::analysisFinished);
    QSignalSpy progress(bar, &AnalysisBar::progressChanged);
    QElapsedTimer clock;
    clock.start();
    bar->analyzeAction()->trigger();
    qint64 pgid = 0;
    if (fault == Fault::Hang || fault == Fault::FloodThenHang) {
        // The build is running once its group holds more than go (`go list` is go alone). Latched: the
        // group shrinks to the shell alone between its commands, and QTRY evaluates its condition up to
        // three times in a row (a true, then false, then true reads as a failure).
        bool building = false;
        const auto buildSeen = [&] {
            if (!building) {
                pgid = bar->runner()->processId();
                building = pgid > 0 && test::processesInGroup(pgid).size() >= 2;
            }
            return building;
        };
        QTRY_VERIFY_WITH_TIMEOUT(buildSeen(), 10000);
        QVERIFY(done.isEmpty());
        if (stop == Stop::Cancel) {
            QTest::qWait(200);
            QVERIFY(bar->cancelAction()->isEnabled());
            bar->cancelAction()->trigger();
            QVERIFY(done.size() == 1 || done.wait(1000));
        }
    }
    QVERIFY2(done.size() == 1 || done.wait(60000), "the analysis never finished");
    const qint64 elapsed = clock.elapsed();
    const AnalysisResult result = done.first().at(0).value<AnalysisResult>();
    QCOMPARE(analysisStateName(result.state), state);
    const QString shown = window->reportStatusBar()->currentMessage();
    for (const QString& part : message)
        QVERIFY2(shown.contains(part), qPrintable(shown));
    if (stop == Stop::TimeLimit)
        QVERIFY2(elapsed >= timeLimit * 1000 - 100 && elapsed < timeLimit * 1000 + 8000,
            qPrintable(QString::number(elapsed)));
    if (pgid > 0)
        QTRY_VERIFY_WITH_TIMEOUT(test::processesInGroup(pgid).isEmpty(), 1000);

    const QStringList listed = problems(*window);
    switch (fault) {
    case Fault::ExitStatus2:
        QCOMPARE(listed, message);
        break;
    case Fault::Hang:
        QCOMPARE(listed, QStringList { result.errorText });
        break;
    case Fault::FloodThenHang:
        QCOMPARE(listed, QStringList { result.errorText });
        QVERIFY(result.report); // what it printed before it was killed
        QVERIFY(result.report->stats().totalFindings() > 0);
        // The status bar said so while that was read (on a worker thread, after the kill).
        QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant>& args) {
            return args.at(2).toString().startsWith(
                QLatin1String("Reading what the compiler printed before it was stopped"));
        }));
        break;
    case Fault::Flood: {
        // Every finding of the real output survives the junk after it.
        const QByteArray text = test::readFile(recorded);
        const Report alone
            = EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(alone.stats().totalFindings() > 0);
        QVERIFY(result.report);
        QCOMPARE(result.report->stats().totalFindings(), alone.stats().totalFindings());
        QVERIFY2(shown.contains(QStringLiteral("%1 finding(s)").arg(alone.stats().totalFindings())), qPrintable(shown));
        // The Problems panel lists the first thousand lines and counts the rest.
        QCOMPARE(listed.size(), 1001);
        QCOMPARE(listed.first(), QString(100, QLatin1Char('x')));
        QCOMPARE(listed.last(), QStringLiteral("… and 999000 more lines not shown"));
        QTRY_VERIFY_WITH_TIMEOUT(window->session()->report() != shownBefore, 60000);
        QVERIFY2(window->reportStatusBar()->summary().contains(QLatin1String("1000000 line(s) not understood")),
            qPrintable(window->reportStatusBar()->summary()));
        break;
    }
    case Fault::Deleted:
        QCOMPARE(listed, QStringList { QStringLiteral("the toolchain %1 %2").arg(go, message.first()) });
        break;
    }

    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isBusy(), 60000); // a replacement is indexed first
    if (state == QLatin1String("ok"))
        QVERIFY(window->session()->report() != shownBefore);
    else
        QCOMPARE(window->session()->report(), shownBefore);
    qInfo("longest pause of the GUI thread: %lld ms", static_cast<long long>(ticks.maxGap()));
    QVERIFY2(ticks.maxGap() < 1500, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(ticks.maxGap())));
    QVERIFY(bar->analyzeAction()->isEnabled());
    QVERIFY(!bar->cancelAction()->isEnabled());
    QCOMPARE(test::hashTree(module), before);

    const QString shot = qEnvironmentVariable("HEAPSIGHT_FAULT_SCREENSHOTS");
    if (!shot.isEmpty()) {
        const QString name = QString::fromLatin1(QTest::currentDataTag())
                                 .replace(QLatin1Char(' '), QLatin1Char('-'))
                                 .remove(QLatin1Char(','));
        QVERIFY(window->grab().save(shot + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
}

QTEST_MAIN(TestFaultyToolchain)
#include "tst_faultytoolchain.moc"
