// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The cause of a heap finding, on recorded compiler output of every Go version: what the sample's source
// says of its allocations, and for every heap and leak finding a cause its own chain supports.

#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>
#include <numeric>

using namespace heapsight;

class TestHeapCause : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idsAndHints();
    void causesByCount_data();
    void causesByCount();
    void sampleAllocations_data();
    void sampleAllocations();
    void causeFitsTheChain_data();
    void causeFitsTheChain();
};

namespace {

const QString kReports = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/");

// Every reason word of a finding's explanations.
std::vector<std::string_view> reasonsOf(const Finding& f)
{
    std::vector<std::string_view> words;
    for (const Explanation& e : f.explanations) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& s : edge.steps)
                words.push_back(s.reason);
        }
    }
    return words;
}

bool has(const std::vector<std::string_view>& words, std::initializer_list<std::string_view> any)
{
    return std::ranges::any_of(words, [&](std::string_view w) { return std::ranges::find(any, w) != any.end(); });
}

} // namespace

void TestHeapCause::idsAndHints()
{
    for (int c = 0; c < HeapCauseCount; ++c) {
        const auto cause = static_cast<HeapCause>(c);
        QCOMPARE(causeFromId(causeId(cause)), std::optional(cause));
        QVERIFY(!causeLabel(cause).empty());
        const std::string_view hint = causeHint(cause);
        QVERIFY2(hint.size() > 20 && hint.ends_with('.'), causeId(cause).data());
    }
    QVERIFY(!causeFromId("no-such-cause"));
    // The hint is the vocabulary's remedy of the word the cause stands for, not a second text.
    QCOMPARE(causeHint(HeapCause::InterfaceConverted), ReasonVocabulary::reasonText("interface-converted")->remedy);
    QCOMPARE(causeHint(HeapCause::TooLargeForStack), ReasonVocabulary::reasonText("too large for stack")->remedy);
}

void TestHeapCause::causesByCount_data()
{
    QTest::addColumn<QList<int>>("counts"); // (cause, count) pairs; the rest count 0
    QTest::addColumn<QList<int>>("expected"); // causes, most first
    const auto c = [](HeapCause cause) { return static_cast<int>(cause); };
    QTest::newRow("none") << QList<int> {} << QList<int> {};
    QTest::newRow("most first") << QList<int> {
        c(HeapCause::Spill), 2, c(HeapCause::Returned), 9, c(HeapCause::TooLargeForStack), 1
    } << QList<int> { c(HeapCause::Returned), c(HeapCause::Spill), c(HeapCause::TooLargeForStack) };
    // Ties keep the enum's order (the text report's groups), whatever order they were counted in.
    QTest::newRow("ties") << QList<int> { c(HeapCause::Unexplained), 3, c(HeapCause::Sent), 3,
        c(HeapCause::NonConstantSize), 3, c(HeapCause::Assigned), 4 }
                          << QList<int> { c(HeapCause::Assigned), c(HeapCause::NonConstantSize), c(HeapCause::Sent),
                                 c(HeapCause::Unexplained) };
}

void TestHeapCause::causesByCount()
{
    QFETCH(QList<int>, counts);
    QFETCH(QList<int>, expected);
    CauseCounts perCause {};
    for (qsizetype i = 0; i + 1 < counts.size(); i += 2)
        perCause[static_cast<std::size_t>(counts[i])] = static_cast<std::uint64_t>(counts[i + 1]);
    QList<int> ranked;
    for (const HeapCause cause : heapsight::causesByCount(perCause))
        ranked.append(static_cast<int>(cause));
    QCOMPARE(ranked, expected);
}

void TestHeapCause::sampleAllocations_data()
{
    QTest::addColumn<QString>("recording");
    QTest::addColumn<QString>("position"); // file:line:column of the verdict
    QTest::addColumn<QString>("cause");
    const QStringList all = QDir(kReports).entryList({ QStringLiteral("escapes-go1.*.m2.txt") }, QDir::Files);
    QVERIFY(all.size() >= 7);
    for (const QString& r : all) {
        // What samples/escapes says of its own code (the comments in each file).
        QTest::newRow(qPrintable(r + QStringLiteral(" 1 MiB make")))
            << r << QStringLiteral("./bigalloc.go:7:13") << QStringLiteral("too-large-for-stack");
        QTest::newRow(qPrintable(r + QStringLiteral(" closure sum")))
            << r << QStringLiteral("./closure.go:8:2") << QStringLiteral("captured-by-closure");
        QTest::newRow(qPrintable(r + QStringLiteral(" Sprintf u")))
            << r << QStringLiteral("./iface.go:14:27") << QStringLiteral("interface-converted");
        QTest::newRow(qPrintable(r + QStringLiteral(" &x returned")))
            << r << QStringLiteral("./returnaddr.go:7:2") << QStringLiteral("returned");
        QTest::newRow(qPrintable(r + QStringLiteral(" &Cache returned")))
            << r << QStringLiteral("store/store.go:15:9") << QStringLiteral("returned");
        // Go 1.25 keeps a variable-size make on the stack when it can: before, it is always on the heap.
        if (r < QLatin1String("escapes-go1.25"))
            QTest::newRow(qPrintable(r + QStringLiteral(" make n")))
                << r << QStringLiteral("./dynsize.go:7:11") << QStringLiteral("non-constant-size");
    }
    // -m output has no chains.
    QTest::newRow("-m go1.22") << QStringLiteral("../../tests/data/escapes-go1.22.m1.txt")
                               << QStringLiteral("./bigalloc.go:7:13") << QStringLiteral("unexplained");
}

void TestHeapCause::sampleAllocations()
{
    QFETCH(QString, recording);
    QFETCH(QString, position);
    QFETCH(QString, cause);
    const Report report = test::parseFile(kReports + recording);
    int heap = 0;
    for (const Finding& f : report.findings()) {
        const QString at = QStringLiteral("%1:%2:%3")
                               .arg(QString::fromStdString(std::string(report.fileName(f.position.file))))
                               .arg(f.position.line)
                               .arg(f.position.column);
        if (at != position || !isHeapAllocation(f.kind))
            continue;
        ++heap;
        const std::optional<HeapCause> found = heapCause(f);
        QVERIFY(found);
        QCOMPARE(QString::fromLatin1(causeId(*found)), cause);
    }
    QCOMPARE(heap, 1);
}

void TestHeapCause::causeFitsTheChain_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& r : QDir(kReports).entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(r)) << kReports + r;
    const QString data = QStringLiteral(HEAPSIGHT_TEST_DATA "/");
    for (const QString& r : QDir(data).entryList({ QStringLiteral("std-go1.*.m2.txt") }, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(r)) << data + r;
}

// Every heap and leak finding has a cause, and the words of its chain bear it out.
void TestHeapCause::causeFitsTheChain()
{
    QFETCH(QString, path);
    const Report report = test::parseFile(path);
    std::array<int, HeapCauseCount> seen {};
    for (const Finding& f : report.findings()) {
        const std::optional<HeapCause> cause = heapCause(f);
        QCOMPARE(cause.has_value(), hasCause(f.kind));
        if (!cause)
            continue;
        ++seen[static_cast<std::size_t>(*cause)];
        const std::vector<std::string_view> words = reasonsOf(f);
        const QByteArray what = QByteArray::fromStdString(f.message + " → " + std::string(causeId(*cause)));
        switch (*cause) {
        case HeapCause::Unexplained:
            QVERIFY2(f.explanations.empty(), what);
            break;
        case HeapCause::TooLargeForStack:
            QVERIFY2(has(words, { "too large for stack", "too aligned for stack" }), what);
            break;
        case HeapCause::NonConstantSize:
            QVERIFY2(has(words, { "non-constant size" }), what);
            break;
        case HeapCause::CapturedByClosure:
            QVERIFY2(has(words, { "captured by a closure", "reference" }), what);
            break;
        case HeapCause::InterfaceConverted:
            // Said by the compiler, or the value itself boxed into storage of its own.
            QVERIFY2(has(words, { "interface-converted" })
                    || f.explanations.front().flows.front().source == "{storage for " + f.subject + "}",
                what);
            break;
        case HeapCause::CallParameter:
            QVERIFY2(has(words, { "call parameter", "callee operand" }), what);
            break;
        case HeapCause::Returned:
            QVERIFY2(has(words, { "return" }), what);
            break;
        case HeapCause::Sent:
            QVERIFY2(has(words, { "send" }), what);
            break;
        case HeapCause::OtherFlow:
            QVERIFY2(!has(words, { "call parameter", "return", "assign", "send", "address-of", "spill" }), what);
            break;
        default:
            QVERIFY2(!words.empty(), what);
        }
    }
    // Real output has chains: most causes are read from them, not defaulted.
    if (!path.contains(QLatin1String(".m1.")))
        QVERIFY(
            seen[static_cast<std::size_t>(HeapCause::OtherFlow)] * 10 <= std::accumulate(seen.begin(), seen.end(), 0));
}

QTEST_MAIN(TestHeapCause)
#include "tst_heapcause.moc"
