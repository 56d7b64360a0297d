// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Reports reach the GUI off its thread: text and JSON files, Reports handed over whole (the analysis
// runner's way in), failures with a reason, and stale results dropped.
#include "core/io/reportjson.h"
#include "guitestsupport.h"
#include "session/modulesession.h"
#include "session/reportloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

class TestReportLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsRecordedText_data();
    void loadsRecordedText();
    void loadsReportJson();
    void refusesWhatIsNoReport();
    void newerRequestWins();
    void reportHandedOverWhole();
    void sessionOpensSample();
};

namespace {

std::shared_ptr<const ReportIndex> waitForReport(ReportLoader& loader)
{
    QSignalSpy loaded(&loader, &ReportLoader::reportLoaded);
    if (!loaded.wait(10000))
        return nullptr;
    return loaded.at(0).at(0).value<std::shared_ptr<const ReportIndex>>();
}

} // namespace

void TestReportLoader::loadsRecordedText_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name :
        QDir(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports")).entryList({ QStringLiteral("*.txt") }))
        QTest::newRow(qPrintable(name)) << name;
}

void TestReportLoader::loadsRecordedText()
{
    QFETCH(QString, name);
    ReportLoader loader;
    loader.loadFile(test::sampleReport(name), test::sampleModule());
    const std::shared_ptr<const ReportIndex> index = waitForReport(loader);
    QVERIFY(index);
    QCOMPARE(index->sourceName(), name);
    const QByteArray text = test::readFile(test::sampleReport(name));
    QCOMPARE(index->report().stats().inputLines, static_cast<std::uint64_t>(text.count('\n')));
    QCOMPARE(index->report().stats().unknownLines, 0ull);
    QVERIFY(!index->diskPath(index->report().fileId("./returnaddr.go")).isEmpty());
}

void TestReportLoader::loadsReportJson()
{
    const std::shared_ptr<const ReportIndex> sample = test::loadSampleIndex();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(reportToJsonText(sample->report())));
    file.close();
    ReportLoader loader;
    loader.loadFile(path, test::sampleModule());
    const std::shared_ptr<const ReportIndex> index = waitForReport(loader);
    QVERIFY(index);
    QCOMPARE(index->report().findings().size(), sample->report().findings().size());
}

void TestReportLoader::refusesWhatIsNoReport()
{
    ReportLoader loader;
    QSignalSpy failed(&loader, &ReportLoader::loadFailed);
    loader.loadFile(test::sampleModule() + QStringLiteral("/returnaddr.go"), test::sampleModule());
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("does not look like")));
    loader.loadFile(QStringLiteral("/nonexistent/report.txt"), test::sampleModule());
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(1).at(0).toString().contains(QStringLiteral("Cannot read")));
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ \"schema\": ");
    broken.close();
    loader.loadFile(broken.fileName(), test::sampleModule());
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(2).at(0).toString().contains(QStringLiteral("not a Heapsight report")));
}

void TestReportLoader::newerRequestWins()
{
    ReportLoader loader;
    QSignalSpy loaded(&loader, &ReportLoader::reportLoaded);
    loader.loadFile(test::sampleReport(QStringLiteral("escapes-go1.21.m2.txt")), test::sampleModule());
    loader.loadFile(test::sampleReport(QStringLiteral("escapes-go1.23.m2.txt")), test::sampleModule());
    QVERIFY(loaded.wait(10000));
    // The first load's future was replaced on the watcher, which drops whatever it still had to say: once
    // the events already posted are delivered, nothing else can arrive.
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).value<std::shared_ptr<const ReportIndex>>()->sourceName(),
        QStringLiteral("escapes-go1.23.m2.txt"));
}

void TestReportLoader::reportHandedOverWhole()
{
    const std::shared_ptr<const ReportIndex> sample = test::loadSampleIndex();
    ReportLoader loader;
    loader.loadReport(sample->sharedReport(), test::sampleModule(), QStringLiteral("go build"));
    const std::shared_ptr<const ReportIndex> index = waitForReport(loader);
    QVERIFY(index);
    QCOMPARE(index->sharedReport(), sample->sharedReport()); // shared, not copied
    QCOMPARE(index->sourceName(), QStringLiteral("go build"));
}

void TestReportLoader::sessionOpensSample()
{
    ModuleSession session;
    QSignalSpy scanned(&session, &ModuleSession::folderScanned);
    QSignalSpy changed(&session, &ModuleSession::reportChanged);
    // Opening a package directory finds the module root above it.
    session.openFolder(test::sampleModule() + QStringLiteral("/store"), test::sampleReport());
    QCOMPARE(session.moduleRoot(), QDir(test::sampleModule()).canonicalPath());
    QCOMPARE(session.modulePath(), QStringLiteral("example.com/escapes"));
    QVERIFY(session.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 10000);
    QCOMPARE(scanned.count(), 1);
    QVERIFY(session.report());
    QCOMPARE(session.reportPath(), QFileInfo(test::sampleReport()).absoluteFilePath());
    QCOMPARE(changed.count(), 2); // cleared on opening, then the report
}

QTEST_MAIN(TestReportLoader)
#include "tst_reportloader.moc"
