// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Assertions in Go comments: where each directive style attaches (scanner, no Go needed), which calls the
// call scan sees, and `heapsight-cli assert` end to end on tests/data/modules/assertions with real
// toolchains: exit codes, which assertions break, that each says why with the compiler's chain, in text,
// JSON and SARIF (valid against the SARIF 2.1.0 schema); bad input refused with exit 2. Each Go version
// builds the tiny module once (the text and SARIF runs after the JSON run are served from the result cache).
#include "core/assert/assertdirective.h"
#include "core/assert/assertsources.h"
#include "core/assert/gocallsites.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

class TestAssert : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directives_data();
    void directives();
    void calls_data();
    void calls();
    void module_data();
    void module();
    void withTests();
    void badInput_data();
    void badInput();

private:
    test::CliOutcome cli(const QStringList& args) { return test::runCli(QStringLiteral(HEAPSIGHT_CLI), args); }
    QTemporaryDir m_dir;
};

void TestAssert::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserDirs(m_dir);
}

void TestAssert::directives_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected"); // "line→target check style scope function", or "error line: text"
    const QString header = QStringLiteral("package p\n\n");
    QTest::newRow("trailing") << header + QStringLiteral("func f() {\n\tx := 1 //heapsight:noescape\n\t_ = x\n}\n")
                              << QStringList { QStringLiteral("4→4 noescape heapsight line f") };
    QTest::newRow("above a statement") << header + QStringLiteral("func f() {\n\t//gcassert:bce\n\t_ = x[1]\n}\n")
                                       << QStringList { QStringLiteral("4→5 bce gcassert line f") };
    QTest::newRow("on a function, below its doc comment and a go: directive")
        << header + QStringLiteral("// f adds.\n//\n//heapsight:inline\n//go:nosplit\nfunc f() {\n}\n")
        << QStringList { QStringLiteral("5→7 inline heapsight function f") };
    QTest::newRow("a comma list") << header + QStringLiteral("func f() {\n\t//gcassert:bce,inline\n\tg(x[1])\n}\n")
                                  << QStringList { QStringLiteral("4→5 bce gcassert line f"),
                                         QStringLiteral("4→5 inline gcassert line f") };
    QTest::newRow("go-escape-lint with a comment after it")
        << header + QStringLiteral("func (r *T) m() {\n\tg() //must-inline // hot path\n}\n")
        << QStringList { QStringLiteral("4→4 inline go-escape-lint line (*T).m") };
    QTest::newRow("a directive in a string is none")
        << header + QStringLiteral("var s = \"//heapsight:noescape\"\n") << QStringList {};
    QTest::newRow("an ordinary comment is none")
        << header + QStringLiteral("// heapsight:noescape has a space, no-escape too\nvar s = 1\n") << QStringList {};
    QTest::newRow("unknown entry") << header + QStringLiteral("var s = 1 //heapsight:noinline\n")
                                   << QStringList { QStringLiteral("error 3: unknown directive //heapsight:noinline") };
    QTest::newRow("blank line below") << header + QStringLiteral("//heapsight:noescape\n\nvar s = 1\n")
                                      << QStringList { QStringLiteral(
                                             "error 3: //heapsight:noescape is not directly") };
    QTest::newRow("end of file") << header + QStringLiteral("var s = 1\n\n//no-bounds-check\n")
                                 << QStringList { QStringLiteral("error 5: //no-bounds-check is not directly") };
}

void TestAssert::directives()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const QByteArray bytes = source.toUtf8();
    const DirectiveScan scan = scanAssertDirectives(test::view(bytes), "p.go");
    QStringList got;
    for (const AssertDirective& d : scan.directives) {
        got << QStringLiteral("%1→%2 %3 %4 %5 %6")
                   .arg(d.line)
                   .arg(d.targetLine)
                   .arg(QString::fromUtf8(checkId(d.check)), QString::fromUtf8(styleId(d.style)),
                       d.scope == AssertScope::Function ? QStringLiteral("function") : QStringLiteral("line"),
                       QString::fromStdString(d.function));
    }
    for (const DirectiveError& e : scan.errors)
        got << QStringLiteral("error %1: ").arg(e.line) + QString::fromStdString(e.message);
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        // An error is told by the start of its message; the rest explains what to do.
        if (expected.at(i).startsWith(QLatin1String("error ")))
            QVERIFY2(got.at(i).startsWith(expected.at(i)), qPrintable(got.at(i)));
        else
            QCOMPARE(got.at(i), expected.at(i));
    }
}

void TestAssert::calls_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected"); // "name@line:column" of each `(`
    QTest::newRow("calls and what is not one")
        << QStringLiteral("package p\n\nfunc f(a int) int {\n\treturn g(a) + len(s) + int(a) + x.M(1)\n}\n")
        << QStringLiteral("g@4:10 M@4:37");
    QTest::newRow("declarations, literals, interfaces") << QStringLiteral(
        "package p\n\ntype I interface {\n\tM(x int)\n}\n\nfunc (r T) M(x int) {\n\tgo func() "
        "{}()\n\t_ = \"h(\" + `k(`\n\th(1) // c(\n}\n") << QStringLiteral("h@10:3");
}

void TestAssert::calls()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const QByteArray bytes = source.toUtf8();
    QStringList got;
    for (const GoCallSite& c : scanGoCalls(test::view(bytes)))
        got << QStringLiteral("%1@%2:%3").arg(QString::fromStdString(c.name)).arg(c.line).arg(c.column);
    QCOMPARE(got.join(QLatin1Char(' ')), expected);
}

void TestAssert::module_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("go1.21") << QStringLiteral("1.21");
    QTest::newRow("go1.22") << QStringLiteral("1.22");
    QTest::newRow("go1.27") << QStringLiteral("1.27");
}

void TestAssert::module()
{
    QFETCH(QString, version);
    if (test::installedGo(version).isEmpty()) {
        if (!qEnvironmentVariable("CI").isEmpty())
            QFAIL("CI must have every Debian Go toolchain this test names");
        QSKIP("needs the Debian backports toolchain");
    }
    const QString module = QStringLiteral(HEAPSIGHT_TEST_DATA "/modules/assertions");
    const auto before = test::hashTree(module);
    const QStringList base { QStringLiteral("assert"), module, QStringLiteral("--toolchain"), version };
    const test::CliOutcome json = cli(base + QStringList { QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 1, json.errors.constData());

    // What the module's comments say of each assertion, from the Go semantics they describe: "holds", or
    // each violation's position and message.
    const QStringList expected {
        QStringLiteral("bce.go:11 //heapsight:bce: holds"),
        QStringLiteral("bce.go:16 //gcassert:bce: bce.go:17:10 Found IsInBounds"),
        QStringLiteral("bce.go:22 //no-bounds-check: bce.go:22:17 Found IsInBounds; bce.go:22:32 Found IsInBounds"),
        QStringLiteral("bce.go:28 //no-bounds-check: holds"),
        QStringLiteral("bce.go:33 //heapsight:bce: bce.go:35:10 Found IsSliceInBounds"),
        QStringLiteral("inline.go:8 //heapsight:inline: holds"),
        QStringLiteral("inline.go:15 //gcassert:inline: inline.go:24:11 call of slow in Twice not inlined; "
                       "inline.go:30:13 call of slow in Thrice not inlined"),
        QStringLiteral("inline.go:23 //gcassert:inline: holds"),
        QStringLiteral("inline.go:30 //must-inline: inline.go:30:13 call of slow in Thrice not inlined"),
        QStringLiteral("noescape.go:14 //heapsight:noescape: holds"),
        QStringLiteral("noescape.go:20 //heapsight:noescape: noescape.go:21:2 moved to heap: n"),
        QStringLiteral("noescape.go:27 //heapsight:noescape: holds"),
        QStringLiteral("noescape.go:38 //heapsight:noescape: noescape.go:40:9 s + \"!\" escapes to heap; "
                       "noescape.go:41:9 t escapes to heap"),
        QStringLiteral("noescape.go:46 //no-escape: noescape.go:46:7 &point{...} escapes to heap"),
        QStringLiteral("noescape.go:52 //no-escape: holds"),
        QStringLiteral("noescape.go:59 //gcassert:noescape: noescape.go:60:6 moved to heap: v"),
    };
    QStringList got;
    QStringList reasons; // every violation's reason lines, for the chain checks below
    for (const QJsonValue& value : json.json.value(QStringLiteral("assertions")).toArray()) {
        const QJsonObject a = value.toObject();
        QStringList violations;
        for (const QJsonValue& v : a.value(QStringLiteral("violations")).toArray()) {
            const QJsonObject o = v.toObject();
            violations << QStringLiteral("%1:%2:%3 %4")
                              .arg(o.value(QStringLiteral("file")).toString())
                              .arg(o.value(QStringLiteral("line")).toInt())
                              .arg(o.value(QStringLiteral("column")).toInt())
                              .arg(o.value(QStringLiteral("message")).toString());
            for (const QJsonValue& r : o.value(QStringLiteral("reason")).toArray())
                reasons << r.toString();
        }
        QCOMPARE(a.value(QStringLiteral("holds")).toBool(), violations.isEmpty());
        got << QStringLiteral("%1:%2 %3: %4")
                   .arg(a.value(QStringLiteral("file")).toString())
                   .arg(a.value(QStringLiteral("line")).toInt())
                   .arg(a.value(QStringLiteral("directive")).toString(),
                       violations.isEmpty() ? QStringLiteral("holds") : violations.join(QStringLiteral("; ")));
    }
    QCOMPARE(got, expected);
    QCOMPARE(json.json.value(QStringLiteral("broken")).toInt(), 9);
    // The reasons are the compiler's: the flow that moves n, the interface conversion, why slow is not inlined.
    QVERIFY2(reasons.contains(QStringLiteral("  flow: ~r0 = &n:")), qPrintable(reasons.join(u'\n')));
    QVERIFY(reasons.contains(QStringLiteral("    from &n (address-of) at ./noescape.go:22:9")));
    QVERIFY(reasons.filter(QStringLiteral("(interface-converted)")).size() >= 1);
    QVERIFY(reasons.contains(QStringLiteral("./inline.go:17:6: cannot inline slow: marked go:noinline")));
    QVERIFY(reasons.contains(QStringLiteral("./bce.go:35:10: Found IsSliceInBounds")));

    // The same as text: one line per violation, the reason indented below it (from the result cache).
    const test::CliOutcome text = cli(base);
    QCOMPARE(text.exitCode, 1);
    const QStringList lines = QString::fromUtf8(text.output).split(u'\n');
    const qsizetype leak
        = lines.indexOf(QStringLiteral("noescape.go:21: //heapsight:noescape broken: moved to heap: n"));
    QVERIFY2(leak >= 0, text.output.constData());
    QVERIFY(lines.value(leak + 1).startsWith(QLatin1String("    n escapes to heap")));
    QVERIFY(lines.value(leak + 2).startsWith(QLatin1String("      flow: ")));
    QVERIFY(lines.contains(
        QStringLiteral("inline.go:24: //gcassert:inline on slow broken: call of slow in Twice not inlined")));
    QVERIFY(
        lines.last().isEmpty() && lines.value(lines.size() - 2).startsWith(QLatin1String("16 assertions, 9 broken")));

    // SARIF: one error result per violation, the escape's chain as a code flow.
    const test::CliOutcome sarif = cli(base + QStringList { QStringLiteral("--sarif") });
    QCOMPARE(sarif.exitCode, 1);
    const QJsonArray results = test::sarifResults(sarif.json);
    QCOMPARE(results.size(), 12);
    int flows = 0;
    for (const QJsonValue& r : results)
        flows += r.toObject().contains(QStringLiteral("codeFlows")) ? 1 : 0;
    QCOMPARE(flows, 5); // n, s + "!", t, &point{...}, v
    // Valid SARIF 2.1.0, checked like report SARIF (tst_reportsarif): the official schema, python3-jsonschema.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 (with python3-jsonschema, tools/install-deps) is needed");
    const QString sarifFile = m_dir.filePath(QStringLiteral("assert-go%1.sarif").arg(version));
    QFile written(sarifFile);
    QVERIFY(written.open(QIODevice::WriteOnly) && written.write(sarif.output) == sarif.output.size());
    written.close();
    int status = -1;
    const QByteArray said = test::run(python,
        { QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/validate-sarif.py"),
            QStringLiteral(HEAPSIGHT_TEST_DATA "/sarif/sarif-schema-2.1.0.json"), sarifFile },
        m_dir.path(), &status);
    QVERIFY2(status == 0, said.constData());
    QCOMPARE(test::hashTree(module), before); // assert only reads
}

// _test.go files are read only with --tests (which also compiles them: go test -c, run by hand in the
// report of this change; compiling the testing package from a cold cache takes a minute, too long here).
void TestAssert::withTests()
{
    const QString module = QStringLiteral(HEAPSIGHT_TEST_DATA "/modules/assertions");
    for (const bool tests : { false, true }) {
        const AssertSources read = readAssertSources(module, tests);
        QStringList files;
        for (const AssertSource& s : read.sources)
            files << QString::fromStdString(s.file);
        QCOMPARE(files.contains(QStringLiteral("assertions_test.go")), tests);
        QCOMPARE(read.directiveCount(), std::size_t(tests ? 17 : 16));
        QVERIFY(read.errors.empty());
    }
}

void TestAssert::badInput_data()
{
    QTest::addColumn<QString>("source"); // p.go of a fresh module; empty: no module at all
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // on stderr (exit 2) or stdout (exit 0)
    QTest::newRow("unknown directive") << QStringLiteral("package p\n\nvar X = 1 //gcassert:nobce\n") << 2
                                       << QStringLiteral("p.go:3:11: unknown directive //gcassert:nobce");
    QTest::newRow("directive above nothing") << QStringLiteral("package p\n\n//heapsight:inline\n\nvar X = 1\n") << 2
                                             << QStringLiteral("p.go:3:1: //heapsight:inline is not directly above");
    QTest::newRow("does not compile") << QStringLiteral(
        "package p\n\nfunc F() int {\n\treturn y //heapsight:noescape\n}\n")
                                      << 2 << QStringLiteral("undefined: y");
    QTest::newRow("no module") << QString() << 2 << QStringLiteral("go.mod");
    QTest::newRow("no directive: nothing to build")
        << QStringLiteral("package p\n") << 0 << QStringLiteral("0 assertions, 0 broken");
    QTest::newRow("all hold") << QStringLiteral(
        "package p\n\nfunc F(a int) int {\n\tb := a //no-escape\n\treturn b\n}\n")
                              << 0 << QStringLiteral("1 assertion, 0 broken");
}

void TestAssert::badInput()
{
    QFETCH(QString, source);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString dir = m_dir.filePath(QStringLiteral("bad-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(dir));
    if (!source.isNull()) {
        QFile mod(dir + QStringLiteral("/go.mod"));
        QVERIFY(mod.open(QIODevice::WriteOnly));
        mod.write("module example.com/p\n\ngo 1.21\n");
        QFile go(dir + QStringLiteral("/p.go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.write(source.toUtf8());
    }
    const QString newest
        = test::installedGo(QStringLiteral("1.27")).isEmpty() ? QStringLiteral("1.21") : QStringLiteral("1.27");
    const test::CliOutcome o = cli({ QStringLiteral("assert"), dir, QStringLiteral("--toolchain"), newest });
    QVERIFY2(o.exitCode == exitCode, o.errors.constData());
    QVERIFY2(
        (exitCode == 0 ? o.output : o.errors).contains(message.toUtf8()), QByteArray(o.output + o.errors).constData());
}

QTEST_GUILESS_MAIN(TestAssert)
#include "tst_assert.moc"
