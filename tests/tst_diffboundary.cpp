// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Diffs across the Go 1.25 change of the explanation grammar (`X escapes to heap in F:`, `parameter P leaks
// to LOC for F with derefs=N:`, `←` in flow lines) and the Go 1.27 change of inlined closures' names, on
// real recordings of the same code (the sample module and std packages whose sources are identical in Go
// 1.24-1.27: tools/record-go-output, tools/record-diff-data): where only the spelling changed, nothing is
// `changed`; the compiler's real changes are reported exactly. Then the warnings and exit code 3 of a side
// the parser did not fully understand, end to end through heapsight-cli.
#include "core/diff/reportdiff.h"
#include "core/parse/escapeparser.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace heapsight;

namespace {

// A recording by its path in the source tree: "samples/reports/escapes-go1.24.m2.txt".
QString dataPath(const QString& path)
{
    return QStringLiteral(HEAPSIGHT_SOURCE_DIR "/") + path;
}
QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

// "added escapes ./main.go:23:9 append": what changed, as the diff's text output says it.
QStringList changesOf(const ReportDiff& d)
{
    QStringList out;
    for (const Change& c : d.changes) {
        if (c.type == ChangeType::Unchanged)
            continue;
        out << QStringLiteral("%1 %2 %3:%4:%5 %6")
                   .arg(QLatin1String(changeTypeId(c.type).data()), QLatin1String(kindId(c.kind).data()),
                       QString::fromStdString(c.file))
                   .arg(c.line)
                   .arg(c.column)
                   .arg(QString::fromStdString(c.type == ChangeType::Removed ? c.subjectA : c.subjectB));
    }
    return out;
}

// The prefix of a compiler line, `./main.go:17:15`, and the rest after ": ".
const QRegularExpression positioned(QStringLiteral(R"(^(\S+?:\d+(?::\d+)?): (.*)$)"));

// Compiler output rewritten line by line: `rewrite` returns the lines that replace one (none to drop it).
QByteArray rewritten(const QByteArray& text, const std::function<QStringList(const QString&)>& rewrite)
{
    QByteArray out;
    for (const QByteArray& line : text.split('\n')) {
        for (const QString& l : rewrite(QString::fromUtf8(line)))
            out += l.toUtf8() + '\n';
    }
    out.chop(1);
    return out;
}

// Go 1.24 output spelled in Go 1.25's grammar: the function named in every header (one made-up name: it
// must not matter), `←` for `=` in flow lines. What the compiler says is unchanged.
QStringList inNewGrammar(const QString& line)
{
    const QRegularExpressionMatch m = positioned.match(line);
    if (!m.hasMatch())
        return { line };
    QString message = m.captured(2);
    static const QRegularExpression escapes(QStringLiteral(R"(^(.*) escapes to heap:$)"));
    static const QRegularExpression leaks(QStringLiteral(R"(^(parameter \S+ leaks to .*) (with derefs=\d+:)$)"));
    static const QRegularExpression flow(QStringLiteral(R"(^(  flow: .*?) = (.*)$)"));
    if (const auto e = escapes.match(message); e.hasMatch())
        message = e.captured(1) + QStringLiteral(" escapes to heap in (*T).f.func1:");
    else if (const auto l = leaks.match(message); l.hasMatch())
        message = l.captured(1) + QStringLiteral(" for (*T).f.func1 ") + l.captured(2);
    else if (const auto f = flow.match(message); f.hasMatch())
        message = f.captured(1) + QStringLiteral(" ← ") + f.captured(2);
    return { m.captured(1) + QStringLiteral(": ") + message };
}

bool isExplanationLine(const QString& message)
{
    static const QRegularExpression header(
        QStringLiteral(R"(^(.* escapes to heap( in .+)?|parameter \S+ leaks to .* with derefs=\d+):$)"));
    return message.startsWith(QLatin1String("  ")) || header.match(message).hasMatch();
}

// -m output from -m=2 output: the verdicts without their explanations.
QStringList withoutExplanations(const QString& line)
{
    const QRegularExpressionMatch m = positioned.match(line);
    if (m.hasMatch() && isExplanationLine(m.captured(2)))
        return {};
    return { line };
}

// After every flow line, a step of a shape no compiler printed yet: the blocks become partly understood.
QStringList withUnfamiliarSteps(const QString& line)
{
    const QRegularExpressionMatch m = positioned.match(line);
    if (!m.hasMatch() || !m.captured(2).startsWith(QLatin1String("  flow: ")))
        return { line };
    return { line, m.captured(1) + QStringLiteral(":     via x (a reason of tomorrow) at ") + m.captured(1) };
}

// A copy of a recorded output in `dir` with a line appended that no compiler prints.
QString withUnknownLine(const QTemporaryDir& dir, const QString& recording)
{
    const QString path = dir.filePath(QStringLiteral("unknown-") + QFileInfo(recording).fileName());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(test::readFile(dataPath(recording)));
    out.write("./main.go:99:1: frobnicated by the compiler of tomorrow\n");
    return path;
}

// A copy of a recorded output in `dir` whose explanation blocks hold steps of an unfamiliar shape.
QString withPartlyUnderstoodBlocks(const QTemporaryDir& dir, const QString& recording)
{
    const QString path = dir.filePath(QStringLiteral("partly-") + QFileInfo(recording).fileName());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(rewritten(test::readFile(dataPath(recording)), withUnfamiliarSteps));
    return path;
}

QJsonArray invocationsOf(const QJsonObject& sarif)
{
    return sarif.value(QStringLiteral("runs"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("invocations"))
        .toArray();
}

} // namespace

class TestDiffBoundary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordedPairs_data();
    void recordedPairs();
    void spellingAlone_data();
    void spellingAlone();
    void sideNotUnderstood_data();
    void sideNotUnderstood();
    void checkNotUnderstood_data();
    void checkNotUnderstood();
    void baselineSaveWarns();

private:
    test::CliOutcome cli(const QStringList& args) { return test::runCli(QStringLiteral(HEAPSIGHT_CLI), args); }

    QTemporaryDir m_dir;
};

void TestDiffBoundary::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDiffBoundary::recordedPairs_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QStringList>("expected");
    // Only names changed: Go 1.27 names a closure inlined into main after the function that holds it.
    QTest::newRow("escapes 1.26 → 1.27") << "samples/reports/escapes-go1.26.m2.txt"
                                         << "samples/reports/escapes-go1.27.m2.txt" << QStringList {};
    // The grammar changed, and the compiler: a make of non-constant size may stay on the stack (dynsize.go,
    // and main.go:18:34 where squares(10) is inlined), Go 1.25 reports the backing store of `append`,
    // explains the loop's results slice by the closure that captures it, and no longer explains a leak of
    // dst with derefs=2 (its verdict, leaking param content, is the same).
    const QStringList escapes125 {
        QStringLiteral("changed leak-content ./appendptr.go:11:10 dst"),
        QStringLiteral("added escapes ./appendptr.go:12:15 append"),
        QStringLiteral("added escapes ./appendptr.go:18:6 append"),
        QStringLiteral("removed escapes ./dynsize.go:7:11 make([]int, n)"),
        QStringLiteral("added noescape ./dynsize.go:7:11 make([]int, n)"),
        QStringLiteral("added escapes ./generics.go:15:6 append"),
        QStringLiteral("added escapes ./generics.go:16:18 append"),
        QStringLiteral("changed escapes ./loopvar.go:11:17 make([]int, n)"),
        QStringLiteral("added escapes ./loopvar.go:30:15 append"),
        QStringLiteral("added noescape ./main.go:15:50 append"),
        QStringLiteral("removed escapes ./main.go:18:34 make([]int, n)"),
        QStringLiteral("added noescape ./main.go:18:34 make([]int, 10)"),
        QStringLiteral("added escapes ./main.go:18:51 append"),
        QStringLiteral("added escapes ./main.go:23:9 append"),
    };
    QTest::newRow("escapes 1.24 → 1.25") << "samples/reports/escapes-go1.24.m2.txt"
                                         << "samples/reports/escapes-go1.25.m2.txt" << escapes125;
    // reflect.go's kindOf: Go 1.26's reflect (its source changed) no longer inlines Kind.String into it,
    // and abi's IfaceIndir became IsDirectIface.
    const QStringList reflect126 {
        QStringLiteral("added inline-call ./reflect.go:9:24 abi.(*Type).IsDirectIface"),
        QStringLiteral("removed inline-call ./reflect.go:9:24 abi.(*Type).IfaceIndir"),
        QStringLiteral("removed escapes ./reflect.go:9:41 \"kind\" + ~r0"),
        QStringLiteral("removed inline-call ./reflect.go:9:41 reflect.Kind.String"),
        QStringLiteral("removed inline-call ./reflect.go:9:41 strconv.Itoa"),
    };
    QTest::newRow("escapes 1.25 → 1.26") << "samples/reports/escapes-go1.25.m2.txt"
                                         << "samples/reports/escapes-go1.26.m2.txt" << reflect126;
    QTest::newRow("escapes 1.24 → 1.27") << "samples/reports/escapes-go1.24.m2.txt"
                                         << "samples/reports/escapes-go1.27.m2.txt" << escapes125 + reflect126;
    // Identical std sources (container/ring, container/list, text/tabwriter): Go 1.25 takes other paths to
    // the same leaks (inlining differs), explains one more leak of tabwriter's b (derefs=2), sees the make of
    // addLine escape by its assignment only, and reports the backing stores of tabwriter's appends.
    QTest::newRow("std 1.24 → 1.25")
        << "tests/data/std-go1.24.m2.txt"
        << "tests/data/std-go1.25.m2.txt"
        << QStringList {
               QStringLiteral("changed leak $GOROOT/src/container/list/list.go:144:7 l"),
               QStringLiteral("changed leak $GOROOT/src/container/list/list.go:150:7 l"),
               QStringLiteral("changed leak $GOROOT/src/container/list/list.go:221:7 l"),
               QStringLiteral("changed leak $GOROOT/src/container/list/list.go:230:7 l"),
               QStringLiteral("changed leak $GOROOT/src/container/ring/ring.go:90:7 r"),
               QStringLiteral("changed leak $GOROOT/src/container/ring/ring.go:107:7 r"),
               QStringLiteral("changed leak $GOROOT/src/container/ring/ring.go:129:7 r"),
               QStringLiteral("changed leak-content $GOROOT/src/text/tabwriter/tabwriter.go:111:7 b"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:119:19 append"),
               QStringLiteral("changed escapes $GOROOT/src/text/tabwriter/tabwriter.go:129:24 make([]cell, 0, prev)"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:399:20 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:411:16 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:465:16 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:510:18 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:534:13 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:537:30 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:557:13 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:569:14 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:584:13 append"),
               QStringLiteral("added escapes $GOROOT/src/text/tabwriter/tabwriter.go:592:10 append"),
           };
    QTest::newRow("std 1.25 → 1.27") << "tests/data/std-go1.25.m2.txt"
                                     << "tests/data/std-go1.27.m2.txt" << QStringList {};
    // encoding/ascii85: across the grammar change nothing else changed.
    QTest::newRow("ascii85 1.24 → 1.25") << "tests/data/ascii85-go1.24.m2.txt"
                                         << "tests/data/ascii85-go1.25.m2.txt" << QStringList {};
    // Go 1.26 inlines strconv.FormatInt into CorruptInputError.Error: the escaping concatenation is spelled
    // with ~r0 instead of the call, in its verdict and in its explanation's storage, and is the same finding.
    QTest::newRow("ascii85 1.25 → 1.26")
        << "tests/data/ascii85-go1.25.m2.txt"
        << "tests/data/ascii85-go1.26.m2.txt"
        << QStringList {
               QStringLiteral("added inline-call $GOROOT/src/encoding/ascii85/ascii85.go:170:66 strconv.FormatInt"),
               QStringLiteral("added inline-call <autogenerated>:1:0 strconv.FormatInt"),
           };
    // Go 1.27 names the generated equality function of ascii85's encoder by its memory layout (two
    // interfaces, 4 bytes compared, 4 skipped, 1032 compared), so types of one layout can share it.
    QTest::newRow("ascii85 1.26 → 1.27")
        << "tests/data/ascii85-go1.26.m2.txt"
        << "tests/data/ascii85-go1.27.m2.txt"
        << QStringList {
               QStringLiteral("added cannot-inline <autogenerated>:1:0 type..eq.IIM4K4M1032"),
               QStringLiteral("removed cannot-inline <autogenerated>:1:0 type..eq.encoding/ascii85.encoder"),
           };
}

void TestDiffBoundary::recordedPairs()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QStringList, expected);
    const Report ra = test::parseFile(dataPath(a)), rb = test::parseFile(dataPath(b));
    QVERIFY(!ra.findings().empty() && !rb.findings().empty());
    QCOMPARE(ra.stats().unknownLines + rb.stats().unknownLines, 0ull);
    const ReportDiff d = diffReports(ra, rb);
    QCOMPARE(changesOf(d), expected);
    // A finding explained on one side only is not changed (in these recordings every pair of heap and leak
    // verdicts is explained on both sides or neither; spellingAlone drops explanations on purpose).
    for (const Change& c : d.changes) {
        if (c.type != ChangeType::Unchanged && c.type != ChangeType::Changed)
            continue;
        const Finding& fa = ra.findings()[static_cast<std::size_t>(c.indexA)];
        const Finding& fb = rb.findings()[static_cast<std::size_t>(c.indexB)];
        if (fa.explanations.empty() != fb.explanations.empty())
            QCOMPARE(c.type, ChangeType::Unchanged);
    }
}

void TestDiffBoundary::spellingAlone_data()
{
    QTest::addColumn<QString>("recording");
    QTest::addColumn<QString>("respelling");
    for (const char* r : { "samples/reports/escapes-go1.24.m2.txt", "tests/data/std-go1.24.m2.txt" })
        QTest::newRow(qPrintable(QStringLiteral("%1 in the 1.25 grammar").arg(QLatin1String(r)))) << r << "new grammar";
    for (const char* r : { "samples/reports/escapes-go1.27.m2.txt", "tests/data/std-go1.25.m2.txt" }) {
        QTest::newRow(qPrintable(QStringLiteral("%1 without explanations").arg(QLatin1String(r))))
            << r << "no explanations";
        QTest::newRow(qPrintable(QStringLiteral("%1 with unfamiliar steps").arg(QLatin1String(r))))
            << r << "unfamiliar steps";
    }
}

// One recording against itself spelled differently: the grammar of another version, -m instead of -m=2
// (explanations on one side only), steps the parser keeps only as raw text. Nothing is added, removed or
// changed, in either direction.
void TestDiffBoundary::spellingAlone()
{
    QFETCH(QString, recording);
    QFETCH(QString, respelling);
    const QByteArray text = test::readFile(dataPath(recording));
    QVERIFY(!text.isEmpty());
    const auto rewrite = respelling == QLatin1String("new grammar") ? inNewGrammar
        : respelling == QLatin1String("no explanations")            ? withoutExplanations
                                                                    : withUnfamiliarSteps;
    const QByteArray other = rewritten(text, rewrite);
    QVERIFY(other != text);
    const Report original = EscapeParser::parse(test::view(text));
    const Report respelled = EscapeParser::parse(test::view(other));
    QCOMPARE(respelled.findings().size(), original.findings().size());
    QCOMPARE(respelled.stats().unknownLines, 0ull);
    if (respelling == QLatin1String("unfamiliar steps"))
        QVERIFY(respelled.stats().partlyUnderstoodLines > 0);
    for (const auto& [x, y] : { std::pair { &original, &respelled }, std::pair { &respelled, &original } }) {
        const ReportDiff d = diffReports(*x, *y);
        QCOMPARE(changesOf(d), QStringList {});
        QCOMPARE(d.total.unchanged, static_cast<std::uint64_t>(original.findings().size()));
    }
}

void TestDiffBoundary::sideNotUnderstood_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("damage"); // "unknown line" or "partly understood", done to `damaged`
    QTest::addColumn<QString>("damaged"); // "A" or "B"
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("verdict"); // the exit code of --fail-on new-heap --allow-unknown
    // 1.26 → 1.27 has no new heap allocation: a silent pass is refused; 1.24 → 1.25 has seven: so is a fail.
    QTest::newRow("unknown line in B, would pass") << "samples/reports/escapes-go1.26.m2.txt"
                                                   << "samples/reports/escapes-go1.27.m2.txt"
                                                   << "unknown line"
                                                   << "B"
                                                   << "side B not fully understood: 1 line not understood" << 0;
    QTest::newRow("unknown line in B, would fail") << "samples/reports/escapes-go1.24.m2.txt"
                                                   << "samples/reports/escapes-go1.25.m2.txt"
                                                   << "unknown line"
                                                   << "B"
                                                   << "side B not fully understood: 1 line not understood" << 1;
    QTest::newRow("unknown line in A") << "samples/reports/escapes-go1.26.m2.txt"
                                       << "samples/reports/escapes-go1.27.m2.txt"
                                       << "unknown line"
                                       << "A"
                                       << "side A not fully understood: 1 line not understood" << 0;
    QTest::newRow("partly understood B") << "tests/data/std-go1.24.m2.txt"
                                         << "tests/data/std-go1.25.m2.txt"
                                         << "partly understood"
                                         << "B"
                                         << "side B not fully understood: %1 explanation lines only partly understood"
                                         << 1;
}

void TestDiffBoundary::sideNotUnderstood()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, damage);
    QFETCH(QString, damaged);
    QFETCH(QString, warning);
    QFETCH(int, verdict);
    const bool inA = damaged == QLatin1String("A");
    const QString recording = inA ? a : b;
    const QString broken = damage == QLatin1String("unknown line") ? withUnknownLine(m_dir, recording)
                                                                   : withPartlyUnderstoodBlocks(m_dir, recording);
    QVERIFY(!broken.isEmpty());
    const QString cleanA = dataPath(a), cleanB = dataPath(b);
    a = inA ? broken : cleanA;
    b = inA ? cleanB : broken;
    if (warning.contains(QLatin1String("%1"))) {
        const Report r = test::parseFile(broken);
        QVERIFY(r.stats().partlyUnderstoodLines > 1);
        warning = warning.arg(r.stats().partlyUnderstoodLines);
    }

    // Without a gate: the diff is made, with the warning in each output and on stderr; exit 0.
    const test::CliOutcome text = cli({ QStringLiteral("diff"), a, b });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.output.contains(utf8(u"\nwarning: " + warning + u"\n")), text.output.constData());
    QVERIFY2(text.errors.contains(utf8(u"heapsight-cli: warning: " + warning)), text.errors.constData());
    const test::CliOutcome json = cli({ QStringLiteral("diff"), a, b, QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json.value(QStringLiteral("warnings")).toArray(), QJsonArray { warning });
    const test::CliOutcome sarif = cli({ QStringLiteral("diff"), a, b, QStringLiteral("--sarif") });
    QCOMPARE(sarif.exitCode, 0);
    const QJsonArray invocations = invocationsOf(sarif.json);
    QCOMPARE(invocations.size(), 1);
    QCOMPARE(invocations.at(0).toObject().value(QStringLiteral("executionSuccessful")).toBool(), true);
    const QJsonArray notes = invocations.at(0).toObject().value(QStringLiteral("toolExecutionNotifications")).toArray();
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.at(0).toObject().value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(
        notes.at(0).toObject().value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString(),
        warning);

    // The gate neither passes nor fails on it: exit 3 with the reason, the result still printed.
    const QStringList gate { QStringLiteral("diff"), a, b, QStringLiteral("--fail-on"), QStringLiteral("new-heap") };
    const test::CliOutcome refused = cli(gate + QStringList { QStringLiteral("--sarif") });
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.errors.contains(warning.toUtf8()), refused.errors.constData());
    QCOMPARE(invocationsOf(refused.json).at(0).toObject().value(QStringLiteral("executionSuccessful")).toBool(), false);
    QCOMPARE(cli(gate + QStringList { QStringLiteral("--json") }).exitCode, 3);
    QCOMPARE(cli(gate).exitCode, 3);
    // Told to, it decides on what it understood.
    const test::CliOutcome allowed = cli(gate + QStringList { QStringLiteral("--allow-unknown") });
    QCOMPARE(allowed.exitCode, verdict);
    QVERIFY2(allowed.errors.contains(utf8(u"heapsight-cli: warning: " + warning)), allowed.errors.constData());

    // The undamaged pair: no warning anywhere, and the gate decides.
    const test::CliOutcome plain = cli({ QStringLiteral("diff"), cleanA, cleanB, QStringLiteral("--json"),
        QStringLiteral("--fail-on"), QStringLiteral("new-heap") });
    QCOMPARE(plain.exitCode, verdict);
    QCOMPARE(plain.json.value(QStringLiteral("warnings")).toArray(), QJsonArray {});
    QVERIFY2(!plain.errors.contains("not fully understood"), plain.errors.constData());
}

void TestDiffBoundary::checkNotUnderstood_data()
{
    QTest::addColumn<QString>("analysis"); // checked against a baseline of Go 1.24's
    QTest::addColumn<int>("verdict"); // exit code with --allow-unknown
    QTest::newRow("would pass") << "samples/reports/escapes-go1.24.m2.txt" << 0;
    QTest::newRow("would fail") << "samples/reports/escapes-go1.25.m2.txt" << 1;
}

// `check` on an analysis with a line not understood: exit 3, unless --allow-unknown.
void TestDiffBoundary::checkNotUnderstood()
{
    QFETCH(QString, analysis);
    QFETCH(int, verdict);
    const QString sources = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
    const QString baseline = m_dir.filePath(QStringLiteral("baseline-go1.24.json"));
    const test::CliOutcome saved = cli({ QStringLiteral("baseline"), QStringLiteral("save"),
        dataPath(QStringLiteral("samples/reports/escapes-go1.24.m2.txt")), QStringLiteral("--sources"), sources,
        QStringLiteral("-o"), baseline });
    QVERIFY2(saved.exitCode == 0, saved.errors.constData());
    const QString damaged = withUnknownLine(m_dir, analysis);
    const QString warning = QStringLiteral("the analysis not fully understood: 1 line not understood");
    const QStringList check { QStringLiteral("check"), damaged, QStringLiteral("--sources"), sources,
        QStringLiteral("--baseline"), baseline };

    const test::CliOutcome text = cli(check);
    QCOMPARE(text.exitCode, 3);
    QVERIFY2(text.errors.contains(warning.toUtf8()), text.errors.constData());
    QVERIFY2(text.output.startsWith(utf8(u"warning: " + warning + u"\n")), text.output.constData());
    const test::CliOutcome json = cli(check + QStringList { QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 3);
    QCOMPARE(json.json.value(QStringLiteral("warnings")).toArray(), QJsonArray { warning });
    QCOMPARE(json.json.value(QStringLiteral("failing")).toInt() > 0, verdict == 1);
    const test::CliOutcome sarif = cli(check + QStringList { QStringLiteral("--sarif") });
    QCOMPARE(sarif.exitCode, 3);
    const QJsonObject invocation = invocationsOf(sarif.json).at(0).toObject();
    QCOMPARE(invocation.value(QStringLiteral("executionSuccessful")).toBool(), false);
    QCOMPARE(invocation.value(QStringLiteral("toolExecutionNotifications")).toArray().size(), 1);

    const test::CliOutcome allowed = cli(check + QStringList { QStringLiteral("--allow-unknown") });
    QCOMPARE(allowed.exitCode, verdict);
    QVERIFY2(allowed.errors.contains(utf8(u"heapsight-cli: warning: " + warning)), allowed.errors.constData());
    const test::CliOutcome clean = cli({ QStringLiteral("check"), dataPath(analysis), QStringLiteral("--sources"),
        sources, QStringLiteral("--baseline"), baseline, QStringLiteral("--json") });
    QCOMPARE(clean.exitCode, verdict);
    QCOMPARE(clean.json.value(QStringLiteral("warnings")).toArray(), QJsonArray {});
}

// A baseline of an analysis not fully understood is saved (what was understood is accepted), with a warning.
void TestDiffBoundary::baselineSaveWarns()
{
    const QString baseline = m_dir.filePath(QStringLiteral("baseline-unknown.json"));
    const test::CliOutcome saved = cli({ QStringLiteral("baseline"), QStringLiteral("save"),
        withUnknownLine(m_dir, QStringLiteral("samples/reports/escapes-go1.27.m2.txt")), QStringLiteral("--sources"),
        QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes"), QStringLiteral("-o"), baseline });
    QCOMPARE(saved.exitCode, 0);
    QVERIFY(QFile::exists(baseline));
    QVERIFY2(saved.errors.contains("heapsight-cli: warning: the analysis not fully understood: 1 line not understood"),
        saved.errors.constData());
}

QTEST_GUILESS_MAIN(TestDiffBoundary)
#include "tst_diffboundary.moc"
