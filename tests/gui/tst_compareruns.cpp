// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The compare view running the compiler itself on both sides, with the real toolchains CI installs: Go 1.21
// against Go 1.22 under go 1.22 language semantics finds the same changes as the comparison of the two
// recorded reports the sample ships (which tst_compareview checks against an independent reading of the
// files), plus the per-iteration loop variables that only a run's JSON logopt files carry, exactly where
// the compiler's own -d=loopvar=2 lines put them; the module tree counts changes per file, the module
// folder stays untouched, and Cancel stops a run at once with nothing left running. A side can also be a
// git commit of the module, matched to the working tree by finding identity.
#include "compare/comparepanel.h"
#include "compare/compareside.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "window/mainwindow.h"

#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

// Each change as "type file:line kind subjectA|subjectB", spelled by the diff engine's own vocabulary.
QSet<QString> changeSet(const Comparison& comparison)
{
    QSet<QString> result;
    for (std::uint32_t row = 0; row < comparison.shown.size(); ++row) {
        const Change& c = comparison.change(row);
        result.insert(QStringLiteral("%1 %2:%3 %4 %5|%6")
                          .arg(QString::fromLatin1(changeTypeId(c.type).data()), QString::fromStdString(c.file))
                          .arg(c.line)
                          .arg(static_cast<int>(c.kind))
                          .arg(QString::fromStdString(c.subjectA), QString::fromStdString(c.subjectB)));
    }
    return result;
}

// "file:line" of the loops whose variables Go 1.22 made per-iteration, from -d=loopvar=2 output: a loop
// inlined elsewhere is reported there too ("(loop inlined into ./main.go:15)").
QSet<QString> perIterationLoops(const QByteArray& report)
{
    static const QRegularExpression line(
        QStringLiteral(
            R"(^(\./[^:]+:\d+):\d+: loop variable \S+ now per-iteration, \S+?(?: \(loop inlined into (\S+)\))?$)"),
        QRegularExpression::MultilineOption);
    QSet<QString> result;
    for (auto it = line.globalMatch(QString::fromUtf8(report)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        result.insert(m.captured(2).isEmpty() ? m.captured(1) : m.captured(2));
    }
    return result;
}

// Changes per file name as the comparison lists them.
QHash<QString, int> changesPerFile(const Comparison& comparison)
{
    QHash<QString, int> result;
    for (std::uint32_t row = 0; row < comparison.shown.size(); ++row)
        ++result[comparison.diskPath(comparison.change(row))];
    return result;
}

} // namespace

class TestCompareRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsMatchRecordings();
    void cancelStopsTheRun();
    void commitAgainstWorkingTree();

private:
    std::shared_ptr<const Comparison> compare(MainWindow& window, const QString& a, const QString& b);

    QTemporaryDir m_work;
};

void TestCompareRuns::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.21");
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_work.isValid());
    test::isolateUserDirs(m_work);
}

std::shared_ptr<const Comparison> TestCompareRuns::compare(MainWindow& window, const QString& a, const QString& b)
{
    QSignalSpy compared(window.comparePanel(), &ComparePanel::comparisonChanged);
    QSignalSpy failed(window.comparePanel(), &ComparePanel::comparisonFailed);
    window.compareReports(a, b);
    if (!compared.wait(5 * 60 * 1000)) {
        qWarning() << "no comparison:" << failed;
        return nullptr;
    }
    return compared.first().at(0).value<std::shared_ptr<const Comparison>>();
}

void TestCompareRuns::runsMatchRecordings()
{
    const QString module = m_work.filePath(QStringLiteral("escapes"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const QMap<QString, QByteArray> before = test::hashTree(module);
    auto window = test::openModuleForAnalysis(module);
    QVERIFY(window);

    const auto runs = compare(*window, QStringLiteral("go1.21"), QStringLiteral("go1.22@1.22"));
    QVERIFY(runs);
    QVERIFY2(runs->a->sourceName().startsWith(QLatin1String("go1.21.")), qPrintable(runs->a->sourceName()));
    QVERIFY2(runs->b->sourceName().contains(QLatin1String("go 1.22 language")), qPrintable(runs->b->sourceName()));
    QVERIFY(window->isComparing());

    // The module tree counts, per file, the changes the list shows.
    const QHash<QString, int> perFile = changesPerFile(*runs);
    const ModuleTreeModel* tree = window->treePanel()->model();
    for (const QString& name :
        { QStringLiteral("loopvar.go"), QStringLiteral("main.go"), QStringLiteral("iface.go") }) {
        const QString path = module + QLatin1Char('/') + name;
        QCOMPARE(tree->indexForPath(path).data(ModuleTreeModel::ChangeCountRole).toInt(), perFile.value(path));
    }
    QVERIFY(perFile.value(module + QStringLiteral("/loopvar.go")) > 0);
    QCOMPARE(tree->index(0, 0).data(ModuleTreeModel::ChangeCountRole).toInt(), static_cast<int>(runs->shown.size()));

    const auto recorded = compare(*window, test::sampleReport(QStringLiteral("escapes-go1.21.m2.txt")),
        test::sampleReport(QStringLiteral("escapes-go1.22-lang1.22.m2.txt")));
    QVERIFY(recorded);
    // A run also reads the JSON logopt files, which name the per-iteration loops the text output leaves out:
    // they are the only difference from the recorded text, each marked as a loop-variable change.
    QSet<QString> loopsInRun;
    QSet<QString> textChanges;
    for (std::uint32_t row = 0; row < runs->shown.size(); ++row) {
        const Change& c = runs->change(row);
        if (c.kind == FindingKind::LoopVariable || c.kind == FindingKind::LoopModified) {
            QCOMPARE(changeTypeId(c.type), std::string_view("added"));
            QVERIFY(c.loopVariable || c.kind == FindingKind::LoopModified);
            loopsInRun.insert(QStringLiteral("%1:%2").arg(QString::fromStdString(c.file)).arg(c.line));
        }
    }
    const QByteArray loopvar
        = test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/escapes-go1.22-lang1.22.loopvar.m2.txt"));
    QCOMPARE(loopsInRun, perIterationLoops(loopvar));
    QSet<QString> withoutLoops = changeSet(*runs);
    for (auto it = withoutLoops.begin(); it != withoutLoops.end();) {
        const bool loop = it->contains(QStringLiteral(" %1 ").arg(static_cast<int>(FindingKind::LoopVariable)))
            || it->contains(QStringLiteral(" %1 ").arg(static_cast<int>(FindingKind::LoopModified)));
        it = loop ? withoutLoops.erase(it) : std::next(it);
    }
    QCOMPARE(withoutLoops, changeSet(*recorded));
    QCOMPARE(test::hashTree(module), before);
}

void TestCompareRuns::cancelStopsTheRun()
{
    const QString module = m_work.filePath(QStringLiteral("cancel"));
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const QMap<QString, QByteArray> before = test::hashTree(module);
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache-cancel")))); // cold: slow
    auto window = test::openModuleForAnalysis(module);
    QVERIFY(window);
    ComparePanel* panel = window->comparePanel();
    QSignalSpy failed(panel, &ComparePanel::comparisonFailed);
    window->compareReports(QStringLiteral("go1.21"), QStringLiteral("go1.22"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->side(false)->runner()->processId() > 0, 20000);
    const qint64 group = panel->side(false)->runner()->processId();
    panel->cancel();
    QCOMPARE(failed.size(), 1);
    QVERIFY(!panel->isBusy());
    QVERIFY(!panel->side(false)->isRunning() && !panel->side(true)->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(test::processesInGroup(group).isEmpty(), 1000);
    QVERIFY(!panel->comparison());
    QCOMPARE(test::hashTree(module), before);
}

// Side A a git commit (exported with git archive), side B the working tree, both Go 1.22: lines moved by an
// edit are no change, a new function's escape is, and the repository is only read.
void TestCompareRuns::commitAgainstWorkingTree()
{
    const QString repo = m_work.filePath(QStringLiteral("repo"));
    const QString module = repo + QStringLiteral("/mod");
    QVERIFY(test::copyTree(test::sampleModule(), module));
    const QStringList identity { QStringLiteral("-c"), QStringLiteral("user.name=Heapsight Test"), QStringLiteral("-c"),
        QStringLiteral("user.email=test@heapsight.invalid") };
    int code = -1;
    for (const QStringList& args : { QStringList { QStringLiteral("init"), QStringLiteral("-q") },
             QStringList { QStringLiteral("add"), QStringLiteral("-A") },
             QStringList {
                 QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("sample") } }) {
        const QByteArray out = test::run(QStringLiteral("git"), identity + args, repo, &code);
        QVERIFY2(code == 0, out.constData());
    }
    QVERIFY(test::applySampleEdit(module, QStringLiteral("blank lines")));
    QVERIFY(test::applySampleEdit(module, QStringLiteral("new escape")));
    const QMap<QString, QByteArray> before = test::hashTree(repo);
    auto window = test::openModuleForAnalysis(module);
    QVERIFY(window);

    const auto commits = compare(*window, QStringLiteral("git:HEAD@go1.22"), QStringLiteral("go1.22"));
    QVERIFY(commits);
    QVERIFY2(commits->a->sourceName().startsWith(QLatin1String("HEAD (")), qPrintable(commits->a->sourceName()));
    QStringList changes;
    for (std::uint32_t row = 0; row < commits->shown.size(); ++row) {
        const Change& c = commits->change(row);
        changes << QStringLiteral("%1 %2 %3")
                       .arg(QString::fromLatin1(changeTypeId(c.type).data()),
                           QString::fromLatin1(kindId(c.kind).data()), QString::fromStdString(c.subjectB));
        QCOMPARE(QString::fromStdString(c.file), QStringLiteral("./main.go"));
    }
    QVERIFY2(changes.contains(QStringLiteral("added moved n")), qPrintable(changes.join(QLatin1String("; "))));
    QCOMPARE(commits->diff.newHeapAllocations().size(), std::size_t(1));
    QCOMPARE(commits->diff.total.removed, 0u);
    QVERIFY(commits->diff.total.unchanged > 100);
    const ModuleTreeModel* tree = window->treePanel()->model();
    QCOMPARE(
        tree->indexForPath(module + QStringLiteral("/loopvar.go")).data(ModuleTreeModel::ChangeCountRole).toInt(), 0);
    QCOMPARE(tree->indexForPath(module + QStringLiteral("/main.go")).data(ModuleTreeModel::ChangeCountRole).toInt(),
        static_cast<int>(commits->shown.size()));
    if (const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); !shot.isEmpty()) {
        window->resize(1400, 900);
        window->show();
        QTest::qWait(300);
        window->grab().save(QString::fromLocal8Bit(shot));
    }
    QCOMPARE(test::hashTree(repo), before);
}

QTEST_MAIN(TestCompareRuns)
#include "tst_compareruns.moc"
