// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The module fingerprint with remembered file hashes (core/analysis/filehashmemory): an unchanged module is
// fingerprinted without reading a file, any change (content, even at the same size and mtime) is seen, a file
// changed just before its hashing is hashed again, and a damaged memory costs only time. Real files in a
// temporary module; the fingerprint without a memory (every file read) is the reference.
#include "core/analysis/filehashmemory.h"
#include "core/analysis/modulelocator.h"
#include "core/analysis/resultcache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>

using namespace heapsight;

namespace {

void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(content), content.size());
}

QStringList everyFile(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

} // namespace

class TestFileHashMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void unchangedModuleReadsNoFile();
    void changeAtSameSizeAndTimeIsSeen();
    void fileChangedJustBeforeHashingIsHashedAgain();
    void damagedMemoryCostsOnlyTime();
    void memoryLivesInTheCacheNotTheModule();

private:
    QString fingerprint(FileHashMemory* memory)
    {
        QString error;
        const QString f = ResultCache::moduleFingerprint(m_module, &error, memory);
        [&] { QVERIFY2(!f.isEmpty(), qPrintable(error)); }();
        return f;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    ModuleInfo m_module;
    QString m_memory;
};

void TestFileHashMemory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString root = m_dir->path() + QStringLiteral("/mod");
    write(root + QStringLiteral("/go.mod"), "module example.com/m\n\ngo 1.22\n");
    write(root + QStringLiteral("/a.go"), "package m\n\nfunc A() *int { x := 1; return &x }\n");
    write(root + QStringLiteral("/sub/b.go"), "package sub\n\nvar B = 2\n");
    write(root + QStringLiteral("/.git/hidden.go"), "not read\n");
    m_module.root = root;
    m_memory = m_dir->path() + QStringLiteral("/cache/files/m.hashes");
}

void TestFileHashMemory::unchangedModuleReadsNoFile()
{
    const QString reference = fingerprint(nullptr);
    FileHashMemory first(m_memory, 0);
    QCOMPARE(fingerprint(&first), reference);
    QCOMPARE(first.hashed(), 3); // go.mod, a.go, sub/b.go; not .git
    QCOMPARE(first.reused(), 0);
    QVERIFY(first.save());

    FileHashMemory second(m_memory, 0);
    QCOMPARE(fingerprint(&second), reference);
    QCOMPARE(second.hashed(), 0);
    QCOMPARE(second.reused(), 3);
}

void TestFileHashMemory::changeAtSameSizeAndTimeIsSeen()
{
    const QString before = fingerprint(nullptr);
    FileHashMemory first(m_memory, 0);
    fingerprint(&first);
    QVERIFY(first.save());

    // Same size, and the old modification time put back: only the change time (and the content) differ.
    const QString a = m_module.root + QStringLiteral("/a.go");
    struct stat st { };
    QCOMPARE(::stat(QFile::encodeName(a).constData(), &st), 0);
    write(a, "package m\n\nfunc A() *int { y := 1; return &y }\n");
    const timespec times[2] = { st.st_atim, st.st_mtim };
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(a).constData(), times, 0), 0);

    FileHashMemory second(m_memory, 0);
    const QString after = fingerprint(&second);
    QVERIFY(after != before);
    QCOMPARE(after, fingerprint(nullptr));
    QCOMPARE(second.hashed(), 1);
    QCOMPARE(second.reused(), 2);
}

void TestFileHashMemory::fileChangedJustBeforeHashingIsHashedAgain()
{
    // The files were written a moment ago: within the 2 s window, so none of their hashes is trusted yet.
    FileHashMemory first(m_memory);
    fingerprint(&first);
    QVERIFY(first.save());
    FileHashMemory second(m_memory);
    fingerprint(&second);
    QCOMPARE(second.reused(), 0);
    QCOMPARE(second.hashed(), 3);
}

void TestFileHashMemory::damagedMemoryCostsOnlyTime()
{
    const QString reference = fingerprint(nullptr);
    FileHashMemory first(m_memory, 0);
    fingerprint(&first);
    QVERIFY(first.save());
    QFile f(m_memory);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    // Cut anywhere, a hash changed, or a line added: the memory is not used at all (a wrong hash with the
    // file's stat data would be trusted), the files are hashed again.
    QList<QByteArray> damaged;
    for (qsizetype cut : { qsizetype(0), qsizetype(10), good.size() / 2, good.size() - 1 })
        damaged << good.left(cut);
    QByteArray flipped = good;
    qsizetype hashAt = flipped.indexOf(' ', flipped.indexOf('\n') + 1);
    for (int i = 0; i < 4; ++i)
        hashAt = flipped.indexOf(' ', hashAt + 1); // the fifth number ends here; the hash follows
    QVERIFY(hashAt > 0);
    flipped[hashAt + 1] = flipped[hashAt + 1] == 'a' ? 'b' : 'a';
    damaged << flipped << "garbage\n" + good << good + "1 2 3 4 5 " + QByteArray(64, 'a') + " x.go\n";
    for (const QByteArray& memory : damaged) {
        write(m_memory, memory);
        FileHashMemory again(m_memory, 0);
        QCOMPARE(fingerprint(&again), reference);
        QCOMPARE(again.hashed(), 3);
        QCOMPARE(again.reused(), 0);
    }
}

void TestFileHashMemory::memoryLivesInTheCacheNotTheModule()
{
    const QStringList before = everyFile(m_module.root);
    const ResultCache cache(m_dir->path() + QStringLiteral("/cache/reports"));
    QString error;
    const QString f = cache.fingerprint(m_module, &error);
    QVERIFY2(!f.isEmpty(), qPrintable(error));
    QCOMPARE(f, fingerprint(nullptr));
    QCOMPARE(everyFile(m_module.root), before);
    const QStringList kept = everyFile(m_dir->path() + QStringLiteral("/cache/reports/files"));
    QCOMPARE(kept.size(), 1);
    QVERIFY(kept.first().endsWith(QLatin1String(".hashes")));
}

QTEST_GUILESS_MAIN(TestFileHashMemory)
#include "tst_filehashmemory.moc"
