// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <string>
#include <string_view>

namespace heapsight {

// Canonical spelling of a compiler-printed expression or name, so the same finding printed by two Go
// versions compares equal: `~R0` → `~r0`, `1 << 20` → `1048576`, `uint(8)` → `8`, raw strings →
// quoted strings, `.anon0`/`arg#1` → `~p0`, `glob..func1` → `init.func1`, `go.shape.int_0` → `int`,
// closure names without what precedes the function they are written in (`main.makeAccumulator.func1`,
// Go 1.24-1.26, and `makeAccumulator.func1`, Go 1.27, → `makeAccumulator.func1`), and white space folded.
// Any text is accepted; the result is only for comparing, never for display.
std::string normalizeSpelling(std::string_view text);

// A file name with a Go installation's prefix (`/usr/lib/go-1.21/src/`, `/usr/local/go/src/`) replaced
// by `$GOROOT/src/`, so standard-library findings of two toolchains line up.
std::string normalizeFileName(std::string_view file);

// Evaluates a Go integer constant expression of literals, parentheses and binary operators;
// false when `text` is anything else.
bool evaluateConstant(std::string_view text, unsigned long long& value);

} // namespace heapsight
