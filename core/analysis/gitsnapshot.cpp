// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gitsnapshot.h"

#include <QDir>
#include <QProcess>
#include <optional>

namespace heapsight {

namespace {

constexpr int kGitTimeoutMs = 120000;

QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Read-only git: no index refresh behind our back, no pager, no prompts.
    env.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.insert(QStringLiteral("GIT_PAGER"), QStringLiteral("cat"));
    return env;
}

// Runs git to completion; its trimmed stdout, or nullopt with git's stderr in `error`.
std::optional<QString> git(const QString& directory, const QStringList& arguments, QString* error)
{
    QProcess p;
    p.setProcessEnvironment(gitEnvironment());
    p.setWorkingDirectory(directory);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral("git"), arguments);
    if (!p.waitForStarted()) {
        *error = QStringLiteral("cannot run git: %1").arg(p.errorString());
        return std::nullopt;
    }
    p.waitForFinished(kGitTimeoutMs);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString said = QString::fromUtf8(p.readAllStandardError()).trimmed();
        *error = QStringLiteral("git %1 failed%2")
                     .arg(arguments.join(QLatin1Char(' ')), said.isEmpty() ? QString() : QStringLiteral(": ") + said);
        return std::nullopt;
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

std::unique_ptr<GitSnapshot> GitSnapshot::create(const QString& moduleDirectory, const QString& ref, QString* error)
{
    QString ignored;
    QString& why = error ? *error : ignored;
    const QString dir = QDir(moduleDirectory).absolutePath();
    const auto top = git(dir, { QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") }, &why);
    if (!top) {
        why = QStringLiteral("%1 is not inside a git repository (%2)").arg(dir, why);
        return nullptr;
    }
    const auto prefix = git(dir, { QStringLiteral("rev-parse"), QStringLiteral("--show-prefix") }, &why);
    if (!prefix)
        return nullptr;
    const auto commit = git(*top,
        { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
            ref + QStringLiteral("^{commit}") },
        &why);
    if (!commit) {
        why = QStringLiteral("\"%1\" is not a commit of %2").arg(ref, *top);
        return nullptr;
    }

    std::unique_ptr<GitSnapshot> snapshot(new GitSnapshot);
    if (!snapshot->m_temp.isValid()) {
        why = QStringLiteral("cannot create a temporary directory: %1").arg(snapshot->m_temp.errorString());
        return nullptr;
    }
    QProcess archive, tar;
    archive.setProcessEnvironment(gitEnvironment());
    archive.setWorkingDirectory(*top);
    archive.setStandardInputFile(QProcess::nullDevice());
    archive.setStandardOutputProcess(&tar);
    tar.setWorkingDirectory(snapshot->m_temp.path());
    archive.start(QStringLiteral("git"), { QStringLiteral("archive"), QStringLiteral("--format=tar"), *commit });
    tar.start(QStringLiteral("tar"), { QStringLiteral("-x"), QStringLiteral("-f"), QStringLiteral("-") });
    const bool archived = archive.waitForFinished(kGitTimeoutMs) && archive.exitStatus() == QProcess::NormalExit
        && archive.exitCode() == 0;
    const bool extracted
        = tar.waitForFinished(kGitTimeoutMs) && tar.exitStatus() == QProcess::NormalExit && tar.exitCode() == 0;
    if (!archived || !extracted) {
        const QString said
            = QString::fromUtf8(archived ? tar.readAllStandardError() : archive.readAllStandardError()).trimmed();
        why = QStringLiteral("cannot export %1 with git archive | tar -x: %2")
                  .arg(ref, said.isEmpty() ? (archived ? tar.errorString() : archive.errorString()) : said);
        return nullptr;
    }
    snapshot->m_commit = *commit;
    snapshot->m_ref = ref;
    snapshot->m_moduleDirectory = QDir(snapshot->m_temp.path()).filePath(*prefix);
    if (snapshot->m_moduleDirectory.endsWith(QLatin1Char('/')))
        snapshot->m_moduleDirectory.chop(1);
    if (!QDir(snapshot->m_moduleDirectory).exists()) {
        why = QStringLiteral("%1 has no folder %2").arg(ref, *prefix);
        return nullptr;
    }
    return snapshot;
}

} // namespace heapsight
