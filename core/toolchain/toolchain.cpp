// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "toolchain.h"

#include <QRegularExpression>

namespace heapsight {

QVersionNumber parseGoVersion(const QString& goVersion)
{
    static const QRegularExpression re(QStringLiteral(R"(^go(\d+)\.(\d+)(?:\.(\d+))?)"));
    const QRegularExpressionMatch m = re.match(goVersion);
    if (!m.hasMatch())
        return {};
    QList<int> parts { m.captured(1).toInt(), m.captured(2).toInt() };
    if (m.hasCaptured(3))
        parts << m.captured(3).toInt();
    return QVersionNumber(parts);
}

QVersionNumber Toolchain::versionNumber() const
{
    return parseGoVersion(version);
}

QString Toolchain::languageVersion() const
{
    const QVersionNumber v = versionNumber();
    return v.isNull() ? QString() : QStringLiteral("%1.%2").arg(v.majorVersion()).arg(v.minorVersion());
}

bool Toolchain::hasLoopvarReport() const
{
    return versionNumber() >= QVersionNumber(1, 22);
}

} // namespace heapsight
