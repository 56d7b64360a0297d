// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "run/analysistimelimit.h"

#include "session/appsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <algorithm>

namespace heapsight::gui {

namespace {

const QString kKey = QStringLiteral("analysis/timeLimitSeconds");

} // namespace

int AnalysisTimeLimit::seconds()
{
    bool ok = false;
    const int value = appSettings().value(kKey, kDefaultSeconds).toInt(&ok);
    return ok ? std::clamp(value, 0, kMaxSeconds) : kDefaultSeconds;
}

void AnalysisTimeLimit::setSeconds(int seconds)
{
    appSettings().setValue(kKey, std::clamp(seconds, 0, kMaxSeconds));
}

QString AnalysisTimeLimit::describe(int seconds)
{
    if (seconds <= 0)
        return QCoreApplication::translate("AnalysisTimeLimit", "no limit");
    if (seconds % 60 == 0)
        return QCoreApplication::translate("AnalysisTimeLimit", "%1 min").arg(seconds / 60);
    return QCoreApplication::translate("AnalysisTimeLimit", "%1 s").arg(seconds);
}

} // namespace heapsight::gui
