// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

// What the analysis layer does, for whoever needs to see it (off unless asked for, as in KDE programs):
//   QT_LOGGING_RULES="heapsight.analysis.debug=true" heapsight …
// logs each go command with its directory, how it ended and after how long, the result cache's answers
// and Watch's splices.
Q_DECLARE_LOGGING_CATEGORY(lcAnalysis)
