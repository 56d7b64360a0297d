#include "positionparser.h"

namespace heapsight {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

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

} // namespace

std::optional<PositionPrefix> splitPositionPrefix(std::string_view line)
{
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
    // Read from the right: trailing digits, then an optional second group of digits.
    std::size_t end = text.size();
    std::size_t i = end;
    while (i > 0 && isDigit(text[i - 1]))
        --i;
    if (i == end || i < 2 || text[i - 1] != ':')
        return std::nullopt;
    std::uint32_t last = 0;
    if (readNumber(text, i, last) != end)
        return std::nullopt;
    const std::size_t lastColon = i - 1;
    std::size_t j = lastColon;
    while (j > 0 && isDigit(text[j - 1]))
        --j;
    RawPosition p;
    if (j < lastColon && j >= 2 && text[j - 1] == ':') {
        std::uint32_t first = 0;
        if (readNumber(text, j, first) != lastColon)
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
