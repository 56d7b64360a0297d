// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "moduleoptions.h"

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

QSettings settings()
{
    return QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight"));
}

} // namespace

bool ModuleOptions::includesTests(const QString& moduleRoot)
{
    return !moduleRoot.isEmpty()
        && settings().value(keyFor(moduleRoot, QStringLiteral("includeTests")), false).toBool();
}

void ModuleOptions::setIncludesTests(const QString& moduleRoot, bool include)
{
    if (moduleRoot.isEmpty())
        return;
    QSettings s = settings();
    s.setValue(keyFor(moduleRoot, QStringLiteral("includeTests")), include);
}

} // namespace heapsight::gui
