// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "filehashmemory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <sys/stat.h>

namespace heapsight {

namespace {

constexpr QByteArrayView kHeader = "heapsight-file-hashes 1\n";
std::int64_t nanoseconds(const timespec& t)
{
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::int64_t nowNs()
{
    timespec t {};
    clock_gettime(CLOCK_REALTIME, &t);
    return nanoseconds(t);
}

} // namespace

FileHashMemory::FileHashMemory(QString path, int racyWindowMs)
    : m_path(std::move(path))
    , m_racyNs(std::int64_t(racyWindowMs) * 1'000'000)
{
    load();
}

// One line per file: size inode mtime-ns ctime-ns hashed-at-ns sha256-hex name (the name last: it may hold
// spaces; names with a line break are never remembered).
void FileHashMemory::load()
{
    if (m_path.isEmpty())
        return; // a memory of this run only (moduleFingerprint without one)
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    QByteArray all = f.readAll();
    // The last line is "end <SHA-256 of all before it>": a memory cut short or changed is not used at all
    // (a wrong hash with the right stat data would be trusted).
    const qsizetype endLine = all.lastIndexOf("\nend ", all.size() - 2);
    if (!all.startsWith(kHeader) || endLine < 0 || !all.endsWith('\n'))
        return;
    const QByteArrayView content(all.constData(), endLine + 1);
    const QByteArrayView sum(all.constData() + endLine + 5, all.size() - endLine - 6);
    if (QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() != sum)
        return;
    all.truncate(endLine + 1);
    qsizetype at = kHeader.size();
    while (at < all.size()) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0)
            return;
        const QByteArrayView line(all.constData() + at, end - at);
        at = end + 1;
        Entry e;
        qsizetype from = 0;
        std::int64_t numbers[5] {};
        bool ok = true;
        for (std::int64_t& n : numbers) {
            const qsizetype space = line.indexOf(' ', from);
            if (space < 0) {
                ok = false;
                break;
            }
            n = line.sliced(from, space - from).toLongLong(&ok);
            if (!ok)
                break;
            from = space + 1;
        }
        const qsizetype space = ok ? line.indexOf(' ', from) : -1;
        if (space != from + 64)
            continue;
        e.size = numbers[0];
        e.inode = static_cast<std::uint64_t>(numbers[1]);
        e.mtimeNs = numbers[2];
        e.ctimeNs = numbers[3];
        e.hashedAtNs = numbers[4];
        e.sha256 = QByteArray::fromHex(line.sliced(from, 64).toByteArray());
        if (e.sha256.size() != 32)
            continue;
        m_known.insert(QString::fromUtf8(line.sliced(space + 1)), e);
    }
}

QByteArray FileHashMemory::contentHash(const QString& absolutePath, const QString& name, QString* error)
{
    struct stat st { };
    const QByteArray encoded = QFile::encodeName(absolutePath);
    if (::stat(encoded.constData(), &st) != 0) {
        if (error)
            *error
                = QStringLiteral("cannot read %1: %2").arg(absolutePath, QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }
    Entry now;
    now.size = st.st_size;
    now.inode = st.st_ino;
    now.mtimeNs = nanoseconds(st.st_mtim);
    now.ctimeNs = nanoseconds(st.st_ctim);
    const auto known = m_known.constFind(name);
    if (known != m_known.constEnd() && known->size == now.size && known->inode == now.inode
        && known->mtimeNs == now.mtimeNs && known->ctimeNs == now.ctimeNs
        && std::max(now.mtimeNs, now.ctimeNs) + m_racyNs < known->hashedAtNs) {
        ++m_reused;
        m_used.insert(name, *known);
        return known->sha256;
    }
    now.hashedAtNs = nowNs();
    QFile f(absolutePath);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(absolutePath, f.errorString());
        return {};
    }
    now.sha256 = hash.result();
    ++m_hashed;
    m_changed = true;
    if (!name.contains(QLatin1Char('\n')))
        m_used.insert(name, now);
    return now.sha256;
}

bool FileHashMemory::save(QString* error)
{
    if (m_path.isEmpty() || (!m_changed && m_used.size() == m_known.size()))
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = out.errorString();
        return false;
    }
    QByteArray text;
    text.reserve(m_used.size() * 160);
    text.append(kHeader);
    for (auto it = m_used.constBegin(); it != m_used.constEnd(); ++it) {
        const Entry& e = it.value();
        text.append(QByteArray::number(qlonglong(e.size))).append(' ');
        text.append(QByteArray::number(qulonglong(e.inode))).append(' ');
        text.append(QByteArray::number(qlonglong(e.mtimeNs))).append(' ');
        text.append(QByteArray::number(qlonglong(e.ctimeNs))).append(' ');
        text.append(QByteArray::number(qlonglong(e.hashedAtNs))).append(' ');
        text.append(e.sha256.toHex()).append(' ');
        text.append(it.key().toUtf8()).append('\n');
    }
    const QByteArray sum = QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex();
    text.append("end ").append(sum).append('\n');
    out.write(text);
    if (!out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace heapsight
