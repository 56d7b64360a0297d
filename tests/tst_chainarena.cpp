// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The arena that holds explanation chains, the writer that fills it, and the lifetimes they must not
// break: copies of a report, or of its findings, outlive it; assigning over a report; a merged parallel
// parse. Run under ASan+UBSan in CI, where a chain left pointing into a freed arena fails.
#include "core/io/reportjson.h"
#include "core/model/chainarena.h"
#include "core/model/chainwriter.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"
#include "testsupport.h"

#include <QTest>
#include <memory>
#include <optional>
#include <sys/mman.h>
#include <unistd.h>

using namespace heapsight;

namespace {

std::string recorded(const char* name)
{
    return test::readFile(QStringLiteral(HEAPSIGHT_TEST_DATA "/") + QLatin1String(name)).toStdString();
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

// An explanation whose header texts are written by `chains`, which is to finish it.
Explanation explanation(ChainWriter& chains, Explanation::Header header, std::string_view subject,
    std::string_view target, bool truncated = false)
{
    Explanation e;
    e.header = header;
    e.subject = chains.text(subject);
    e.target = chains.word(target);
    e.truncated = truncated;
    return e;
}

} // namespace

class TestChainArena : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allocations();
    void bigBlocksKeepWhatIsWritten();
    void releasedTailGoesBackAndKeepsWhatIsWritten();
    void writer();
    void reasonsStoredOnce();
    void writerCopiesWithNewPositions();
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
    std::vector<std::pair<char*, std::size_t>> texts;
    for (int i = 0; i < 20000; ++i) {
        const std::string text(static_cast<std::size_t>(16 + i % 50), static_cast<char>('a' + i % 26));
        auto* at = static_cast<char*>(arena.allocate(text.size(), 1));
        std::copy(text.begin(), text.end(), at);
        texts.emplace_back(at, text.size());
        auto* aligned = arena.allocate(8, 8);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(aligned) % 8, 0u);
    }
    for (int i = 0; i < 20000; ++i) {
        const std::string text(static_cast<std::size_t>(16 + i % 50), static_cast<char>('a' + i % 26));
        const auto [at, size] = texts[static_cast<std::size_t>(i)];
        QCOMPARE(std::string_view(at, size), std::string_view(text));
    }
    QVERIFY(arena.reservedBytes() >= 20000 * 16);
    void* big = arena.allocate(std::size_t(5) << 20, 64); // beyond a block: a block of its own
    QCOMPARE(reinterpret_cast<std::uintptr_t>(big) % 64, 0u);
    void* after = arena.allocate(24, 8); // the current block goes on being filled
    QCOMPARE(reinterpret_cast<std::uintptr_t>(after) % 8, 0u);
    QVERIFY(arena.reservedBytes() >= (std::size_t(5) << 20));
}

// Past 8 MiB the arena's blocks are populated by another thread while they are filled: every byte written
// before, during and after that must read back as written (madvise(MADV_POPULATE_WRITE) on a page already
// there leaves it as it is).
void TestChainArena::bigBlocksKeepWhatIsWritten()
{
    ChainArena arena;
    std::vector<std::pair<std::uint64_t*, std::size_t>> runs;
    std::uint64_t value = 0;
    while (arena.reservedBytes() < (std::size_t(48) << 20)) {
        const std::size_t words = 64 + value % 4000;
        auto* at = static_cast<std::uint64_t*>(arena.allocate(words * sizeof(std::uint64_t), 8));
        for (std::size_t w = 0; w < words; ++w)
            at[w] = ++value * 0x9E3779B97F4A7C15ull;
        runs.emplace_back(at, words);
    }
    QVERIFY(runs.size() > 1000);
    value = 0;
    for (const auto& [at, words] : runs) {
        for (std::size_t w = 0; w < words; ++w) {
            if (at[w] != ++value * 0x9E3779B97F4A7C15ull)
                QFAIL(qPrintable(QStringLiteral("word %1 of a run changed").arg(w)));
        }
    }
}

// A writer that is done gives back the unused pages of its newest block (populated whole when it is big):
// they are no longer resident, what was written before them reads back, and writing on still works.
void TestChainArena::releasedTailGoesBackAndKeepsWhatIsWritten()
{
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    ChainArena arena;
    std::vector<std::pair<std::uint32_t*, std::size_t>> runs;
    std::uint32_t value = 0;
    const auto write = [&](std::size_t words) {
        auto* at = static_cast<std::uint32_t*>(arena.allocate(words * sizeof(std::uint32_t), 4));
        for (std::size_t w = 0; w < words; ++w)
            at[w] = ++value * 2654435761u;
        runs.emplace_back(at, words);
        return at + words;
    };
    // Past 8 MiB, right after a new (big, populated) block begins.
    std::uint32_t* end = nullptr;
    while (true) {
        const std::size_t before = arena.reservedBytes();
        end = write(1 + value % 1000);
        if (before >= (std::size_t(16) << 20) && arena.reservedBytes() != before)
            break;
    }
    arena.releaseUnusedTail();
    // Four MiB after the last write: the block is 8 MiB and a few KB of it are used.
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(end) + page - 1) & ~(page - 1);
    std::vector<unsigned char> resident((std::size_t(4) << 20) / page);
    QCOMPARE(mincore(reinterpret_cast<void*>(from), std::size_t(4) << 20, resident.data()), 0);
    QCOMPARE(std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return r & 1; }), 0);

    for (int i = 0; i < 3000; ++i) // on into the released pages and beyond
        write(1 + value % 1000);
    arena.releaseUnusedTail();
    value = 0;
    for (const auto& [at, words] : runs) {
        for (std::size_t w = 0; w < words; ++w) {
            if (at[w] != ++value * 2654435761u)
                QFAIL(qPrintable(QStringLiteral("word %1 of a run changed").arg(w)));
        }
    }
}

void TestChainArena::writer()
{
    ChainWriter chains;
    QVERIFY(!chains.addStep("x", "address-of", Position { 0, 1, 2 })); // no edge yet
    std::string subject = "x";
    Explanation e = explanation(chains, Explanation::Header::Escapes, subject, "{heap}");
    subject.assign("changed"); // the header's texts are copies too
    std::string destination = "{heap}";
    chains.addEdge(destination, "x", -1);
    QVERIFY(chains.addStep("&x", "address-of", Position { 0, 12, 9 }));
    QVERIFY(chains.addStep("return &x", "return", Position { 0, 12, 2 }));
    chains.addEdge("~r0", "y", 2);
    chains.finish(e);
    destination.assign("changed"); // the chains hold copies of the text
    QCOMPARE(e.flows.size(), 2u);
    QCOMPARE(e.flows[0].destination, std::string_view("{heap}"));
    QCOMPARE(e.flows[0].derefs, -1);
    QCOMPARE(e.flows[0].steps.size(), 2u);
    QCOMPARE(e.flows[0].steps[1].expression, std::string_view("return &x"));
    QCOMPARE(e.flows[0].steps[1].at, (Position { 0, 12, 2 }));
    QCOMPARE(e.flows[1].source, std::string_view("y"));
    QVERIFY(e.flows[1].steps.empty());
    QVERIFY(e.chains);
    QCOMPARE(e.subject.view(), std::string_view("x"));
    QCOMPARE(e.target.view(), std::string_view("{heap}"));
    QVERIFY(e.function.empty());

    // The next explanation starts empty; a discarded one leaves nothing behind.
    chains.addEdge("a", "b", 0);
    chains.discard();
    Explanation next = explanation(chains, Explanation::Header::Leaks, "p", "~r0");
    chains.addEdge("~r0", "p", 0);
    chains.finish(next);
    QCOMPARE(next.flows.size(), 1u);
    QCOMPARE(next.flows[0].source, std::string_view("p"));
    QCOMPARE(e.flows.size(), 2u); // the first is untouched
    QVERIFY(!(e == next));
    Explanation empty = explanation(chains, Explanation::Header::Escapes, "z", "{heap}");
    chains.finish(empty);
    QVERIFY(empty.flows.empty());
}

void TestChainArena::reasonsStoredOnce()
{
    ChainWriter chains;
    chains.addEdge("{heap}", "x", 0);
    std::string reason;
    // Each step's reason comes from a buffer the parser reuses, as a line's text does.
    const std::vector<std::string> words { "call parameter", "assign", "call parameter", "spill", "assign" };
    for (const std::string& w : words) {
        reason = w;
        QVERIFY(chains.addStep("x", reason, Position { 0, 1, 1 }));
    }
    // More distinct words than the table holds (192): the rest are stored one by one, still whole.
    for (int i = 0; i < 300; ++i) {
        reason = "word " + std::to_string(i);
        QVERIFY(chains.addStep("y", reason, Position { 0, 2, 1 }));
    }
    reason = "call parameter";
    QVERIFY(chains.addStep("z", reason, Position { 0, 3, 1 }));
    reason.assign("overwritten");
    Explanation e = explanation(chains, Explanation::Header::Escapes, "x", "{heap}");
    chains.finish(e);
    const std::span<const FlowStep> steps = e.flows[0].steps;
    QCOMPARE(steps.size(), words.size() + 301);
    for (std::size_t i = 0; i < words.size(); ++i)
        QCOMPARE(steps[i].reason, std::string_view(words[i]));
    for (int i = 0; i < 300; ++i)
        QCOMPARE(steps[words.size() + std::size_t(i)].reason, std::string_view("word " + std::to_string(i)));
    // The same word is one text in the arena.
    QCOMPARE(static_cast<const void*>(steps[0].reason.data()), static_cast<const void*>(steps[2].reason.data()));
    QCOMPARE(static_cast<const void*>(steps[0].reason.data()), static_cast<const void*>(steps.back().reason.data()));
    QCOMPARE(static_cast<const void*>(steps[1].reason.data()), static_cast<const void*>(steps[4].reason.data()));
    QVERIFY(steps[0].reason.data() != steps[1].reason.data());
    QCOMPARE(steps.back().expression, std::string_view("z"));
}

void TestChainArena::writerCopiesWithNewPositions()
{
    auto first = std::make_unique<ChainWriter>();
    Explanation e = explanation(*first, Explanation::Header::Escapes, "x", "{heap}", true);
    first->addEdge("{heap}", "x", -1);
    first->addStep("&x", "address-of", Position { 3, 12, 9 });
    first->finish(e);
    auto copied = std::make_unique<ChainWriter>();
    const Explanation moved = copied->copy(e, [](Position p) { return Position { p.file + 1, p.line, p.column }; });
    const Explanation same = copied->copy(e, [](Position p) { return p; });
    QCOMPARE(same, e); // equal content, other arena
    QVERIFY(same.chains != e.chains);
    QVERIFY(!(moved == e));
    QCOMPARE(moved.flows[0].steps[0].at, (Position { 4, 12, 9 }));
    QVERIFY(moved.truncated);
    copied.reset(); // the copies keep their arena alive
    first.reset();
    e = Explanation {}; // the original's arena is gone: the copies' texts, header too, are their own
    QCOMPARE(moved.flows[0].steps[0].expression, std::string_view("&x"));
    QCOMPARE(moved.subject.view(), std::string_view("x"));
    QCOMPARE(same.target.view(), std::string_view("{heap}"));
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
    target = EscapeParser::parse(m_text); // move-assign
    QCOMPARE(reportToJsonText(target), expected);
    const Report other = EscapeParser::parse(m_text);
    target = other; // copy-assign: target's findings now share other's chains
    Report moved = std::move(target);
    QCOMPARE(reportToJsonText(moved), expected);
    QCOMPARE(reportToJsonText(other), expected);
}

void TestChainArena::partsHandTheirArenasOver()
{
    // Cut into four parts parsed apart; the merged report holds the parts' chains (renumbered in place).
    const std::string expected = reportToJsonText(EscapeParser::parse(m_text));
    std::optional<Report> merged = parseInParallel(m_text, {}, 4, 0);
    QCOMPARE(reportToJsonText(*merged), expected);
    const Report copy = *merged;
    merged.reset();
    QCOMPARE(reportToJsonText(copy), expected);
}

QTEST_GUILESS_MAIN(TestChainArena)
#include "tst_chainarena.moc"
