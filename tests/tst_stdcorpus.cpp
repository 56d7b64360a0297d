// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The whole standard library's -m=2 output of one installed toolchain, generated at test time, must
// parse with zero unknown lines, and every family's count must equal an independent grep count of the
// same text. The toolchain comes from HEAPSIGHT_GO; without it the test skips, except under CI where
// a missing toolchain is a failure (CI installs them).
#include "core/io/reportreader.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <map>
#include <tuple>

using namespace heapsight;

class TestStdCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noUnknownLines();
    void everyLineAccountedFor();
    void familyCountsMatchGrep_data();
    void familyCountsMatchGrep();
    void explanationLinesMatchGrep();
    void heapVerdictsAreExplained();
    void blocksExplainTheirOwnVerdict();
    void parallelParseEqualsSequential();

private:
    // Runs `grep -E pattern` over the corpus: {matching lines, distinct matching lines}.
    std::pair<qulonglong, qulonglong> grepCount(const QString& pattern);

    QString m_corpus;
    std::optional<Report> m_report;
};

void TestStdCorpus::initTestCase()
{
    const QString go = qEnvironmentVariable("HEAPSIGHT_GO");
    if (go.isEmpty() || !QFile::exists(go)) {
        if (!qEnvironmentVariable("CI").isEmpty())
            QFAIL(qPrintable(QStringLiteral("toolchain %1 not installed, but CI must run this test").arg(go)));
        QSKIP("HEAPSIGHT_GO does not name an installed go toolchain");
    }
    const QString dir = qEnvironmentVariable("HEAPSIGHT_CORPUS_DIR");
    QVERIFY(!dir.isEmpty());
    QVERIFY(QDir().mkpath(dir));
    const QString tag = QFileInfo(go).absoluteDir().absolutePath().section(QLatin1Char('/'), -2, -2); // go-1.21
    m_corpus = dir + QStringLiteral("/std-%1.m2.txt").arg(tag);

    // Run outside GOROOT so file names are absolute; a per-toolchain GOCACHE makes reruns replay output.
    QProcess go_;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
    env.insert(QStringLiteral("GOFLAGS"), QStringLiteral("-mod=mod"));
    env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
    env.insert(QStringLiteral("GOCACHE"), dir + QStringLiteral("/gocache-") + tag);
    go_.setProcessEnvironment(env);
    go_.setWorkingDirectory(dir);
    go_.setStandardOutputFile(QProcess::nullDevice());
    go_.setStandardErrorFile(m_corpus);
    go_.start(go, { QStringLiteral("build"), QStringLiteral("-gcflags=all=-m=2"), QStringLiteral("std") });
    QVERIFY2(go_.waitForFinished(20 * 60 * 1000), "go build std did not finish in 20 minutes");
    QCOMPARE(go_.exitStatus(), QProcess::NormalExit);
    QCOMPARE(go_.exitCode(), 0);

    QFile file(m_corpus);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.size() > 100'000'000, "the std -m=2 output should be a few hundred MB");
    EscapeParser parser(ReportOrigin { m_corpus.toStdString(), tag.toStdString(), {}, dir.toStdString() });
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(4 << 20);
        parser.feed(std::string_view(chunk.constData(), static_cast<std::size_t>(chunk.size())));
    }
    m_report = parser.finish();
    qInfo("%s: %llu lines, %zu findings, %llu packages", qPrintable(m_corpus),
        static_cast<unsigned long long>(m_report->stats().inputLines), m_report->findings().size(),
        static_cast<unsigned long long>(m_report->stats().packageHeaders));
}

std::pair<qulonglong, qulonglong> TestStdCorpus::grepCount(const QString& pattern)
{
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    sh.setProcessEnvironment(env);
    sh.start(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("grep -E -- \"$1\" \"$2\" | sort | uniq -c | awk '{o+=$1; d++} END {print o+0, d+0}'"),
            QStringLiteral("sh"), pattern, m_corpus });
    if (!sh.waitForFinished(5 * 60 * 1000))
        return { 0, 0 };
    const QList<QByteArray> parts = sh.readAllStandardOutput().trimmed().split(' ');
    if (parts.size() != 2)
        return { 0, 0 };
    return { parts[0].toULongLong(), parts[1].toULongLong() };
}

void TestStdCorpus::noUnknownLines()
{
    const ReportStats& s = m_report->stats();
    for (std::size_t i = 0; i < std::min<std::size_t>(m_report->unknownLines().size(), 5); ++i)
        qWarning("unknown: %s", m_report->unknownLines()[i].text.c_str());
    QCOMPARE(s.unknownLines, 0ull);
    QVERIFY(s.packageHeaders > 200);
}

void TestStdCorpus::everyLineAccountedFor()
{
    const ReportStats& s = m_report->stats();
    std::uint64_t verdicts = 0;
    for (std::uint64_t n : s.occurrences)
        verdicts += n;
    QCOMPARE(
        s.packageHeaders + s.blankLines + s.unknownLines + s.errorLines + s.explanationLines + verdicts, s.inputLines);
}

// Patterns written from the catalogue's family table, independent of the parser's code.
void TestStdCorpus::familyCountsMatchGrep_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("pattern");
    const auto row = [](const char* kind, const char* pattern) {
        QTest::newRow(kind) << QString::fromLatin1(kind) << QString::fromLatin1(pattern);
    };
    // Go 1.26+ prints some verdicts about compiler-made variables (`#next`) with no position at all.
    row("moved", "(^|: )moved to heap: [^ ]+$");
    row("escapes", " escapes to heap$");
    row("noescape", " does not escape$");
    row("leak", ": leaking param: [^ ]+$");
    row("leak-content", ": leaking param content: [^ ]+$");
    row("leak-result", ": leaking param: [^ ]+ to result [^ ]+ level=[0-9]+$");
    row("capture", "capturing by (value|ref): [^ ]+ \\(addr=(true|false) assign=(true|false) width=[0-9]+\\)$");
    row("self-assign", " ignoring self-assignment in ");
    row("unsafe-uintptr", ": assuming [^ ]+ is unsafe uintptr$");
    row("escaping-uintptr", ": marking [^ ]+ as escaping (\\.\\.\\.)?uintptr$");
    row("zero-copy", ": zero-copy string->\\[\\]byte conversion$");
    row("can-inline", "[0-9]: can inline ");
    row("cannot-inline", "[0-9]: cannot inline ");
    row("inline-call", "[0-9]: inlining call to ");
    row("big-function", ": function .+ considered 'big'; reducing max cost of inlinees$");
    row("devirt", "[0-9]: devirtualizing .+ to ");
    row("bce", ": index bounds check elided$");
}

void TestStdCorpus::familyCountsMatchGrep()
{
    QFETCH(QString, kind);
    QFETCH(QString, pattern);
    const auto k = kindFromId(kind.toStdString());
    QVERIFY(k.has_value());
    const auto [lines, distinct] = grepCount(pattern);
    QCOMPARE(qulonglong(m_report->stats().occurrencesOf(*k)), lines);
    QCOMPARE(qulonglong(m_report->stats().distinctOf(*k)), distinct);
}

void TestStdCorpus::explanationLinesMatchGrep()
{
    const auto [lines, distinct]
        = grepCount(QStringLiteral(":(   flow: |     from |   warning: truncated explanation)| escapes to heap( in "
                                   ".+)?:$|: parameter .+ leaks to .+ with derefs=[0-9]+:$"));
    Q_UNUSED(distinct);
    QCOMPARE(qulonglong(m_report->stats().explanationLines), lines);
}

// At -m=2 the compiler explains every heap allocation it reports for a named variable.
void TestStdCorpus::heapVerdictsAreExplained()
{
    std::size_t moved = 0, explained = 0;
    for (const Finding& f : m_report->findings()) {
        if (f.kind != FindingKind::MovedToHeap)
            continue;
        ++moved;
        if (!f.explanations.empty() && !f.explanations.front().flows.empty())
            ++explained;
    }
    QVERIFY(moved > 500);
    QCOMPARE(explained, moved);
}

// Where several blocks and verdicts share a position (inlined calls), each block explains the verdict whose
// subject and kind it proves: a flow from the variable itself (`&x`) explains `moved to heap: x`, a flow from
// `{storage for E}` explains `E escapes to heap`. Checked for every explained heap verdict of the corpus.
void TestStdCorpus::blocksExplainTheirOwnVerdict()
{
    std::size_t checked = 0, shared = 0;
    QStringList wrong;
    using Place = std::tuple<FileId, std::uint32_t, std::uint32_t>;
    std::map<Place, int> blocksAt;
    std::map<std::pair<Place, FindingKind>, int> verdictsAt;
    for (const Finding& f : m_report->findings()) {
        if (f.kind == FindingKind::MovedToHeap || f.kind == FindingKind::EscapesToHeap) {
            const Place at { f.position.file, f.position.line, f.position.column };
            blocksAt[at] += static_cast<int>(f.explanations.size());
            ++verdictsAt[{ at, f.kind }];
        }
    }
    for (const Finding& f : m_report->findings()) {
        if (f.kind != FindingKind::MovedToHeap && f.kind != FindingKind::EscapesToHeap)
            continue;
        const bool many = blocksAt[{ f.position.file, f.position.line, f.position.column }] > 1;
        for (const Explanation& e : f.explanations) {
            if (e.flows.empty())
                continue;
            ++checked;
            shared += many ? 1 : 0;
            const std::string_view source = e.flows.front().source;
            const bool storage = source.starts_with("{storage for ");
            // A moved variable's block starts at the variable; an escaping value's at its storage. The
            // verdict's subject is the block's, or (Go 1.25+) the head of it: `append` of `append(s, v)`.
            const std::string_view blockSubject = e.subject;
            const bool kindRight = f.kind == FindingKind::MovedToHeap ? source == blockSubject : storage;
            // Or the same call with its arguments folded by inlining (`make([]byte, 32768)` of `make([]byte,
            // size)`); or an inlined callee's parameter (`msg`) whose verdict names the argument (`"nil"`),
            // when that verdict is the only one of its kind at the position.
            const std::size_t open = f.subject.view().find('(');
            const bool subjectRight = blockSubject == f.subject
                || (blockSubject.starts_with(f.subject) && blockSubject.size() > f.subject.size()
                    && std::string_view("([{").find(blockSubject[f.subject.size()]) != std::string_view::npos)
                || (open != std::string::npos && open > 0
                    && blockSubject.starts_with(f.subject.view().substr(0, open + 1)))
                || verdictsAt[{ { f.position.file, f.position.line, f.position.column }, f.kind }] == 1;
            if ((!kindRight || !subjectRight) && wrong.size() < 20)
                wrong << QStringLiteral("%1:%2:%3: %4 explained by a block about %5 from %6")
                             .arg(QString::fromStdString(std::string(m_report->fileName(f.position.file))))
                             .arg(f.position.line)
                             .arg(f.position.column)
                             .arg(QString::fromStdString(std::string(f.message)),
                                 QString::fromStdString(std::string(blockSubject)),
                                 QString::fromStdString(std::string(source)));
        }
    }
    qInfo("%zu heap explanations checked, %zu of them at positions with more than one block", checked, shared);
    QVERIFY(checked > 1000);
    QCOMPARE(wrong.join(QLatin1Char('\n')), QString());
}

// The corpus cut into stretches and parsed on two threads gives the same report as the sequential parse
// of initTestCase (fed 4 MiB at a time), and so does readReportFile (the CLI's and GUI's reading, in
// blocks of its own size).
void TestStdCorpus::parallelParseEqualsSequential()
{
    QFile file(m_corpus);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const Report fromMemory
        = parseInParallel(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), {}, 2);
    const ReportRead fromFile = readReportFile(m_corpus);
    QVERIFY2(fromFile.report, qPrintable(fromFile.reason));
    const Report& sequential = *m_report;
    for (const Report* other : { &fromMemory, &*fromFile.report }) {
        QCOMPARE(other->findings().size(), sequential.findings().size());
        QCOMPARE(other->stats().inputLines, sequential.stats().inputLines);
        QCOMPARE(other->stats().explanationLines, sequential.stats().explanationLines);
        QCOMPARE(other->stats().unlinkedExplanations, sequential.stats().unlinkedExplanations);
        QVERIFY(other->stats().distinct == sequential.stats().distinct);
        for (std::size_t i = 0; i < other->findings().size(); ++i) {
            const Finding& p = other->findings()[i];
            const Finding& s = sequential.findings()[i];
            if (p.message != s.message || p.position.line != s.position.line || p.explanations != s.explanations
                || other->fileName(p.position.file) != sequential.fileName(s.position.file)
                || p.occurrences != s.occurrences)
                QFAIL(qPrintable(QStringLiteral("finding %1 differs: %2")
                                     .arg(i)
                                     .arg(QString::fromStdString(std::string(p.message)))));
        }
    }
}

QTEST_GUILESS_MAIN(TestStdCorpus)
#include "tst_stdcorpus.moc"
