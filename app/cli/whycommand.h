// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli why DIR FILE:LINE[:COL] [--toolchain goX.Y] [--json] [--deps]`: analyses the module and
// prints the interprocedural path of the heap findings on that line, through the callees their values are
// passed to; --deps also analyses the packages outside the module the path calls into (the standard
// library: `go build -gcflags=-m=2 PKG…` in the module, from the build cache, the module never written).
// Exit 0: paths printed; 1: no heap finding there, or the build had errors; 2: bad arguments or go failed.
int runWhyCommand(const QStringList& arguments);

} // namespace heapsight::cli
