// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The module tree and the findings list, models and proxies, each under QAbstractItemModelTester while
// folders, reports and filters change under them.
#include "core/parse/escapeparser.h"
#include "findings/findingfilter.h"
#include "findings/findingsmodel.h"
#include "findings/findingsproxy.h"
#include "guitestsupport.h"
#include "session/modulefolder.h"
#include "session/reportindex.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreeproxy.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

class TestGuiModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void moduleTree();
    void badgesAreHeapCounts_data();
    void badgesAreHeapCounts();
    void badgesFollowFilter();
    void treeSortedByCount();
    void treeOnlyFilesWithFindings();
    void busiestFile();
    void findingsModel();
    void findingsFollowFilter_data();
    void findingsFollowFilter();
    void numbersSortAsNumbers();
    void generatedListedLast_data();
    void generatedListedLast();

private:
    std::shared_ptr<const ReportIndex> m_index;
    std::shared_ptr<const ModuleFolder> m_folder;
    QByteArray m_text;
};

void TestGuiModels::initTestCase()
{
    m_index = test::loadSampleIndex();
    m_folder = std::make_shared<const ModuleFolder>(
        ModuleFolder::scan(QDir::cleanPath(test::sampleModule()), QStringLiteral("example.com/escapes")));
    m_text = test::readFile(test::sampleReport());
}

void TestGuiModels::moduleTree()
{
    FindingFilter filter;
    ModuleTreeModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ModuleTreeProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(0);
    model.setFilter(&filter);
    QCOMPARE(model.rowCount(), 0);
    model.setFolder(m_folder);
    model.setSnapshot(test::snapshotOf(m_index));
    const QStringList tree = test::dumpTree(proxy, ModuleTreeModel::BadgeCountRole, {});
    QCOMPARE(tree.value(0).section(QLatin1Char(' '), 0, 0), QStringLiteral("example.com/escapes"));
    QCOMPARE(tree.value(1).trimmed().section(QLatin1Char(' '), 0, 0), QStringLiteral("store")); // directories first
    QVERIFY2(tree.contains(QStringLiteral("  returnaddr.go [1]")), qPrintable(tree.join(QLatin1Char('\n'))));
    filter.setGroupEnabled(MarkerGroup::Moved, false);
    filter.setText(QStringLiteral("x"));
    model.setSnapshot(nullptr);
    model.setFolder(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestGuiModels::badgesAreHeapCounts_data()
{
    QTest::addColumn<QString>("file");
    for (const ModuleFolderNode& n : m_folder->nodes()) {
        if (!n.isDirectory)
            QTest::newRow(qPrintable(n.relativePath)) << n.relativePath;
    }
}

// A file's badge is its moved + escapes count under the default filter, counted here with a plain grep.
void TestGuiModels::badgesAreHeapCounts()
{
    QFETCH(QString, file);
    FindingFilter filter;
    ModuleTreeModel model;
    model.setFilter(&filter);
    model.setFolder(m_folder);
    model.setSnapshot(test::snapshotOf(m_index));
    const QModelIndex index = model.indexForPath(QDir::cleanPath(test::sampleModule() + QLatin1Char('/') + file));
    QVERIFY(index.isValid());
    const QString printed = file.contains(QLatin1Char('/')) ? file : QStringLiteral("./") + file;
    QCOMPARE(index.data(ModuleTreeModel::BadgeCountRole).toInt(),
        test::grepCount(m_text, printed, QStringLiteral("moved to heap: \\S+|.+ escapes to heap")));
    QCOMPARE(index.data(ModuleTreeModel::FindingCountRole).toInt(),
        test::grepCount(m_text, printed, test::defaultVerdictPattern()));
    // Where leaking parameters make the list's count larger than the badge, the tooltip says why.
    const int badge = index.data(ModuleTreeModel::BadgeCountRole).toInt();
    const int shown = index.data(ModuleTreeModel::FindingCountRole).toInt();
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QCOMPARE(tip.contains(QStringLiteral("The badge counts moved to heap and escapes (%1) of the %2 findings shown")
                              .arg(badge)
                              .arg(shown)),
        badge > 0 && badge != shown);
}

void TestGuiModels::badgesFollowFilter()
{
    FindingFilter filter;
    ModuleTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(&filter);
    model.setFolder(m_folder);
    model.setSnapshot(test::snapshotOf(m_index));
    const QModelIndex loopvar
        = model.indexForPath(QDir::cleanPath(test::sampleModule() + QStringLiteral("/loopvar.go")));
    const QModelIndex root = model.index(0, 0);
    const int moved = test::grepCount(m_text, QStringLiteral("./loopvar.go"), QStringLiteral("moved to heap: \\S+"));
    const int escapes = test::grepCount(m_text, QStringLiteral("./loopvar.go"), QStringLiteral(".+ escapes to heap"));
    QCOMPARE(loopvar.data(ModuleTreeModel::BadgeCountRole).toInt(), moved + escapes);
    QCOMPARE(loopvar.data(ModuleTreeModel::BadgeGroupRole).toInt(), int(MarkerGroup::Moved));
    const int rootBefore = root.data(ModuleTreeModel::BadgeCountRole).toInt();

    filter.setGroupEnabled(MarkerGroup::Moved, false);
    QCOMPARE(loopvar.data(ModuleTreeModel::BadgeCountRole).toInt(), escapes);
    QCOMPARE(loopvar.data(ModuleTreeModel::BadgeGroupRole).toInt(), int(MarkerGroup::Escapes));
    QVERIFY(root.data(ModuleTreeModel::BadgeCountRole).toInt() < rootBefore); // directories sum their files
    filter.setText(QStringLiteral("make"));
    QCOMPARE(loopvar.data(ModuleTreeModel::BadgeCountRole).toInt(),
        test::grepCount(m_text, QStringLiteral("./loopvar.go"), QStringLiteral("make\\(.+ escapes to heap")));
}

void TestGuiModels::treeSortedByCount()
{
    FindingFilter filter;
    ModuleTreeModel model;
    model.setFilter(&filter);
    model.setFolder(m_folder);
    model.setSnapshot(test::snapshotOf(m_index));
    ModuleTreeProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    proxy.setSortMode(ModuleTreeProxy::SortMode::Count);
    const QModelIndex module = proxy.index(0, 0);
    int previous = std::numeric_limits<int>::max();
    bool files = false;
    for (int row = 0; row < proxy.rowCount(module); ++row) {
        const QModelIndex child = proxy.index(row, 0, module);
        if (child.data(ModuleTreeModel::IsDirectoryRole).toBool()) {
            QVERIFY2(!files, "directories come first");
            continue;
        }
        files = true;
        const int count = child.data(ModuleTreeModel::BadgeCountRole).toInt();
        QVERIFY(count <= previous);
        previous = count;
    }
    proxy.setSortMode(ModuleTreeProxy::SortMode::Name);
    const QModelIndex sorted = proxy.index(0, 0); // re-sorting invalidates plain indexes
    QCOMPARE(proxy.index(proxy.rowCount(sorted) - 1, 0, sorted).data().toString(), QStringLiteral("returnaddr.go"));
}

void TestGuiModels::treeOnlyFilesWithFindings()
{
    FindingFilter filter;
    ModuleTreeModel model;
    model.setFilter(&filter);
    model.setFolder(m_folder);
    model.setSnapshot(test::snapshotOf(m_index));
    ModuleTreeProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    proxy.setShowOnlyFilesWithFindings(true);
    QStringList shown;
    for (const QString& line : test::dumpTree(proxy, ModuleTreeModel::FindingCountRole, {}))
        shown << line.trimmed().section(QLatin1Char(' '), 0, 0);
    QVERIFY(!shown.contains(QStringLiteral("bench_test.go")));
    QVERIFY(!shown.contains(QStringLiteral("noescape.go"))); // only "does not escape", hidden by default
    QVERIFY(shown.contains(QStringLiteral("store")));
    filter.setGroupEnabled(MarkerGroup::Stack, true); // filter changes re-filter the tree
    shown.clear();
    for (const QString& line : test::dumpTree(proxy, ModuleTreeModel::FindingCountRole, {}))
        shown << line.trimmed().section(QLatin1Char(' '), 0, 0);
    QVERIFY(shown.contains(QStringLiteral("noescape.go")));
    filter.setText(QStringLiteral("nothing matches this"));
    QCOMPARE(test::dumpTree(proxy, ModuleTreeModel::FindingCountRole, {}),
        QStringList { QStringLiteral("example.com/escapes") });
}

void TestGuiModels::busiestFile()
{
    FindingFilter filter;
    ModuleTreeModel model;
    model.setFilter(&filter);
    model.setFolder(m_folder);
    QCOMPARE(model.busiestFile(), QString()); // no report: no badges
    model.setSnapshot(test::snapshotOf(m_index));
    int best = -1;
    QString expected;
    for (const ModuleFolderNode& n : m_folder->nodes()) {
        if (n.isDirectory)
            continue;
        const QString printed
            = n.relativePath.contains(QLatin1Char('/')) ? n.relativePath : QStringLiteral("./") + n.relativePath;
        const int moved = test::grepCount(m_text, printed, QStringLiteral("moved to heap: \\S+"));
        if (moved > best) {
            best = moved;
            expected = n.path;
        }
    }
    QCOMPARE(model.busiestFile(), expected);
}

void TestGuiModels::findingsModel()
{
    FindingsModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FindingsProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FindingFilter filter;
    proxy.setSourceModel(&model);
    proxy.setFilter(&filter);
    proxy.sort(FindingsModel::LineColumn);
    model.setSnapshot(test::snapshotOf(m_index));
    QCOMPARE(model.rowCount(), static_cast<int>(m_index->report().findings().size()));
    QCOMPARE(model.columnCount(), int(FindingsModel::COLUMN_COUNT));
    filter.setGroupEnabled(MarkerGroup::Inlining, true);
    filter.setText(QStringLiteral("heap"));
    filter.setHideInlinedFromOtherFiles(true);
    proxy.sort(FindingsModel::KindColumn, Qt::DescendingOrder);
    model.setSnapshot(test::snapshotOf(test::loadSampleIndex(QStringLiteral("escapes-go1.21.m2.txt"))));
    model.setSnapshot(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestGuiModels::findingsFollowFilter_data()
{
    QTest::addColumn<int>("groups");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("default") << int(DefaultGroups) << QString() << test::defaultVerdictPattern();
    QTest::newRow("moved") << int(groupBit(MarkerGroup::Moved)) << QString() << QStringLiteral("moved to heap: \\S+");
    QTest::newRow("escapes") << int(groupBit(MarkerGroup::Escapes)) << QString()
                             << QStringLiteral(".+ escapes to heap");
    QTest::newRow("stack") << int(groupBit(MarkerGroup::Stack)) << QString() << QStringLiteral(".+ does not escape");
    QTest::newRow("moved, text") << int(groupBit(MarkerGroup::Moved)) << QStringLiteral("sum")
                                 << QStringLiteral("moved to heap: sum");
}

// Rows are the report's distinct findings, counted here from the recorded text over every file.
void TestGuiModels::findingsFollowFilter()
{
    QFETCH(int, groups);
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    FindingFilter filter;
    filter.setGroups(static_cast<MarkerGroups>(groups));
    filter.setText(text);
    FindingsModel model;
    model.setSnapshot(test::snapshotOf(m_index));
    FindingsProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilter(&filter);
    int expected = 0;
    for (const std::string& file : m_index->report().files())
        expected += test::grepCount(m_text, QString::fromStdString(file), pattern);
    QCOMPARE(proxy.rowCount(), expected);
}

void TestGuiModels::numbersSortAsNumbers()
{
    FindingFilter filter;
    filter.setGroups(0x3f); // everything: lines 1–99 of main.go and friends
    FindingsModel model;
    model.setSnapshot(test::snapshotOf(m_index));
    FindingsProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilter(&filter);
    proxy.sort(FindingsModel::LineColumn);
    qint64 previous = -1;
    bool sawTwoDigits = false;
    bool inGenerated = false; // <autogenerated>:1 wrappers come last, in line order among themselves
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const int line = proxy.index(row, FindingsModel::LineColumn).data().toInt();
        const qint64 key = proxy.index(row, FindingsModel::LineColumn).data(FindingsModel::SortRole).toLongLong();
        if (!inGenerated && proxy.index(row, 0).data(FindingsModel::GeneratedRole).toBool()) {
            inGenerated = true;
            previous = -1;
        }
        QCOMPARE(proxy.index(row, 0).data(FindingsModel::GeneratedRole).toBool(), inGenerated);
        QVERIFY2(key >= previous, qPrintable(QStringLiteral("row %1, line %2").arg(row).arg(line)));
        QCOMPARE(key / 100000, qint64(line));
        previous = key;
        sawTwoDigits = sawTwoDigits || line >= 10;
    }
    QVERIFY(sawTwoDigits);
    // Ties in the file column keep line order.
    proxy.sort(FindingsModel::FileColumn);
    int lastLine = 0;
    QString lastFile;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString file = proxy.index(row, FindingsModel::FileColumn).data().toString();
        const int line = proxy.index(row, FindingsModel::LineColumn).data().toInt();
        if (file == lastFile)
            QVERIFY(line >= lastLine);
        lastFile = file;
        lastLine = line;
    }
}

void TestGuiModels::generatedListedLast_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    for (const int column : { int(FindingsModel::FileColumn), int(FindingsModel::LineColumn),
             int(FindingsModel::KindColumn), int(FindingsModel::SubjectColumn) }) {
        for (const bool descending : { false, true })
            QTest::newRow(qPrintable(
                QStringLiteral("column %1%2").arg(column).arg(descending ? QStringLiteral(", descending") : QString())))
                << column << descending;
    }
}

// `go test -c` output (Go 1.27, a module of our own with tests and benchmarks): the test main's findings
// (_testmain.go, <autogenerated>) are listed apart, after every finding of the developer's files, whichever
// column sorts which way, and say so.
void TestGuiModels::generatedListedLast()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    const QByteArray text = test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/benchmarks-go1.27.m2.txt"));
    auto report = std::make_shared<const Report>(
        EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))));
    const auto index = std::make_shared<const ReportIndex>(
        report, QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/data/modules/benchmarks"), QStringLiteral("benchmarks"));
    FindingFilter filter;
    filter.setGroups(0x3f);
    FindingsModel model;
    model.setSnapshot(test::snapshotOf(index));
    FindingsProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilter(&filter);
    proxy.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    int generated = 0;
    bool sawOwn = false;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex file = proxy.index(row, FindingsModel::FileColumn);
        const bool isGenerated = file.data(FindingsModel::GeneratedRole).toBool();
        const QString name = file.data().toString();
        QCOMPARE(isGenerated, name.startsWith(QStringLiteral("_testmain.go")) || name.startsWith(QLatin1Char('<')));
        if (isGenerated) {
            QVERIFY2(name.endsWith(QStringLiteral(" (generated)")), qPrintable(name));
            ++generated;
        } else {
            QVERIFY2(generated == 0, qPrintable(QStringLiteral("row %1 (%2) after generated code").arg(row).arg(name)));
            sawOwn = true;
        }
    }
    QVERIFY(sawOwn);
    QVERIFY(generated > 3);
}

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
