// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "usertoolchains.h"

#include <QSettings>

namespace heapsight {

namespace {

QSettings settings()
{
    return QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight"));
}

} // namespace

QStringList userToolchainPaths()
{
    return settings().value(QStringLiteral("toolchains/userPaths")).toStringList();
}

void setUserToolchainPaths(const QStringList& paths)
{
    settings().setValue(QStringLiteral("toolchains/userPaths"), paths);
}

} // namespace heapsight
