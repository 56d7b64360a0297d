// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace heapsight {

// A position as printed, before its file name is interned.
struct RawPosition {
    std::string_view file;
    std::uint32_t line = 0;
    std::uint32_t column = 0; // 0: none printed
};

struct PositionPrefix {
    RawPosition position;
    std::string_view prefix; // "FILE:L[:C]:" exactly as printed, colon included
    std::string_view rest; // what follows the prefix's colon: " message", "   flow: …", or empty
};

// What the compiler prints for a position it does not know (cmd/internal/src, XPos.String of a zero
// position: "<unknown line number>"). Go 1.26+ prints it for variables the compiler makes itself (the `#next`
// of range-over-func loops), and prints some of their verdicts with no position at all. Heapsight gives all of
// them this pseudo file, line 0, so a block and its verdict still meet at one position.
inline constexpr std::string_view UnknownPositionFile = "<unknown line number>";

// Splits `FILE:LINE[:COL]: …` at the first `:digits[:digits]:` that is followed by a space or the end
// of the line. The first match wins, so file names may hold spaces, '@', '\', drive letters and colons
// that are not followed by digits (`weird:name.go:9:15:`, `C:\proj\win.go:7:6:`).
// `<unknown line number>: …` gives that pseudo file with line 0.
std::optional<PositionPrefix> splitPositionPrefix(std::string_view line);

// Parses a position that makes up the whole of `text` (the `at POS` of a flow step): `FILE:L` or `FILE:L:C`.
// `<unknown line number>` gives that pseudo file with line 0.
std::optional<RawPosition> parseWholePosition(std::string_view text);

} // namespace heapsight
