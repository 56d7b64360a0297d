// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The heap-profile reader and the attribution of allocations to findings, over real profiles recorded
// by tools/record-profile from samples/escapes' benchmarks. What the reader decodes is compared with
// `go tool pprof -raw` of the same file (Go's own decoder), recorded beside it.
#include "core/parse/escapeparser.h"
#include "core/profile/allocationprofile.h"
#include "core/profile/gzipinflate.h"
#include "core/profile/heapprofilereader.h"
#include "core/profile/profilepathmatcher.h"
#include "testsupport.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace heapsight;

namespace {

const QString kProfiles = QStringLiteral(HEAPSIGHT_TEST_DATA "/profiles");
const QString kMemGz = kProfiles + QStringLiteral("/escapes-go1.22.mem.pb.gz");
const QString kMemPlain = kProfiles + QStringLiteral("/escapes-go1.22.mem.pb");

// `go tool pprof -raw` output: the sample types, and each sample as values plus its stack.
struct RawDump {
    QStringList sampleTypes; // "alloc_space/bytes"
    QStringList samples; // "v1 v2 … | func file:line ; func file:line …", sorted
};

RawDump parseRawDump(const QString& path)
{
    RawDump dump;
    const QStringList lines = QString::fromUtf8(test::readFile(path)).split(QLatin1Char('\n'));
    QMap<QString, QStringList> locations; // id → frames, innermost first
    QList<QPair<QString, QStringList>> samples; // values, location ids
    enum { Header, Types, Samples, Locations, Other } section = Header;
    QString current;
    static const QRegularExpression sampleLine(QStringLiteral(R"(^\s*([-\d ]+?):((?: \d+)*)\s*$)"));
    static const QRegularExpression locationLine(QStringLiteral(R"(^\s*(\d+): 0x[0-9a-f]+ M=\d+ (.*) (\S+) s=\d+$)"));
    static const QRegularExpression inlinedLine(QStringLiteral(R"(^\s+(.*) (\S+) s=\d+$)"));
    for (const QString& line : lines) {
        if (line == QLatin1String("Samples:")) {
            section = Types;
            continue;
        }
        if (line == QLatin1String("Locations")) {
            section = Locations;
            continue;
        }
        if (line == QLatin1String("Mappings")) {
            section = Other;
            continue;
        }
        if (section == Types) {
            for (QString t : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                dump.sampleTypes << t.remove(QLatin1String("[dflt]"));
            section = Samples;
        } else if (section == Samples) {
            const auto m = sampleLine.match(line);
            if (m.hasMatch())
                samples.append(
                    { m.captured(1).simplified(), m.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts) });
        } else if (section == Locations) {
            if (const auto m = locationLine.match(line); m.hasMatch()) {
                current = m.captured(1);
                locations[current] << m.captured(2) + QLatin1Char(' ') + m.captured(3);
            } else if (const auto i = inlinedLine.match(line); i.hasMatch() && !current.isEmpty()) {
                locations[current] << i.captured(1) + QLatin1Char(' ') + i.captured(2);
            }
        }
    }
    for (const auto& [values, ids] : samples) {
        QStringList frames;
        for (const QString& id : ids)
            frames << locations.value(id);
        dump.samples << values + QLatin1String(" | ") + frames.join(QLatin1String(" ; "));
    }
    dump.samples.sort();
    return dump;
}

QStringList describe(const HeapProfile& p)
{
    QStringList out;
    for (const ProfileSample& s : p.samples) {
        QStringList values, frames;
        for (const std::int64_t v : s.values)
            values << QString::number(v);
        for (const ProfileFrame& f : s.stack)
            frames << QStringLiteral("%1 %2:%3")
                          .arg(QString::fromStdString(f.function), QString::fromStdString(f.file))
                          .arg(f.line);
        out << values.join(QLatin1Char(' ')) + QLatin1String(" | ") + frames.join(QLatin1String(" ; "));
    }
    out.sort();
    return out;
}

// The directory the profiled copy of samples/escapes was in when it was recorded.
QString recordedModuleRoot(const HeapProfile& p)
{
    for (const ProfileSample& s : p.samples) {
        for (const ProfileFrame& f : s.stack) {
            if (f.file.ends_with("/escapes/bench_test.go"))
                return QString::fromStdString(f.file).chopped(int(std::strlen("/bench_test.go")));
        }
    }
    return {};
}

Report recordedReport()
{
    const QByteArray text = test::readFile(QStringLiteral(HEAPSIGHT_TEST_DATA "/escapes-go1.22.m1.txt"));
    return EscapeParser::parse(std::string_view(text.constData(), std::size_t(text.size())));
}

} // namespace

class TestHeapProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatPprofReads_data();
    void readsWhatPprofReads();
    void refusesBadInput_data();
    void refusesBadInput();
    void attributesLeafLines_data();
    void attributesLeafLines();
    void matchesProfilePaths_data();
    void matchesProfilePaths();
};

void TestHeapProfile::readsWhatPprofReads_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("gzip (go test -memprofile)") << kMemGz;
    QTest::newRow("plain protobuf") << kMemPlain;
}

void TestHeapProfile::readsWhatPprofReads()
{
    QFETCH(QString, file);
    QString error;
    const auto profile = HeapProfileReader::readFile(file, &error);
    QVERIFY2(profile, qPrintable(error));
    const RawDump pprof = parseRawDump(kProfiles + QStringLiteral("/escapes-go1.22.mem.raw.txt"));
    QVERIFY(!pprof.samples.isEmpty());
    QStringList types;
    for (const ProfileValueType& t : profile->sampleTypes)
        types << QString::fromStdString(t.type + '/' + t.unit);
    QCOMPARE(types, pprof.sampleTypes);
    QCOMPARE(describe(*profile), pprof.samples);
    QVERIFY(profile->valueIndex("alloc_space") >= 0);
}

void TestHeapProfile::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the error message

    const QByteArray gz = test::readFile(kMemGz), plain = test::readFile(kMemPlain);
    QVERIFY(!gz.isEmpty() && !plain.isEmpty());
    QByteArray corrupt = gz;
    for (qsizetype i = 20; i < 60 && i < corrupt.size(); ++i)
        corrupt[i] = char(~corrupt[i]);
    QByteArray random(4096, Qt::Uninitialized);
    QRandomGenerator generator(8); // seeded: the same bytes every run
    for (char& c : random)
        c = char(generator.bounded(256));
    random[0] = 'x'; // not the gzip magic

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("text") << QByteArray("goroutine profile: total 4\n")
                          << QStringLiteral("neither gzip data nor a pprof");
    QTest::newRow("random bytes") << random << QStringLiteral("not a heap profile");
    QTest::newRow("gzip truncated to half") << gz.left(gz.size() / 2) << QStringLiteral("truncated gzip");
    QTest::newRow("gzip header only") << gz.left(10) << QStringLiteral("truncated gzip");
    QTest::newRow("gzip without its trailer") << gz.chopped(4) << QStringLiteral("truncated gzip");
    QTest::newRow("gzip with corrupt data") << corrupt << QStringLiteral("corrupt gzip");
    QTest::newRow("gzip with trailing garbage") << gz + QByteArray("junk") << QStringLiteral("after the end");
    QTest::newRow("plain truncated to half") << plain.left(plain.size() / 2) << QStringLiteral("not a heap profile");
    QTest::newRow("plain truncated by one byte") << plain.chopped(1) << QStringLiteral("not a heap profile");
    QTest::newRow("gzip of text") << test::readFile(kProfiles + QStringLiteral("/not-a-profile.gz"))
                                  << QStringLiteral("gzip data inside is not a pprof");
    QTest::newRow("CPU profile: no alloc_space")
        << test::readFile(kProfiles + QStringLiteral("/escapes-go1.22.cpu.pb.gz"))
        << QStringLiteral("no alloc_space sample type (it has: samples, cpu)");
}

void TestHeapProfile::refusesBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    const auto profile = HeapProfileReader::read(bytes, &error);
    QVERIFY(!profile);
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestHeapProfile::attributesLeafLines_data()
{
    QTest::addColumn<bool>("giveModuleRoot");
    QTest::newRow("by module root") << true;
    QTest::newRow("by path suffix (recorded elsewhere)") << false;
}

// Every sample counts at its leaf line; the expected sums come from pprof's own decoding (raw dump).
void TestHeapProfile::attributesLeafLines()
{
    QFETCH(bool, giveModuleRoot);
    QString error;
    const auto profile = HeapProfileReader::readFile(kMemGz, &error);
    QVERIFY2(profile, qPrintable(error));
    const QString root = recordedModuleRoot(*profile);
    QVERIFY(!root.isEmpty());
    const Report report = recordedReport();
    const AllocationProfile allocations
        = AllocationProfile::attribute(*profile, report, giveModuleRoot ? root.toStdString() : std::string());

    // Expected: from the raw dump, the leaf frame of each sample in the module, by "./file:line".
    const RawDump pprof = parseRawDump(kProfiles + QStringLiteral("/escapes-go1.22.mem.raw.txt"));
    const int space = int(pprof.sampleTypes.indexOf(QStringLiteral("alloc_space/bytes")));
    const int objects = int(pprof.sampleTypes.indexOf(QStringLiteral("alloc_objects/count")));
    QVERIFY(space >= 0 && objects >= 0);
    QMap<QString, QPair<qint64, qint64>> expected;
    qint64 totalBytes = 0;
    for (const QString& sample : pprof.samples) {
        const QStringList values = sample.section(QLatin1String(" | "), 0, 0).split(QLatin1Char(' '));
        const QString leaf = sample.section(QLatin1String(" | "), 1).section(QLatin1String(" ; "), 0, 0);
        totalBytes += values.at(space).toLongLong();
        const QString place = leaf.section(QLatin1Char(' '), -1);
        if (!place.startsWith(root + QLatin1Char('/')))
            continue;
        const QString relative = QStringLiteral("./") + place.mid(root.size() + 1);
        if (report.fileId(relative.section(QLatin1Char(':'), 0, 0).toStdString()) == NoFile)
            continue; // a file without findings (bench_test.go)
        expected[relative].first += values.at(space).toLongLong();
        expected[relative].second += values.at(objects).toLongLong();
    }
    QVERIFY(!expected.isEmpty());
    QMap<QString, QPair<qint64, qint64>> actual;
    for (const auto& [place, stats] : allocations.lines()) {
        const QString name
            = QString::fromUtf8(report.fileName(place.first).data(), qsizetype(report.fileName(place.first).size()));
        actual[name + QLatin1Char(':') + QString::number(place.second)] = { stats.bytes, stats.objects };
    }
    QCOMPARE(actual, expected);
    QCOMPARE(allocations.total().bytes, totalBytes);

    // The ranking: heap findings only, most bytes first, and the first is the heaviest heap-finding line.
    const std::vector<std::uint32_t> ranked = allocations.rankedFindings(report);
    QVERIFY(!ranked.empty());
    qint64 heaviest = 0;
    for (const auto& [place, stats] : allocations.lines()) {
        for (const std::uint32_t i : report.findingsOnLine(place.first, place.second)) {
            if (isHeapAllocation(report.findings()[i].kind))
                heaviest = std::max<qint64>(heaviest, stats.bytes);
        }
    }
    QCOMPARE(allocations.forFinding(report.findings()[ranked.front()])->bytes, heaviest);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const Finding& f = report.findings()[ranked[i]];
        QVERIFY(isHeapAllocation(f.kind));
        if (i > 0)
            QVERIFY(
                allocations.forFinding(report.findings()[ranked[i - 1]])->bytes >= allocations.forFinding(f)->bytes);
    }
    // Not a heap finding: no numbers, even on a line with allocations.
    for (const Finding& f : report.findings()) {
        if (!isHeapAllocation(f.kind))
            QVERIFY(!allocations.forFinding(f));
    }
}

void TestHeapProfile::matchesProfilePaths_data()
{
    QTest::addColumn<QString>("compilerOutput");
    QTest::addColumn<QString>("moduleRoot");
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected"); // report file name, or "" for no match

    const QString twoFiles = QStringLiteral("# example.com/m\n./print.go:3:2: moved to heap: x\n"
                                            "# example.com/m/sub\nsub/print.go:4:2: moved to heap: y\n");
    QTest::newRow("under the module root") << twoFiles << QStringLiteral("/src/m") << QStringLiteral("example.com/m.f")
                                           << QStringLiteral("/src/m/print.go") << QStringLiteral("./print.go");
    QTest::newRow("sub-package under the root")
        << twoFiles << QStringLiteral("/src/m") << QStringLiteral("example.com/m/sub.g")
        << QStringLiteral("/src/m/sub/print.go") << QStringLiteral("sub/print.go");
    QTest::newRow("recorded in another checkout")
        << twoFiles << QStringLiteral("/src/m") << QStringLiteral("example.com/m/sub.g")
        << QStringLiteral("/ci/work/m/sub/print.go") << QStringLiteral("sub/print.go");
    QTest::newRow("longest suffix wins") << twoFiles << QString() << QStringLiteral("example.com/m.f")
                                         << QStringLiteral("/ci/work/m/print.go") << QStringLiteral("./print.go");
    QTest::newRow("-trimpath names") << twoFiles << QString() << QStringLiteral("example.com/m/sub.(*T).M")
                                     << QStringLiteral("example.com/m/sub/print.go") << QStringLiteral("sub/print.go");
    QTest::newRow("GOROOT file of the same name")
        << twoFiles << QStringLiteral("/src/m") << QStringLiteral("fmt.Sprintf")
        << QStringLiteral("/usr/lib/go-1.22/src/fmt/print.go") << QString();
    QTest::newRow("command named main in its binary")
        << twoFiles << QString() << QStringLiteral("main.f") << QStringLiteral("/elsewhere/m/print.go")
        << QStringLiteral("./print.go");
    QTest::newRow("file the report does not know")
        << twoFiles << QStringLiteral("/src/m") << QStringLiteral("example.com/m.f")
        << QStringLiteral("/src/m/other.go") << QString();
    const QString sameName = QStringLiteral("# example.com/m/a\na/x.go:3:2: moved to heap: x\n"
                                            "# example.com/m/b\nb/x.go:4:2: moved to heap: y\n");
    QTest::newRow("ambiguous base name") << sameName << QString() << QString() << QStringLiteral("x.go") << QString();
}

void TestHeapProfile::matchesProfilePaths()
{
    QFETCH(QString, compilerOutput);
    QFETCH(QString, moduleRoot);
    QFETCH(QString, function);
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const Report report = EscapeParser::parse(compilerOutput.toStdString());
    ProfilePathMatcher matcher(report, moduleRoot.toStdString());
    const FileId id = matcher.match({ function.toStdString(), file.toStdString(), 1 });
    const QString actual = id == NoFile ? QString() : QString::fromStdString(std::string(report.fileName(id)));
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestHeapProfile)
#include "tst_heapprofile.moc"
