// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <string_view>

namespace heapsight {

// Parses a whole compiler output on several threads. The text is cut into near equal stretches, inside
// a package too (one package may print most of the output), but never inside an explanation block. Each
// stretch parses on its own thread; the merge takes the parts in input order and links explanations to
// verdicts as one parser would have. The result equals EscapeParser::parse's.
// `threads` 0: one per core; inputs below `minimumBytes` are parsed on the calling thread.
Report parseInParallel(std::string_view text, ReportOrigin origin = {}, unsigned threads = 0,
    std::size_t minimumBytes = std::size_t(4) << 20);

} // namespace heapsight
