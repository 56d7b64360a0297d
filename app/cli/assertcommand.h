// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli assert DIR [--toolchain …] [--json|--sarif] [--tests] [--allow-unknown]`: checks the
// assertion directives in the module's Go comments against one analysis. Exit 0 when all hold, 1 when one
// is broken, 2 for bad usage or bad input (a directive that cannot be read, a module that does not
// build), 3 when the analysis holds lines the parser did not understand (unless --allow-unknown).
int runAssertCommand(const QStringList& arguments);

} // namespace heapsight::cli
