// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Baselines end to end through heapsight-cli: `baseline save` on the sample module analysed by Go 1.22,
// edits as a developer makes them, `check` against the saved file. Moved lines are not new; a new escape
// is, and fails the check only in the chosen packages. Broken baseline files are refused with a reason.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

class TestBaseline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void check_data();
    void check();
    void fromRecordedReport();
    void badBaseline_data();
    void badBaseline();

private:
    test::CliOutcome cli(const QStringList& args) { return test::runCli(QStringLiteral(HEAPSIGHT_CLI), args); }
    // A copy of the sample module and a baseline saved from it, in a fresh directory.
    bool savedBaseline(QString* module, QString* baseline);

    QTemporaryDir m_dir;
    int m_copies = 0;
};

void TestBaseline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserDirs(m_dir);
}

bool TestBaseline::savedBaseline(QString* module, QString* baseline)
{
    const QString dir = m_dir.filePath(QStringLiteral("copy%1").arg(++m_copies));
    *module = dir + QStringLiteral("/mod");
    *baseline = dir + QStringLiteral("/heap-baseline.json");
    if (!test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes"), *module))
        return false;
    const test::CliOutcome o = cli({ QStringLiteral("baseline"), QStringLiteral("save"), *module, QStringLiteral("-o"),
        *baseline, QStringLiteral("--toolchain"), QStringLiteral("1.22") });
    if (o.exitCode != 0)
        qWarning("baseline save: %s", o.errors.constData());
    return o.exitCode == 0 && QFile::exists(*baseline);
}

void TestBaseline::check_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("packages"); // --packages, "" for none
    QTest::addColumn<QString>("expected"); // new heap allocations, "kind subject" joined by "; "
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unchanged") << "none"
                               << ""
                               << "" << 0 << 0;
    QTest::newRow("blank lines atop a file") << "blank lines"
                                             << ""
                                             << "" << 0 << 0;
    QTest::newRow("lines moved in three files") << "lines moved"
                                                << ""
                                                << "" << 0 << 0;
    QTest::newRow("a new escape") << "new escape"
                                  << ""
                                  << "moved n" << 0 << 1;
    QTest::newRow("a new escape in the chosen package") << "new escape"
                                                        << "example.com/escapes"
                                                        << "moved n" << 0 << 1;
    QTest::newRow("a new escape in another package") << "new escape"
                                                     << "example.com/escapes/store/..."
                                                     << "moved n" << 0 << 0;
    QTest::newRow("an allocation spelled anew") << "allocation respelled"
                                                << ""
                                                << "escapes new(int)" << 1 << 1;
}

void TestBaseline::check()
{
    HEAPSIGHT_REQUIRE_GO("1.22");
    QFETCH(QString, edit);
    QFETCH(QString, packages);
    QFETCH(QString, expected);
    QFETCH(int, removed);
    QFETCH(int, exitCode);
    QString module, baseline;
    QVERIFY(savedBaseline(&module, &baseline));
    QVERIFY(test::applySampleEdit(module, edit));
    const auto before = test::hashTree(module);

    QStringList args { QStringLiteral("check"), module, QStringLiteral("--baseline"), baseline,
        QStringLiteral("--toolchain"), QStringLiteral("1.22"), QStringLiteral("--json") };
    if (!packages.isEmpty())
        args << QStringLiteral("--packages") << packages;
    const test::CliOutcome o = cli(args);
    QVERIFY2(o.exitCode == exitCode, o.errors.constData());
    QStringList fresh;
    for (const QJsonValue& v : o.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("change")).toString() == QLatin1String("added"))
            fresh << c.value(QStringLiteral("kind")).toString() + QLatin1Char(' ')
                    + c.value(QStringLiteral("subjectB")).toString();
    }
    QCOMPARE(fresh.join(QStringLiteral("; ")), expected);
    QCOMPARE(o.json.value(QStringLiteral("total")).toObject().value(QStringLiteral("removed")).toInt(), removed);
    QCOMPARE(o.json.value(QStringLiteral("failing")).toInt(), exitCode);
    QCOMPARE(test::hashTree(module), before); // check only reads

    // The same verdict as SARIF results of level note, and as text.
    const test::CliOutcome sarif
        = cli(QStringList(args.begin(), args.end() - (packages.isEmpty() ? 1 : 3)) << QStringLiteral("--sarif"));
    const QJsonArray results = test::sarifResults(sarif.json);
    QCOMPARE(results.size(), expected.isEmpty() ? 0 : 1);
    for (const QJsonValue& r : results)
        QCOMPARE(r.toObject().value(QStringLiteral("level")).toString(), QStringLiteral("note"));
}

void TestBaseline::fromRecordedReport()
{
    // No Go needed: a baseline of the recorded output under Go 1.22 loop semantics, checked against the
    // output under Go 1.21 semantics, where a loop variable moves to the heap again. The new heap
    // allocations are the ones the diff of the two recordings reports.
    const QString reports = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/");
    const QString sources = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
    const QString baseline = m_dir.filePath(QStringLiteral("recorded-baseline.json"));
    const test::CliOutcome saved = cli({ QStringLiteral("baseline"), QStringLiteral("save"),
        reports + QStringLiteral("escapes-go1.22-lang1.22.m2.txt"), QStringLiteral("--sources"), sources,
        QStringLiteral("-o"), baseline });
    QVERIFY2(saved.exitCode == 0, saved.errors.constData());
    const test::CliOutcome same
        = cli({ QStringLiteral("check"), reports + QStringLiteral("escapes-go1.22-lang1.22.m2.txt"),
            QStringLiteral("--sources"), sources, QStringLiteral("--baseline"), baseline, QStringLiteral("--json") });
    QCOMPARE(same.exitCode, 0);
    QCOMPARE(same.json.value(QStringLiteral("newHeapAllocations")).toInt(), 0);
    const test::CliOutcome checked = cli({ QStringLiteral("check"), reports + QStringLiteral("escapes-go1.22.m2.txt"),
        QStringLiteral("--sources"), sources, QStringLiteral("--baseline"), baseline, QStringLiteral("--json") });
    const test::CliOutcome diffed
        = cli({ QStringLiteral("diff"), reports + QStringLiteral("escapes-go1.22-lang1.22.m2.txt"),
            reports + QStringLiteral("escapes-go1.22.m2.txt"), QStringLiteral("--json") });
    QCOMPARE(diffed.exitCode, 0);
    const int expected = diffed.json.value(QStringLiteral("newHeapAllocations")).toInt();
    QCOMPARE(expected, 1);
    QCOMPARE(checked.json.value(QStringLiteral("newHeapAllocations")).toInt(), expected);
    QCOMPARE(checked.exitCode, expected > 0 ? 1 : 0);
}

void TestBaseline::badBaseline_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("moved to heap: x\n") << "not a JSON document";
    QTest::newRow("another schema") << QByteArray(R"({"schema":"heapsight-diff","schemaVersion":1})")
                                    << "not a Heapsight baseline";
    QTest::newRow("newer schema") << QByteArray(
        R"({"schema":"heapsight-baseline","schemaVersion":99,"places":[],"report":{}})")
                                  << "schema version 99 is newer";
    QTest::newRow("no report") << QByteArray(R"({"schema":"heapsight-baseline","schemaVersion":1,"places":[]})")
                               << "without \"report\" and \"places\"";
    QTest::newRow("empty file") << QByteArray() << "not a JSON document";
}

void TestBaseline::badBaseline()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = m_dir.filePath(QStringLiteral("bad.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    const test::CliOutcome o
        = cli({ QStringLiteral("check"), QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt"),
            QStringLiteral("--baseline"), file });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.errors.contains(message.toUtf8()), o.errors.constData());
}

QTEST_GUILESS_MAIN(TestBaseline)
#include "tst_baseline.moc"
