// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Opening modules: a report handed over whole (the analysis runner's way in), a folder opened from disk or
// dropped, a module without a report, and a module folder that is never written to.
#include "core/parse/escapeparser.h"
#include "findings/filterbar.h"
#include "findings/findingspanel.h"
#include "guitestsupport.h"
#include "session/modulesession.h"
#include "session/recentfolders.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "testsupport.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "window/firstlayout.h"
#include "window/mainwindow.h"
#include "window/reportstatusbar.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QDockWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace heapsight;
using namespace heapsight::gui;

class TestModuleOpening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void reportArrivesAsynchronously();
    void moduleFolderIsNeverWritten();
    void droppedFolderOpens();
    void moduleWithoutReportShowsBanner();
    void firstStartGivesSourceTheRoom_data();
    void firstStartGivesSourceTheRoom();

private:
    void selectInTree(const QString& relative);
    QString path(const QString& relative) const { return QDir::cleanPath(m_root + QLatin1Char('/') + relative); }

    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QString m_root;
};

void TestModuleOpening::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings and recent folders go to a test location
    QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight")).remove(QStringLiteral("gui"));
    m_root = QDir(test::sampleModule()).canonicalPath();
}

void TestModuleOpening::init()
{
    m_window = test::openSampleWindow(&m_testers);
    QVERIFY(m_window);
}

void TestModuleOpening::cleanup()
{
    m_testers.clear();
    m_window.reset();
}

void TestModuleOpening::selectInTree(const QString& relative)
{
    QTreeView* view = m_window->treePanel()->view();
    const QModelIndex index
        = m_window->treePanel()->proxy()->mapFromSource(m_window->treePanel()->model()->indexForPath(path(relative)));
    QVERIFY2(index.isValid(), qPrintable(relative));
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(index).center());
    QCOMPARE(m_window->sourcePane()->currentPath(), path(relative));
}

// The way an analysis run will hand over its result: a Report, indexed off the GUI thread.
void TestModuleOpening::reportArrivesAsynchronously()
{
    const QByteArray text = test::readFile(test::sampleReport(QStringLiteral("escapes-go1.21.m2.txt")));
    auto report = std::make_shared<const Report>(
        EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))));
    QSignalSpy changed(m_window->session(), &ModuleSession::reportChanged);
    m_window->setReport(report, QStringLiteral("go1.21 run"));
    QVERIFY(changed.wait(10000));
    QCOMPARE(m_window->session()->report()->sharedReport(), report);
    QVERIFY(m_window->reportStatusBar()->summary().contains(QStringLiteral("go1.21 run")));
    selectInTree(QStringLiteral("returnaddr.go"));
    const std::vector<int> marked = m_window->sourcePane()->view()->annotations().markedLines();
    QCOMPARE(QList<int>(marked.begin(), marked.end()),
        test::grepLines(text, QStringLiteral("./returnaddr.go"), test::defaultVerdictPattern()));
}

void TestModuleOpening::moduleFolderIsNeverWritten()
{
    QTemporaryDir dir;
    const QString module = dir.filePath(QStringLiteral("escapes"));
    QVERIFY(test::copyTree(m_root, module));
    const QMap<QString, QByteArray> before = test::hashTree(module);
    QVERIFY(before.contains(QStringLiteral("returnaddr.go")));

    QSignalSpy ready(m_window.get(), &MainWindow::moduleReady);
    m_window->openFolder(module, test::sampleReport());
    QVERIFY(ready.wait(10000));
    m_root = QDir(module).canonicalPath();
    selectInTree(QStringLiteral("store/store.go"));
    selectInTree(QStringLiteral("returnaddr.go"));
    m_window->sourcePane()->view()->goToLine(8, 9);
    QTest::mouseClick(
        m_window->filterBar()->findChild<QToolButton*>(QStringLiteral("filter-inlining")), Qt::LeftButton);
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    QVERIFY(m_window->close()); // saves settings and recent folders
    m_root = QDir(test::sampleModule()).canonicalPath();

    QCOMPARE(test::hashTree(module), before);
    QCOMPARE(RecentFolders().folders().value(0), QDir(module).canonicalPath());
    QCOMPARE(
        RecentFolders().reportFor(QDir(module).canonicalPath()), QFileInfo(test::sampleReport()).absoluteFilePath());
}

void TestModuleOpening::droppedFolderOpens()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(m_root, dir.path()));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(dir.path()) });
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy ready(m_window.get(), &MainWindow::moduleReady);
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(ready.wait(10000));
    QCOMPARE(m_window->session()->moduleRoot(), QDir(dir.path()).canonicalPath());
}

void TestModuleOpening::moduleWithoutReportShowsBanner()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(m_root, dir.path()));
    QSignalSpy ready(m_window.get(), &MainWindow::moduleReady);
    m_window->openFolder(dir.path());
    QVERIFY(ready.wait(10000));
    QVERIFY(!m_window->session()->report());
    QWidget* banner = m_window->sourcePane()->findChild<QWidget*>(QStringLiteral("reportBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(!m_window->sourcePane()->currentPath().isEmpty()); // the source shows anyway
    QCOMPARE(m_window->findingsPanel()->totalCount(), 0);
    QSignalSpy changed(m_window->session(), &ModuleSession::reportChanged);
    m_window->openReport(test::sampleReport());
    QVERIFY(changed.wait(10000));
    QVERIFY(!banner->isVisible());
}

// A first start (no saved layout) on common screens: the source view is the largest area and shows a
// screenful of code, the why panel is wide enough to read a step (issue 19: 6 source lines and a 130 px
// why panel before).
void TestModuleOpening::firstStartGivesSourceTheRoom_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<int>("minimumLines");
    QTest::addColumn<int>("minimumWhyWidth");
    QTest::newRow("1920x1080") << QSize(1920, 1080 - 40) << 30 << 360; // minus a taskbar
    // Two toolbar rows, the bottom docks' minimum height and the filter row's width leave less here.
    QTest::newRow("1366x768 laptop") << QSize(1366, 768 - 40) << 18 << 280;
}

void TestModuleOpening::firstStartGivesSourceTheRoom()
{
    QFETCH(QSize, screen);
    QFETCH(int, minimumLines);
    QFETCH(int, minimumWhyWidth);
    QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight")).remove(QStringLiteral("gui"));
    MainWindow window;
    window.resize(FirstLayout::windowSize(screen));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ready(&window, &MainWindow::moduleReady);
    QVERIFY(window.openSample(test::sampleReport()));
    QVERIFY(ready.wait(10000));

    SourceView* view = window.sourcePane()->view();
    QVERIFY(view->isVisible());
    const int lines = view->viewport()->height() / view->fontMetrics().lineSpacing();
    qInfo("%dx%d: window %dx%d, source %dx%d (%d lines), why panel %d px wide", screen.width(), screen.height(),
        window.width(), window.height(), view->width(), view->height(), lines, window.whyDock()->width());
    QVERIFY2(lines >= minimumLines, qPrintable(QStringLiteral("%1 source lines").arg(lines)));
    QVERIFY(window.whyDock()->width() >= minimumWhyWidth);
    const auto area = [](const QWidget* w) { return w->width() * w->height(); };
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (dock->isVisible())
            QVERIFY2(area(view) > area(dock), qPrintable(dock->objectName()));
    }
}

QTEST_MAIN(TestModuleOpening)
#include "tst_moduleopening.moc"
