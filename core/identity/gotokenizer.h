// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string_view>

namespace heapsight {

// One token of Go source, in the few classes Heapsight's light scanners need.
struct GoToken {
    enum class Kind { End, Identifier, Punctuation, Newline, Literal, Comment };
    Kind kind = Kind::End;
    std::string_view text; // a view into the scanned source
    std::uint32_t line = 0; // 1-based line of the token's first byte
    std::uint32_t column = 0; // 1-based byte column of the token's first byte, as the Go compiler counts

    bool is(char c) const { return kind == Kind::Punctuation && text.size() == 1 && text[0] == c; }
    bool isWord(std::string_view w) const { return kind == Kind::Identifier && text == w; }
};

// Splits Go source into identifiers (keywords included), single-byte punctuation, literals (a string,
// raw string, rune or number is one token, so a brace or `func` inside a string never counts) and
// newlines. Comments vanish unless `keepComments`: then a `//` comment is one Comment token (without its
// newline) and a block comment one Comment token followed, when it spans lines, by a Newline (as in the
// Go spec, a block comment spanning lines counts as a newline). Never fails: text that is not Go yields
// what could be recognised; an unterminated literal ends at the line's (or, raw, the file's) end.
class GoTokenizer {
public:
    explicit GoTokenizer(std::string_view source, bool keepComments = false)
        : m_s(source)
        , m_keepComments(keepComments)
    {
    }

    GoToken next();

private:
    GoToken make(
        GoToken::Kind kind, std::size_t start, std::size_t end, std::uint32_t line, std::size_t lineStart) const;
    GoToken quoted(char quote);
    char peek(std::size_t ahead) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0'; }
    // Counts the newlines in [from, to) into the line number and remembers where the last line starts.
    void advanceLines(std::size_t from, std::size_t to);

    std::string_view m_s;
    bool m_keepComments = false;
    std::size_t m_i = 0;
    std::size_t m_lineStart = 0; // offset of the current line's first byte
    std::uint32_t m_line = 1;
    bool m_pendingNewline = false; // a kept block comment spanning lines owes a Newline token
    std::uint32_t m_pendingLine = 0;
};

// Brackets that open or close a nesting level: ( [ {  and  ) ] }.
inline bool isOpening(const GoToken& t)
{
    return t.is('(') || t.is('[') || t.is('{');
}
inline bool isClosing(const GoToken& t)
{
    return t.is(')') || t.is(']') || t.is('}');
}

} // namespace heapsight
