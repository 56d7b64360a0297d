// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "positionparser.h"

namespace heapsight {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads a run of digits starting at `pos`; returns its end, or `pos` when there is none.
// Values that overflow 32 bits are not positions the compiler prints: they fail the match.
std::size_t readNumber(std::string_view s, std::size_t pos, std::uint32_t& value)
{
    std::uint64_t v = 0;
    std::size_t i = pos;
    while (i < s.size() && isDigit(s[i])) {
        v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (v > 0xffffffffULL)
            return pos;
        ++i;
    }
    value = static_cast<std::uint32_t>(v);
    return i;
}

// Reads the run of digits that ends at `end`, backwards; returns where it starts (`end` when there is
// none). `overflow` is set when the value does not fit 32 bits (leading zeros are fine).
std::size_t readNumberBackward(std::string_view s, std::size_t end, std::uint32_t& value, bool& overflow)
{
    std::uint64_t v = 0;
    std::uint64_t scale = 1;
    std::size_t i = end;
    while (i > 0 && isDigit(s[i - 1])) {
        const auto digit = static_cast<std::uint64_t>(s[i - 1] - '0');
        if (end - i >= 10) {
            overflow = overflow || digit != 0;
        } else {
            v += digit * scale;
            scale *= 10;
        }
        --i;
    }
    if (v > 0xffffffffULL)
        overflow = true;
    value = static_cast<std::uint32_t>(v);
    return i;
}

} // namespace

std::optional<PositionPrefix> splitPositionPrefix(std::string_view line)
{
    if (line.starts_with('<') && line.starts_with(UnknownPositionFile) && line.size() > UnknownPositionFile.size()
        && line[UnknownPositionFile.size()] == ':'
        && (line.size() == UnknownPositionFile.size() + 1 || line[UnknownPositionFile.size() + 1] == ' ')) {
        PositionPrefix p;
        p.position.file = UnknownPositionFile;
        p.prefix = line.substr(0, UnknownPositionFile.size() + 1);
        p.rest = line.substr(UnknownPositionFile.size() + 1);
        return p;
    }
    std::size_t colon = line.find(':', 1);
    while (colon != std::string_view::npos) {
        std::uint32_t lineNo = 0;
        const std::size_t afterLine = readNumber(line, colon + 1, lineNo);
        if (afterLine != colon + 1 && afterLine < line.size() && line[afterLine] == ':') {
            std::uint32_t column = 0;
            std::size_t end = afterLine; // index of the colon that closes the prefix
            const std::size_t afterColumn = readNumber(line, afterLine + 1, column);
            if (afterColumn != afterLine + 1 && afterColumn < line.size() && line[afterColumn] == ':'
                && (afterColumn + 1 == line.size() || line[afterColumn + 1] == ' ')) {
                end = afterColumn;
            } else {
                column = 0;
            }
            if (end == afterLine && !(afterLine + 1 == line.size() || line[afterLine + 1] == ' ')) {
                colon = line.find(':', colon + 1);
                continue;
            }
            PositionPrefix p;
            p.position.file = line.substr(0, colon);
            p.position.line = lineNo;
            p.position.column = column;
            p.prefix = line.substr(0, end + 1);
            p.rest = line.substr(end + 1);
            return p;
        }
        colon = line.find(':', colon + 1);
    }
    return std::nullopt;
}

std::optional<RawPosition> parseWholePosition(std::string_view text)
{
    if (text == UnknownPositionFile)
        return RawPosition { UnknownPositionFile, 0, 0 };
    // Read from the right, in one pass each: trailing digits, then an optional second group of digits.
    const std::size_t end = text.size();
    std::uint32_t last = 0;
    bool overflow = false;
    const std::size_t i = readNumberBackward(text, end, last, overflow);
    if (i == end || i < 2 || text[i - 1] != ':' || overflow)
        return std::nullopt;
    const std::size_t lastColon = i - 1;
    std::uint32_t first = 0;
    const std::size_t j = readNumberBackward(text, lastColon, first, overflow);
    RawPosition p;
    if (j < lastColon && j >= 2 && text[j - 1] == ':') {
        if (overflow)
            return std::nullopt;
        p.file = text.substr(0, j - 1);
        p.line = first;
        p.column = last;
    } else {
        p.file = text.substr(0, lastColon);
        p.line = last;
    }
    if (p.file.empty())
        return std::nullopt;
    return p;
}

} // namespace heapsight
