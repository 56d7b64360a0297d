// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "run/languagechoices.h"

#include "core/toolchain/toolchain.h"

#include <QComboBox>
#include <QCoreApplication>

namespace heapsight::gui {

void fillLanguageChoices(QComboBox* box, const QString& goModVersion, const QString& toolchainVersion)
{
    const QVariant chosen = box->currentData();
    box->clear();
    box->addItem(goModVersion.isEmpty()
            ? QCoreApplication::translate("LanguageChoices", "as go.mod says")
            : QCoreApplication::translate("LanguageChoices", "go %1 (go.mod)").arg(goModVersion),
        QString());
    const QVersionNumber toolchain = parseGoVersion(toolchainVersion);
    const int newest = toolchain.majorVersion() == 1 && toolchain.minorVersion() >= OldestKnownGoMinor
        ? toolchain.minorVersion()
        : NewestKnownGoMinor;
    for (int minor = OldestKnownGoMinor; minor <= newest; ++minor) {
        const QString v = QStringLiteral("1.%1").arg(minor);
        if (v != goModVersion)
            box->addItem(QStringLiteral("go %1").arg(v), v);
    }
    const int keep = box->findData(chosen);
    if (keep >= 0)
        box->setCurrentIndex(keep);
}

QString runDescription(const QString& toolchainVersion, const QString& languageVersion)
{
    if (languageVersion.isEmpty())
        return toolchainVersion;
    return QCoreApplication::translate("LanguageChoices", "%1, go %2 language").arg(toolchainVersion, languageVersion);
}

} // namespace heapsight::gui
