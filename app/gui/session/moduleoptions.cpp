// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/moduleoptions.h"

#include "session/appsettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>

namespace heapsight::gui {

namespace {

// A settings key per module: the path hashed, since QSettings keys cannot hold every character a path can.
QString keyFor(const QString& moduleRoot, const QString& option)
{
    const QByteArray path = QDir::cleanPath(QDir(moduleRoot).absolutePath()).toUtf8();
    return QStringLiteral("modules/%1/%2")
        .arg(QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex()), option);
}

bool flag(const QString& moduleRoot, const QString& option)
{
    return !moduleRoot.isEmpty() && appSettings().value(keyFor(moduleRoot, option), false).toBool();
}

void setFlag(const QString& moduleRoot, const QString& option, bool on)
{
    if (moduleRoot.isEmpty())
        return;
    QSettings s = appSettings();
    s.setValue(keyFor(moduleRoot, option), on);
}

} // namespace

bool ModuleOptions::includesTests(const QString& moduleRoot)
{
    return flag(moduleRoot, QStringLiteral("includeTests"));
}

void ModuleOptions::setIncludesTests(const QString& moduleRoot, bool include)
{
    setFlag(moduleRoot, QStringLiteral("includeTests"), include);
}

bool ModuleOptions::watches(const QString& moduleRoot)
{
    return flag(moduleRoot, QStringLiteral("watch"));
}

void ModuleOptions::setWatches(const QString& moduleRoot, bool watch)
{
    setFlag(moduleRoot, QStringLiteral("watch"), watch);
}

} // namespace heapsight::gui
