#include "languagechoices.h"

#include <QComboBox>
#include <QCoreApplication>

namespace heapsight::gui {

void fillLanguageChoices(QComboBox* box, const QString& goModVersion)
{
    box->clear();
    box->addItem(goModVersion.isEmpty()
            ? QCoreApplication::translate("LanguageChoices", "as go.mod says")
            : QCoreApplication::translate("LanguageChoices", "go %1 (go.mod)").arg(goModVersion),
        QString());
    // The versions around the loop-variable change (1.22) that Debian's backports carry and later ones.
    for (const char* v : { "1.21", "1.22", "1.23", "1.24" }) {
        if (QLatin1String(v) != goModVersion)
            box->addItem(QStringLiteral("go %1").arg(QLatin1String(v)), QLatin1String(v));
    }
}

QString runDescription(const QString& toolchainVersion, const QString& languageVersion)
{
    if (languageVersion.isEmpty())
        return toolchainVersion;
    return QCoreApplication::translate("LanguageChoices", "%1, go %2 language").arg(toolchainVersion, languageVersion);
}

} // namespace heapsight::gui
