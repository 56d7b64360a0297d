// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The why panel's flow graph on the sample and its recorded Go 1.22 report: the graph of a line, of its
// whole function, a click on a location jumping to where that location's step is, and an empty line. And
// the interprocedural graph on tests/data/modules/whypath (Go 1.22): the callees' sub-paths, titled, their
// calls dashed, a click in a sub-path opening the callee's file at the step's line.
#include "core/parse/escapeparser.h"
#include "findings/findingfilter.h"
#include "guitestsupport.h"
#include "session/reportindex.h"
#include "why/flowgraphview.h"
#include "why/whypanel.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

QStringList nodeNames(const FlowGraph& g)
{
    QStringList names;
    for (const FlowGraph::Node& n : g.nodes)
        names << QString::fromStdString(n.name);
    return names;
}

QString whypathModule()
{
    return QDir::cleanPath(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/whypath"));
}

// The call arrows: the only dashed lines of a graph whose explanations the compiler did not truncate.
int dashedLines(const QGraphicsScene& scene)
{
    int n = 0;
    for (const QGraphicsItem* item : scene.items()) {
        if (const auto* path = qgraphicsitem_cast<const QGraphicsPathItem*>(item);
            path && path->pen().style() == Qt::DashLine)
            ++n;
    }
    return n;
}

// Locations (boxes with their name inside) and arrow labels that cover one another, as "A / B" pairs.
QStringList overlaps(const QGraphicsScene& scene)
{
    std::vector<std::pair<QString, QRectF>> placed;
    for (const QGraphicsItem* item : scene.items()) {
        if (item->parentItem())
            continue;
        if (const auto* text = qgraphicsitem_cast<const QGraphicsSimpleTextItem*>(item))
            placed.emplace_back(text->text(), text->sceneBoundingRect());
        else if (!item->childItems().isEmpty()) {
            if (const auto* name = qgraphicsitem_cast<const QGraphicsSimpleTextItem*>(item->childItems().first()))
                placed.emplace_back(name->text(), item->sceneBoundingRect());
        }
    }
    QStringList pairs;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            if (placed[i].second.intersects(placed[j].second))
                pairs << placed[i].first + QStringLiteral(" / ") + placed[j].first;
        }
    }
    return pairs;
}

} // namespace

class TestFlowGraphView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void graphOfALine_data();
    void graphOfALine();
    void clickJumps();
    void subPaths_data();
    void subPaths();

private:
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    std::unique_ptr<MainWindow> m_window;
};

void TestFlowGraphView::initTestCase()
{
    m_window = test::openSampleWindow(&m_testers);
    QVERIFY(m_window);
    m_window->whyPanel()->tabs()->setCurrentIndex(1);
}

void TestFlowGraphView::cleanupTestCase()
{
    m_testers.clear();
    m_window.reset();
}

void TestFlowGraphView::graphOfALine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("wholeFunction");
    QTest::addColumn<QString>("nodes"); // names, joined by " | "
    QTest::newRow("address returned") << "returnaddr.go" << 7 << false << "x | ~r0";
    QTest::newRow("the line of the return, whole function") << "returnaddr.go" << 8 << true << "x | ~r0";
    QTest::newRow("two parameters, one heap") << "store/store.go" << 18 << false << "key | {heap} | e";
    QTest::newRow("a body line, whole function") << "store/store.go" << 19 << true << "key | {heap} | e";
    QTest::newRow("no findings") << "returnaddr.go" << 1 << false << "";
    // Two arrows from the top row to {heap}, one slanted: their labels met at one height.
    QTest::newRow("three flows side by side")
        << "loopvar.go" << 12 << false << "wg | {heap} | wg | wg | {storage for func literal}";
}

void TestFlowGraphView::graphOfALine()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(bool, wholeFunction);
    QFETCH(QString, nodes);
    WhyPanel* why = m_window->whyPanel();
    why->wholeFunction()->setChecked(wholeFunction);
    why->showLine(QDir(test::sampleModule()).filePath(file), file, line);
    QCOMPARE(nodeNames(why->graphView()->graph()).join(QStringLiteral(" | ")), nodes);
    QCOMPARE(why->graphView()->scene()->items().isEmpty(), false); // nodes, or the note that there are none
    QCOMPARE(overlaps(*why->graphView()->scene()), QStringList());
}

void TestFlowGraphView::clickJumps()
{
    WhyPanel* why = m_window->whyPanel();
    why->wholeFunction()->setChecked(false);
    const QString path = QDir(test::sampleModule()).filePath(QStringLiteral("returnaddr.go"));
    why->showLine(path, QStringLiteral("returnaddr.go"), 7);
    FlowGraphView* view = why->graphView();
    QCOMPARE(view->graph().nodes.size(), std::size_t(2));
    QSignalSpy jumped(why, &WhyPanel::positionActivated);
    // x: its first step, `&x (address-of) at ./returnaddr.go:8:9`.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->nodeViewCenter(0));
    QCOMPARE(jumped.size(), 1);
    QCOMPARE(jumped.first().at(0).toString(), path);
    QCOMPARE(jumped.first().at(1).toInt(), 8);
    QCOMPARE(jumped.first().at(2).toInt(), 9);
    if (const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); !shot.isEmpty()) {
        why->showLine(QDir(test::sampleModule()).filePath(QStringLiteral("store/store.go")),
            QStringLiteral("store/store.go"), 18);
        m_window->resize(1400, 900);
        m_window->resizeDocks({ m_window->whyDock() }, { 460 }, Qt::Horizontal);
        why->wholeFunction()->setChecked(true);
        why->showLine(QDir(test::sampleModule()).filePath(QStringLiteral("main.go")), QStringLiteral("main.go"), 15);
        QTest::qWait(300);
        m_window->grab().save(QString::fromLocal8Bit(shot));
        view->resize(640, 520); // the graph alone, as a wide dock shows it
        view->setGraph(FlowGraph(view->graph()));
        view->grab().save(QString::fromLocal8Bit(shot) + QStringLiteral(".graph.png"));
    }
}

void TestFlowGraphView::subPaths_data()
{
    QTest::addColumn<int>("line"); // of main.go
    QTest::addColumn<QString>("nodes");
    QTest::addColumn<QStringList>("titles"); // of the callee segments, in order
    QTest::addColumn<int>("node"); // a callee's location to click; -1: none
    QTest::addColumn<QString>("opens"); // FILE:LINE:COLUMN, the file relative to the module
    // store.Keep(&item) → remember(it) → append: `it` of Keep is passed on at store.go:18:10.
    QTest::newRow("two calls deep")
        << 18 << "item | {heap} | it | it"
        << QStringList { QStringLiteral("call parameter \u2192 store.Keep (it)\nexample.com/whypath/internal/store"),
               QStringLiteral("call parameter \u2192 remember (it)\nexample.com/whypath/internal/store") }
        << 2 << "internal/store/store.go:18:10";
    QTest::newRow("a method's parameter")
        << 22 << "entry | {heap} | it"
        << QStringList { QStringLiteral(
               "call parameter \u2192 (*store.Cache).Add (it)\nexample.com/whypath/internal/store") }
        << 2 << "internal/store/store.go:40:15";
    // sync is not analysed: no call entered, the graph as it always was.
    QTest::newRow("not entered") << 28 << "buf | {heap} | {storage for make([]byte, 0, 64)} | buf" << QStringList()
                                 << -1 << "";
}

void TestFlowGraphView::subPaths()
{
    QFETCH(int, line);
    QFETCH(QString, nodes);
    QFETCH(QStringList, titles);
    QFETCH(int, node);
    QFETCH(QString, opens);
    const QByteArray text = test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/whypath-go1.22.m2.txt"));
    auto report = std::make_shared<const Report>(EscapeParser::parse(test::view(text)));
    FindingFilter filter;
    WhyPanel why;
    why.resize(900, 640);
    why.tabs()->setCurrentIndex(1);
    why.show();
    QVERIFY(QTest::qWaitForWindowExposed(&why));
    why.setFilter(&filter);
    why.setSnapshot(test::snapshotOf(
        std::make_shared<const ReportIndex>(report, whypathModule(), QStringLiteral("whypath-go1.22"))));
    why.showLine(QDir(whypathModule()).filePath(QStringLiteral("main.go")), QStringLiteral("main.go"), line);
    FlowGraphView* view = why.graphView();
    QCOMPARE(nodeNames(view->graph()).join(QStringLiteral(" | ")), nodes);
    QStringList drawn;
    for (std::uint32_t s = 0; s < view->graph().segments.size(); ++s) {
        if (QGraphicsSimpleTextItem* title = view->segmentTitle(s))
            drawn << title->text();
    }
    QCOMPARE(drawn, titles);
    QCOMPARE(dashedLines(*view->scene()), static_cast<int>(titles.size()));
    if (const QByteArray shot = qgetenv("HEAPSIGHT_SCREENSHOT"); !shot.isEmpty())
        view->grab().save(QString::fromLocal8Bit(shot) + QStringLiteral(".subpaths-%1.png").arg(line));
    if (node < 0) {
        QVERIFY(view->graph().segments.empty());
        return;
    }
    QSignalSpy jumped(&why, &WhyPanel::positionActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->nodeViewCenter(static_cast<std::uint32_t>(node)));
    QCOMPARE(jumped.size(), 1);
    const QStringList parts = opens.split(u':');
    QCOMPARE(jumped.first().at(0).toString(), QDir(whypathModule()).filePath(parts.at(0)));
    QCOMPARE(jumped.first().at(1).toInt(), parts.at(1).toInt());
    QCOMPARE(jumped.first().at(2).toInt(), parts.at(2).toInt());
    // The last callee's title opens its parameter, where the compiler printed the callee's block.
    const FlowGraph::Segment& last = view->graph().segments.back();
    QGraphicsSimpleTextItem* title = view->segmentTitle(static_cast<std::uint32_t>(view->graph().segments.size() - 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(title->sceneBoundingRect().center()));
    QCOMPARE(jumped.size(), 2);
    QCOMPARE(jumped.last().at(0).toString(), QDir(whypathModule()).filePath(QString::fromStdString(last.where.file)));
    QCOMPARE(jumped.last().at(1).toInt(), static_cast<int>(last.where.line));
}

QTEST_MAIN(TestFlowGraphView)
#include "tst_flowgraphview.moc"
