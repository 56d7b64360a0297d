// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <cstdint>

namespace heapsight {

// The SHA-256 of each file of a module, remembered with what stat(2) said of the file when it was hashed, so
// that fingerprinting an unchanged module reads no file (GOROOT/src: 6,515 files, 70 MB, 0.33 s of hashing).
// A remembered hash is used only when the file's size, inode, mtime and ctime (nanoseconds) are what they
// were, and its last change (mtime and ctime) came at least 2 s before it was hashed: a file written in the
// same clock tick as its hashing, and then again, could keep its times (git's index calls such entries
// "racy" and hashes them again too). Kept in one small text file per module in the result cache directory;
// a missing, unreadable or malformed memory is an empty one. Not thread-safe: one per fingerprint.
class FileHashMemory {
public:
    // Reads the memory kept at `path` (nothing when it does not exist; an empty path: a memory that lives
    // only as long as this object, never read or written). `racyWindowMs`: how long before its
    // hashing a file's last change must lie for its hash to be reused (tests shorten it).
    explicit FileHashMemory(QString path, int racyWindowMs = 2000);

    // The 32-byte SHA-256 of the content of `absolutePath`, remembered under `name` (the module-relative
    // name); empty, with the reason in `error`, when the file cannot be read.
    QByteArray contentHash(const QString& absolutePath, const QString& name, QString* error);
    // Writes what was hashed or reused since construction (only those files: removed ones are forgotten)
    // back to the path, atomically, when anything changed. False, with the reason, when it cannot.
    bool save(QString* error = nullptr);

    // How many hashes came from memory / were computed since construction (for tests and figures).
    int reused() const { return m_reused; }
    int hashed() const { return m_hashed; }

private:
    struct Entry {
        std::int64_t size = -1;
        std::uint64_t inode = 0;
        std::int64_t mtimeNs = 0;
        std::int64_t ctimeNs = 0;
        std::int64_t hashedAtNs = 0;
        QByteArray sha256;
    };
    void load();

    QString m_path;
    std::int64_t m_racyNs;
    QHash<QString, Entry> m_known; // as read
    QHash<QString, Entry> m_used; // asked for now: what is written back
    bool m_changed = false;
    int m_reused = 0;
    int m_hashed = 0;
};

} // namespace heapsight
