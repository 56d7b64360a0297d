// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The streaming report JSON writer against files the DOM writer it replaced wrote (tests/data/golden-json,
// nlohmann's dump(1, '\t') of the same reports), the reader's round trip, and broken input.

#include "core/explain/heapcause.h"
#include "core/io/jsonwriter.h"
#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"
#include "core/parse/logoptreader.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTest>
#include <nlohmann/json.hpp>
#include <random>

using namespace heapsight;

namespace {

const QString kData = QStringLiteral(HEAPSIGHT_TEST_DATA);
const QString kGolden = kData + QStringLiteral("/golden-json/");

// Where two texts first differ, with the line around it on each side, for a failure message.
std::string firstDifference(std::string_view expected, std::string_view actual)
{
    const auto [e, a] = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
    const std::size_t at = static_cast<std::size_t>(e - expected.begin());
    const auto lineAround = [at](std::string_view text) {
        const std::size_t begin = text.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t from = begin == std::string_view::npos ? 0 : begin + 1;
        return std::string(text.substr(from, text.find('\n', at) - from));
    };
    const std::size_t line = static_cast<std::size_t>(std::count(expected.begin(), e, '\n')) + 1;
    (void)a;
    return "first difference at byte " + std::to_string(at) + " (line " + std::to_string(line) + ", lengths "
        + std::to_string(expected.size()) + " and " + std::to_string(actual.size())
        + ")\n expected: " + lineAround(expected) + "\n   actual: " + lineAround(actual);
}

// The report a golden file was written from: the recorded text parsed whole, or merged with its logopt
// files (what `analyze` reports with logopt).
Report reportFor(const QString& golden)
{
    if (golden == QLatin1String("escapes-go1.22-lang1.22.logopt-merged.json")) {
        const QString dir = kData + QStringLiteral("/logopt-escapes-go1.22-lang1.22");
        QFile header(dir + QStringLiteral("/main/main.json"));
        if (!header.open(QIODevice::ReadOnly))
            return {};
        const auto first = nlohmann::json::parse(header.readLine().toStdString(), nullptr, false);
        const QString root = QFileInfo(QString::fromStdString(first.value("file", std::string()))).path();
        return mergeLogopt(test::parseFile(kData + QStringLiteral("/escapes-go1.22-lang1.22.logopt.m2.txt")),
            readLogoptDirectory(dir, root));
    }
    QString source = golden;
    source.remove(QStringLiteral(".no-unknown-text")).chop(5); // ".json"
    // The made-up input with broken bytes lives beside the golden files, out of the way of the tests
    // that expect every recorded line to be understood.
    if (QFileInfo::exists(kGolden + source))
        return test::parseFile(kGolden + source);
    return test::parseFile(kData + QLatin1Char('/') + source);
}

ReportJsonOptions optionsFor(const QString& golden)
{
    ReportJsonOptions options;
    options.includeUnknownLineText = !golden.contains(QLatin1String("no-unknown-text"));
    return options;
}

} // namespace

class TestReportJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsTheDomWriter_data();
    void sameBytesAsTheDomWriter();
    void readsBackTheSameReport_data() { sameBytesAsTheDomWriter_data(); }
    void readsBackTheSameReport();
    void goldenCausesFromTheDom_data() { sameBytesAsTheDomWriter_data(); }
    void goldenCausesFromTheDom();
    void stringsEscapedLikeNlohmann();
    void nlohmannValuesLaidOutLikeDump();
    void addedMembersMergeInKeyOrder();
    void truncatedOrCorruptJsonSaysWhy();
};

void TestReportJson::sameBytesAsTheDomWriter_data()
{
    QTest::addColumn<QString>("golden");
    const QStringList files = QDir(kGolden).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 8);
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TestReportJson::sameBytesAsTheDomWriter()
{
    QFETCH(QString, golden);
    const QByteArray expected = test::readFile(kGolden + golden);
    QVERIFY(!expected.isEmpty());
    const std::string actual = reportToJsonText(reportFor(golden), optionsFor(golden));
    const std::string_view want = test::view(expected);
    QVERIFY2(actual == want, firstDifference(want, actual).c_str());
}

void TestReportJson::readsBackTheSameReport()
{
    QFETCH(QString, golden);
    const QByteArray expected = test::readFile(kGolden + golden);
    std::string error;
    const auto back = reportFromJsonText(test::view(expected), &error);
    QVERIFY2(back.has_value(), error.c_str());
    const std::string again = reportToJsonText(*back, optionsFor(golden));
    QVERIFY2(again == test::view(expected), firstDifference(test::view(expected), again).c_str());
    // And the report itself, not just its JSON: what the writer leaves out (unknown lines' text) and what
    // JSON cannot hold (invalid UTF-8, written as U+FFFD) aside.
    if (optionsFor(golden).includeUnknownLineText && !golden.startsWith(QLatin1String("strange-bytes"))) {
        const Report original = reportFor(golden);
        QCOMPARE(back->findings().size(), original.findings().size());
        for (std::size_t i = 0; i < original.findings().size(); ++i) {
            const Finding& a = original.findings()[i];
            const Finding& b = back->findings()[i];
            QVERIFY(a.kind == b.kind && a.subject == b.subject && a.message == b.message
                && a.explanations == b.explanations && a.occurrences == b.occurrences && a.sources == b.sources);
            QCOMPARE(back->fileName(b.position.file), original.fileName(a.position.file));
        }
        QCOMPARE(back->stats().inputLines, original.stats().inputLines);
        QCOMPARE(back->unknownLines().size(), original.unknownLines().size());
    }
}

// The golden files' "cause" and "hint" (schema version 1, added later) are each heap and leak finding's,
// set into the rest of the document by nlohmann, whose dump the streaming writer is to match byte for byte.
// With HEAPSIGHT_REGENERATE_GOLDEN set (tools/regenerate-golden-json) the files are rewritten so instead.
void TestReportJson::goldenCausesFromTheDom()
{
    QFETCH(QString, golden);
    const QByteArray bytes = test::readFile(kGolden + golden);
    nlohmann::json document = nlohmann::json::parse(test::view(bytes));
    const Report report = reportFor(golden);
    nlohmann::json& findings = document.at("findings");
    QCOMPARE(findings.size(), report.findings().size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        findings[i].erase("cause");
        findings[i].erase("hint");
        if (const std::optional<HeapCause> cause = heapCause(report.findings()[i])) {
            findings[i]["cause"] = causeId(*cause);
            findings[i]["hint"] = causeHint(*cause);
        }
    }
    const std::string want = document.dump(1, '\t', false, nlohmann::json::error_handler_t::replace);
    if (qEnvironmentVariableIsSet("HEAPSIGHT_REGENERATE_GOLDEN")) {
        QFile out(kGolden + golden);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(out.write(want.data(), static_cast<qint64>(want.size())) == static_cast<qint64>(want.size()));
        return;
    }
    QVERIFY2(want == test::view(bytes), firstDifference(test::view(bytes), want).c_str());
}

// Random byte strings, rich in control characters, quotes and broken UTF-8, escaped as nlohmann's dump
// (with error_handler_t::replace) escapes them.
void TestReportJson::stringsEscapedLikeNlohmann()
{
    std::mt19937 random(20);
    const std::string alphabet = std::string("a\"\\\x01\x1f\x7f\x08\x0c\r\n\t", 11)
        + "\x80\xbf\xc0\xc1\xc2\xdf\xe0\xe1\xed\xee\xef\xf0\xf1\xf4\xf5\xff\x90\xa0\x9f\x8f";
    for (int round = 0; round < 20000; ++round) {
        std::string s(random() % 10, ' ');
        for (char& c : s)
            c = alphabet[random() % alphabet.size()];
        std::string written;
        {
            JsonWriter out([&](std::string_view block) { written.append(block); });
            out.string(s);
        }
        const std::string expected = nlohmann::json(s).dump(1, '\t', false, nlohmann::json::error_handler_t::replace);
        QVERIFY2(written == expected, QByteArray::fromStdString(s).toHex(' ').constData());
    }
}

void TestReportJson::nlohmannValuesLaidOutLikeDump()
{
    const nlohmann::json value = nlohmann::json::parse(R"({"b": [1, -2, 3.25, 1e300, null, true, [], {}],
        "a": {"x": "y\u0001", "nested": [{"k": [[]]}]}, "c": "", "d": 0.1})");
    std::string written;
    {
        JsonWriter out([&](std::string_view block) { written.append(block); });
        out.beginArray();
        out.value(value);
        out.value(nlohmann::json::array());
        out.endArray();
    }
    QCOMPARE(written, nlohmann::json::array({ value, nlohmann::json::array() }).dump(1, '\t'));
}

// Members a command adds ("analysis", a finding's "alloc") land where nlohmann's map put them, and the
// finding order and selection are the caller's.
void TestReportJson::addedMembersMergeInKeyOrder()
{
    const Report report = test::parseFile(kData + QStringLiteral("/twoblocks-go1.25.m2.txt"));
    QVERIFY(report.findings().size() >= 3);
    const nlohmann::json added
        = { { "analysis", { { "state", "ok" } } }, { "allocations", 1 }, { "zz", "last" }, { "schemaVersion", 7 } };
    const nlohmann::json alloc = { { "alloc", { { "bytes", 64 } } }, { "kind", "replaced" } };
    ReportJsonOptions options;
    options.extraMembers = &added;
    options.findingOrder = std::vector<std::uint32_t> { 2, 0 };
    options.extraFindingMembers = [&](std::uint32_t i) { return i == 2 ? &alloc : nullptr; };

    nlohmann::json expected = nlohmann::json::parse(reportToJsonText(report));
    const nlohmann::json findings = expected["findings"];
    expected["findings"] = nlohmann::json::array({ findings[2], findings[0] });
    for (const auto& [k, v] : alloc.items())
        expected["findings"][0][k] = v;
    for (const auto& [k, v] : added.items())
        expected[k] = v;
    const std::string actual = reportToJsonText(report, options);
    const std::string want = expected.dump(1, '\t');
    QVERIFY2(actual == want, firstDifference(want, actual).c_str());
}

// Cut anywhere, or with a byte changed, the reader says why it refuses (or reads a valid document that
// still happens to be one) and never crashes or throws.
void TestReportJson::truncatedOrCorruptJsonSaysWhy()
{
    const QByteArray whole = test::readFile(kGolden + QStringLiteral("twoblocks-go1.25.m2.txt.json"));
    QVERIFY(!whole.isEmpty());
    for (qsizetype cut = 0; cut < whole.size(); cut += 7) {
        std::string error;
        const auto r = reportFromJsonText(test::view(whole.left(cut)), &error);
        QVERIFY2(!r.has_value(), qPrintable(QString::number(cut)));
        QVERIFY2(!error.empty(), qPrintable(QString::number(cut)));
    }
    std::string error;
    QVERIFY(!reportFromJsonText(test::view(whole.left(whole.size() / 2)), &error));
    QVERIFY2(error.starts_with("not valid JSON"), error.c_str());

    std::mt19937 random(4);
    const char replacements[] = { '}', ']', '"', ',', ':', '\0', '\xff', 'x', '1', '-', '\\', '{' };
    int refused = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray corrupt = whole;
        corrupt[static_cast<qsizetype>(random() % static_cast<unsigned>(whole.size()))]
            = replacements[random() % sizeof replacements];
        error.clear();
        if (!reportFromJsonText(test::view(corrupt), &error)) {
            QVERIFY(!error.empty());
            ++refused;
        }
    }
    QVERIFY(refused > 1000);

    QVERIFY(!reportFromJsonText(R"({"schema":"heapsight-report","schemaVersion":1,"origin":{},"packages":[],
        "findings":[{"kind":"moved","file":"a.go","line":-3,"column":1,"subject":"x","message":"m"}]})",
        &error));
    QVERIFY2(error.starts_with("malformed report JSON"), error.c_str());
    QVERIFY(!reportFromJsonText(R"({"schema":"heapsight-report","schemaVersion":1,"origin":{},"packages":[],
        "findings":[{"kind":"moved","file":"a.go","line":3,"subject":"x","message":"m"}]})",
        &error));
    QVERIFY2(error.find("missing") != std::string::npos, error.c_str());
}

QTEST_APPLESS_MAIN(TestReportJson)
#include "tst_reportjson.moc"
