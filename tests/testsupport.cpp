// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "testsupport.h"

#include "core/parse/escapeparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace heapsight::test {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string_view view(const QByteArray& bytes)
{
    return std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Report parseFile(const QString& path)
{
    return EscapeParser::parse(view(readFile(path)));
}

const QStringList& goVersions()
{
    static const QStringList versions { QStringLiteral("1.21"), QStringLiteral("1.22"), QStringLiteral("1.23"),
        QStringLiteral("1.24"), QStringLiteral("1.25"), QStringLiteral("1.26"), QStringLiteral("1.27") };
    return versions;
}

QString installedGo(const QString& minor)
{
    const QString go = QStringLiteral("/usr/lib/go-%1/bin/go").arg(minor);
    return QFileInfo(go).isExecutable() ? go : QString();
}

void isolateUserDirs(const QTemporaryDir& dir)
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("cache"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    qputenv("GOCACHE", QFile::encodeName(dir.filePath(QStringLiteral("gocache"))));
}

QMap<QString, QByteArray> hashTree(const QString& dir)
{
    // Directories count too (a new empty one is a write), and an unreadable file is recorded as such.
    QMap<QString, QByteArray> tree;
    QDirIterator it(
        dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            tree.insert(relative + QLatin1Char('/'), QByteArray());
            continue;
        }
        QFile f(path);
        tree.insert(relative,
            f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                        : QByteArray("?"));
    }
    return tree;
}

bool copyTree(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

QByteArray run(const QString& program, const QStringList& args, const QString& workingDir, int* exitCode,
    const QStringList& extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
    for (const QString& kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workingDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(10 * 60 * 1000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAll();
}

bool applySampleEdit(const QString& module, const QString& edit)
{
    const auto rewrite = [&](const QString& file, const auto& change) {
        QFile f(QDir(module).filePath(file));
        if (!f.open(QIODevice::ReadWrite))
            return false;
        const QByteArray changed = change(f.readAll());
        f.resize(0);
        f.seek(0);
        return f.write(changed) == changed.size();
    };
    if (edit == QLatin1String("none"))
        return true;
    if (edit == QLatin1String("blank lines"))
        return rewrite(QStringLiteral("loopvar.go"), [](QByteArray s) { return "\n\n\n" + s; });
    if (edit == QLatin1String("lines moved")) {
        return rewrite(QStringLiteral("closure.go"), [](QByteArray s) {
            return s.replace("package main\n", "package main\n\n// Closures.\n");
        }) && rewrite(QStringLiteral("returnaddr.go"), [](QByteArray s) {
            return s.replace("\tx := 0\n", "\t_ = 0\n\tx := 0\n");
        }) && rewrite(QStringLiteral("iface.go"), [](QByteArray s) {
            return s.insert(s.indexOf("\nfunc ") + 1, "func helper() int { return 1 }\n\nvar _ = helper\n\n");
        });
    }
    if (edit == QLatin1String("new escape"))
        return rewrite(QStringLiteral("main.go"), [](QByteArray s) {
            return s + "\nfunc newTally() *int {\n\tn := 0\n\treturn &n\n}\n\nvar _ = newTally\n";
        });
    if (edit == QLatin1String("allocation respelled"))
        return rewrite(QStringLiteral("returnaddr.go"),
            [](QByteArray s) { return s.replace("\tx := 0\n\treturn &x\n", "\tx := new(int)\n\treturn x\n"); });
    return false;
}

CliOutcome runCli(const QString& program, const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(10 * 60 * 1000);
    CliOutcome o;
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.output = p.readAllStandardOutput();
    o.json = QJsonDocument::fromJson(o.output).object();
    o.errors = p.readAllStandardError();
    return o;
}

QJsonArray sarifResults(const QJsonObject& log)
{
    return log.value(QStringLiteral("runs")).toArray().at(0).toObject().value(QStringLiteral("results")).toArray();
}

QList<qint64> processesInGroup(qint64 pgid)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // Fields after the parenthesised command: state ppid pgrp …
        const QByteArray s = stat.readAll();
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == pgid && fields.at(0) != "Z")
            pids << pid;
    }
    return pids;
}

} // namespace heapsight::test
