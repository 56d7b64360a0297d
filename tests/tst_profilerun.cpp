// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Ranking escapes by real allocations, end to end with a real toolchain: the benchmarks of a copy of
// samples/escapes run under BenchmarkProfiler (go test -memprofile), the same copy is analysed, and
// the top-ranked heap finding must be the heap-finding line that `go tool pprof -top -lines` (Go's own
// aggregation) says allocates the most bytes, with the same bytes and objects.
#include "core/analysis/analysisrunner.h"
#include "core/analysis/benchmarkprofiler.h"
#include "core/model/generatedcode.h"
#include "core/profile/allocationprofile.h"
#include "core/toolchain/toolchaindiscovery.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <tuple>

using namespace heapsight;
using namespace heapsight::test;

namespace {

const QString kSamples = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");

// `go tool pprof -top -lines -unit=B` rows: "file:line" → flat value (bytes or objects).
QMap<QString, qint64> pprofFlatByLine(const QString& go, const QString& profile, const QString& sampleIndex)
{
    int exitCode = -1;
    const QByteArray out = run(go,
        { QStringLiteral("tool"), QStringLiteral("pprof"), QStringLiteral("-top"), QStringLiteral("-lines"),
            QStringLiteral("-nodefraction=0"), QStringLiteral("-nodecount=100000"), QStringLiteral("-unit=B"),
            QStringLiteral("-sample_index=") + sampleIndex, profile },
        QDir::tempPath(), &exitCode);
    QMap<QString, qint64> flat;
    if (exitCode != 0)
        return flat;
    // "  94942471B 89.01% 89.01%  94942471B 89.01%  example.com/escapes.squares /tmp/x/dynsize.go:7 (inline)"
    static const QRegularExpression row(
        QStringLiteral(R"(^\s*(\d+)B?\s+[\d.]+%\s+[\d.]+%\s+\d+B?\s+[\d.]+%\s+\S+ (\S+:\d+)(?: \(inline\))?$)"));
    for (const QString& line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        const auto m = row.match(line);
        if (m.hasMatch())
            flat[m.captured(2)] += m.captured(1).toLongLong();
    }
    return flat;
}

} // namespace

class TestProfileRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void topFindingIsTheHeaviestLine();
    void testsAnalysedWithoutRunning();
    void cancelKillsTestBinary();

private:
    QString m_go;
    Toolchain m_toolchain;
    QTemporaryDir m_work;
};

void TestProfileRun::initTestCase()
{
    for (const QString& minor : { QStringLiteral("1.22"), QStringLiteral("1.23"), QStringLiteral("1.21") }) {
        m_go = installedGo(minor);
        if (!m_go.isEmpty()) {
            const auto found = ToolchainDiscovery::select(
                ToolchainDiscovery::discover(ToolchainDiscovery::Places::fromEnvironment()), minor);
            if (found)
                m_toolchain = *found;
            break;
        }
    }
    if (m_toolchain.goBinary.isEmpty()) {
        if (!qEnvironmentVariable("CI").isEmpty())
            QFAIL("CI must have a Debian Go toolchain installed");
        QSKIP("needs an installed Go toolchain (/usr/lib/go-1.2x/bin/go)");
    }
    QVERIFY(m_work.isValid());
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache"))));
}

void TestProfileRun::topFindingIsTheHeaviestLine()
{
    const QString module = m_work.filePath(QStringLiteral("escapes"));
    QVERIFY(copyTree(kSamples, module));
    const auto before = hashTree(module);

    BenchmarkProfiler profiler;
    QSignalSpy benchmarks(&profiler, &BenchmarkProfiler::benchmarkFinished);
    QSignalSpy profiled(&profiler, &BenchmarkProfiler::finished);
    BenchmarkRequest request;
    request.moduleRoot = module;
    request.toolchain = m_toolchain;
    profiler.start(request);
    QVERIFY(profiled.wait(5 * 60 * 1000));
    const auto result = profiled.takeFirst().at(0).value<BenchmarkResult>();
    QVERIFY2(
        result.state == BenchmarkResult::State::Ok, qPrintable(result.errorText + QLatin1Char('\n') + result.output));
    QVERIFY(result.profile);
    QFile benchSource(module + QStringLiteral("/bench_test.go"));
    QVERIFY(benchSource.open(QIODevice::ReadOnly));
    QCOMPARE(benchmarks.size(), int(benchSource.readAll().count("\nfunc Benchmark"))); // one line per benchmark
    QCOMPARE(hashTree(module), before); // no test binary, no profile, nothing else in the module

    AnalysisRunner analysis;
    analysis.setCache(std::nullopt);
    QSignalSpy analysed(&analysis, &AnalysisRunner::finished);
    AnalysisRequest analysisRequest;
    analysisRequest.directory = module;
    analysisRequest.toolchain = m_toolchain;
    analysis.start(analysisRequest);
    QVERIFY(analysed.wait(5 * 60 * 1000));
    const auto analysisResult = analysed.takeFirst().at(0).value<AnalysisResult>();
    QCOMPARE(analysisStateName(analysisResult.state), QStringLiteral("ok"));
    const Report& report = *analysisResult.report;

    const AllocationProfile allocations = AllocationProfile::attribute(*result.profile, report, module.toStdString());
    const std::vector<std::uint32_t> ranked = allocations.rankedFindings(report);
    QVERIFY(!ranked.empty());
    const Finding& top = report.findings()[ranked.front()];

    // Independently: Go's pprof sums the same profile per line; keep the lines of the module that
    // carry a heap finding and take the heaviest.
    const QString profilePath = m_work.filePath(QStringLiteral("mem.out"));
    QFile saved(profilePath);
    QVERIFY(saved.open(QIODevice::WriteOnly) && saved.write(result.profileData) == result.profileData.size());
    saved.close();
    const QMap<QString, qint64> bytes = pprofFlatByLine(m_go, profilePath, QStringLiteral("alloc_space"));
    const QMap<QString, qint64> objects = pprofFlatByLine(m_go, profilePath, QStringLiteral("alloc_objects"));
    QVERIFY(!bytes.isEmpty());
    QString heaviest;
    for (auto it = bytes.begin(); it != bytes.end(); ++it) {
        if (!it.key().startsWith(module + QLatin1Char('/')))
            continue;
        const QString relative = it.key().mid(module.size() + 1);
        const QString file = relative.section(QLatin1Char(':'), 0, 0);
        const auto line = relative.section(QLatin1Char(':'), 1).toUInt();
        FileId id = report.fileId(QString(QStringLiteral("./") + file).toStdString());
        if (id == NoFile)
            id = report.fileId(file.toStdString());
        bool heapLine = false;
        if (id != NoFile) {
            for (const std::uint32_t i : report.findingsOnLine(id, line))
                heapLine = heapLine || isHeapAllocation(report.findings()[i].kind);
        }
        if (heapLine && (heaviest.isEmpty() || it.value() > bytes.value(heaviest)))
            heaviest = it.key();
    }
    QVERIFY(!heaviest.isEmpty());
    const std::string_view topFile = report.fileName(top.position.file);
    const QString topPlace
        = QDir::cleanPath(module + QLatin1Char('/') + QString::fromUtf8(topFile.data(), qsizetype(topFile.size())))
        + QLatin1Char(':') + QString::number(top.position.line);
    QCOMPARE(topPlace, heaviest);
    QCOMPARE(allocations.forFinding(top)->bytes, bytes.value(heaviest));
    QCOMPARE(allocations.forFinding(top)->objects, objects.value(heaviest));
}

// `analyze --tests`: go test -c compiles the test files too (in this test's build cache, where the benchmarks
// above already compiled the testing packages), runs nothing and writes nothing into the module. The
// module's own files get exactly the findings of a plain analysis; the test files get theirs; the test main
// package's are marked generated.
void TestProfileRun::testsAnalysedWithoutRunning()
{
    const QString module = m_work.filePath(QStringLiteral("escapes-tests"));
    QVERIFY(copyTree(kSamples, module));
    const auto before = hashTree(module);
    const auto analyse = [&](bool tests) {
        AnalysisRunner runner;
        runner.setCache(std::nullopt);
        QSignalSpy finished(&runner, &AnalysisRunner::finished);
        AnalysisRequest request;
        request.directory = module;
        request.toolchain = m_toolchain;
        request.includeTests = tests;
        runner.start(request);
        return finished.wait(5 * 60 * 1000) ? finished.takeFirst().at(0).value<AnalysisResult>() : AnalysisResult {};
    };
    const AnalysisResult plain = analyse(false);
    const AnalysisResult withTests = analyse(true);
    QCOMPARE(analysisStateName(plain.state), QStringLiteral("ok"));
    QVERIFY2(withTests.state == AnalysisState::Ok, qPrintable(withTests.errorText));
    QVERIFY(withTests.commandLine.mid(1, 2) == QStringList({ QStringLiteral("test"), QStringLiteral("-c") }));
    QCOMPARE(hashTree(module), before);

    using Key = std::tuple<std::string, std::uint32_t, std::uint32_t, FindingKind, std::string>;
    const auto keys = [](const Report& r, bool testFiles) {
        std::set<Key> out;
        for (const Finding& f : r.findings()) {
            const std::string file(r.fileName(f.position.file));
            if (!isGenerated(r, f) && file.ends_with("_test.go") == testFiles)
                out.emplace(file, f.position.line, f.position.column, f.kind, f.subject);
        }
        return out;
    };
    QCOMPARE(keys(*withTests.report, false), keys(*plain.report, false));
    QVERIFY(keys(*plain.report, true).empty());
    QVERIFY(keys(*withTests.report, true).size() > 5);
    QVERIFY(std::ranges::any_of(withTests.report->findings(),
        [&](const Finding& f) { return f.kind == FindingKind::EscapesToHeap && isGenerated(*withTests.report, f); }));
}

void TestProfileRun::cancelKillsTestBinary()
{
    const QString module = m_work.filePath(QStringLiteral("escapes-cancel"));
    QVERIFY(copyTree(kSamples, module));
    const auto before = hashTree(module);
    BenchmarkProfiler profiler;
    QSignalSpy done(&profiler, &BenchmarkProfiler::finished);
    BenchmarkRequest request;
    request.moduleRoot = module;
    request.toolchain = m_toolchain;
    request.benchtime = QStringLiteral("10m"); // far longer than the test waits
    profiler.start(request);
    const qint64 pgid = profiler.processId();
    QVERIFY(pgid > 0);
    // Wait until the test binary itself runs the benchmarks.
    const auto testBinaryRuns = [pgid] {
        for (const qint64 pid : processesInGroup(pgid)) {
            QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed().endsWith(".test"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(testBinaryRuns(), 120000);
    profiler.cancel();
    QVERIFY(done.size() == 1 || done.wait(1000));
    QVERIFY(done.first().at(0).value<BenchmarkResult>().state == BenchmarkResult::State::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pgid).isEmpty(), 1000);
    QCOMPARE(hashTree(module), before);
}

QTEST_GUILESS_MAIN(TestProfileRun)
#include "tst_profilerun.moc"
