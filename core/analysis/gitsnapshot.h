// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace heapsight {

// A module folder as it was at a git ref (a commit, branch, tag, HEAD~1), exported with
// `git archive REF | tar -x` into a private temporary directory that goes away with this object.
// The repository is only read: no checkout, no index refresh, no lock files, nothing in .git changes.
class GitSnapshot {
public:
    // `moduleDirectory` is any folder inside a git work tree; blocks while git and tar run (seconds).
    // nullptr with a message in `error` when it is not in a repository, the ref does not resolve, or
    // the export fails.
    static std::unique_ptr<GitSnapshot> create(const QString& moduleDirectory, const QString& ref, QString* error);

    // The same folder inside the snapshot (the repository's top level plus the module's prefix).
    QString moduleDirectory() const { return m_moduleDirectory; }
    QString commit() const { return m_commit; } // full hash the ref resolved to
    QString ref() const { return m_ref; }

private:
    GitSnapshot() = default;

    QTemporaryDir m_temp;
    QString m_moduleDirectory;
    QString m_commit;
    QString m_ref;
};

} // namespace heapsight
