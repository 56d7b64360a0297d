// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The why panel's flow graph on the sample and its recorded Go 1.22 report: the graph of a line, of its
// whole function, a click on a location jumping to where that location's step is, and an empty line.
#include "findings/findingfilter.h"
#include "guitestsupport.h"
#include "why/flowgraphview.h"
#include "why/whypanel.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
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

} // namespace

class TestFlowGraphView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void graphOfALine_data();
    void graphOfALine();
    void clickJumps();

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

QTEST_MAIN(TestFlowGraphView)
#include "tst_flowgraphview.moc"
