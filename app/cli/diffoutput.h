// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/diff/diffexport.h"

#include <QTextStream>

namespace heapsight::cli {

// Exit code of a gate (`diff --fail-on new-heap`, `check`) that gives no verdict because a side holds input
// the parser did not fully understand, and --allow-unknown was not given.
inline constexpr int ExitNotUnderstood = 3;

// The text report: the sides, a `warning: ...` line per entry of sides.warnings, the changes (`+` added,
// `-` removed, `~` changed; unchanged ones too with `showUnchanged`), and the totals.
void printDiffText(const ReportDiff& diff, const DiffSides& sides, bool showUnchanged, QTextStream& out);

// Says each warning on `err`: "heapsight-cli: warning: side B not fully understood: ...", or, when `refused`
// (a gate that will exit ExitNotUnderstood), "heapsight-cli: side B not fully understood: ...; no verdict
// without --allow-unknown".
void printWarnings(const std::vector<std::string>& warnings, bool refused, QTextStream& err);

} // namespace heapsight::cli
