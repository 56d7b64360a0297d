// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The result cache keeps a run's compressed output (or merged report); reading an entry gives the report the
// run gave, and a damaged or cut-short entry is refused with the reason and removed. No Go needed: the
// runs are recorded ones (tst_analysis covers the runner re-running after a damaged entry).

#include "core/analysis/resultcache.h"
#include "core/io/reportjson.h"
#include "core/io/zstdframe.h"
#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"
#include "core/parse/logoptreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <nlohmann/json.hpp>

using namespace heapsight;

namespace {

const QString kData = QStringLiteral(HEAPSIGHT_TEST_DATA);
const QString kLogopt = kData + QStringLiteral("/logopt-escapes-go1.22-lang1.22");
const QString kText = kData + QStringLiteral("/escapes-go1.22-lang1.22.logopt.m2.txt");

// Where the recorded build ran (its logopt files name absolute paths below it).
QString recordedRoot()
{
    QFile f(kLogopt + QStringLiteral("/main/main.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto header = nlohmann::json::parse(f.readLine().toStdString(), nullptr, false);
    return QFileInfo(QString::fromStdString(header.value("file", std::string()))).path();
}

// The run as the runner hands it to the cache: output compressed in the pieces it arrived in.
CachedRun recordedRun(const QByteArray& text, const QString& logoptDir)
{
    CachedRun run;
    run.origin = ReportOrigin { "go build", "go1.22.12", "1.22", recordedRoot().toStdString() };
    ZstdFrameWriter frame;
    for (qsizetype at = 0; at < text.size(); at += 4096)
        frame.append(test::view(text.mid(at, 4096)));
    run.textBytes = frame.contentBytes();
    run.textFrame = frame.finish();
    if (!logoptDir.isEmpty()) // as the runner does: the merged report
        run.mergedReport = std::make_shared<const Report>(mergeLogopt(
            EscapeParser::parse(test::view(text), run.origin), readLogoptDirectory(logoptDir, recordedRoot())));
    return run;
}

bool rewrite(const QString& path, const std::function<void(QByteArray&)>& change)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = f.readAll();
    f.close();
    change(bytes);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestResultCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!recordedRoot().isEmpty()); }
    void reopensTheReportTheRunGave();
    void reopensTextOnlyRuns();
    void damagedOrCutShortEntriesAreRefused_data();
    void damagedOrCutShortEntriesAreRefused();
};

void TestResultCache::reopensTheReportTheRunGave()
{
    QTemporaryDir dir;
    const ResultCache cache(dir.path());
    const QByteArray text = test::readFile(kText);
    const CachedRun run = recordedRun(text, kLogopt);
    QString error;
    QVERIFY2(cache.store(QStringLiteral("k"), run, &error), qPrintable(error));

    const Report expected
        = mergeLogopt(EscapeParser::parse(test::view(text), run.origin), readLogoptDirectory(kLogopt, recordedRoot()));
    QVERIFY(expected.findings().size() > 50);
    QString why;
    const auto loaded = cache.load(QStringLiteral("k"), &why);
    QVERIFY2(loaded.has_value(), qPrintable(why));
    QVERIFY(reportToJsonText(*loaded) == reportToJsonText(expected));
    QCOMPARE(loaded->origin().toolchain, std::string("go1.22.12"));
}

void TestResultCache::reopensTextOnlyRuns()
{
    QTemporaryDir dir;
    const ResultCache cache(dir.path());
    const QByteArray text = test::readFile(kData + QStringLiteral("/std-go1.27.m2.txt"));
    const CachedRun run = recordedRun(text, QString());
    QVERIFY(cache.store(QStringLiteral("t"), run));
    const auto loaded = cache.load(QStringLiteral("t"));
    QVERIFY(loaded.has_value());
    QVERIFY(reportToJsonText(*loaded) == reportToJsonText(EscapeParser::parse(test::view(text), run.origin)));

    QString why;
    QVERIFY(!cache.load(QStringLiteral("missing"), &why));
    QCOMPARE(why, QStringLiteral("no cached result"));
}

void TestResultCache::damagedOrCutShortEntriesAreRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("byte in the output") << QStringLiteral("flip middle") << QStringLiteral("checksum");
    QTest::newRow("byte in the header") << QStringLiteral("flip header") << QStringLiteral("damaged");
    QTest::newRow("byte in the CRC") << QStringLiteral("flip crc") << QStringLiteral("checksum");
    QTest::newRow("cut in half") << QStringLiteral("half") << QStringLiteral("cut short");
    QTest::newRow("last byte lost") << QStringLiteral("last") << QStringLiteral("cut short");
    QTest::newRow("cut in the header") << QStringLiteral("header") << QStringLiteral("cut short");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("not a cache entry");
    QTest::newRow("bytes appended") << QStringLiteral("append") << QStringLiteral("longer");
}

void TestResultCache::damagedOrCutShortEntriesAreRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const ResultCache cache(dir.path());
    QVERIFY(cache.store(QStringLiteral("k"), recordedRun(test::readFile(kText), kLogopt)));
    const QString path = cache.pathFor(QStringLiteral("k"));
    QVERIFY(rewrite(path, [&](QByteArray& b) {
        if (damage == QLatin1String("flip middle"))
            b[b.size() / 2] = static_cast<char>(b[b.size() / 2] ^ 0x20);
        else if (damage == QLatin1String("flip header"))
            b[20] = static_cast<char>(b[20] ^ 0x01);
        else if (damage == QLatin1String("flip crc"))
            b[13] = static_cast<char>(b[13] ^ 0x01);
        else if (damage == QLatin1String("half"))
            b.truncate(b.size() / 2);
        else if (damage == QLatin1String("last"))
            b.chop(1);
        else if (damage == QLatin1String("header"))
            b.truncate(30);
        else if (damage == QLatin1String("empty"))
            b.clear();
        else
            b.append("more");
    }));
    QString why;
    QVERIFY(!cache.load(QStringLiteral("k"), &why).has_value());
    QVERIFY2(why.contains(reason), qPrintable(why));
    QVERIFY2(!QFileInfo::exists(path), "a damaged entry is removed, to be replaced by the next run");
}

QTEST_APPLESS_MAIN(TestResultCache)
#include "tst_resultcache.moc"
