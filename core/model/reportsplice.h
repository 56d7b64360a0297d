// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "report.h"

#include <string>
#include <vector>

namespace heapsight {

// The import path a `# desc` header names: "example.com/m" for "example.com/m [example.com/m.test]".
std::string_view headerImportPath(std::string_view header);

// `base` with what it held for the packages `rebuilt` (import paths; their test variants too) replaced by
// `part`, the output of building just those packages again (a live run after an edit). Kept from `base`:
// the findings, unknown lines and go errors of every other package (FileIds and package indices as they
// were), its origin, its unfamiliar shapes and its unlinked explanations outside the part's files; then the
// part is absorbed (ReportBuilder::absorb: its files and packages re-interned, its unknown lines numbered
// after base's). The line counts add up both runs' input. `part` must own its chains alone (a fresh parse).
Report spliceReport(const Report& base, Report&& part, const std::vector<std::string>& rebuilt);

} // namespace heapsight
