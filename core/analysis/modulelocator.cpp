// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "modulelocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace heapsight {

namespace {

QString directive(const QString& text, const QString& name)
{
    const QRegularExpression re(QStringLiteral(R"(^\s*%1\s+("?)([^\s"/]+[^\s"]*)\1\s*(?://.*)?$)").arg(name),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? m.captured(2) : QString();
}

} // namespace

std::optional<ModuleInfo> locateModule(const QString& dir, QString* error)
{
    QDir d(QFileInfo(dir).absoluteFilePath());
    if (!d.exists()) {
        if (error)
            *error = QStringLiteral("%1 does not exist").arg(dir);
        return std::nullopt;
    }
    ModuleInfo info;
    bool found = false;
    for (;;) {
        if (!found && QFileInfo::exists(d.filePath(QStringLiteral("go.mod")))) {
            info.root = d.absolutePath();
            info.goModPath = d.filePath(QStringLiteral("go.mod"));
            found = true;
        }
        if (found && QFileInfo::exists(d.filePath(QStringLiteral("go.work")))) {
            info.goWorkPath = d.filePath(QStringLiteral("go.work"));
            break;
        }
        if (!d.cdUp())
            break;
    }
    if (!found) {
        if (error)
            *error = QStringLiteral("no go.mod in %1 or any directory above it").arg(dir);
        return std::nullopt;
    }
    QFile mod(info.goModPath);
    if (!mod.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(info.goModPath, mod.errorString());
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(mod.readAll());
    info.modulePath = directive(text, QStringLiteral("module"));
    info.goVersion = directive(text, QStringLiteral("go"));
    info.toolchainLine = directive(text, QStringLiteral("toolchain"));
    return info;
}

QByteArray goModWithLanguageVersion(const QByteArray& goMod, const QString& version)
{
    QList<QByteArray> lines = goMod.split('\n');
    bool replaced = false;
    QList<QByteArray> out;
    static const QRegularExpression goLine(QStringLiteral(R"(^\s*go\s+\S+\s*(//.*)?$)"));
    static const QRegularExpression toolchainLine(QStringLiteral(R"(^\s*toolchain\s+\S+\s*(//.*)?$)"));
    for (const QByteArray& line : lines) {
        const QString l = QString::fromUtf8(line);
        if (goLine.match(l).hasMatch()) {
            out << QByteArray("go ") + version.toUtf8();
            replaced = true;
        } else if (!toolchainLine.match(l).hasMatch()) {
            out << line;
        }
    }
    if (!replaced) {
        // The go line belongs right after the module line.
        qsizetype at = 0;
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out.at(i).trimmed().startsWith("module")) {
                at = i + 1;
                break;
            }
        }
        out.insert(at, QByteArray("go ") + version.toUtf8());
    }
    return out.join('\n');
}

} // namespace heapsight
