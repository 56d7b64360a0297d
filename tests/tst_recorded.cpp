// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Properties that hold for every recorded compiler output in tests/data and samples/reports: nothing is
// left unknown, every line is accounted for, chunked (streamed) parsing equals one-shot parsing, and
// the report survives a JSON round trip unchanged.
#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

using namespace heapsight;

class TestRecorded : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyLineUnderstood_data();
    void everyLineUnderstood();
    void streamingEqualsOneShot_data() { everyLineUnderstood_data(); }
    void streamingEqualsOneShot();
    void parallelEqualsSequential_data() { everyLineUnderstood_data(); }
    void parallelEqualsSequential();
    void jsonRoundTrip_data() { everyLineUnderstood_data(); }
    void jsonRoundTrip();
    void futureSchemaRefused();
};

namespace {

using test::view;

} // namespace

void TestRecorded::everyLineUnderstood_data()
{
    QTest::addColumn<QString>("path");
    int rows = 0;
    for (const QString& dir :
        { QStringLiteral(HEAPSIGHT_TEST_DATA), QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports") }) {
        const QStringList files = QDir(dir).entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name);
        for (const QString& f : files) {
            // broken-*: failing builds on purpose, whose compiler errors are go's errors, not unknown lines.
            QTest::newRow(qPrintable(f)) << QDir(dir).filePath(f);
            ++rows;
        }
    }
    QVERIFY2(rows >= 10, "tests/data and samples/reports should hold the recorded outputs (tools/record-go-output)");
}

void TestRecorded::everyLineUnderstood()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    QVERIFY(!text.isEmpty());
    const Report r = EscapeParser::parse(view(text));
    for (const UnknownLine& u : r.unknownLines())
        qWarning("line %llu (%s): %s", static_cast<unsigned long long>(u.lineNumber), u.why.c_str(), u.text.c_str());
    QCOMPARE(r.stats().unknownLines, 0ull);
    QCOMPARE(r.stats().inputLines, static_cast<std::uint64_t>(text.count('\n')));
    std::uint64_t verdicts = 0;
    for (std::uint64_t n : r.stats().occurrences)
        verdicts += n;
    const ReportStats& s = r.stats();
    QCOMPARE(s.packageHeaders + s.blankLines + s.explanationLines + s.errorLines + verdicts, s.inputLines);
    QCOMPARE(s.errorLines > 0, QFileInfo(path).fileName().startsWith(QLatin1String("broken-")));
    QVERIFY(!r.findings().empty());
}

void TestRecorded::streamingEqualsOneShot()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    const std::string whole = reportToJsonText(EscapeParser::parse(view(text)));
    QRandomGenerator random(42); // fixed seed: a failure reproduces
    EscapeParser parser;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype n = std::min<qsizetype>(text.size() - at, 1 + random.bounded(200));
        parser.feed(view(text).substr(static_cast<std::size_t>(at), static_cast<std::size_t>(n)));
        at += n;
    }
    QVERIFY(reportToJsonText(parser.finish()) == whole);
}

void TestRecorded::parallelEqualsSequential()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    const std::string sequential = reportToJsonText(EscapeParser::parse(view(text)));
    // Many stretches: cuts fall inside packages and between blocks and the verdicts they explain.
    for (unsigned threads : { 2u, 3u, 4u, 7u, 16u, 29u, 64u })
        QVERIFY2(reportToJsonText(parseInParallel(view(text), {}, threads, 0)) == sequential,
            qPrintable(QString::number(threads)));
}

void TestRecorded::jsonRoundTrip()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    const Report original
        = EscapeParser::parse(view(text), ReportOrigin { path.toStdString(), "go1.22.12", "1.21", "/m" });
    const std::string json = reportToJsonText(original);
    std::string error;
    const auto back = reportFromJsonText(json, &error);
    QVERIFY2(back.has_value(), error.c_str());
    QVERIFY(reportToJsonText(*back) == json);
    QCOMPARE(back->findings().size(), original.findings().size());
    QCOMPARE(back->stats().inputLines, original.stats().inputLines);
}

void TestRecorded::futureSchemaRefused()
{
    std::string error;
    const auto r = reportFromJsonText(
        R"({"schema":"heapsight-report","schemaVersion":99,"origin":{},"packages":[],"findings":[]})", &error);
    QVERIFY(!r.has_value());
    QVERIFY2(error.find("newer") != std::string::npos, error.c_str());
    QVERIFY(!reportFromJsonText("{\"findings\": [", &error).has_value());
    QVERIFY2(error.starts_with("not valid JSON"), error.c_str());
}

QTEST_APPLESS_MAIN(TestRecorded)
#include "tst_recorded.moc"
