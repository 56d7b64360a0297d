// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/findingkind.h"

#include <cstdint>
#include <string_view>

namespace heapsight {

// What one positioned message (the text after "POS: ") says.
struct ClassifiedMessage {
    enum class Type : std::uint8_t {
        Verdict, // a finding of `kind`
        EscapesHeader, // `X escapes to heap:` opens an explanation block
        LeaksHeader, // `parameter P leaks to LOC with derefs=N:` opens an explanation block
        Unknown,
    };
    Type type = Type::Unknown;
    FindingKind kind = FindingKind::MovedToHeap;
    std::string_view subject;
    std::string_view detail; // see Finding::detail; LOC for LeaksHeader
    std::int64_t number = -1; // see Finding::number; derefs for LeaksHeader (-1 when the header has none)
    std::string_view function; // headers of Go 1.25+: the function named by ` in F:` / ` for F with derefs=N:`
    // A header whose tail has a shape this build does not know (a newer compiler's wording): it still opens
    // its block, with what could be read of it (subject always; target and derefs when found).
    bool unfamiliar = false;
};

// Classifies by the fixed prefixes and suffixes of each family, never by the first separator: subjects
// and function names may contain spaces, quotes, brackets and ": " (generic shapes with struct tags).
// Explanation headers of Go 1.21–1.24 (`X escapes to heap:`, `parameter P leaks to LOC with derefs=N:`) and
// of Go 1.25+ (` in F:`, ` for F with derefs=N:`, cmd/compile/internal/escape/solve.go) are both read.
ClassifiedMessage classifyMessage(std::string_view text);

// Where a flow location (`{heap}`, `{storage for E}`, `~r0`, a name) that starts `text` ends: the index of
// the first " " + `separator` after a complete location, or npos. Locations may hold the separator
// themselves (`{storage for k + " = " + v}`, `{storage for x} for F`).
std::size_t locationEnd(std::string_view text, std::string_view separator);

} // namespace heapsight
