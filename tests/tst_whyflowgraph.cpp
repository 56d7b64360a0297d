// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The interprocedural flow graph (core/why/whyflowgraph) of the recorded output of Go 1.21-1.27 on
// tests/data/modules/whypath, the module tst_whypath reads: a value passed into another package of the
// module (store.Keep → remember, two calls deep; a method's second parameter) and, with the standard
// library's blocks (`go build -gcflags=-m=2 fmt sync`), into sync.(*Pool).Put. The expected graphs are
// written from the lines the compiler printed (tests/data/whypath-goX.Y.m2.txt and -deps-), not from the
// builder: every node, edge and sub-path, with where each one opens.
#include "core/parse/escapeparser.h"
#include "core/why/whyflowgraph.h"
#include "core/why/whypathbuilder.h"
#include "testsupport.h"

#include <QHash>
#include <QTest>

using namespace heapsight;

namespace {

const QStringList& goVersions = test::goVersions();

QString whypathModule()
{
    return QStringLiteral(HEAPSIGHT_TEST_DATA "/modules/whypath");
}

QString where(const FlowGraph::Location& at)
{
    return QString::fromStdString(at.file) + QStringLiteral(":%1:%2").arg(at.line).arg(at.column);
}

// "INDEX NAME sSEGMENT cCOLUMN rROW @ FILE:LINE:COLUMN"
QStringList nodesOf(const FlowGraph& g)
{
    QStringList out;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const FlowGraph::Node& n = g.nodes[i];
        out << QStringLiteral("%1 %2 s%3 c%4 r%5 @ %6")
                   .arg(i)
                   .arg(QString::fromStdString(n.name))
                   .arg(n.segment)
                   .arg(n.column)
                   .arg(n.row)
                   .arg(where(n.where));
    }
    return out;
}

// "FROM → TO[ (call)]: LABEL @ FILE:LINE:COLUMN"
QStringList edgesOf(const FlowGraph& g)
{
    QStringList out;
    for (const FlowGraph::Edge& e : g.edges) {
        out << QStringLiteral("%1 \u2192 %2%3: %4 @ %5")
                   .arg(e.from)
                   .arg(e.to)
                   .arg(e.call ? QStringLiteral(" (call)") : QString())
                   .arg(QString::fromStdString(e.label), where(e.where));
    }
    return out;
}

// "FUNCTION(PARAMETER) PACKAGE depth N[ read-only] from PARENT @ FILE:LINE:COLUMN"
QStringList segmentsOf(const FlowGraph& g)
{
    QStringList out;
    for (const FlowGraph::Segment& s : g.segments) {
        out << QStringLiteral("%1(%2) %3 depth %4%5 from %6 @ %7")
                   .arg(QString::fromStdString(s.function), QString::fromStdString(s.parameter),
                       QString::fromStdString(s.package))
                   .arg(s.depth)
                   .arg(s.outsideModule ? QStringLiteral(" read-only") : QString())
                   .arg(s.parent)
                   .arg(where(s.where));
    }
    return out;
}

const QString sep = QStringLiteral(" | ");

} // namespace

class TestWhyFlowGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void graphs_data();
    void graphs();
    void twoPaths();
    void empty();
};

void TestWhyFlowGraph::graphs_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("variable"); // `moved to heap: VARIABLE` in main.go
    QTest::addColumn<bool>("deps");
    QTest::addColumn<bool>("enters");
    QTest::addColumn<QString>("nodes"); // joined by " | "; GOROOT stands for /usr/lib/go-X.Y
    QTest::addColumn<QString>("edges");
    QTest::addColumn<QString>("segments");
    for (const QString& v : goVersions) {
        // store.Keep(it) → remember(it) → append: two calls deep into another package of the module.
        QTest::addRow("go%s item", qPrintable(v))
            << v << QStringLiteral("item") << false << true
            << QStringList { QStringLiteral("0 item s0 c0 r0 @ ./main.go:19:13"),
                   QStringLiteral("1 {heap} s0 c0 r3 @ ./main.go:19:12"),
                   QStringLiteral("2 it s1 c1 r1 @ internal/store/store.go:18:10"),
                   QStringLiteral("3 it s2 c2 r2 @ internal/store/store.go:23:19") }
                   .join(sep)
            << QStringList { QStringLiteral("0 \u2192 1: & address-of, call parameter @ ./main.go:19:13"),
                   QStringLiteral("2 \u2192 1: call parameter @ internal/store/store.go:18:10"),
                   QStringLiteral("3 \u2192 1: call parameter @ internal/store/store.go:23:19"),
                   QStringLiteral(
                       "2 \u2192 3 (call): call parameter \u2192 remember (it) @ internal/store/store.go:18:10"),
                   QStringLiteral("0 \u2192 2 (call): call parameter \u2192 store.Keep (it) @ ./main.go:19:12") }
                   .join(sep)
            << QStringList { QStringLiteral("() example.com/whypath depth 0 from -1 @ ./main.go:18:2"),
                   QStringLiteral("store.Keep(it) example.com/whypath/internal/store depth 1 from 0 @ "
                                  "internal/store/store.go:17:11"),
                   QStringLiteral("remember(it) example.com/whypath/internal/store depth 2 from 1 @ "
                                  "internal/store/store.go:22:15") }
                   .join(sep);
        // A method's second parameter: (*store.Cache).Add(cache, "entry", &entry) lands in `it`.
        QTest::addRow("go%s entry", qPrintable(v))
            << v << QStringLiteral("entry") << false << true
            << QStringList { QStringLiteral("0 entry s0 c0 r0 @ ./main.go:23:21"),
                   QStringLiteral("1 {heap} s0 c0 r2 @ ./main.go:23:11"),
                   QStringLiteral("2 it s1 c1 r1 @ internal/store/store.go:40:15") }
                   .join(sep)
            << QStringList { QStringLiteral("0 \u2192 1: & address-of, call parameter @ ./main.go:23:21"),
                   QStringLiteral("2 \u2192 1: assign @ internal/store/store.go:40:15"),
                   QStringLiteral(
                       "0 \u2192 2 (call): call parameter \u2192 (*store.Cache).Add (it) @ ./main.go:23:11") }
                   .join(sep)
            << QStringList { QStringLiteral("() example.com/whypath depth 0 from -1 @ ./main.go:22:2"),
                   QStringLiteral("(*store.Cache).Add(it) example.com/whypath/internal/store depth 1 from 0 @ "
                                  "internal/store/store.go:39:33") }
                   .join(sep);
        // Into the standard library, read-only: sync.(*Pool).Put stores x in its per-P private slot.
        QTest::addRow("go%s buf --deps", qPrintable(v))
            << v << QStringLiteral("buf") << true << true
            << QStringList { QStringLiteral("0 buf s0 c0 r0 @ ./main.go:29:14"),
                   QStringLiteral("1 {heap} s0 c0 r2 @ ./main.go:29:13"),
                   QStringLiteral("2 x s1 c1 r1 @ GOROOT/src/sync/pool.go:STORE:13") }
                   .join(sep)
            << QStringList { QStringLiteral(
                                 "0 \u2192 1: & address-of, interface-converted, call parameter @ ./main.go:29:14"),
                   QStringLiteral("2 \u2192 1: assign @ GOROOT/src/sync/pool.go:STORE:13"),
                   QStringLiteral("0 \u2192 2 (call): call parameter \u2192 (*sync.Pool).Put (x) @ ./main.go:29:13") }
                   .join(sep)
            << QStringList { QStringLiteral("() example.com/whypath depth 0 from -1 @ ./main.go:28:2"),
                   QStringLiteral(
                       "(*sync.Pool).Put(x) sync depth 1 read-only from 0 @ GOROOT/src/sync/pool.go:PUT:20") }
                   .join(sep);
        // Without the standard library's blocks the call is not entered: the finding's own block, as
        // buildFlowGraph draws it.
        QTest::addRow("go%s buf", qPrintable(v))
            << v << QStringLiteral("buf") << false << false
            << QStringList { QStringLiteral("0 buf s0 c0 r0 @ ./main.go:29:14"),
                   QStringLiteral("1 {heap} s0 c0 r1 @ ./main.go:29:13") }
                   .join(sep)
            << QStringLiteral("0 \u2192 1: & address-of, interface-converted, call parameter @ ./main.go:29:14")
            << QStringLiteral("() example.com/whypath depth 0 from -1 @ ./main.go:28:2");
    }
}

void TestWhyFlowGraph::graphs()
{
    QFETCH(QString, version);
    QFETCH(QString, variable);
    QFETCH(bool, deps);
    QFETCH(bool, enters);
    QFETCH(QString, nodes);
    QFETCH(QString, edges);
    QFETCH(QString, segments);
    const QString goroot = QStringLiteral("/usr/lib/go-%1").arg(version);
    if (deps && !QFileInfo::exists(goroot + QStringLiteral("/src/sync/pool.go")))
        QSKIP("the path into the standard library reads its sources from /usr/lib/go-X.Y");
    const QString base = QStringLiteral(HEAPSIGHT_TEST_DATA "/whypath");
    const std::string root = whypathModule().toStdString();
    auto module = std::make_shared<const Report>(test::parseFile(base + QStringLiteral("-go%1.m2.txt").arg(version)));
    std::vector<WhyInput> inputs { { module, root } };
    if (deps) {
        inputs.push_back(
            { std::make_shared<const Report>(test::parseFile(base + QStringLiteral("-deps-go%1.m2.txt").arg(version))),
                root });
    }
    const auto finding = std::ranges::find_if(module->findings(),
        [&](const Finding& f) { return f.kind == FindingKind::MovedToHeap && f.subject == variable.toStdString(); });
    QVERIFY(finding != module->findings().end());
    const std::vector<WhyPath> paths = WhyPathBuilder(inputs).pathsAt(
        module->fileName(finding->position.file), finding->position.line, finding->position.column);
    QCOMPARE(paths.size(), std::size_t(1));
    QCOMPARE(entersCallee(paths), enters);

    const FlowGraph graph = buildWhyFlowGraph(paths);
    // Where each version's sync/pool.go declares Put's x and stores it (`l.private = x`).
    const QHash<QString, QPair<int, int>> put { { QStringLiteral("1.21"), { 95, 109 } },
        { QStringLiteral("1.22"), { 96, 110 } }, { QStringLiteral("1.23"), { 99, 113 } },
        { QStringLiteral("1.24"), { 99, 113 } }, { QStringLiteral("1.25"), { 99, 113 } },
        { QStringLiteral("1.26"), { 99, 113 } }, { QStringLiteral("1.27"), { 100, 114 } } };
    const auto expanded = [&](const QString& joined) {
        return QString(joined)
            .replace(QStringLiteral("GOROOT"), goroot)
            .replace(QStringLiteral("PUT"), QString::number(put.value(version).first))
            .replace(QStringLiteral("STORE"), QString::number(put.value(version).second))
            .split(sep);
    };
    QCOMPARE(nodesOf(graph), expanded(nodes));
    QCOMPARE(edgesOf(graph), expanded(edges));
    QCOMPARE(segmentsOf(graph), expanded(segments));
    QCOMPARE(graph.columns, std::uint32_t(graph.segments.size()));
    QVERIFY(!graph.truncated);
    // Every location opens a file on disk: the module's own, or the toolchain's for the standard library.
    for (const FlowGraph::Node& n : graph.nodes) {
        QVERIFY2(QFileInfo::exists(QString::fromStdString(n.where.path)), n.where.path.c_str());
        const bool outside = graph.segments[n.segment].outsideModule;
        QCOMPARE(QString::fromStdString(n.where.path).startsWith(outside ? goroot : whypathModule()), true);
    }
    // The value reaches the one heap node from every segment: the finding's own and each callee's.
    const auto heaps = std::ranges::count_if(graph.nodes, [](const FlowGraph::Node& n) { return n.name == "{heap}"; });
    QCOMPARE(heaps, 1);
}

// Two findings drawn together (the why panel's "Whole function"): their own blocks take the first columns
// with the heap centred under them, as buildFlowGraph lays them out; the sub-paths go to their right.
void TestWhyFlowGraph::twoPaths()
{
    const std::string root = whypathModule().toStdString();
    auto module
        = std::make_shared<const Report>(test::parseFile(QStringLiteral(HEAPSIGHT_TEST_DATA "/whypath-go1.22.m2.txt")));
    WhyPathBuilder builder({ { module, root } });
    std::vector<WhyPath> paths;
    for (const std::uint32_t line : { 18u, 22u }) {
        std::vector<WhyPath> at = builder.pathsAt("main.go", line);
        QCOMPARE(at.size(), std::size_t(1));
        paths.push_back(std::move(at.front()));
    }
    const FlowGraph graph = buildWhyFlowGraph(paths);
    QStringList nodes;
    for (const FlowGraph::Node& n : graph.nodes)
        nodes << QStringLiteral("%1 s%2 c%3 r%4")
                     .arg(QString::fromStdString(n.name))
                     .arg(n.segment)
                     .arg(n.column)
                     .arg(n.row);
    QCOMPARE(nodes,
        QStringList(
            { QStringLiteral("item s0 c0 r0"), QStringLiteral("{heap} s0 c0.5 r3"), QStringLiteral("it s1 c2 r1"),
                QStringLiteral("it s2 c3 r2"), QStringLiteral("entry s3 c1 r0"), QStringLiteral("it s4 c4 r1") }));
    QCOMPARE(graph.columns, std::uint32_t(5));
    QCOMPARE(graph.rows, std::uint32_t(4));
    QStringList calls;
    for (const FlowGraph::Edge& e : graph.edges) {
        if (e.call)
            calls << QStringLiteral("%1 \u2192 %2").arg(e.from).arg(e.to);
    }
    QCOMPARE(calls,
        QStringList({ QStringLiteral("2 \u2192 3"), QStringLiteral("0 \u2192 2"), QStringLiteral("4 \u2192 5") }));
}

void TestWhyFlowGraph::empty()
{
    QCOMPARE(buildWhyFlowGraph({}).nodes.size(), std::size_t(0));
    const std::vector<WhyPath> unexplained(1); // a finding built with -m: no block, no segment
    const FlowGraph g = buildWhyFlowGraph(unexplained);
    QCOMPARE(g.nodes.size() + g.edges.size() + g.segments.size(), std::size_t(0));
    QCOMPARE(entersCallee(unexplained), false);
}

QTEST_GUILESS_MAIN(TestWhyFlowGraph)
#include "tst_whyflowgraph.moc"
