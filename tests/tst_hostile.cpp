// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Bad input never crashes the parser and never loses what is well formed: each case starts from real
// recorded compiler output and damages it the way files, terminals and build systems do.
#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"
#include "testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace heapsight;

namespace {

QByteArray recorded()
{
    return test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt"));
}

Report parse(const QByteArray& b)
{
    return EscapeParser::parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
}

std::uint64_t verdicts(const Report& r)
{
    std::uint64_t n = 0;
    for (std::uint64_t k : r.stats().occurrences)
        n += k;
    return n;
}

// Every line is a header, a blank, a verdict, an explanation line or an unknown line: none vanishes.
void verifyAccounted(const Report& r)
{
    const ReportStats& s = r.stats();
    QCOMPARE(s.packageHeaders + s.blankLines + s.explanationLines + s.unknownLines + s.errorLines + verdicts(r),
        s.inputLines);
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void truncatedMidBlock();
    void crlfLineEndings();
    void binaryGarbage();
    void hugeSingleLine();
    void nonUtf8Bytes();
    void interleavedPackages();
    void headerWithoutFlowsAndFlowsWithoutHeader();
    void emptyAndWhitespace();
    void damagedOutputParsesAlikeInParallel_data();
    void damagedOutputParsesAlikeInParallel();

private:
    QByteArray m_text;
    Report m_clean = EscapeParser::parse({});
};

void TestHostile::initTestCase()
{
    m_text = recorded();
    QVERIFY(!m_text.isEmpty());
    m_clean = parse(m_text);
    QCOMPARE(m_clean.stats().unknownLines, 0ull);
}

void TestHostile::truncatedMidBlock()
{
    // Cut inside the first explanation block, in the middle of a line.
    const qsizetype flow = m_text.indexOf(":   flow: ");
    QVERIFY(flow > 0);
    const QByteArray cut = m_text.left(flow + 14);
    const Report r = parse(cut);
    verifyAccounted(r);
    QCOMPARE(r.stats().inputLines, static_cast<std::uint64_t>(cut.count('\n') + 1));
    // The open block has no verdict: it is kept as an unlinked explanation, not dropped.
    QVERIFY(r.stats().unlinkedExplanations >= 1);
}

void TestHostile::crlfLineEndings()
{
    QByteArray crlf = m_text;
    crlf.replace("\n", "\r\n");
    const Report r = parse(crlf);
    QCOMPARE(r.stats().unknownLines, 0ull);
    QCOMPARE(r.findings().size(), m_clean.findings().size());
    QCOMPARE(r.stats().explanationLines, m_clean.stats().explanationLines);
}

void TestHostile::binaryGarbage()
{
    QRandomGenerator random(7);
    QByteArray garbage(64 * 1024, '\0');
    for (char& c : garbage)
        c = static_cast<char>(random.bounded(256));
    const Report alone = parse(garbage);
    verifyAccounted(alone);
    QCOMPARE(alone.findings().size(), 0u);
    QVERIFY(alone.stats().unknownLines > 0);
    // Garbage in the middle of real output: the real findings all survive.
    const qsizetype middle = m_text.indexOf("\n# ", m_text.size() / 2);
    const QByteArray mixed = m_text.left(middle + 1) + garbage + '\n' + m_text.mid(middle + 1);
    const Report r = parse(mixed);
    verifyAccounted(r);
    QVERIFY(r.findings().size() >= m_clean.findings().size());
}

void TestHostile::hugeSingleLine()
{
    QByteArray line = "./main.go:1:1: ";
    line += QByteArray(10 * 1024 * 1024, 'x');
    line += " escapes to heap\n";
    const Report r = parse(line + m_text);
    verifyAccounted(r);
    QCOMPARE(r.findings().size(), m_clean.findings().size() + 1);
    QCOMPARE(r.stats().unknownLines, 0ull);
}

void TestHostile::nonUtf8Bytes()
{
    QByteArray bad = m_text;
    bad.replace("./returnaddr.go",
        "./return\xff\xfe"
        "addr.go");
    bad.replace("moved to heap: x", "moved to heap: \xc3\x28");
    const Report r = parse(bad);
    QCOMPARE(r.stats().unknownLines, 0ull);
    QCOMPARE(r.findings().size(), m_clean.findings().size());
}

void TestHostile::interleavedPackages()
{
    // Two builds printing at once: lines of the second package block spliced between the first's.
    const QList<QByteArray> lines = m_text.split('\n');
    QList<QByteArray> a, b;
    bool second = false;
    for (const QByteArray& l : lines) {
        if (l.startsWith("# ") && !a.isEmpty())
            second = true;
        (second ? b : a) << l;
    }
    QVERIFY(!b.isEmpty());
    QByteArray mixed;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i < a.size())
            mixed += a[i] + '\n';
        if (i < b.size())
            mixed += b[i] + '\n';
    }
    const Report r = parse(mixed);
    verifyAccounted(r);
    // Every verdict line is still a finding; broken-up explanation lines are counted, not dropped.
    QCOMPARE(verdicts(r), verdicts(m_clean));
    QVERIFY(r.stats().unknownLines > 0);
}

void TestHostile::headerWithoutFlowsAndFlowsWithoutHeader()
{
    const QByteArray text = "# example.com/m\n"
                            "./a.go:3:2: x escapes to heap:\n"
                            "./a.go:3:2: moved to heap: x\n"
                            "./a.go:7:9:   flow: ~r0 = &y:\n"
                            "./a.go:7:9:     from &y (address-of) at ./a.go:8:9\n"
                            "./a.go:7:9: moved to heap: y\n";
    const Report r = parse(text);
    verifyAccounted(r);
    QCOMPARE(r.findings().size(), 2u);
    QCOMPARE(r.stats().unknownLines, 2ull);
    QCOMPARE(QString::fromStdString(r.unknownLines()[0].why), QStringLiteral("explanation line without its header"));
}

void TestHostile::emptyAndWhitespace()
{
    for (const QByteArray& text :
        { QByteArray(), QByteArray("\n\n\n"), QByteArray("   \t  \n"), QByteArray("#"), QByteArray(":1: x") }) {
        const Report r = parse(text);
        verifyAccounted(r);
        QCOMPARE(r.findings().size(), 0u);
    }
}

void TestHostile::damagedOutputParsesAlikeInParallel_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("clean") << m_text;
    QByteArray crlf = m_text;
    QTest::newRow("crlf") << crlf.replace("\n", "\r\n");
    // A blank line does not end an explanation block, so no stretch may begin at one inside a block.
    QByteArray blanks;
    for (const QByteArray& l : m_text.split('\n'))
        blanks += l + (l.contains(":   flow: ") ? "\n\n" : "\n");
    QTest::newRow("blank lines inside blocks") << blanks;
    QByteArray noHeaders;
    for (const QByteArray& l : m_text.split('\n')) {
        if (!l.startsWith("# "))
            noHeaders += l + '\n';
    }
    QTest::newRow("no package headers") << noHeaders;
    QTest::newRow("no trailing newline") << m_text.chopped(1);
    QRandomGenerator random(11);
    QByteArray shuffled;
    const QList<QByteArray> lines = m_text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        shuffled += lines[random.bounded(lines.size())] + '\n';
    QTest::newRow("lines in random order") << shuffled;
}

// Cut into any number of stretches, damaged output parses exactly as in one piece.
void TestHostile::damagedOutputParsesAlikeInParallel()
{
    QFETCH(QByteArray, text);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    const std::string whole = reportToJsonText(EscapeParser::parse(view));
    for (unsigned threads : { 2u, 3u, 5u, 16u, 64u })
        QVERIFY2(
            reportToJsonText(parseInParallel(view, {}, threads, 0)) == whole, qPrintable(QString::number(threads)));
}

QTEST_APPLESS_MAIN(TestHostile)
#include "tst_hostile.moc"
