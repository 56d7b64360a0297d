// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// SARIF end to end: what `report --sarif`, `diff --sarif` and `check --sarif` print for recorded compiler
// output is valid against the official SARIF 2.1.0 schema (tests/data/sarif, from npm, see PROVENANCE;
// checked by Debian's python3-jsonschema), and each result's code flow walks its finding's reason chain.

#include "core/explain/heapcause.h"
#include "core/io/reportsarif.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>
#include <set>

using namespace heapsight;

class TestReportSarif : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeSarif_data();
    void writeSarif();
    void validAgainstTheSchema();
    void codeFlowIsTheChain_data();
    void codeFlowIsTheChain();
    void rulesPerKindAndCause();

private:
    test::CliOutcome cli(const QStringList& args) { return test::runCli(QStringLiteral(HEAPSIGHT_CLI), args); }

    QString m_python;
    QTemporaryDir m_dir;
    QStringList m_written; // by writeSarif, for one run of the validator (python starts in seconds here)
};

namespace {

const QString kData = QStringLiteral(HEAPSIGHT_TEST_DATA "/");
const QString kReports = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/");

} // namespace

void TestReportSarif::initTestCase()
{
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!m_python.isEmpty(), "python3 (with python3-jsonschema, tools/install-deps) is needed");
    QVERIFY(m_dir.isValid());
}

void TestReportSarif::writeSarif_data()
{
    QTest::addColumn<QStringList>("args"); // heapsight-cli's arguments; FILE: the output is saved there
    QTest::addColumn<int>("exitCode");
    for (const char* name : { "std-go1.22.m2.txt", "std-go1.27.m2.txt", "twoblocks-go1.25.m2.txt",
             "broken-go1.27.m2.txt", "escapes-go1.22.m1.txt" })
        QTest::newRow(name) << QStringList { QStringLiteral("report"), kData + QLatin1String(name),
            QStringLiteral("--sarif") }
                            << 0;
    QTest::newRow("sample go1.27 heap only") << QStringList { QStringLiteral("report"),
        kReports + QStringLiteral("escapes-go1.27.m2.txt"), QStringLiteral("--sarif"), QStringLiteral("--kinds"),
        QStringLiteral("moved,escapes") } << 0;
    QTest::newRow("diff go1.21 go1.25") << QStringList { QStringLiteral("diff"),
        kReports + QStringLiteral("escapes-go1.21.m2.txt"), kReports + QStringLiteral("escapes-go1.25.m2.txt"),
        QStringLiteral("--sarif") } << 0;
    QTest::newRow("check go1.25 against go1.21") << QStringList { QStringLiteral("check"),
        kReports + QStringLiteral("escapes-go1.25.m2.txt"), QStringLiteral("--baseline"), QStringLiteral("BASELINE"),
        QStringLiteral("--sarif") } << 1;
}

// What heapsight-cli prints with --sarif, kept for validAgainstTheSchema.
void TestReportSarif::writeSarif()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const QString baseline = m_dir.filePath(QStringLiteral("go1.21.baseline"));
    if (args.contains(QStringLiteral("BASELINE"))) {
        const test::CliOutcome saved = cli({ QStringLiteral("baseline"), QStringLiteral("save"),
            kReports + QStringLiteral("escapes-go1.21.m2.txt"), QStringLiteral("-o"), baseline });
        QVERIFY2(saved.exitCode == 0, saved.errors.constData());
        args.replaceInStrings(QStringLiteral("BASELINE"), baseline);
    }
    const test::CliOutcome out = cli(args);
    QVERIFY2(out.exitCode == exitCode, out.errors.constData());
    QVERIFY(!test::sarifResults(out.json).isEmpty());
    const QString file = m_dir.filePath(QStringLiteral("%1.sarif").arg(m_written.size()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(out.output) == out.output.size());
    m_written << file;
}

// Every file writeSarif kept is valid, and the validator does refuse a damaged one (a result's level
// outside SARIF's enumeration): said for that file only.
void TestReportSarif::validAgainstTheSchema()
{
    QCOMPARE(m_written.size(), 8);
    QFile first(m_written.first());
    QVERIFY(first.open(QIODevice::ReadOnly));
    QByteArray damaged = first.readAll();
    const QByteArray note = "\"level\": \"note\"";
    const qsizetype level = damaged.indexOf(note);
    QVERIFY(level > 0);
    damaged.replace(level, note.size(), "\"level\": \"loud\"");
    const QString damagedFile = m_dir.filePath(QStringLiteral("damaged.sarif"));
    QFile out(damagedFile);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(damaged) == damaged.size());
    out.close();
    int status = -1;
    const QByteArray said = test::run(m_python,
        QStringList { QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/validate-sarif.py"),
            kData + QStringLiteral("sarif/sarif-schema-2.1.0.json") }
            + m_written + QStringList { damagedFile },
        m_dir.path(), &status);
    QCOMPARE(status, 1);
    const QList<QByteArray> lines = said.trimmed().split('\n');
    for (const QByteArray& line : lines)
        QVERIFY2(line.startsWith(QByteArray(damagedFile.toUtf8() + ": ")), said.constData());
    QVERIFY2(said.contains("'loud' is not one of"), said.constData());
}

void TestReportSarif::codeFlowIsTheChain_data()
{
    QTest::addColumn<QString>("path");
    for (const char* name : { "std-go1.22.m2.txt", "std-go1.27.m2.txt", "twoblocks-go1.25.m2.txt" })
        QTest::newRow(name) << kData + QLatin1String(name);
    QTest::newRow("sample go1.21") << kReports + QStringLiteral("escapes-go1.21.m2.txt");
}

// Each result is its finding (report order), and its thread flow has one location per `from` step of the
// finding's explanations, in order: the step's line, column, expression and reason word.
void TestReportSarif::codeFlowIsTheChain()
{
    QFETCH(QString, path);
    const Report report = test::parseFile(path);
    const nlohmann::json sarif = reportToSarif(report, {});
    const nlohmann::json& results = sarif.at("runs").at(0).at("results");
    QCOMPARE(results.size(), report.findings().size());
    std::size_t withFlows = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Finding& f = report.findings()[i];
        const nlohmann::json& r = results[i];
        QCOMPARE(r.at("message").at("text").get<std::string>(), f.message);
        std::vector<const FlowStep*> steps;
        std::vector<std::string> edges; // "DST = OPS SRC", as the compiler's flow line of each step
        for (const Explanation& e : f.explanations) {
            for (const FlowEdge& edge : e.flows) {
                const std::string ops = edge.derefs < 0 ? "&" : std::string(static_cast<std::size_t>(edge.derefs), '*');
                for (const FlowStep& s : edge.steps) {
                    steps.push_back(&s);
                    edges.push_back(std::string(edge.destination) + " = " + ops + std::string(edge.source));
                }
            }
        }
        QCOMPARE(r.contains("codeFlows"), !steps.empty());
        if (steps.empty())
            continue;
        ++withFlows;
        const nlohmann::json& locations = r.at("codeFlows").at(0).at("threadFlows").at(0).at("locations");
        QCOMPARE(locations.size(), steps.size());
        for (std::size_t k = 0; k < steps.size(); ++k) {
            const nlohmann::json& loc = locations[k].at("location");
            const nlohmann::json& region = loc.at("physicalLocation").at("region");
            QCOMPARE(region.at("startLine").get<std::uint32_t>(), std::max<std::uint32_t>(steps[k]->at.line, 1));
            QCOMPARE(region.value("startColumn", 0u), steps[k]->at.column);
            const std::string text = loc.at("message").at("text").get<std::string>();
            const std::string said = std::string(steps[k]->expression) + " (" + std::string(steps[k]->reason) + ")";
            QVERIFY2(text == said + ": " + edges[k], text.c_str());
        }
    }
    QVERIFY(withFlows >= 5);
}

// A rule per kind and per cause: each result's rule is its finding's kind and cause, and the rule's help is
// the cause's hint.
void TestReportSarif::rulesPerKindAndCause()
{
    const Report report = test::parseFile(kReports + QStringLiteral("escapes-go1.22.m2.txt"));
    const nlohmann::json sarif = reportToSarif(report, {});
    const nlohmann::json& rules = sarif.at("runs").at(0).at("tool").at("driver").at("rules");
    const nlohmann::json& results = sarif.at("runs").at(0).at("results");
    std::set<std::string> causes;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Finding& f = report.findings()[i];
        const nlohmann::json& rule = rules.at(results[i].at("ruleIndex").get<std::size_t>());
        QVERIFY(rule.at("id") == results[i].at("ruleId"));
        std::string id = "heapsight/" + std::string(kindId(f.kind));
        if (const std::optional<HeapCause> cause = heapCause(f)) {
            id += "/" + std::string(causeId(*cause));
            QCOMPARE(rule.at("help").at("text").get<std::string>(), std::string(causeHint(*cause)));
            causes.insert(std::string(causeId(*cause)));
        }
        QCOMPARE(rule.at("id").get<std::string>(), id);
        QCOMPARE(results[i].at("level").get<std::string>(), std::string(isHeapAllocation(f.kind) ? "warning" : "note"));
    }
    std::set<std::string> ids;
    for (const nlohmann::json& rule : rules)
        QVERIFY(ids.insert(rule.at("id").get<std::string>()).second); // one rule per id
    QVERIFY(causes.size() >= 5);
}

QTEST_MAIN(TestReportSarif)
#include "tst_reportsarif.moc"
