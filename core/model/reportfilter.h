// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "report.h"

#include <functional>

namespace heapsight {

// A copy of `report` with only the findings `keep` accepts (everything else — files, packages, unknown
// lines, line counts — as it was).
Report filterFindings(const Report& report, const std::function<bool(const Finding&)>& keep);

} // namespace heapsight
