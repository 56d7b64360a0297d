// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// heapsight-cli why, end to end with Go 1.22 on tests/data/modules/whypath (seconds with a warm build cache):
// the path the live run prints, as text and JSON, is the one the recorded output of the same toolchain gives,
// --deps splices in the standard library's blocks, and the module folder is never written.
#include "core/parse/escapeparser.h"
#include "core/why/whypathbuilder.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

namespace {

QString moduleDir()
{
    return QStringLiteral(HEAPSIGHT_TEST_DATA "/modules/whypath");
}

// The recorded Go 1.22 path of the finding on main.go:LINE (with the standard library's blocks when `deps`).
WhyPath recordedPath(std::uint32_t line, bool deps)
{
    const std::string root = moduleDir().toStdString();
    std::vector<WhyInput> inputs { { std::make_shared<const Report>(
                                         test::parseFile(QStringLiteral(HEAPSIGHT_TEST_DATA "/whypath-go1.22.m2.txt"))),
        root } };
    if (deps) {
        inputs.push_back({ std::make_shared<const Report>(
                               test::parseFile(QStringLiteral(HEAPSIGHT_TEST_DATA "/whypath-deps-go1.22.m2.txt"))),
            root });
    }
    std::vector<WhyPath> paths = WhyPathBuilder(inputs).pathsAt("main.go", line);
    return paths.empty() ? WhyPath {} : paths.front();
}

QStringList segmentsOf(const WhyPath& path)
{
    QStringList out;
    for (const WhySegment& s : path.segments) {
        out << QStringLiteral("%1 %2:%3:%4 depth %5")
                   .arg(QString::fromStdString(s.header), QString::fromStdString(s.at.file))
                   .arg(s.at.line)
                   .arg(s.at.column)
                   .arg(s.depth);
    }
    return out;
}

QStringList segmentsOf(const QJsonObject& path)
{
    QStringList out;
    for (const QJsonValue& v : path.value(QLatin1String("segments")).toArray()) {
        const QJsonObject s = v.toObject();
        const QJsonObject at = s.value(QLatin1String("at")).toObject();
        out << QStringLiteral("%1 %2:%3:%4 depth %5")
                   .arg(s.value(QLatin1String("header")).toString(), at.value(QLatin1String("file")).toString())
                   .arg(at.value(QLatin1String("line")).toInt())
                   .arg(at.value(QLatin1String("column")).toInt())
                   .arg(s.value(QLatin1String("depth")).toInt());
    }
    return out;
}

} // namespace

class TestWhyCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textAndJson();
    void deps();
    void errors();
    void cleanupTestCase();

private:
    test::CliOutcome why(const QStringList& extra);

    QTemporaryDir m_dir;
    QMap<QString, QByteArray> m_before;
};

void TestWhyCli::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_dir.isValid());
    test::isolateUserDirs(m_dir);
    // The compiled standard library of errorcheck-go1.22's build cache, when CMake names it: the packages the
    // module needs are compiled once for both tests (Heapsight's own result cache stays private).
    if (const QString cache = qEnvironmentVariable("HEAPSIGHT_WHY_GOCACHE"); !cache.isEmpty())
        qputenv("GOCACHE", QFile::encodeName(cache));
    m_before = test::hashTree(moduleDir());
    QVERIFY(!m_before.isEmpty());
}

test::CliOutcome TestWhyCli::why(const QStringList& extra)
{
    return test::runCli(QStringLiteral(HEAPSIGHT_CLI),
        QStringList { QStringLiteral("why"), moduleDir() } + extra
            + QStringList { QStringLiteral("--toolchain"), QStringLiteral("1.22") });
}

void TestWhyCli::textAndJson()
{
    // main.go:18: `item` reaches the heap through store.Keep and store.remember in another package.
    const WhyPath recorded = recordedPath(18, false);
    QVERIFY(recorded.segments.size() >= 3);
    const test::CliOutcome text = why({ QStringLiteral("main.go:18") });
    QVERIFY2(text.exitCode == 0, text.errors.constData());
    const QString out = QString::fromUtf8(text.output);
    // Each block in order, each indented deeper than the call step that enters it.
    qsizetype from = 0;
    int lastIndent = -1;
    for (const WhySegment& s : recorded.segments) {
        const QString header
            = QString::fromStdString(s.header) + QStringLiteral(" at ") + QString::fromStdString(s.at.file);
        const qsizetype at = out.indexOf(header, from);
        QVERIFY2(at >= 0, qPrintable(header + QStringLiteral("\n") + out));
        const int indent = static_cast<int>(at - out.lastIndexOf(QLatin1Char('\n'), at) - 1);
        QVERIFY2(indent > lastIndent, qPrintable(out));
        lastIndent = indent;
        from = at + 1;
    }
    QVERIFY2(out.contains(QStringLiteral("path ends: heap at ") + QString::fromStdString(recorded.endAt.file)),
        qPrintable(out));

    const test::CliOutcome json = why({ QStringLiteral("main.go:18:2"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, json.errors.constData());
    const QJsonArray paths = json.json.value(QLatin1String("paths")).toArray();
    QCOMPARE(paths.size(), 1);
    const QJsonObject path = paths.first().toObject();
    QCOMPARE(segmentsOf(path), segmentsOf(recorded));
    QCOMPARE(path.value(QLatin1String("end")).toString(), QStringLiteral("heap"));
    QCOMPARE(path.value(QLatin1String("endAt")).toObject().value(QLatin1String("line")).toInt(),
        static_cast<int>(recorded.endAt.line));
}

void TestWhyCli::deps()
{
    // main.go:28: `buf` goes into sync.(*Pool).Put; without --deps the path names sync as not analysed.
    const test::CliOutcome plain = why({ QStringLiteral("main.go:28:2"), QStringLiteral("--json") });
    QVERIFY2(plain.exitCode == 0, plain.errors.constData());
    const QJsonObject without = plain.json.value(QLatin1String("paths")).toArray().first().toObject();
    QCOMPARE(without.value(QLatin1String("end")).toString(), QStringLiteral("not analysed"));
    QCOMPARE(without.value(QLatin1String("missingPackages")).toArray(), QJsonArray { QStringLiteral("sync") });

    const test::CliOutcome withDeps
        = why({ QStringLiteral("main.go:28:2"), QStringLiteral("--json"), QStringLiteral("--deps") });
    QVERIFY2(withDeps.exitCode == 0, withDeps.errors.constData());
    const QJsonObject with = withDeps.json.value(QLatin1String("paths")).toArray().first().toObject();
    QCOMPARE(with.value(QLatin1String("end")).toString(), QStringLiteral("heap"));
    QCOMPARE(segmentsOf(with), segmentsOf(recordedPath(28, true)));
    const QJsonObject callee = with.value(QLatin1String("segments")).toArray().at(1).toObject();
    QVERIFY(callee.value(QLatin1String("outsideModule")).toBool());
    QVERIFY(callee.value(QLatin1String("at"))
                .toObject()
                .value(QLatin1String("path"))
                .toString()
                .startsWith(QStringLiteral("/usr/lib/go-1.22/src/sync/")));
}

void TestWhyCli::errors()
{
    const test::CliOutcome missing = why({ QStringLiteral("nosuch.go:3") });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.errors.contains("no such file"));
    const test::CliOutcome badLine = why({ QStringLiteral("main.go") });
    QCOMPARE(badLine.exitCode, 2);
    // Line 1 is a comment: nothing there reaches the heap.
    const test::CliOutcome nothing = why({ QStringLiteral("main.go:1") });
    QCOMPARE(nothing.exitCode, 1);
    QVERIFY(nothing.errors.contains("no heap or leak finding"));
}

void TestWhyCli::cleanupTestCase()
{
    if (!m_before.isEmpty())
        QCOMPARE(test::hashTree(moduleDir()), m_before);
}

QTEST_GUILESS_MAIN(TestWhyCli)
#include "tst_whycli.moc"
