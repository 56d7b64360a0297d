// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The result cache keeps a snapshot of a run's report (entries of earlier builds: its compressed output or
// report JSON); reading an entry gives the report the run gave, and a damaged or cut-short entry is refused
// with the reason and removed. The snapshot itself reads back every recording of tests/data unchanged (dump
// and JSON), and refuses content that is cut short or of another version. No Go needed: the runs are
// recorded ones (tst_analysis covers the runner re-running after a damaged entry).

#include "core/analysis/resultcache.h"
#include "core/io/reportdump.h"
#include "core/io/reportjson.h"
#include "core/io/reportsnapshot.h"
#include "core/io/zstdframe.h"
#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"
#include "core/parse/logoptreader.h"
#include "core/profile/gzipinflate.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

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
    run.report = std::make_shared<const Report>(logoptDir.isEmpty()
            ? EscapeParser::parse(test::view(text), run.origin)
            : mergeLogopt(
                EscapeParser::parse(test::view(text), run.origin), readLogoptDirectory(logoptDir, recordedRoot())));
    return run;
}

std::string dumpOf(const Report& r)
{
    std::ostringstream out;
    writeReportDump(r, out);
    return out.str();
}

// The snapshot's content (uncompressed) of `r`.
std::string snapshotContent(const Report& r)
{
    ZstdFrameWriter out;
    writeReportSnapshot(r, out);
    const std::uint64_t bytes = out.contentBytes();
    const QByteArray frame = out.finish();
    std::string content;
    zstdDecompress(
        test::view(frame), bytes, [&](std::string_view b) { content.append(b); }, nullptr);
    return content;
}

// Reads `content` as a snapshot (compressed first, as an entry holds it).
std::optional<Report> readSnapshot(std::string_view content, std::string* error = nullptr)
{
    ZstdFrameWriter out;
    out.append(content);
    const QByteArray frame = out.finish();
    ZstdFrameReader in(test::view(frame), content.size());
    return readReportSnapshot(in, error);
}

// Everything a report shows: its dump (golden form), its JSON, its per-file index and file lookup.
void verifySame(const Report& got, const Report& expected)
{
    const std::string dump = dumpOf(got), expectedDump = dumpOf(expected);
    QVERIFY2(dump == expectedDump, "the dumps differ");
    QVERIFY(reportToJsonText(got) == reportToJsonText(expected));
    QVERIFY(got.files() == expected.files());
    for (FileId f = 0; f < expected.files().size(); ++f) {
        QCOMPARE(got.fileId(expected.files()[f]), f);
        const auto a = got.findingsInFile(f), b = expected.findingsInFile(f);
        QVERIFY(std::ranges::equal(a, b));
    }
    QVERIFY(got.filesWithFindings() == expected.filesWithFindings());
    QCOMPARE(got.stats().totalFindings(), expected.stats().totalFindings());
    QCOMPARE(got.stats().inputLines, expected.stats().inputLines);
    QCOMPARE(got.stats().unlinkedExplanations, expected.stats().unlinkedExplanations);
    QCOMPARE(got.unfamiliarShapes().size(), expected.unfamiliarShapes().size());
}

// Go 1.27's recorded build of the escapes module, its text merged with its logopt files as analyze does.
std::optional<Report> mergedGo127()
{
    const QString dir = kData + QStringLiteral("/logopt/escapes-go1.27");
    QTemporaryDir unpacked;
    QDirIterator it(dir, { QStringLiteral("*.gz") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const auto bytes = gunzip(test::readFile(path), qsizetype(64) << 20, nullptr);
        const QString target = QDir(unpacked.path()).filePath(QDir(dir).relativeFilePath(path).chopped(3));
        QFile out(target);
        if (!bytes || !QDir().mkpath(QFileInfo(target).path()) || !out.open(QIODevice::WriteOnly)
            || out.write(*bytes) != bytes->size())
            return std::nullopt;
    }
    const auto build = nlohmann::json::parse(test::readFile(dir + QStringLiteral("/build.json")).toStdString());
    const QString root = QString::fromStdString(build.at("workingDirectory").get<std::string>());
    const QByteArray text = test::readFile(unpacked.filePath(QStringLiteral("build.m2.txt")));
    return mergeLogopt(
        EscapeParser::parse(test::view(text)), readLogoptDirectory(unpacked.filePath(QStringLiteral("logopt")), root));
}

// CRC-32 (IEEE 802.3, as zlib's crc32), bit by bit: to write an entry whose checksum is right.
quint32 crc32(const QByteArray& bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
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
    void readsEntriesOfEarlierBuilds_data();
    void readsEntriesOfEarlierBuilds();
    void snapshotReadsBackEveryRecording_data();
    void snapshotReadsBackEveryRecording();
    void snapshotReadsBackMergedReports();
    void snapshotRefusesCutShortContent();
    void snapshotRefusesOtherVersionsAndBuilds();
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
    verifySame(*loaded, expected);
    QCOMPARE(loaded->origin().toolchain, std::string("go1.22.12"));
    QVERIFY(expected.stats().occurrences != ReportStats {}.occurrences);
    QVERIFY2(test::readFile(cache.pathFor(QStringLiteral("k"))).contains("\"report-snapshot\""),
        "a run's entry holds a snapshot of its report");
}

void TestResultCache::readsEntriesOfEarlierBuilds_data()
{
    QTest::addColumn<int>("content");
    QTest::newRow("compiler output") << static_cast<int>(CachedRun::Content::CompilerOutput);
    QTest::newRow("report JSON") << static_cast<int>(CachedRun::Content::ReportJson);
}

void TestResultCache::readsEntriesOfEarlierBuilds()
{
    QFETCH(int, content);
    QTemporaryDir dir;
    const ResultCache cache(dir.path());
    const QByteArray text = test::readFile(kData + QStringLiteral("/std-go1.27.m2.txt"));
    CachedRun run = recordedRun(text, QString());
    run.content = static_cast<CachedRun::Content>(content);
    QVERIFY(cache.store(QStringLiteral("old"), run));
    QString why;
    const auto loaded = cache.load(QStringLiteral("old"), &why);
    QVERIFY2(loaded.has_value(), qPrintable(why));
    verifySame(*loaded, *run.report);
}

void TestResultCache::snapshotReadsBackEveryRecording_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& name : QDir(kData).entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << kData + QLatin1Char('/') + name;
}

void TestResultCache::snapshotReadsBackEveryRecording()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    const Report expected = EscapeParser::parse(test::view(text), ReportOrigin { path.toStdString(), "go", "1", "/" });
    std::string error;
    const auto got = readSnapshot(snapshotContent(expected), &error);
    QVERIFY2(got.has_value(), error.c_str());
    verifySame(*got, expected);
}

void TestResultCache::snapshotReadsBackMergedReports()
{
    const auto go127 = mergedGo127();
    QVERIFY(go127.has_value());
    const Report go122 = *recordedRun(test::readFile(kText), kLogopt).report;
    for (const Report* expected : { &*go127, &go122 }) {
        QVERIFY(std::ranges::any_of(expected->findings(), [](const Finding& f) { return f.sources & FromLogopt; }));
        QVERIFY(std::ranges::any_of(expected->findings(), [](const Finding& f) { return !f.inlineChain.empty(); }));
        std::string error;
        const auto got = readSnapshot(snapshotContent(*expected), &error);
        QVERIFY2(got.has_value(), error.c_str());
        verifySame(*got, *expected);
    }
}

void TestResultCache::snapshotRefusesCutShortContent()
{
    const Report r = test::parseFile(kData + QStringLiteral("/twoblocks-go1.27.m2.txt"));
    const std::string content = snapshotContent(r);
    QVERIFY(content.size() > 1000);
    // Cut anywhere (every 7th byte, and the last): refused, never half read.
    std::vector<std::size_t> cuts;
    for (std::size_t cut = 0; cut < content.size(); cut += 7)
        cuts.push_back(cut);
    cuts.push_back(content.size() - 1);
    for (const std::size_t cut : cuts) {
        std::string error;
        QVERIFY2(!readSnapshot(std::string_view(content).substr(0, cut), &error), qPrintable(QString::number(cut)));
        QVERIFY(!error.empty());
    }
    std::string error;
    QVERIFY(!readSnapshot(content + "x", &error));
    QVERIFY(!error.empty());
    QVERIFY(readSnapshot(content).has_value());
}

void TestResultCache::snapshotRefusesOtherVersionsAndBuilds()
{
    const Report r = test::parseFile(kData + QStringLiteral("/twoblocks-go1.27.m2.txt"));
    const std::string content = snapshotContent(r);
    const auto refused = [&](std::size_t at, const char* reason) {
        std::string changed = content;
        changed[at] = static_cast<char>(changed[at] ^ 0x10);
        std::string error;
        return !readSnapshot(changed, &error) && error.find(reason) != std::string::npos;
    };
    QVERIFY(refused(0, "not a report snapshot"));
    QVERIFY(refused(8, "version"));
    QVERIFY(refused(12, "byte order"));
    QVERIFY(refused(16, "another Heapsight build"));
    QVERIFY(refused(content.size() - 1, "end mark"));

    // A cache entry of another snapshot version is a miss: refused with the reason, removed, run again.
    QTemporaryDir dir;
    const ResultCache cache(dir.path());
    std::string changed = content;
    changed[8] = static_cast<char>(changed[8] + 1);
    CachedRun run;
    run.content = CachedRun::Content::CompilerOutput; // writes the frame as it is: here a changed snapshot
    ZstdFrameWriter frame;
    frame.append(changed);
    run.textBytes = frame.contentBytes();
    run.textFrame = frame.finish();
    QVERIFY(cache.store(QStringLiteral("v"), run));
    QVERIFY(rewrite(cache.pathFor(QStringLiteral("v")), [](QByteArray& b) {
        b.replace("\"compiler-output\"", "\"report-snapshot\""); // as long: the sizes stay right
        qToLittleEndian(crc32(b.mid(16)), b.data() + 12); // and the checksum too, so only the version is wrong
    }));
    QString why;
    QVERIFY(!cache.load(QStringLiteral("v"), &why));
    QVERIFY2(why.contains(QStringLiteral("report snapshot version")), qPrintable(why));
    QVERIFY(!QFileInfo::exists(cache.pathFor(QStringLiteral("v"))));
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
