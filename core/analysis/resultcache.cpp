// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "resultcache.h"

#include "filehashmemory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace heapsight {

ResultCache::ResultCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString ResultCache::defaultDirectory()
{
    // Shared by the GUI and the CLI, whatever their application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/heapsight/reports");
}

namespace {

bool isSourceFile(const QString& name)
{
    return name.endsWith(QLatin1String(".go")) || name == QLatin1String("go.mod") || name == QLatin1String("go.sum")
        || name == QLatin1String("go.work") || name == QLatin1String("go.work.sum");
}

} // namespace

QString ResultCache::moduleFingerprint(const ModuleInfo& module, QString* error, FileHashMemory* memory)
{
    QStringList files;
    QDirIterator it(module.root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(module.root).relativeFilePath(path);
        // Hidden directories (.git, .cache) hold nothing go build reads.
        if (rel.startsWith(QLatin1Char('.')) || rel.contains(QLatin1String("/.")))
            continue;
        if (isSourceFile(it.fileName()))
            files << rel;
    }
    files.sort();
    // v2: each file's name, size and content hash (v1 hashed the contents into one stream): the content
    // hashes can be remembered between runs.
    // Without a memory, one that remembers nothing: every file is read, by the same code.
    FileHashMemory none { QString() };
    if (!memory)
        memory = &none;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("heapsight-fingerprint-v2\n"));
    for (const QString& rel : files) {
        const QString path = module.root + QLatin1Char('/') + rel;
        const QByteArray content = memory->contentHash(path, rel, error);
        if (content.isEmpty())
            return {};
        hash.addData(rel.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::number(QFileInfo(path).size()));
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(content);
    }
    if (!module.goWorkPath.isEmpty()) {
        QFile work(module.goWorkPath);
        if (work.open(QIODevice::ReadOnly))
            hash.addData(&work);
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString ResultCache::fingerprint(const ModuleInfo& module, QString* error) const
{
    const QString id = QString::fromLatin1(
        QCryptographicHash::hash(module.root.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    FileHashMemory memory(m_directory + QStringLiteral("/files/") + id + QStringLiteral(".hashes"));
    QString result = moduleFingerprint(module, error, &memory);
    if (!result.isEmpty())
        memory.save(); // a memory that cannot be written only costs the next run its hashing
    return result;
}

QString ResultCache::key(const AnalysisRequest& request, const ModuleInfo& module, const QString& fingerprint)
{
    // v2: entries of CacheEntry (a report snapshot now; the compiler's output or report JSON before, still
    // read); v1 kept report JSON in "<key>.json".
    QStringList parts { QStringLiteral("heapsight-cache-v2"), module.root, request.toolchain.realPath,
        request.toolchain.version, request.languageVersion, request.packages.join(QLatin1Char(' ')),
        request.includeDependencies ? QStringLiteral("all") : QStringLiteral("named"),
        request.collectLogopt ? QStringLiteral("logopt") : QString(),
        request.loopvarReport ? QStringLiteral("loopvar") : QString(),
        request.includeTests ? QStringLiteral("tests") : QString(),
        request.allowModuleUpdates ? QStringLiteral("mod=mod") : QStringLiteral("mod=readonly"), fingerprint };
    // Added only when set, so the keys of runs without it stay what they were.
    if (request.boundsCheckReport)
        parts << QStringLiteral("bce");
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString ResultCache::pathFor(const QString& key) const
{
    return m_directory + QLatin1Char('/') + key + QStringLiteral(".hscache");
}

std::optional<Report> ResultCache::load(const QString& key, QString* why, QByteArray* goList) const
{
    const QString path = pathFor(key);
    if (!QFileInfo::exists(path)) {
        if (why)
            *why = QStringLiteral("no cached result");
        return std::nullopt;
    }
    QString reason;
    std::optional<Report> report = CacheEntry::read(path, &reason, goList);
    if (!report) {
        QFile::remove(path); // damaged: the next store replaces it
        if (why)
            *why = reason;
    }
    return report;
}

bool ResultCache::store(const QString& key, const CachedRun& run, QString* error) const
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    return CacheEntry::write(pathFor(key), run, error);
}

} // namespace heapsight
