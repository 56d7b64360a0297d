// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Go 1.25 changed how the compiler prints its explanations (`X escapes to heap in F:`, `parameter P leaks to LOC
// for F with derefs=N:`, `flow: DST ← SRC:`), and Go 1.26 prints some lines at `<unknown line number>` or with no
// position at all. Checked here on real output recorded with Go 1.21–1.27 (tools/record-go-output):
// - every version's output of samples/escapes is read whole, and each heap verdict the compiler explained has
//   its chain, with the block's function where the compiler names it;
// - where two blocks and two heap verdicts share one position (an inlined helper), each block explains its own
//   verdict (tests/data/modules/twoblocks);
// - output of a later compiler that words things differently again (Go 1.27's output mutated: another arrow,
//   other header tails, a new kind of explanation line) keeps every block with its verdict, counts the lines it
//   did not fully understand and lists each new shape once.
#include "core/io/reportjson.h"
#include "core/model/reportbuilder.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace heapsight;

namespace {

const QString kReports = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/");
const QString kData = QStringLiteral(HEAPSIGHT_TEST_DATA "/");
const QStringList& kVersions = test::goVersions();

// "moved x@./returnaddr.go:7:2 [2 blocks]" for each heap finding, to compare parses of one output.
QStringList explainedHeapFindings(const Report& r)
{
    QStringList out;
    for (const Finding& f : r.findings()) {
        if (!isHeapAllocation(f.kind) && f.kind != FindingKind::LeakingParam
            && f.kind != FindingKind::LeakingParamContent && f.kind != FindingKind::LeakingParamToResult)
            continue;
        std::size_t flows = 0;
        for (const Explanation& e : f.explanations)
            flows += e.flows.size();
        out << QStringLiteral("%1 %2@%3:%4:%5 [%6 blocks, %7 flows]")
                   .arg(QString::fromUtf8(kindId(f.kind).data()), QString::fromStdString(std::string(f.subject)),
                       QString::fromUtf8(r.fileName(f.position.file).data()))
                   .arg(f.position.line)
                   .arg(f.position.column)
                   .arg(f.explanations.size())
                   .arg(flows);
    }
    out.sort();
    return out;
}

const Finding* findingAt(const Report& r, const char* file, std::uint32_t line, std::uint32_t column, FindingKind kind)
{
    const FileId id = r.fileId(file);
    for (std::uint32_t i : r.findingsOnLine(id, line)) {
        const Finding& f = r.findings()[i];
        if (f.position.column == column && f.kind == kind)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestNewGrammar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyVersionReadWhole_data();
    void everyVersionReadWhole();
    void blocksNameTheirFunction();
    void twoBlocksOnePosition_data();
    void twoBlocksOnePosition();
    void laterWordingKeepsBlocks_data();
    void laterWordingKeepsBlocks();
    void unknownPositions();
};

void TestNewGrammar::everyVersionReadWhole_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& v : kVersions) {
        QTest::addRow("go%s -m=2", qPrintable(v)) << kReports + QStringLiteral("escapes-go%1.m2.txt").arg(v);
        QTest::addRow("go%s -m", qPrintable(v)) << kData + QStringLiteral("escapes-go%1.m1.txt").arg(v);
        QTest::addRow("go%s std", qPrintable(v)) << kData + QStringLiteral("std-go%1.m2.txt").arg(v);
    }
}

void TestNewGrammar::everyVersionReadWhole()
{
    QFETCH(QString, file);
    const Report r = test::parseFile(file);
    QVERIFY2(r.stats().inputLines > 10, qPrintable(file));
    QStringList unknown;
    for (const UnknownLine& u : r.unknownLines())
        unknown << QString::fromStdString(u.text);
    QCOMPARE(unknown, QStringList());
    QCOMPARE(r.stats().partlyUnderstoodLines, 0ull);
    // At -m=2 every `moved to heap` comes with the block that says why.
    if (file.endsWith(QLatin1String(".m2.txt"))) {
        QStringList unexplained;
        for (const Finding& f : r.findings()) {
            if (f.kind == FindingKind::MovedToHeap && (f.explanations.empty() || f.explanations.front().flows.empty()))
                unexplained << QString::fromStdString(std::string(f.message));
        }
        QCOMPARE(unexplained, QStringList());
    }
}

void TestNewGrammar::blocksNameTheirFunction()
{
    const Report old = test::parseFile(kReports + QStringLiteral("escapes-go1.24.m2.txt"));
    const Report now = test::parseFile(kReports + QStringLiteral("escapes-go1.27.m2.txt"));
    const Finding* before = findingAt(old, "./returnaddr.go", 7, 2, FindingKind::MovedToHeap);
    const Finding* after = findingAt(now, "./returnaddr.go", 7, 2, FindingKind::MovedToHeap);
    QVERIFY(before && after);
    QCOMPARE(before->explanations.size(), 1u);
    QCOMPARE(after->explanations.size(), 1u);
    QCOMPARE(before->explanations.front().function.view(), std::string_view());
    QCOMPARE(after->explanations.front().function.view(), std::string_view("newCounter"));
    // The arrow is presentation: both read as the same flow.
    QVERIFY(before->explanations.front().flows.size() == after->explanations.front().flows.size());
    QCOMPARE(std::string(after->explanations.front().flows.front().destination), std::string("~r0"));
    QCOMPARE(after->explanations.front().flows.front().derefs, -1);
    const Finding* leak = findingAt(now, "store/store.go", 18, 33, FindingKind::LeakingParam);
    QVERIFY(leak);
    QCOMPARE(leak->explanations.size(), 1u);
    QCOMPARE(leak->explanations.front().function.view(), std::string_view("(*Cache).Put"));
    QCOMPARE(leak->explanations.front().target.view(), std::string_view("{heap}"));
}

void TestNewGrammar::twoBlocksOnePosition_data()
{
    QTest::addColumn<QString>("version");
    for (const char* v : { "1.24", "1.25", "1.26", "1.27" })
        QTest::newRow(v) << QString::fromLatin1(v);
}

// At frame.go:16:7 (stash inlined into Use) the compiler prints two `frame escapes to heap:` blocks, then `moved to
// heap: frame` and `frame escapes to heap`: the block from `&frame` (too large for stack) explains the move, the
// block from `&{storage for frame}` (the interface conversion) the escaping copy.
void TestNewGrammar::twoBlocksOnePosition()
{
    QFETCH(QString, version);
    const Report r = test::parseFile(kData + QStringLiteral("twoblocks-go%1.m2.txt").arg(version));
    const Finding* moved = findingAt(r, "./frame.go", 16, 7, FindingKind::MovedToHeap);
    const Finding* escapes = findingAt(r, "./frame.go", 16, 7, FindingKind::EscapesToHeap);
    QVERIFY(moved && escapes);
    QCOMPARE(moved->explanations.size(), 1u);
    QCOMPARE(escapes->explanations.size(), 1u);
    const FlowEdge& m = moved->explanations.front().flows.front();
    QCOMPARE(std::string(m.source), std::string("frame"));
    QCOMPARE(m.derefs, -1);
    QCOMPARE(std::string(m.steps.front().reason), std::string("too large for stack"));
    const FlowEdge& e = escapes->explanations.front().flows.front();
    QCOMPARE(std::string(e.source), std::string("{storage for frame}"));
    QCOMPARE(std::string(e.steps.front().reason), std::string("spill"));
    QCOMPARE(r.stats().unlinkedExplanations, 0ull);
}

void TestNewGrammar::laterWordingKeepsBlocks_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<int>("shapes"); // distinct unfamiliar shapes the mutation makes
    QTest::newRow("another arrow") << QString::fromUtf8(" \u2190 ") << QString::fromUtf8(" \u21d0 ") << 1;
    QTest::newRow("another escapes header tail")
        << QStringLiteral(" escapes to heap in (.+):$") << QStringLiteral(" escapes to heap inside \\1:") << 1;
    QTest::newRow("another leaks header tail") << QStringLiteral(" leaks to (.+) for (\\S+) with derefs=(\\d+):$")
                                               << QStringLiteral(" leaks to \\1 via \\2 with derefs=\\3:") << 1;
    QTest::newRow("a new explanation line") << QStringLiteral("^(\\S+:\\d+:\\d+:)(   flow: .*)$")
                                            << QStringLiteral("\\1\\2\n\\1   note: this flow is new") << 1;
}

void TestNewGrammar::laterWordingKeepsBlocks()
{
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(int, shapes);
    const QByteArray original = test::readFile(kReports + QStringLiteral("escapes-go1.27.m2.txt"));
    QVERIFY(!original.isEmpty());
    QStringList lines = QString::fromUtf8(original).split(QLatin1Char('\n'));
    const QRegularExpression re(pattern);
    int mutated = 0;
    for (QString& line : lines) {
        const QString before = line;
        line.replace(re, replacement);
        mutated += line != before ? 1 : 0;
    }
    QVERIFY(mutated > 10);
    const QByteArray text = lines.join(QLatin1Char('\n')).toUtf8();
    const Report now = EscapeParser::parse(test::view(original));
    const Report later = EscapeParser::parse(test::view(text));
    QCOMPARE(later.stats().unknownLines, 0ull);
    QVERIFY(later.stats().partlyUnderstoodLines >= std::uint64_t(mutated));
    QCOMPARE(int(later.unfamiliarShapes().size()), shapes);
    std::uint64_t counted = 0;
    for (const UnfamiliarShape& s : later.unfamiliarShapes())
        counted += s.count;
    QCOMPARE(counted, later.stats().partlyUnderstoodLines);
    // Every verdict keeps its blocks (and, where only a word changed, its flows).
    QCOMPARE(explainedHeapFindings(later), explainedHeapFindings(now));
    QCOMPARE(later.stats().unlinkedExplanations, now.stats().unlinkedExplanations);
    // Cut into stretches parsed on threads, the new wording stays with its blocks too (a cut before an
    // unfamiliar indented line once split it from its block: found by fuzz_textparser).
    const std::string whole = reportToJsonText(later);
    for (unsigned workers : { 1u, 2u, 5u })
        QCOMPARE(reportToJsonText(parseInParallel(test::view(text), {}, workers, 0)), whole);
}

// Go 1.26+ prints range-over-func's `#next` at `<unknown line number>`, and some of its verdicts with no position.
void TestNewGrammar::unknownPositions()
{
    const QByteArray text = "# example.com/seq\n"
                            "Value.Comparable capturing by ref: #next (addr=false assign=true width=8)\n"
                            "<unknown line number>: #next escapes to heap in Value.Comparable:\n"
                            "<unknown line number>:   flow: {storage for func literal} \xe2\x86\x90 &#next:\n"
                            "<unknown line number>:     from #next (captured by a closure) at ./value.go:3326:5\n"
                            "<unknown line number>:     from #next (reference) at <unknown line number>\n"
                            "moved to heap: #next\n"
                            "hello from a build script\n";
    const Report r = EscapeParser::parse(test::view(text));
    QCOMPARE(r.stats().unknownLines, 1ull);
    QCOMPARE(r.stats().partlyUnderstoodLines, 0ull);
    const Finding* moved = findingAt(r, "<unknown line number>", 0, 0, FindingKind::MovedToHeap);
    QVERIFY(moved);
    QCOMPARE(moved->subject, std::string("#next"));
    QCOMPARE(moved->explanations.size(), 1u);
    QCOMPARE(moved->explanations.front().flows.front().steps.size(), 2u);
    QVERIFY(findingAt(r, "<unknown line number>", 0, 0, FindingKind::ClosureCapture));
}

QTEST_APPLESS_MAIN(TestNewGrammar)
#include "tst_newgrammar.moc"
