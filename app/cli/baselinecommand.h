// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli baseline save DIR|FILE -o BASELINE`: records the heap allocations of a module (analysed
// now) or of a report file as the accepted ones.
int runBaselineCommand(const QStringList& arguments);
// `heapsight-cli check DIR|FILE --baseline BASELINE [--packages PATTERN] [--json|--sarif] [--allow-unknown]`:
// reports the heap allocations the baseline does not have; exit 1 when any is in the chosen packages, 2 for
// bad usage, an unreadable baseline or a failed build, 3 when the analysis holds lines the parser did not
// fully understand (see understandingWarning) and --allow-unknown was not given.
int runCheckCommand(const QStringList& arguments);

} // namespace heapsight::cli
