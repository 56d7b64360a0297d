// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli diff A B [--json|--sarif] [--fail-on new-heap [--allow-unknown]]`, or
// `heapsight-cli diff --toolchain go1.21 --toolchain go1.22 DIR` (also --lang 1.21 --lang 1.22).
// Returns the exit code: 0, 1 (--fail-on new-heap and B has heap allocations A does not), 2 (bad usage,
// unreadable input, failed analysis), 3 (--fail-on on a side not fully understood, see understandingWarning).
int runDiffCommand(const QStringList& arguments);

} // namespace heapsight::cli
