// The arena that holds a report's explanation chains, and the lifetimes it must not break: copies of a
// report, or of its findings, outlive it; assigning over a report releases its arenas only after the
// findings in them. Run under ASan+UBSan in CI, where a chain left pointing into a freed arena fails.
#include "core/io/reportjson.h"
#include "core/model/chainarena.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"

#include <QFile>
#include <QTest>
#include <memory>
#include <optional>

using namespace heapsight;

namespace {

std::string recorded(const char* name)
{
    QFile in(QStringLiteral(HEAPSIGHT_TEST_DATA "/") + QLatin1String(name));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    return in.readAll().toStdString();
}

std::size_t flowCount(const Report& r)
{
    std::size_t n = 0;
    for (const Finding& f : r.findings()) {
        for (const Explanation& e : f.explanations)
            n += e.flows.size();
    }
    return n;
}

} // namespace

class TestChainArena : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allocations();
    void copyOutlivesReport();
    void findingOutlivesReport();
    void assignOverParsedReport();
    void partsHandTheirArenasOver();

private:
    std::string m_text = recorded("std-go1.22.m2.txt");
};

void TestChainArena::allocations()
{
    ChainArena arena;
    std::pmr::vector<std::pmr::string> strings(&arena);
    for (int i = 0; i < 20000; ++i)
        strings.emplace_back(std::string(static_cast<std::size_t>(16 + i % 50), static_cast<char>('a' + i % 26)));
    for (int i = 0; i < 20000; ++i)
        QCOMPARE(strings[static_cast<std::size_t>(i)],
            std::pmr::string(std::string(static_cast<std::size_t>(16 + i % 50), static_cast<char>('a' + i % 26))));
    QVERIFY(arena.reservedBytes() >= 20000 * 16);
    void* big = arena.allocate(std::size_t(5) << 20, 64); // beyond a block: a block of its own
    QCOMPARE(reinterpret_cast<std::uintptr_t>(big) % 64, 0u);
    void* after = arena.allocate(24, 8); // the current block goes on being filled
    QCOMPARE(reinterpret_cast<std::uintptr_t>(after) % 8, 0u);
    QVERIFY(arena.reservedBytes() >= (std::size_t(5) << 20));
}

void TestChainArena::copyOutlivesReport()
{
    QVERIFY(!m_text.empty());
    const std::string expected = reportToJsonText(EscapeParser::parse(m_text));
    auto original = std::make_unique<Report>(EscapeParser::parse(m_text));
    QVERIFY(flowCount(*original) > 100);
    const Report copy = *original;
    original.reset();
    QCOMPARE(reportToJsonText(copy), expected);
}

void TestChainArena::findingOutlivesReport()
{
    std::optional<Report> r = EscapeParser::parse(m_text);
    std::vector<Finding> kept;
    for (const Finding& f : r->findings()) {
        if (!f.explanations.empty())
            kept.push_back(f);
    }
    QVERIFY(!kept.empty());
    const Finding first = kept.front();
    r.reset();
    QCOMPARE(kept.front().explanations, first.explanations);
    QVERIFY(!kept.front().explanations.front().flows.empty());
    QVERIFY(!kept.front().explanations.front().flows.front().destination.empty());
}

void TestChainArena::assignOverParsedReport()
{
    const std::string expected = reportToJsonText(EscapeParser::parse(m_text));
    Report target = EscapeParser::parse(m_text);
    target = EscapeParser::parse(m_text); // move-assign: the old findings go before their arena
    QCOMPARE(reportToJsonText(target), expected);
    const Report other = EscapeParser::parse(m_text);
    target = other; // copy-assign: the copy must not land in target's old arena
    Report moved = std::move(target);
    QCOMPARE(reportToJsonText(moved), expected);
    QCOMPARE(reportToJsonText(other), expected);
}

void TestChainArena::partsHandTheirArenasOver()
{
    // Cut into four parts parsed apart; the merged report holds the parts' chains, and their arenas.
    const std::string expected = reportToJsonText(EscapeParser::parse(m_text));
    std::optional<Report> merged = parseInParallel(m_text, {}, 4, 0);
    QCOMPARE(reportToJsonText(*merged), expected);
    const Report copy = *merged;
    merged.reset();
    QCOMPARE(reportToJsonText(copy), expected);
}

QTEST_GUILESS_MAIN(TestChainArena)
#include "tst_chainarena.moc"
