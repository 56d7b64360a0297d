#pragma once

#include "../model/report.h"

#include <string_view>

namespace heapsight {

// Parses a whole compiler output on several threads. The text is cut only before `# pkg` headers:
// explanation blocks and the verdicts they explain never cross a package, so each stretch parses on
// its own, and the parts are merged in input order. The result equals EscapeParser::parse's.
// `threads` 0: one per core; inputs below `minimumBytes` are parsed on the calling thread.
Report parseInParallel(std::string_view text, ReportOrigin origin = {}, unsigned threads = 0,
                       std::size_t minimumBytes = std::size_t(4) << 20);

} // namespace heapsight
