// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// A function or method declared in a Go file, with the lines its declaration spans.
struct GoFunctionSpan {
    std::string name; // "Name", "T.Name", "(*T).Name" (type parameters dropped: "(*List[T]).Push" → "(*List).Push")
    std::uint32_t firstLine = 0; // the line of `func`, 1-based
    std::uint32_t lastLine = 0; // the line of the body's closing brace

    friend bool operator==(const GoFunctionSpan&, const GoFunctionSpan&) = default;
};

// The top-level function declarations of one Go source file, in source order. A light scanner, not a
// parser: it knows comments, string, raw string and rune literals and bracket nesting, which is all it
// takes to find `func` at the top level and the brace that closes its body. Declarations without a body
// (assembly stubs) are left out. Never fails: text that is not Go yields what could be recognised.
std::vector<GoFunctionSpan> scanGoFunctions(std::string_view source);

// The function whose declaration spans `line`, or nullptr when none does (package-level var
// initialisers, imports). `functions` as scanGoFunctions returns them.
const GoFunctionSpan* enclosingFunction(const std::vector<GoFunctionSpan>& functions, std::uint32_t line);

} // namespace heapsight
