// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "assertdirective.h"
#include "core/model/report.h"
#include "gocallsites.h"

#include <cstdint>
#include <string>
#include <vector>

namespace heapsight {

// What the checker reads of one Go source file of the module.
struct AssertSource {
    std::string file; // relative to the module root, '/'-separated: "noescape.go", "sub/x.go"
    std::vector<AssertDirective> directives; // scanAssertDirectives
    std::vector<GoFunctionSpan> functions; // scanGoFunctions
    std::vector<GoCallSite> calls; // scanGoCalls
};

// One way an assertion does not hold, at a 1-based position in the module.
struct AssertViolation {
    std::string file; // relative to the module root, '/'-separated
    std::uint32_t line = 0;
    std::uint32_t column = 0; // 0 when the compiler printed none
    // What breaks it: the compiler's verdict ("moved to heap: n", "Found IsInBounds"), or for a call the
    // compiler did not inline "call of slow in Twice not inlined" ("no call on this line" when a line
    // asserted inline holds none).
    std::string message;
    std::int64_t finding = -1; // index into Report::findings() of the verdict (escapes, bounds checks)
    // Inline: index of the compiler's `cannot inline F: REASON` for the called function, when it printed one.
    std::int64_t cause = -1;
};

struct AssertOutcome {
    AssertDirective directive;
    std::vector<AssertViolation> violations; // empty: the assertion holds
    // False when the report never names the directive's file: the build did not compile it (a build-tag
    // variant, a _test.go file without tests), so nothing could break the assertion there.
    bool compiled = true;

    bool holds() const { return violations.empty(); }
};

// Decides each directive of `sources` on `report`, an -m=2 analysis of the module run in its root (with
// -d=ssa/check_bce/debug=1 where bce is asserted): report file names are matched to `sources` with any
// "./" or `moduleRoot` + "/" prefix removed. Outcomes in the order of `sources` and their directives.
// - noescape: no `moved to heap` / `escapes to heap` finding on the asserted line; for a function, on any
//   line of it (Heapsight, go-escape-lint) or, as gcassert reads its own function directives, on its
//   `func` line (receiver and parameters declared there).
// - inline on a line: every call written on it (scanGoCalls) has `inlining call to` at its `(`, and there
//   is at least one call (the cause of one that is not: a `cannot inline` of that name); on a function: every call of
//   that name in a file the compiler compiled (one the report names) is inlined, each that is not a violation naming
//   its caller, with the compiler's `cannot inline F: REASON` as the cause when it printed one. Calls are matched by
//   name, not type.
// - bce: no `Found IsInBounds` / `Found IsSliceInBounds` (or logopt isInBounds) finding on the line, or on
//   any line of the function.
std::vector<AssertOutcome> checkAssertions(
    const Report& report, const std::vector<AssertSource>& sources, const std::string& moduleRoot);

} // namespace heapsight
