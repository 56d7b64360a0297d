// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop app end to end, on the sample module with its recorded Go 1.22 output: markers where the
// compiler's text says (grepped here, not taken from the parser), the why panel's chain for `return &x`,
// filters acting on markers and rows at once, and navigation.
#include "findings/filterbar.h"
#include "findings/findingfilter.h"
#include "findings/findingsmodel.h"
#include "findings/findingspanel.h"
#include "findings/findingsproxy.h"
#include "guitestsupport.h"
#include "session/modulesession.h"
#include "source/sourcegutter.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "why/whypanel.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using namespace heapsight;
using namespace heapsight::gui;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensFileWithMostMovedVariables();
    void gutterMarkersOnExpectedLines_data();
    void gutterMarkersOnExpectedLines();
    void clickingReturnLineExplainsChain();
    void clickingMarkerSelectsLine();
    void chainLinksJump();
    void kindFilterHidesMarkersAndRows();
    void textFilterIsDebounced();
    void nextAndPreviousFinding();
    void doubleClickJumps();

private:
    void selectInTree(const QString& relative);
    QString path(const QString& relative) const { return QDir::cleanPath(m_root + QLatin1Char('/') + relative); }
    int countPixels(const QImage& image, const QRect& rect, const QColor& color) const;

    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QString m_root;
    QByteArray m_text;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings and recent folders go to a test location
    QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight")).remove(QStringLiteral("gui"));
    m_root = QDir(test::sampleModule()).canonicalPath();
    m_text = test::readFile(test::sampleReport());
}

void TestMainWindow::init()
{
    m_window = test::openSampleWindow(&m_testers);
    QVERIFY(m_window);
}

void TestMainWindow::cleanup()
{
    m_testers.clear();
    m_window.reset();
}

void TestMainWindow::selectInTree(const QString& relative)
{
    QTreeView* view = m_window->treePanel()->view();
    const QModelIndex index
        = m_window->treePanel()->proxy()->mapFromSource(m_window->treePanel()->model()->indexForPath(path(relative)));
    QVERIFY2(index.isValid(), qPrintable(relative));
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(index).center());
    QCOMPARE(m_window->sourcePane()->currentPath(), path(relative));
}

int TestMainWindow::countPixels(const QImage& image, const QRect& rect, const QColor& color) const
{
    int n = 0;
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y) {
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right()); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) <= 12 && qAbs(c.green() - color.green()) <= 12
                && qAbs(c.blue() - color.blue()) <= 12)
                ++n;
        }
    }
    return n;
}

void TestMainWindow::opensFileWithMostMovedVariables()
{
    QString best;
    int most = -1;
    for (const QString& file : QDir(m_root).entryList({ QStringLiteral("*.go") }, QDir::Files, QDir::Name)) {
        const int moved = test::grepCount(m_text, QStringLiteral("./") + file, QStringLiteral("moved to heap: \\S+"));
        if (moved > most) {
            most = moved;
            best = file;
        }
    }
    QCOMPARE(m_window->sourcePane()->currentPath(), path(best));
    QVERIFY(m_window->reportStatusBar()->summary().contains(QStringLiteral("escapes-go1.22.m2.txt")));
}

void TestMainWindow::gutterMarkersOnExpectedLines_data()
{
    QTest::addColumn<QString>("file");
    for (const char* file :
        { "returnaddr.go", "loopvar.go", "store/store.go", "closure.go", "iface.go", "appendptr.go", "generics.go" })
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestMainWindow::gutterMarkersOnExpectedLines()
{
    QFETCH(QString, file);
    selectInTree(file);
    const QString printed = file.contains(QLatin1Char('/')) ? file : QStringLiteral("./") + file;
    const QList<int> expected = test::grepLines(m_text, printed, test::defaultVerdictPattern());
    QVERIFY(!expected.isEmpty());
    SourceView* view = m_window->sourcePane()->view();
    const std::vector<int> marked = view->annotations().markedLines();
    QCOMPARE(QList<int>(marked.begin(), marked.end()), expected);

    // And they are painted: each marked line's lane holds its group's colour.
    const QImage gutter = view->gutter()->grab().toImage();
    const qreal dpr = gutter.devicePixelRatio();
    const auto scaled = [dpr](const QRect& r) { return QRect((r.topLeft() * dpr), (r.size() * dpr)); };
    const struct {
        MarkerGroup group;
        QString pattern;
    } groups[] = { { MarkerGroup::Moved, QStringLiteral("moved to heap: \\S+") },
        { MarkerGroup::Escapes, QStringLiteral(".+ escapes to heap") },
        { MarkerGroup::Leaks,
            QStringLiteral("leaking param: \\S+( to result \\S+ level=\\d+)?|leaking param content: \\S+") } };
    for (const auto& g : groups) {
        const QColor color = view->annotationPalette().marker(g.group);
        for (int line : test::grepLines(m_text, printed, g.pattern)) {
            view->goToLine(line);
            const QImage image = view->gutter()->grab().toImage();
            QVERIFY2(countPixels(image, scaled(view->gutter()->markerRect(line)), color) >= 4,
                qPrintable(QStringLiteral("%1:%2 %3").arg(file).arg(line).arg(markerGroupIdString(g.group))));
        }
    }
    // Lines with no finding and on no finding's path show no heap colour.
    QSet<int> onPath;
    const QRegularExpression at(QStringLiteral(" at %1:(\\d+)").arg(QRegularExpression::escape(printed)));
    for (QRegularExpressionMatchIterator it = at.globalMatch(QString::fromUtf8(m_text)); it.hasNext();)
        onPath.insert(it.next().captured(1).toInt());
    view->goToLine(1);
    const QImage top = view->gutter()->grab().toImage();
    for (const SourceView::VisibleLine& l : view->visibleLines()) {
        if (expected.contains(l.line) || onPath.contains(l.line))
            continue;
        for (const auto& g : groups)
            QCOMPARE(
                countPixels(top, scaled(view->gutter()->markerRect(l.line)), view->annotationPalette().marker(g.group)),
                0);
    }
    Q_UNUSED(gutter);
}

void TestMainWindow::clickingReturnLineExplainsChain()
{
    selectInTree(QStringLiteral("returnaddr.go"));
    SourceView* view = m_window->sourcePane()->view();
    int returnLine = 0;
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text().trimmed() == QLatin1String("return &x"))
            returnLine = b.blockNumber() + 1;
    }
    QVERIFY(returnLine > 0);
    const QRect rect = view->lineRect(returnLine);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(rect.left() + 60, rect.center().y()));
    QCOMPARE(view->currentLine(), returnLine);

    const QString why = m_window->whyPanel()->plainText();
    QVERIFY2(why.contains(QStringLiteral("This line is a step on the path of")), qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("moved to heap: x")));
    QVERIFY2(why.contains(
                 QStringLiteral("x \u2192 ~r0 (address-of, returnaddr.go:%1:9; return, returnaddr.go:%1:2) \u2192 heap")
                     .arg(returnLine)),
        qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("address-of \u2014 Its address is taken")));
    QVERIFY(why.contains(QStringLiteral("return \u2014 The value is returned")));
}

void TestMainWindow::clickingMarkerSelectsLine()
{
    selectInTree(QStringLiteral("returnaddr.go"));
    SourceView* view = m_window->sourcePane()->view();
    const int line
        = test::grepLines(m_text, QStringLiteral("./returnaddr.go"), QStringLiteral("moved to heap: x")).value(0);
    view->goToLine(1);
    QTest::mouseClick(view->gutter(), Qt::LeftButton, Qt::NoModifier, view->gutter()->markerRect(line).center());
    QCOMPARE(view->currentLine(), line);
    const QString why = m_window->whyPanel()->plainText();
    QVERIFY(
        why.startsWith(QStringLiteral("\u25CF moved to heap: x")) || why.contains(QStringLiteral("moved to heap: x")));
    QVERIFY(!why.contains(QStringLiteral("step on the path of")));
}

void TestMainWindow::chainLinksJump()
{
    selectInTree(QStringLiteral("returnaddr.go"));
    SourceView* view = m_window->sourcePane()->view();
    view->goToLine(
        test::grepLines(m_text, QStringLiteral("./returnaddr.go"), QStringLiteral("moved to heap: x")).value(0));
    QTextBrowser* browser = m_window->whyPanel()->browser();
    QTextCursor anchor;
    for (QTextBlock b = browser->document()->begin(); b.isValid() && anchor.isNull(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor() && it.fragment().text().startsWith(QLatin1String("address-of"))) {
                anchor = QTextCursor(browser->document());
                anchor.setPosition(it.fragment().position() + 2);
                break;
            }
        }
    }
    QVERIFY(!anchor.isNull());
    browser->setTextCursor(anchor);
    browser->ensureCursorVisible();
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, Qt::NoModifier, browser->cursorRect(anchor).center());
    QCOMPARE(view->currentLine(), 8);
    QCOMPARE(view->textCursor().positionInBlock(), 8); // column 9, after the tab
}

void TestMainWindow::kindFilterHidesMarkersAndRows()
{
    selectInTree(QStringLiteral("returnaddr.go"));
    SourceView* view = m_window->sourcePane()->view();
    FindingsProxy* rows = m_window->findingsPanel()->proxy();
    const int movedLine
        = test::grepLines(m_text, QStringLiteral("./returnaddr.go"), QStringLiteral("moved to heap: x")).value(0);
    const QColor red = view->annotationPalette().marker(MarkerGroup::Moved);
    const auto movedRows = [rows] {
        int n = 0;
        for (int r = 0; r < rows->rowCount(); ++r)
            n += rows->index(r, 0).data(FindingsModel::GroupRole).toInt() == int(MarkerGroup::Moved) ? 1 : 0;
        return n;
    };
    const auto redPixels
        = [&] { return countPixels(view->gutter()->grab().toImage(), view->gutter()->markerRect(movedLine), red); };
    int movedTotal = 0;
    for (const std::string& f : m_window->session()->report()->report().files())
        movedTotal += test::grepCount(m_text, QString::fromStdString(f), QStringLiteral("moved to heap: \\S+"));
    QCOMPARE(movedRows(), movedTotal);
    QVERIFY(redPixels() > 0);
    const int rowsBefore = rows->rowCount();

    QToolButton* moved = m_window->filterBar()->findChild<QToolButton*>(QStringLiteral("filter-moved"));
    QVERIFY(moved && moved->isChecked());
    QTest::mouseClick(moved, Qt::LeftButton);
    QVERIFY(!m_window->filter()->isGroupEnabled(MarkerGroup::Moved));
    QVERIFY(!view->annotations().at(movedLine) || view->annotations().at(movedLine)->findings.empty());
    QCOMPARE(redPixels(), 0);
    QCOMPARE(movedRows(), 0);
    QCOMPARE(rows->rowCount(), rowsBefore - movedTotal);
    const QModelIndex item = m_window->treePanel()->model()->indexForPath(path(QStringLiteral("returnaddr.go")));
    QCOMPARE(item.data(ModuleTreeModel::BadgeCountRole).toInt(), 0);

    QTest::mouseClick(moved, Qt::LeftButton);
    QCOMPARE(movedRows(), movedTotal);
    QVERIFY(redPixels() > 0);
}

void TestMainWindow::textFilterIsDebounced()
{
    QLineEdit* search = m_window->filterBar()->searchField();
    QElapsedTimer clock;
    clock.start();
    QTest::keyClicks(search, QStringLiteral("wg"));
    QCOMPARE(m_window->filter()->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->filter()->text(), QStringLiteral("wg"), 2000);
    QVERIFY(clock.elapsed() >= FilterBar::DebounceMs - 20);
    FindingsProxy* rows = m_window->findingsPanel()->proxy();
    QCOMPARE(rows->rowCount(),
        test::grepCount(
            m_text, QStringLiteral("./loopvar.go"), QStringLiteral("moved to heap: wg|wg escapes to heap")));
    search->clear();
    QCOMPARE(m_window->filter()->text(), QString()); // clearing applies at once
}

void TestMainWindow::nextAndPreviousFinding()
{
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTableView* table = m_window->findingsPanel()->table();
    FindingsProxy* rows = m_window->findingsPanel()->proxy();
    const int start = table->currentIndex().isValid() ? table->currentIndex().row() : -1;
    const auto expectAt = [&](int row) {
        QCOMPARE(table->currentIndex().row(), row);
        const QModelIndex index = rows->index(row, FindingsModel::LineColumn);
        QCOMPARE(m_window->sourcePane()->view()->currentLine(), index.data().toInt());
        const QString file = rows->index(row, FindingsModel::FileColumn).data().toString();
        QVERIFY2(m_window->sourcePane()->currentPath().endsWith(QLatin1Char('/') + file), qPrintable(file));
    };
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    expectAt((start + 1) % rows->rowCount());
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    expectAt((start + 2) % rows->rowCount());
    QTest::keyClick(m_window.get(), Qt::Key_F8, Qt::ShiftModifier);
    expectAt((start + 1) % rows->rowCount());
}

void TestMainWindow::doubleClickJumps()
{
    QTableView* table = m_window->findingsPanel()->table();
    FindingsProxy* rows = m_window->findingsPanel()->proxy();
    int row = -1;
    for (int r = 0; r < rows->rowCount() && row < 0; ++r) {
        if (rows->index(r, FindingsModel::FileColumn).data().toString() == QLatin1String("store/store.go"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex index = rows->index(row, FindingsModel::SubjectColumn);
    table->scrollTo(index);
    const QPoint at = table->visualRect(index).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(m_window->sourcePane()->currentPath(), path(QStringLiteral("store/store.go")));
    QCOMPARE(m_window->sourcePane()->view()->currentLine(), rows->index(row, FindingsModel::LineColumn).data().toInt());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
