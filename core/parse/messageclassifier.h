#pragma once

#include "../model/findingkind.h"

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
    std::int64_t number = -1; // see Finding::number; derefs for LeaksHeader
};

// Classifies by the fixed prefixes and suffixes of each family, never by the first separator: subjects
// and function names may contain spaces, quotes, brackets and ": " (generic shapes with struct tags).
ClassifiedMessage classifyMessage(std::string_view text);

} // namespace heapsight
