// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The module tree's view of a folder: what `go build ./...` would compile, nothing else; listed off the GUI
// thread.
#include "guitestsupport.h"
#include "session/folderscanner.h"
#include "session/modulefolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight::gui;

class TestModuleFolder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void onlyWhatGoBuildSees();
    void sampleModule();
    void scannedOffThread();
    void newerScanWins();

private:
    static QStringList dump(const ModuleFolder& folder, int node = 0, int depth = 0);
    void touch(const QString& relative);

    QTemporaryDir m_dir;
};

void TestModuleFolder::touch(const QString& relative)
{
    const QString path = m_dir.filePath(relative);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("package p\n");
}

void TestModuleFolder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char* file :
        { "go.mod", "main.go", "main_test.go", "a/a.go", "a/b/b.go", "a/testdata/x.go", ".hidden/h.go", "_skip/s.go",
            "vendor/v/v.go", "nested/go.mod", "nested/n.go", "docs/readme.md", "c/notes.txt", "c/d/e/deep.go" })
        touch(QString::fromLatin1(file));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("empty")));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("a")), m_dir.filePath(QStringLiteral("link"))));
}

QStringList TestModuleFolder::dump(const ModuleFolder& folder, int node, int depth)
{
    const ModuleFolderNode& n = folder.nodes()[static_cast<std::size_t>(node)];
    QStringList lines { QString(depth * 2, QLatin1Char(' ')) + n.name
        + (n.isDirectory && depth ? QStringLiteral("/") : QString()) };
    for (int child : n.children)
        lines << dump(folder, child, depth + 1);
    return lines;
}

void TestModuleFolder::onlyWhatGoBuildSees()
{
    const ModuleFolder folder = ModuleFolder::scan(m_dir.path(), QStringLiteral("example.com/m"));
    const QStringList expected {
        QStringLiteral("example.com/m"),
        QStringLiteral("  a/"),
        QStringLiteral("    b/"),
        QStringLiteral("      b.go"),
        QStringLiteral("    a.go"),
        QStringLiteral("  c/"),
        QStringLiteral("    d/"),
        QStringLiteral("      e/"),
        QStringLiteral("        deep.go"),
        QStringLiteral("  main.go"),
        QStringLiteral("  main_test.go"),
    };
    QCOMPARE(dump(folder), expected);
    QCOMPARE(folder.fileCount(), 5);
    QVERIFY(!folder.isTruncated());
    const QString b = QDir::cleanPath(m_dir.filePath(QStringLiteral("a/b/b.go")));
    const int node = folder.nodeForPath(b);
    QVERIFY(node > 0);
    QCOMPARE(folder.nodes()[static_cast<std::size_t>(node)].relativePath, QStringLiteral("a/b/b.go"));
    QCOMPARE(folder.nodeForPath(m_dir.filePath(QStringLiteral("docs"))), -1);
}

void TestModuleFolder::sampleModule()
{
    const ModuleFolder folder = ModuleFolder::scan(heapsight::test::sampleModule(), QString());
    QCOMPARE(folder.title(), QStringLiteral("escapes"));
    QCOMPARE(folder.fileCount(),
        static_cast<int>(QDir(heapsight::test::sampleModule()).entryList({ QStringLiteral("*.go") }).size()) + 1);
    QVERIFY(
        folder.nodeForPath(QDir::cleanPath(heapsight::test::sampleModule() + QStringLiteral("/store/store.go"))) > 0);
}

void TestModuleFolder::scannedOffThread()
{
    FolderScanner scanner;
    QSignalSpy scanned(&scanner, &FolderScanner::folderScanned);
    scanner.scan(m_dir.path(), QStringLiteral("m"));
    QVERIFY(scanned.wait(5000));
    const auto folder = scanned.at(0).at(0).value<std::shared_ptr<const ModuleFolder>>();
    QVERIFY(folder);
    QCOMPARE(folder->fileCount(), 5);
}

// Two requests in a row: only the second one's result is delivered.
void TestModuleFolder::newerScanWins()
{
    FolderScanner scanner;
    QSignalSpy scanned(&scanner, &FolderScanner::folderScanned);
    scanner.scan(heapsight::test::sampleModule(), QStringLiteral("first"));
    scanner.scan(m_dir.path(), QStringLiteral("second"));
    QVERIFY(scanned.wait(5000));
    // The first scan's future was replaced on the watcher, which drops whatever it still had to say: once
    // the events already posted are delivered, nothing else can arrive.
    QCoreApplication::processEvents();
    QCOMPARE(scanned.count(), 1);
    QCOMPARE(scanned.at(0).at(0).value<std::shared_ptr<const ModuleFolder>>()->title(), QStringLiteral("second"));
}

QTEST_MAIN(TestModuleFolder)
#include "tst_modulefolder.moc"
