// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// `heapsight-cli diff --against REF DIR` end to end with a real toolchain: a git repository of the sample
// module, edits committed and in the working tree, both sides analysed by Go 1.22. Edits that only move
// lines report nothing; a new escape reports exactly itself; the repository, .git included, is
// byte-identical afterwards.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

namespace {

const QStringList kGitIdentity { QStringLiteral("-c"), QStringLiteral("user.name=Heapsight Test"), QStringLiteral("-c"),
    QStringLiteral("user.email=test@heapsight.invalid") };

} // namespace

class TestCompareCommits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void against_data();
    void against();
    void badInput_data();
    void badInput();

private:
    // A fresh repository holding the sample module in `mod/`, with one commit.
    QString newRepository();
    QByteArray git(const QString& repo, const QStringList& args);
    test::CliOutcome diff(const QStringList& args);

    QTemporaryDir m_dir;
    int m_repos = 0;
};

void TestCompareCommits::initTestCase()
{
    HEAPSIGHT_REQUIRE_GO("1.22");
    QVERIFY(m_dir.isValid());
    test::isolateUserDirs(m_dir);
    qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
}

QByteArray TestCompareCommits::git(const QString& repo, const QStringList& args)
{
    int code = -1;
    const QByteArray out = test::run(QStringLiteral("git"), kGitIdentity + args, repo, &code);
    if (code != 0)
        qWarning("git %s: %s", qPrintable(args.join(QLatin1Char(' '))), out.constData());
    return code == 0 ? out : QByteArray();
}

QString TestCompareCommits::newRepository()
{
    const QString repo = m_dir.filePath(QStringLiteral("repo%1").arg(++m_repos));
    if (!test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes"), repo + QStringLiteral("/mod")))
        return {};
    git(repo, { QStringLiteral("init"), QStringLiteral("-q") });
    git(repo, { QStringLiteral("add"), QStringLiteral("-A") });
    git(repo, { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("sample") });
    return repo;
}

test::CliOutcome TestCompareCommits::diff(const QStringList& args)
{
    return test::runCli(QStringLiteral(HEAPSIGHT_CLI), QStringList { QStringLiteral("diff") } + args);
}

void TestCompareCommits::against_data()
{
    QTest::addColumn<QString>("committed"); // an edit committed after the first commit
    QTest::addColumn<QString>("working"); // an edit left in the working tree
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("expected"); // "added|removed|changed kind subject", sorted, joined by "; "
    QTest::newRow("blank lines atop a file") << "none"
                                             << "blank lines"
                                             << "HEAD"
                                             << "";
    // The helper inserted to move lines is itself new: its inlining verdict, and nothing else.
    QTest::newRow("lines moved in three files") << "none"
                                                << "lines moved"
                                                << "HEAD"
                                                << "added can-inline helper";
    QTest::newRow("a new escape") << "none"
                                  << "new escape"
                                  << "HEAD"
                                  << "added can-inline newTally; added moved n";
    QTest::newRow("the same allocation spelled anew") << "none"
                                                      << "allocation respelled"
                                                      << "HEAD"
                                                      << "added escapes new(int); removed moved x";
    QTest::newRow("against HEAD~1 across a commit that moved lines") << "blank lines"
                                                                     << "new escape"
                                                                     << "HEAD~1"
                                                                     << "added can-inline newTally; added moved n";
    QTest::newRow("committed escape, working tree moves lines") << "new escape"
                                                                << "lines moved"
                                                                << "HEAD"
                                                                << "added can-inline helper";
}

void TestCompareCommits::against()
{
    QFETCH(QString, committed);
    QFETCH(QString, working);
    QFETCH(QString, ref);
    QFETCH(QString, expected);
    const QString repo = newRepository();
    QVERIFY(!repo.isEmpty());
    const QString module = repo + QStringLiteral("/mod");
    if (committed != QLatin1String("none")) {
        QVERIFY(test::applySampleEdit(module, committed));
        git(repo,
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-a"), QStringLiteral("-m"), committed });
    }
    QVERIFY(test::applySampleEdit(module, working));
    const auto before = test::hashTree(repo);

    const test::CliOutcome o = diff({ QStringLiteral("--against"), ref, QStringLiteral("--toolchain"),
        QStringLiteral("1.22"), QStringLiteral("--json"), QStringLiteral("--fail-on"), QStringLiteral("new-heap"),
        QStringLiteral("--kinds"), QStringLiteral("moved,escapes,can-inline"), module });
    QVERIFY2(o.exitCode == 0 || o.exitCode == 1, o.errors.constData());
    QStringList changes;
    for (const QJsonValue& v : o.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString subject = c.value(c.value(QStringLiteral("change")).toString() == QLatin1String("removed")
                                         ? QStringLiteral("subjectA")
                                         : QStringLiteral("subjectB"))
                                    .toString();
        changes << QStringLiteral("%1 %2 %3")
                       .arg(c.value(QStringLiteral("change")).toString(), c.value(QStringLiteral("kind")).toString(),
                           subject);
    }
    changes.sort();
    QCOMPARE(changes.join(QStringLiteral("; ")), expected);
    const bool newHeap
        = expected.contains(QLatin1String("added moved")) || expected.contains(QLatin1String("added escapes"));
    QCOMPARE(o.exitCode, newHeap ? 1 : 0);
    const QJsonObject total = o.json.value(QStringLiteral("total")).toObject();
    QVERIFY(total.value(QStringLiteral("unchanged")).toInt() > 50); // the sample's other findings, all paired
    QCOMPARE(o.json.value(QStringLiteral("a"))
                 .toObject()
                 .value(QStringLiteral("label"))
                 .toString()
                 .section(QLatin1Char(' '), 0, 0),
        ref);
    QCOMPARE(test::hashTree(repo), before);
}

void TestCompareCommits::badInput_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("inRepository");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such ref") << "no-such-branch" << true << "\"no-such-branch\" is not a commit";
    QTest::newRow("beyond the first commit") << "HEAD~5" << true << "\"HEAD~5\" is not a commit";
    QTest::newRow("not a repository") << "HEAD" << false << "is not inside a git repository";
}

void TestCompareCommits::badInput()
{
    QFETCH(QString, ref);
    QFETCH(bool, inRepository);
    QFETCH(QString, message);
    QString module;
    if (inRepository) {
        module = newRepository() + QStringLiteral("/mod");
    } else {
        module = m_dir.filePath(QStringLiteral("plain%1").arg(++m_repos));
        QVERIFY(test::copyTree(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes"), module));
    }
    const auto before = test::hashTree(QFileInfo(module).path());
    const test::CliOutcome o = diff({ QStringLiteral("--against"), ref, module });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.errors.contains(message.toUtf8()), o.errors.constData());
    QCOMPARE(test::hashTree(QFileInfo(module).path()), before);
}

QTEST_GUILESS_MAIN(TestCompareCommits)
#include "tst_comparecommits.moc"
