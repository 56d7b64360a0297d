// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "positionparser.h"

#include <optional>
#include <string_view>

namespace heapsight {

// `flow: DST = OPS SRC:` (Go 1.21–1.24) or `flow: DST ← OPS SRC:` (1.25+), the text after "   flow: ".
struct RawFlow {
    std::string_view destination;
    std::string_view source;
    int derefs = 0; // -1 for '&', k for k '*'
    // The arrow between DST and SRC was neither " = " nor " ← " but some other short symbol (a newer
    // compiler's): the flow is still read, and the line counted as partly understood.
    bool unfamiliarArrow = false;
};

// `from EXPR (REASON) at POS` (the text after "     from ").
struct RawFlowStep {
    std::string_view expression;
    std::string_view reason;
    RawPosition at;
};

std::optional<RawFlow> parseFlowText(std::string_view text);
std::optional<RawFlowStep> parseFromText(std::string_view text);
// The common case of a from line, quickly: its position is `FILE:L:C` in `file` (the file of the line's
// own prefix, nearly always). Gives what parseFromText gives, or nullopt when the line is not that case
// (then ask parseFromText). `file` must not hold ") at ".
std::optional<RawFlowStep> parseFromTextInFile(std::string_view text, std::string_view file);

} // namespace heapsight
