// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "analysislog.h"

Q_LOGGING_CATEGORY(lcAnalysis, "heapsight.analysis", QtInfoMsg)
