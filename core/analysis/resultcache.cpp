// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "resultcache.h"

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

QString ResultCache::moduleFingerprint(const ModuleInfo& module, QString* error)
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
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& rel : files) {
        QFile f(module.root + QLatin1Char('/') + rel);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
            return {};
        }
        hash.addData(rel.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::number(f.size()));
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(&f);
    }
    if (!module.goWorkPath.isEmpty()) {
        QFile work(module.goWorkPath);
        if (work.open(QIODevice::ReadOnly))
            hash.addData(&work);
    }
    return QString::fromLatin1(hash.result().toHex());
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

std::optional<Report> ResultCache::load(const QString& key, QString* why) const
{
    const QString path = pathFor(key);
    if (!QFileInfo::exists(path)) {
        if (why)
            *why = QStringLiteral("no cached result");
        return std::nullopt;
    }
    QString reason;
    std::optional<Report> report = CacheEntry::read(path, &reason);
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
