// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// heapsight-cli's ways of reading its input give one result: a file it maps, standard input redirected
// from a file (mapped too), a pipe (read in blocks as it arrives, here in small pieces with pauses), and
// a report JSON file or pipe; an empty input, a directory and a missing file are said plainly.
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

namespace {

QString cliPath()
{
    return QStringLiteral(HEAPSIGHT_CLI);
}

QString dataFile(const char* name)
{
    return QStringLiteral(HEAPSIGHT_TEST_DATA "/") + QLatin1String(name);
}

struct Run {
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;
};

// Runs the CLI with `args`; standard input is `stdinFile` when given, else `pipeBytes` written through a
// pipe in pieces of `piece` bytes (so reads see partial lines), else nothing.
Run runCli(
    const QStringList& args, const QString& stdinFile = {}, const QByteArray& pipeBytes = {}, qsizetype piece = 4096)
{
    QProcess p;
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start(cliPath(), args);
    if (!p.waitForStarted())
        return {};
    if (stdinFile.isEmpty()) {
        for (qsizetype at = 0; at < pipeBytes.size(); at += piece) {
            p.write(pipeBytes.mid(at, piece));
            p.waitForBytesWritten();
        }
        p.closeWriteChannel();
    }
    p.waitForFinished(5 * 60 * 1000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliInput : public QObject {
    Q_OBJECT
private slots:
    void everyWayOfReadingGivesTheSameReport_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("go1.22 std excerpt") << dataFile("std-go1.22.m2.txt");
        QTest::newRow("go1.27 std excerpt") << dataFile("std-go1.27.m2.txt");
        QTest::newRow("-m output") << dataFile("escapes-go1.22.m1.txt");
        QTest::newRow("go's errors") << dataFile("broken-go1.27.m2.txt");
    }
    void everyWayOfReadingGivesTheSameReport()
    {
        QFETCH(QString, file);
        const Run mapped = runCli({ QStringLiteral("report"), file });
        QVERIFY2(mapped.exitCode == 0 || mapped.exitCode == 3, mapped.errors.constData());
        QVERIFY(mapped.output.contains("total: "));
        const Run redirected = runCli({ QStringLiteral("report"), QStringLiteral("-") }, file);
        QCOMPARE(redirected.exitCode, mapped.exitCode);
        QCOMPARE(redirected.output, mapped.output);
        const Run piped = runCli({ QStringLiteral("report"), QStringLiteral("-") }, {}, fileBytes(file), 1000);
        QCOMPARE(piped.exitCode, mapped.exitCode);
        QCOMPARE(piped.output, mapped.output);

        // The report as JSON, read back from a file and from a pipe, says the same.
        const Run json = runCli({ QStringLiteral("report"), file, QStringLiteral("--json") });
        QCOMPARE(json.exitCode, mapped.exitCode);
        QTemporaryDir dir;
        QFile saved(dir.filePath(QStringLiteral("report.json")));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write(json.output);
        saved.close();
        const Run fromJson = runCli({ QStringLiteral("report"), saved.fileName() });
        QCOMPARE(fromJson.output, mapped.output);
        const Run pipedJson = runCli({ QStringLiteral("report"), QStringLiteral("-") }, {}, json.output);
        QCOMPARE(pipedJson.output, mapped.output);
    }

    void emptyInputIsAnEmptyReport()
    {
        QTemporaryDir dir;
        QFile empty(dir.filePath(QStringLiteral("empty.txt")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const Run fromFile = runCli({ QStringLiteral("report"), empty.fileName() });
        QCOMPARE(fromFile.exitCode, 0);
        QVERIFY(fromFile.output.startsWith("total: 0 findings in 0 files"));
        const Run fromPipe = runCli({ QStringLiteral("report"), QStringLiteral("-") });
        QCOMPARE(fromPipe.output, fromFile.output);
    }

    void unreadableInputIsSaidPlainly()
    {
        const Run missing = runCli({ QStringLiteral("report"), QStringLiteral("/nonexistent/x.txt") });
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.errors.contains("cannot read /nonexistent/x.txt: No such file or directory"),
            missing.errors.constData());
        QTemporaryDir dir;
        const Run directory = runCli({ QStringLiteral("report"), dir.path() });
        QCOMPARE(directory.exitCode, 2);
        QVERIFY2(directory.errors.contains("Is a directory"), directory.errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliInput)
#include "tst_cliinput.moc"
