// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/appsettings.h"

namespace heapsight::gui {

QSettings appSettings()
{
    return QSettings(QStringLiteral("Heapsight"), QStringLiteral("Heapsight"));
}

} // namespace heapsight::gui
