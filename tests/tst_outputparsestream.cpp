// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// OutputParseStream, the parse that runs while go prints: whatever the sizes of the pieces the output
// arrives in, and however they interleave with the worker, the report equals a one-shot parse of the
// whole text (compared as Heapsight report JSON), on every recorded output including failing builds.
#include "core/analysis/outputparsestream.h"
#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using namespace heapsight;

class TestOutputParseStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsOneShot_data();
    void equalsOneShot();
    void emptyOutput();
};

void TestOutputParseStream::equalsOneShot_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("maxPiece"); // pieces of 1…maxPiece bytes, as a pipe hands them over
    QTest::addColumn<bool>("pauses"); // let the worker catch up now and then (else pieces pile up in batches)
    const QDir data(QStringLiteral(HEAPSIGHT_TEST_DATA));
    for (const QString& f : data.entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name)) {
        QTest::addRow("%s, pieces up to 64 KiB", qPrintable(f)) << data.filePath(f) << 65536 << true;
        QTest::addRow("%s, pieces up to 97 bytes", qPrintable(f)) << data.filePath(f) << 97 << false;
    }
}

void TestOutputParseStream::equalsOneShot()
{
    QFETCH(QString, path);
    QFETCH(int, maxPiece);
    QFETCH(bool, pauses);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.isEmpty());

    ReportOrigin origin;
    origin.toolchain = "recorded";
    OutputParseStream stream(origin);
    QRandomGenerator random(42);
    for (qsizetype at = 0; at < text.size();) {
        const qsizetype n = std::min<qsizetype>(1 + random.bounded(maxPiece), text.size() - at);
        stream.append(text.mid(at, n));
        at += n;
        if (pauses && random.bounded(8) == 0)
            QThread::usleep(200);
    }
    QCOMPARE(stream.bytesAppended(), text.size());
    const std::shared_ptr<Report> streamed = stream.finish().result();
    QVERIFY(streamed);
    const Report whole
        = EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), origin);
    QVERIFY(!whole.findings().empty());
    QCOMPARE(streamed->findings().size(), whole.findings().size());
    QCOMPARE(streamed->unknownLines().size(), whole.unknownLines().size());
    QVERIFY(reportToJsonText(*streamed) == reportToJsonText(whole));
}

void TestOutputParseStream::emptyOutput()
{
    OutputParseStream stream({});
    stream.append({});
    const std::shared_ptr<Report> report = stream.finish().result();
    QVERIFY(report);
    QVERIFY(report->findings().empty());
    QVERIFY(report->unknownLines().empty());
}

QTEST_MAIN(TestOutputParseStream)
#include "tst_outputparsestream.moc"
