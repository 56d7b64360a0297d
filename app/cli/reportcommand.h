// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli report FILE|- [--json] [--kinds moved,escapes,…]`; returns the exit code.
int runReportCommand(const QStringList& arguments);

} // namespace heapsight::cli
