// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/identity/godeclscanner.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// What an assertion in a Go comment claims about the compiler's decisions.
enum class AssertCheck : std::uint8_t {
    NoEscape, // nothing asserted moves to or escapes to the heap (`moved to heap: x`, `E escapes to heap`)
    Inline, // the calls asserted are inlined (`inlining call to F` at each call site)
    BoundsCheck, // no bounds check is kept (`Found IsInBounds` / `Found IsSliceInBounds`)
};

// Whose spelling the directive uses; each is read as that tool documents it.
enum class DirectiveStyle : std::uint8_t {
    Heapsight, // //heapsight:noescape, //heapsight:inline, //heapsight:bce (comma lists allowed)
    Gcassert, // github.com/jordanlewis/gcassert: //gcassert:noescape|inline|bce (comma lists allowed)
    GoEscapeLint, // github.com/maxpoletaev/go-escape-lint: //no-escape, //must-inline, //no-bounds-check
};

// What a directive covers.
enum class AssertScope : std::uint8_t {
    Line, // one line: the directive's own line (trailing comment) or the line directly below it
    Function, // a function declaration the directive sits on (see AssertDirective::firstLine/lastLine)
};

// One assertion read from a comment. Lines and columns are 1-based; columns count bytes, as the compiler's.
struct AssertDirective {
    std::string file; // as given to scanAssertDirectives: relative to the module root, '/'-separated
    std::uint32_t line = 0; // of the comment
    std::uint32_t column = 0; // of the comment's "//"
    AssertCheck check = AssertCheck::NoEscape;
    DirectiveStyle style = DirectiveStyle::Heapsight;
    AssertScope scope = AssertScope::Line;
    std::uint32_t targetLine = 0; // the line asserted (Line), the `func` line (Function)
    // The function the directive sits on (Function) or whose body holds the target line (Line; empty at
    // package level): its name as godeclscanner gives it ("add", "(*T).M") and the lines it spans.
    std::string function;
    std::uint32_t firstLine = 0;
    std::uint32_t lastLine = 0;

    friend bool operator==(const AssertDirective&, const AssertDirective&) = default;
};

// A comment that looks like a directive but cannot be read, at its 1-based position: bad input.
struct DirectiveError {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message; // "unknown directive //heapsight:noinline (known: noescape, inline, bce)"
};

struct DirectiveScan {
    std::vector<AssertDirective> directives; // in source order
    std::vector<DirectiveError> errors;
};

// The directive as written for one check: "//heapsight:noescape", "//gcassert:bce", "//must-inline".
std::string directiveName(DirectiveStyle style, AssertCheck check);
std::string_view checkId(AssertCheck check); // "noescape", "inline", "bce"
std::string_view styleId(DirectiveStyle style); // "heapsight", "gcassert", "go-escape-lint"

// Reads the assertion directives in the `//` comments of one Go source file (`file` names it in the
// result). Placement, as gcassert reads its own: a directive after code on a line asserts that line; a
// directive on a comment line asserts the next line that is not a comment, which must follow directly (a
// blank line in between is an error, so a directive never silently asserts nothing). When the asserted
// line is the `func` line of a top-level function declaration, the directive is about the function
// (AssertScope::Function). `//heapsight:` and `//gcassert:` take a comma-separated list
// (`//gcassert:bce,inline`), one AssertDirective per entry; an unknown entry is an error. Text after the
// directive word, past white space, is a free comment (`//must-inline // why`). Never fails: what it cannot
// read is in `errors`.
DirectiveScan scanAssertDirectives(std::string_view source, const std::string& file);

} // namespace heapsight
