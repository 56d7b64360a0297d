// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The analysis engine against the real toolchains CI installs (Go 1.21 and 1.22, 1.23 when present):
// discovery, runs on real modules, cancel, compile errors, language-version override, the cache, and
// that the analysed folder is byte-identical afterwards. Every module is a temporary copy.
#include "core/analysis/analysisrunner.h"
#include "core/analysis/modulepackages.h"
#include "core/parse/escapeparser.h"
#include "core/toolchain/toolchaindiscovery.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <set>

using namespace heapsight;
using namespace heapsight::test;

namespace {

const QString kModules = QStringLiteral(HEAPSIGHT_TEST_DATA "/modules");
const QString kSamples = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");

using FindingKey = std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>;

std::set<FindingKey> textFindings(const Report& r)
{
    std::set<FindingKey> keys;
    for (const Finding& f : r.findings()) {
        if (f.sources & FromText)
            keys.emplace(std::string(r.fileName(f.position.file)), f.position.line, f.position.column,
                std::string(kindId(f.kind)), f.subject);
    }
    return keys;
}

bool hasFinding(const Report& r, FindingKind kind, const std::string& subject, const std::string& fileSuffix)
{
    for (const Finding& f : r.findings()) {
        if (f.kind == kind && f.subject == subject && r.fileName(f.position.file).ends_with(fileSuffix))
            return true;
    }
    return false;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discoveryFindsInstalledToolchains();
    void discoveryLooksInConventionalPlaces();
    void analysisEqualsCompilerOutput_data();
    void analysisEqualsCompilerOutput();
    void findEqualsSelectOfDiscover();
    void compileErrorsKeepOtherPackages();
    void newerGoModNeedsOverride();
    void languageOverrideChangesLoopVariables();
    void cacheHitAndInvalidation();
    void cancelKillsProcessTree();
    void modulePackagesOfGoList();
    void spliceEqualsCompleteRun();

private:
    AnalysisResult analyse(const AnalysisRequest& request, AnalysisRunner* runner = nullptr);
    Toolchain toolchain(const QString& minor);
    QString copyModule(const QString& from);

    std::vector<Toolchain> m_toolchains;
    QTemporaryDir m_work;
};

void TestAnalysis::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.21");
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_work.isValid());
    // A private build cache and result cache: the test must not depend on earlier runs.
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache"))));
    m_toolchains = ToolchainDiscovery::discover(ToolchainDiscovery::Places::fromEnvironment());
}

Toolchain TestAnalysis::toolchain(const QString& minor)
{
    const auto t = ToolchainDiscovery::select(m_toolchains, minor);
    return t ? *t : Toolchain {};
}

QString TestAnalysis::copyModule(const QString& from)
{
    static int n = 0;
    const QString to = m_work.filePath(QStringLiteral("module-%1").arg(++n));
    return copyTree(from, to) ? to : QString();
}

AnalysisResult TestAnalysis::analyse(const AnalysisRequest& request, AnalysisRunner* given)
{
    AnalysisRunner local;
    AnalysisRunner& runner = given ? *given : local;
    if (!given)
        runner.setCache(ResultCache(m_work.filePath(QStringLiteral("results"))));
    QSignalSpy done(&runner, &AnalysisRunner::finished);
    runner.start(request);
    if (done.isEmpty() && !done.wait(5 * 60 * 1000))
        return {};
    return done.takeFirst().at(0).value<AnalysisResult>();
}

void TestAnalysis::discoveryFindsInstalledToolchains()
{
    for (const QString& minor : { QStringLiteral("1.21"), QStringLiteral("1.22"), QStringLiteral("1.23") }) {
        const QString go = installedGo(minor);
        if (go.isEmpty())
            continue;
        QFile versionFile(QStringLiteral("/usr/lib/go-%1/VERSION").arg(minor));
        QVERIFY(versionFile.open(QIODevice::ReadOnly));
        const QString exact = QString::fromUtf8(versionFile.readLine()).trimmed();
        const Toolchain t = toolchain(minor);
        QCOMPARE(t.version, exact);
        QCOMPARE(t.goroot, QStringLiteral("/usr/lib/go-%1").arg(minor));
        QCOMPARE(t.realPath, QFileInfo(go).canonicalFilePath());
    }
    for (std::size_t i = 1; i < m_toolchains.size(); ++i)
        QVERIFY(m_toolchains[i - 1].versionNumber() <= m_toolchains[i].versionNumber());
}

// A fake file-system root whose conventional places link to the real binaries.
void TestAnalysis::discoveryLooksInConventionalPlaces()
{
    const QString root = m_work.filePath(QStringLiteral("fakeroot"));
    const QString home = root + QStringLiteral("/home/gopher");
    const QString go121 = installedGo(QStringLiteral("1.21")), go122 = installedGo(QStringLiteral("1.22"));
    const QStringList dirs { home + QStringLiteral("/sdk/go1.21.13/bin"), root + QStringLiteral("/usr/local/go/bin"),
        home + QStringLiteral("/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.22.12.linux-amd64/bin"),
        root + QStringLiteral("/opt/homebrew/opt/go@1.22/bin") };
    for (const QString& d : dirs)
        QVERIFY(QDir().mkpath(d));
    QVERIFY(QFile::link(go121, dirs[0] + QStringLiteral("/go")));
    QVERIFY(QFile::link(go122, dirs[1] + QStringLiteral("/go")));
    QVERIFY(QFile::link(go122, dirs[2] + QStringLiteral("/go")));
    QVERIFY(QFile::link(go121, dirs[3] + QStringLiteral("/go")));
    ToolchainDiscovery::Places places;
    places.root = root;
    places.home = home;
    const auto candidates = ToolchainDiscovery::candidates(places);
    QStringList vias;
    for (const auto& [path, via] : candidates)
        vias << via;
    QVERIFY2(vias.contains(QStringLiteral("golang.org/dl")), qPrintable(vias.join(QLatin1Char(','))));
    QVERIFY(vias.contains(QStringLiteral("/usr/local/go")));
    QVERIFY(vias.contains(QStringLiteral("module cache")));
    QVERIFY(vias.contains(QStringLiteral("Homebrew")));
    // Four links to two binaries: two toolchains, each once.
    const auto found = ToolchainDiscovery::discover(places);
    QCOMPARE(found.size(), std::size_t(2));
    QVERIFY(found[0].version.startsWith(QLatin1String("go1.21")));
    QVERIFY(found[1].version.startsWith(QLatin1String("go1.22")));
}

// find() probes only the toolchains whose VERSION file names the wanted version, and answers what select()
// over every probed toolchain answers: for each installed one, and for a GOROOT whose VERSION file lies.
void TestAnalysis::findEqualsSelectOfDiscover()
{
    const auto places = ToolchainDiscovery::Places::fromEnvironment();
    for (const Toolchain& t : m_toolchains) {
        const QVersionNumber v = t.versionNumber();
        const QString minor = QStringLiteral("%1.%2").arg(v.majorVersion()).arg(v.minorVersion());
        const auto expected = ToolchainDiscovery::select(m_toolchains, minor);
        const auto found = ToolchainDiscovery::find(places, minor);
        QVERIFY(expected && found);
        QCOMPARE(found->realPath, expected->realPath);
        QCOMPARE(found->version, expected->version);
        QCOMPARE(found->foundVia, expected->foundVia);
    }

    // A copy of Go 1.22's go command in a GOROOT whose VERSION file says 1.21.
    const QString goroot = m_work.filePath(QStringLiteral("lying-goroot"));
    QVERIFY(QDir().mkpath(goroot + QStringLiteral("/bin")));
    QVERIFY(QFile::copy(installedGo(QStringLiteral("1.22")), goroot + QStringLiteral("/bin/go")));
    // The go command finds its GOROOT by its pkg/tool (Debian's go is trimmed: no GOROOT built in).
    const QString real = QFileInfo(QFileInfo(installedGo(QStringLiteral("1.22"))).canonicalFilePath()).absolutePath();
    for (const QString& dir : { QStringLiteral("pkg"), QStringLiteral("src") })
        QVERIFY(QFile::link(real + QStringLiteral("/../") + dir, goroot + QLatin1Char('/') + dir));
    QFile version(goroot + QStringLiteral("/VERSION"));
    QVERIFY(version.open(QIODevice::WriteOnly));
    version.write("go1.21.0\ntime 2023-08-08T00:00:00Z\n");
    version.close();
    ToolchainDiscovery::Places lying;
    lying.root = m_work.filePath(QStringLiteral("empty-root"));
    lying.userPaths = { goroot + QStringLiteral("/bin/go") };
    const auto all = ToolchainDiscovery::discover(lying);
    QCOMPARE(all.size(), std::size_t(1));
    for (const QString& wanted : { QStringLiteral("1.21"), QStringLiteral("go1.22"), QStringLiteral("1.23") }) {
        const auto expected = ToolchainDiscovery::select(all, wanted);
        const auto found = ToolchainDiscovery::find(lying, wanted);
        QCOMPARE(bool(found), bool(expected));
        if (found)
            QCOMPARE(found->version, expected->version);
    }
    QVERIFY(ToolchainDiscovery::find(lying, QStringLiteral("1.22")));
}

void TestAnalysis::analysisEqualsCompilerOutput_data()
{
    QTest::addColumn<QString>("minor");
    QTest::newRow("go1.21") << QStringLiteral("1.21");
    QTest::newRow("go1.22") << QStringLiteral("1.22");
}

// The report of a run holds exactly the findings of parsing the compiler's own output of the same build.
void TestAnalysis::analysisEqualsCompilerOutput()
{
    QFETCH(QString, minor);
    const QString dir = copyModule(kSamples);
    QVERIFY(!dir.isEmpty());
    const auto before = hashTree(dir);
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(minor);
    request.useCache = false;
    const AnalysisResult r = analyse(request);
    QCOMPARE(analysisStateName(r.state), QStringLiteral("ok"));
    QVERIFY(r.report);
    QCOMPARE(r.report->stats().unknownLines, 0ull);
    QCOMPARE(hashTree(dir), before);

    int exitCode = -1;
    const QByteArray own = run(request.toolchain.goBinary,
        { QStringLiteral("build"), QStringLiteral("-o"),
            m_work.filePath(QStringLiteral("bin-") + minor) + QLatin1Char('/'), QStringLiteral("-gcflags=-m=2"),
            QStringLiteral("./...") },
        dir, &exitCode);
    QCOMPARE(exitCode, 0);
    const Report expected
        = EscapeParser::parse(std::string_view(own.constData(), static_cast<std::size_t>(own.size())));
    QVERIFY(expected.findings().size() > 20);
    QCOMPARE(textFindings(*r.report), textFindings(expected));
    QVERIFY(hasFinding(*r.report, FindingKind::MovedToHeap, "x", "returnaddr.go"));
}

void TestAnalysis::compileErrorsKeepOtherPackages()
{
    const QString dir = copyModule(kModules + QStringLiteral("/broken"));
    const auto before = hashTree(dir);
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.22"));
    request.useCache = false;
    const AnalysisResult r = analyse(request);
    QCOMPARE(analysisStateName(r.state), QStringLiteral("compile errors"));
    QVERIFY(r.report);
    bool sawError = false;
    for (const Diagnostic& d : r.diagnostics)
        sawError |= d.file.endsWith(QLatin1String("bad/bad.go")) && d.line == 5
            && d.message.contains(QLatin1String("undefined: undefinedName"));
    QVERIFY2(sawError, qPrintable(r.errorText));
    QVERIFY(hasFinding(*r.report, FindingKind::MovedToHeap, "v", "good/good.go"));
    QCOMPARE(hashTree(dir), before);
}

void TestAnalysis::newerGoModNeedsOverride()
{
    const QString dir = copyModule(kModules + QStringLiteral("/newer"));
    const auto before = hashTree(dir);
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.21"));
    request.useCache = false;
    const AnalysisResult refused = analyse(request);
    QCOMPARE(analysisStateName(refused.state), QStringLiteral("toolchain failed"));
    QVERIFY2(refused.errorText.contains(QLatin1String("go.mod requires go >= 1.22")), qPrintable(refused.errorText));

    request.languageVersion = QStringLiteral("1.21");
    const AnalysisResult overridden = analyse(request);
    QCOMPARE(analysisStateName(overridden.state), QStringLiteral("ok"));
    QVERIFY(overridden.languageOverridden);
    QCOMPARE(overridden.report->origin().languageVersion, std::string("1.21"));
    QVERIFY(hasFinding(*overridden.report, FindingKind::MovedToHeap, "i", "newer.go"));
    QCOMPARE(hashTree(dir), before);
}

// Go 1.22 semantics give each iteration its own variable: the JSON logopt says so per loop variable.
void TestAnalysis::languageOverrideChangesLoopVariables()
{
    const QString dir = copyModule(kModules + QStringLiteral("/newer"));
    const auto before = hashTree(dir);
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.22"));
    request.useCache = false;
    request.loopvarReport = true; // must not change the semantics of a 1.21 module
    request.languageVersion = QStringLiteral("1.21");
    const AnalysisResult as121 = analyse(request);
    request.languageVersion = QStringLiteral("1.22");
    const AnalysisResult as122 = analyse(request);
    QCOMPARE(analysisStateName(as121.state), QStringLiteral("ok"));
    QCOMPARE(analysisStateName(as122.state), QStringLiteral("ok"));
    QVERIFY(as121.languageOverridden);
    QVERIFY(!as122.languageOverridden); // go.mod already says 1.22
    QVERIFY(!hasFinding(*as121.report, FindingKind::LoopVariable, "i", "newer.go"));
    QVERIFY(hasFinding(*as122.report, FindingKind::LoopVariable, "i", "newer.go"));
    QCOMPARE(hashTree(dir), before);
}

void TestAnalysis::cacheHitAndInvalidation()
{
    const QString dir = copyModule(kModules + QStringLiteral("/broken/good"));
    QFile mod(dir + QStringLiteral("/go.mod"));
    QVERIFY(mod.open(QIODevice::WriteOnly));
    mod.write("module example.com/good\n\ngo 1.21\n");
    mod.close();
    AnalysisRunner runner;
    runner.setCache(ResultCache(m_work.filePath(QStringLiteral("cache-test"))));
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.22"));
    const AnalysisResult first = analyse(request, &runner);
    QCOMPARE(analysisStateName(first.state), QStringLiteral("ok"));
    QVERIFY(!first.fromCache);
    const AnalysisResult second = analyse(request, &runner);
    QVERIFY(second.fromCache);
    QCOMPARE(textFindings(*second.report), textFindings(*first.report));
    // The import graph comes back with it: Watch can splice the first edit after a reopen.
    QCOMPARE(second.packages.packages().size(), std::size_t(1));
    QCOMPARE(second.packages.packages().front().importPath, QStringLiteral("example.com/good"));
    QCOMPARE(second.packages.packages().front().dir, first.packages.packages().front().dir);

    // A damaged entry is never shown: the runner says so, analyses again and keeps a good entry.
    const QDir cacheDir(m_work.filePath(QStringLiteral("cache-test")));
    const QStringList entries = cacheDir.entryList({ QStringLiteral("*.hscache") }, QDir::Files);
    QCOMPARE(entries.size(), 1);
    QFile entry(cacheDir.filePath(entries.first()));
    QVERIFY(entry.open(QIODevice::ReadWrite));
    QByteArray bytes = entry.readAll();
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    QVERIFY(entry.seek(0) && entry.write(bytes) == bytes.size());
    entry.close();
    QSignalSpy stages(&runner, &AnalysisRunner::stageChanged);
    const AnalysisResult rerun = analyse(request, &runner);
    QVERIFY(!rerun.fromCache);
    QCOMPARE(textFindings(*rerun.report), textFindings(*first.report));
    QVERIFY(std::any_of(stages.begin(), stages.end(),
        [](const QList<QVariant>& s) { return s.at(0).toString().contains(QLatin1String("checksum")); }));
    QVERIFY(analyse(request, &runner).fromCache);

    QFile source(dir + QStringLiteral("/good.go"));
    QVERIFY(source.open(QIODevice::Append));
    source.write("\n// a change\n");
    source.close();
    const AnalysisResult third = analyse(request, &runner);
    QVERIFY(!third.fromCache);
}

// A cancel during a long build returns at once and leaves no go or compile process behind.
void TestAnalysis::cancelKillsProcessTree()
{
    const QString dir = m_work.filePath(QStringLiteral("slow"));
    QVERIFY(QDir().mkpath(dir));
    QFile mod(dir + QStringLiteral("/go.mod")), main(dir + QStringLiteral("/main.go"));
    QVERIFY(mod.open(QIODevice::WriteOnly) && main.open(QIODevice::WriteOnly));
    mod.write("module example.com/slow\n\ngo 1.21\n");
    main.write("package main\n\nimport (\n\t\"net/http\"\n\t\"encoding/json\"\n)\n\nfunc main() {\n\t_ = "
               "json.Valid(nil)\n\t_ = http.ListenAndServe\n}\n");
    mod.close();
    main.close();
    const auto before = hashTree(dir);
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache-cancel"))));
    AnalysisRunner runner;
    runner.setCache(std::nullopt);
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.22"));
    request.includeDependencies = true; // the whole of net/http with -m=2: long enough to cancel
    QSignalSpy progress(&runner, &AnalysisRunner::progressChanged);
    QSignalSpy done(&runner, &AnalysisRunner::finished);
    runner.start(request);
    QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 3, 120000); // a few packages compiled
    const qint64 pgid = runner.processId();
    QVERIFY(pgid > 0);
    QVERIFY(!processesInGroup(pgid).isEmpty());
    QElapsedTimer clock;
    clock.start();
    runner.cancel();
    QVERIFY(done.size() == 1 || done.wait(1000));
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(analysisStateName(done.first().at(0).value<AnalysisResult>().state), QStringLiteral("cancelled"));
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pgid).isEmpty(), 1000);
    QCOMPARE(hashTree(dir), before);
    qputenv("GOCACHE", QFile::encodeName(m_work.filePath(QStringLiteral("gocache"))));
}

// ModulePackages reads goListCommand's format: with tests, the TESTS field counts the test main and external
// test packages' headers; lines of another shape are skipped; importers are found transitively.
void TestAnalysis::modulePackagesOfGoList()
{
    const ModulePackages list = ModulePackages::fromGoList("example.com/m\t/m\texample.com/m/a fmt\ttest\n"
                                                           "example.com/m/a\t/m/a\texample.com/m/b\ttest xtest\n"
                                                           "example.com/m/b\t/m/b\tsync\t\n"
                                                           "example.com/m/c\t/m/c\t\t\n"
                                                           "go: warning: something else\n");
    QCOMPARE(list.packages().size(), std::size_t(4));
    QCOMPARE(list.packages()[0].imports, (QStringList { QStringLiteral("example.com/m/a"), QStringLiteral("fmt") }));
    QCOMPARE(list.expectedHeaders(), 4 + 1 + 2);
    QCOMPARE(list.affectedBy({ QStringLiteral("/m/b") }),
        (QStringList {
            QStringLiteral("example.com/m"), QStringLiteral("example.com/m/a"), QStringLiteral("example.com/m/b") }));
    QCOMPARE(list.affectedBy({ QStringLiteral("/m/c/") }), QStringList { QStringLiteral("example.com/m/c") });
    QCOMPARE(list.affectedBy({ QStringLiteral("/m/new") }), std::nullopt);
    // c now imports b: an edit of b reaches it too.
    const ModulePackages edited
        = list.withImports(QStringLiteral("example.com/m/c"), { QStringLiteral("example.com/m/b") });
    QCOMPARE(edited.affectedBy({ QStringLiteral("/m/b") })->size(), 4);
}

// A live run after an edit builds only the edited package and its importers and splices them into the
// last complete report: the result has exactly the findings of a complete run of the edited module.
void TestAnalysis::spliceEqualsCompleteRun()
{
    const QString dir = copyModule(kModules + QStringLiteral("/whypath"));
    AnalysisRequest request;
    request.directory = dir;
    request.toolchain = toolchain(QStringLiteral("1.22"));
    request.useCache = false;
    request.collectLogopt = false;
    const AnalysisResult first = analyse(request);
    QCOMPARE(analysisStateName(first.state), QStringLiteral("ok"));
    QCOMPARE(first.packages.packages().size(), std::size_t(2));
    const QString storeDir = QDir(dir).filePath(QStringLiteral("internal/store"));
    const std::optional<QStringList> affected = first.packages.affectedBy({ storeDir });
    QCOMPARE(affected,
        (QStringList { QStringLiteral("example.com/whypath"), QStringLiteral("example.com/whypath/internal/store") }));
    QCOMPARE(first.packages.affectedBy({ dir }), QStringList { QStringLiteral("example.com/whypath") });

    // A new function whose parameter leaks, in the package the main package imports.
    QFile store(storeDir + QStringLiteral("/store.go"));
    QVERIFY(store.open(QIODevice::ReadWrite | QIODevice::Append));
    store.write("\nvar last *int\n\n// Last keeps p.\nfunc Last(p *int) { last = p }\n");
    store.close();

    AnalysisRequest live = request;
    live.packages = *affected;
    live.spliceBase = first.report;
    const AnalysisResult spliced = analyse(live);
    QCOMPARE(analysisStateName(spliced.state), QStringLiteral("ok"));
    QVERIFY(spliced.packages.isEmpty()); // no go list
    const AnalysisResult complete = analyse(request);
    const auto lines = [](const Report& r) {
        QStringList out;
        for (const Finding& f : r.findings())
            out << QStringLiteral("%1:%2:%3 %4 [%5]")
                       .arg(QString::fromStdString(std::string(r.fileName(f.position.file))))
                       .arg(f.position.line)
                       .arg(f.position.column)
                       .arg(QString::fromStdString(std::string(f.message)),
                           QString::fromStdString(r.packages()[f.package].name));
        out.sort();
        return out;
    };
    QCOMPARE(lines(*spliced.report), lines(*complete.report));
    QVERIFY(lines(*spliced.report).join(QLatin1Char('\n')).contains(QLatin1String("leaking param: p")));
    QCOMPARE(spliced.report->stats().distinct, complete.report->stats().distinct);
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
