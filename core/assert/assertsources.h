// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "assertionchecker.h"

#include <QString>
#include <vector>

namespace heapsight {

struct AssertSources {
    std::vector<AssertSource> sources; // every .go file read, in path order, with its directives
    std::vector<DirectiveError> errors; // directives that cannot be read; files that cannot be read
    std::size_t directiveCount() const;
};

// Reads the module's Go files below `moduleRoot` for assertions (scanAssertDirectives, scanGoFunctions,
// scanGoCalls), as the go command sees the module: hidden and `_`-prefixed directories, `testdata`,
// `vendor` and nested modules (a directory with its own go.mod) are skipped, and `_test.go` files are read
// only with `includeTests`. Only reads.
AssertSources readAssertSources(const QString& moduleRoot, bool includeTests);

} // namespace heapsight
