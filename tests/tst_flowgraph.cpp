// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The flow graph of the explanations on one line, on real recorded output: a return of an address, two
// parameters leaking to one shared {heap}, a closure's storage, and a block of go/types' that the compiler
// truncates (an assignment cycle), which ends in a marked "…" node.
#include "core/model/flowgraph.h"
#include "core/parse/escapeparser.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>

using namespace heapsight;

namespace {

QString describe(const FlowGraph& g, QStringList* edges)
{
    QStringList nodes;
    for (const FlowGraph::Node& n : g.nodes) {
        nodes << QStringLiteral("%1@%2:%3 %4")
                     .arg(QString::fromStdString(n.name))
                     .arg(n.row)
                     .arg(n.column)
                     .arg(n.at.isValid() ? QStringLiteral("L%1").arg(n.at.line) : QStringLiteral("-"));
    }
    for (const FlowGraph::Edge& e : g.edges) {
        *edges << QStringLiteral("%1->%2 %3%4")
                      .arg(QString::fromStdString(g.nodes[e.from].name), QString::fromStdString(g.nodes[e.to].name),
                          QString::fromStdString(e.label), e.truncated ? QStringLiteral(" (cut)") : QString());
    }
    return nodes.join(QStringLiteral("; "));
}

} // namespace

class TestFlowGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void line_data();
    void line();
    void kinds();
};

void TestFlowGraph::line_data()
{
    QTest::addColumn<QString>("report");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("nodes"); // name@row:column Lline (where a click jumps)
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<bool>("truncated");
    const QString sample = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt");
    QTest::newRow("address returned") << sample << "./returnaddr.go" << 7 << "x@0:0 L8; ~r0@1:0 L8"
                                      << QStringList { QStringLiteral("x->~r0 & address-of, return") } << false;
    QTest::newRow("two parameters into one heap")
        << sample << "store/store.go" << 18 << "key@0:0 L19; {heap}@1:0.5 L19; e@0:1 L19"
        << QStringList { QStringLiteral("key->{heap} key of map put"), QStringLiteral("e->{heap} assign") } << false;
    QTest::newRow("closure storage returned")
        << sample << "./closure.go" << 9 << "{storage for func literal}@0:0 L9; ~r0@1:0 L9"
        << QStringList { QStringLiteral("{storage for func literal}->~r0 & spill, return") } << false;
    QTest::newRow("truncated by an assignment cycle")
        << QStringLiteral(HEAPSIGHT_TEST_DATA "/truncated-go1.22.m2.txt") << "/usr/lib/go-1.22/src/go/types/labels.go"
        << 96
        << "{storage for &block{...}}@0:0 L96; b@1:0 L96; parent@2:0 L125; {storage for &block{...}}@3:0 L96; …@4:0 -"
        << QStringList { QStringLiteral("{storage for &block{...}}->b & spill, assign"),
               QStringLiteral("b->parent call parameter"),
               QStringLiteral("parent->{storage for &block{...}} struct literal element"),
               QStringLiteral("{storage for &block{...}}->… truncated: assignment cycle (cut)") }
        << true;
}

void TestFlowGraph::line()
{
    QFETCH(QString, report);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, nodes);
    QFETCH(QStringList, edges);
    QFETCH(bool, truncated);
    const Report r = test::parseFile(report);
    const FileId id = r.fileId(file.toStdString());
    QVERIFY(id != NoFile);
    const auto onLine = r.findingsOnLine(id, static_cast<std::uint32_t>(line));
    QVERIFY(!onLine.empty());
    const FlowGraph g = buildFlowGraph(r, onLine);
    QStringList actualEdges;
    QCOMPARE(describe(g, &actualEdges), nodes);
    QCOMPARE(actualEdges, edges);
    QCOMPARE(g.truncated, truncated);
    for (const FlowGraph::Edge& e : g.edges) {
        QVERIFY(e.from < g.nodes.size() && e.to < g.nodes.size());
        QVERIFY(e.truncated || e.at.isValid()); // every drawn step can be clicked
    }
}

void TestFlowGraph::kinds()
{
    QCOMPARE(flowNodeKind("{heap}"), FlowGraph::NodeKind::Heap);
    QCOMPARE(flowNodeKind("~r0"), FlowGraph::NodeKind::Result);
    QCOMPARE(flowNodeKind("~R1"), FlowGraph::NodeKind::Result);
    QCOMPARE(flowNodeKind("{storage for &T{...}}"), FlowGraph::NodeKind::Storage);
    QCOMPARE(flowNodeKind(".autotmp_12"), FlowGraph::NodeKind::Temporary);
    QCOMPARE(flowNodeKind("buf"), FlowGraph::NodeKind::Location);
}

QTEST_GUILESS_MAIN(TestFlowGraph)
#include "tst_flowgraph.moc"
