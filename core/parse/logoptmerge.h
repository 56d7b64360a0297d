#pragma once

#include "../model/report.h"
#include "logoptreader.h"

namespace heapsight {

// Merges logopt records into a report parsed from the same build's text output: one finding per
// finding, with the union of what both know (explanations, inline chains, and the SSA-phase kinds only
// logopt has). With an empty `text` report, the verdicts are derived from the logopt records alone.
Report mergeLogopt(const Report& text, const LogoptReadResult& logopt);

} // namespace heapsight
