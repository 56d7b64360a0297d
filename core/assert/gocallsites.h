// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// A call written in Go source: `name(` or `x.name(`. Its position is the one the compiler gives the call
// in `inlining call to F` lines: the opening parenthesis (1-based line and byte column).
struct GoCallSite {
    std::string name; // the called identifier, without qualifier: "add", "Put" for `c.Put(`
    std::uint32_t line = 0;
    std::uint32_t column = 0; // of the `(`

    friend bool operator==(const GoCallSite&, const GoCallSite&) = default;
};

// The calls in one Go source file, in source order. A token scan, not a type check: an identifier directly
// followed by `(` is a call unless it is a keyword, a builtin function or a predeclared type (`len(`,
// `int(`), the name in a declaration (`func f(`, `func (r T) M(`), or a method in an interface type. What it
// cannot tell without types: a conversion to a type declared in Go code (`Celsius(x)`) counts as a call, as
// does a call of a function value taken from a slice or map (`handlers[i](x)` as a call of `handlers`).
// An explicitly instantiated generic call (`F[int](x)`) is a call of F.
std::vector<GoCallSite> scanGoCalls(std::string_view source);

} // namespace heapsight
