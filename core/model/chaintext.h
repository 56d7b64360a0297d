// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "report.h"

#include <string>
#include <vector>

namespace heapsight {

// A position as the compiler prints it: "./x.go:12:5", or "./x.go:12" when it printed no column.
std::string positionText(const Report& report, const Position& at);

// A finding's reason chain in the compiler's own -m=2 wording, one string per line, indented as the
// compiler indents it: per explanation its header ("n escapes to heap:", "parameter p leaks to ~r0 with
// derefs=0:"), then each flow ("  flow: ~r0 = &n:") and its steps ("    from &n (address-of) at
// ./x.go:22:9"), the truncation warning where the compiler gave one, and the lines of a wording this
// build does not know, verbatim. Go 1.25+'s `←` and function names are not reproduced: one wording for
// every version. Empty for a finding without explanation (-m output, or a verdict the compiler does not
// explain).
std::vector<std::string> chainText(const Report& report, const Finding& finding);

} // namespace heapsight
