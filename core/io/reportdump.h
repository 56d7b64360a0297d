// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <ostream>

namespace heapsight {

class Report;

// A stable, line-oriented text form of everything a report holds, for golden files that a person reads in
// a `diff -u`: the counts, every finding in the order the compiler printed it (`FILE:LINE:COL KIND
// [SUBJECT] MESSAGE`, then its detail/number/occurrences/inline chain when present), under it each
// explanation block (header, `flow: DST <- SRC (derefs=N)`, `from EXPR (REASON) at FILE:LINE:COL`, lines
// not understood verbatim), then blocks no verdict claimed, go's errors and lines not understood with
// their 1-based input line. Positions are 1-based; text is written as it was printed, UTF-8.
// Only writes to `out`; never throws beyond what the stream does.
void writeReportDump(const Report& report, std::ostream& out);

} // namespace heapsight
