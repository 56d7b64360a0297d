// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace heapsight::gotoken {

struct Token {
    enum class Kind { End, Identifier, Punctuation, Newline, Literal };
    Kind kind = Kind::End;
    std::string_view text;
    std::uint32_t line = 0;
    std::uint32_t column = 0; // 1-based byte column of its first byte, as the compiler counts

    bool is(char c) const { return kind == Kind::Punctuation && text.size() == 1 && text[0] == c; }
    bool isWord(std::string_view w) const { return kind == Kind::Identifier && text == w; }
};

// Splits Go source into the few token classes the declaration and signature scans need. Comments vanish (a block
// comment spanning lines counts as a newline, as in the Go spec); literals are single tokens, so a
// brace or `func` inside a string never counts.
class GoTokenizer {
public:
    explicit GoTokenizer(std::string_view source)
        : m_s(source)
    {
    }

    Token next()
    {
        while (m_i < m_s.size()) {
            const std::size_t start = m_i;
            const char c = m_s[m_i];
            if (c == '\n') {
                const std::uint32_t col = column(start);
                m_lineStart = ++m_i;
                return { Token::Kind::Newline, m_s.substr(start, 1), m_line++, col };
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                ++m_i;
                continue;
            }
            if (c == '/' && peek(1) == '/') {
                const std::size_t nl = m_s.find('\n', m_i);
                m_i = nl == std::string_view::npos ? m_s.size() : nl;
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                const std::size_t close = m_s.find("*/", m_i + 2);
                const std::size_t end = close == std::string_view::npos ? m_s.size() : close + 2;
                const auto lines = static_cast<std::uint32_t>(std::count(m_s.begin() + static_cast<std::ptrdiff_t>(m_i),
                    m_s.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
                m_i = end;
                if (lines > 0) {
                    m_lineStart = m_s.rfind('\n', end - 1) + 1;
                    m_line += lines;
                    return { Token::Kind::Newline, m_s.substr(start, end - start), m_line - 1 };
                }
                continue;
            }
            if (c == '"' || c == '\'')
                return quoted(c);
            if (c == '`') {
                const std::uint32_t line = m_line;
                const std::uint32_t col = column(start);
                const std::size_t close = m_s.find('`', m_i + 1);
                const std::size_t end = close == std::string_view::npos ? m_s.size() : close + 1;
                m_line += static_cast<std::uint32_t>(std::count(m_s.begin() + static_cast<std::ptrdiff_t>(m_i),
                    m_s.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
                m_i = end;
                if (const std::size_t nl = m_s.rfind('\n', end - 1); nl != std::string_view::npos && nl >= start)
                    m_lineStart = nl + 1;
                return { Token::Kind::Literal, m_s.substr(start, end - start), line, col };
            }
            if (isLetter(c)) {
                while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i])))
                    ++m_i;
                return { Token::Kind::Identifier, m_s.substr(start, m_i - start), m_line, column(start) };
            }
            if (isDigit(c)) {
                while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i]) || m_s[m_i] == '.'))
                    ++m_i;
                return { Token::Kind::Literal, m_s.substr(start, m_i - start), m_line, column(start) };
            }
            ++m_i;
            return { Token::Kind::Punctuation, m_s.substr(start, 1), m_line, column(start) };
        }
        return { Token::Kind::End, {}, m_line };
    }

private:
    static bool isLetter(char c)
    {
        // Bytes of multi-byte UTF-8 sequences count as letters: Go identifiers may be Unicode.
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    std::uint32_t column(std::size_t at) const { return static_cast<std::uint32_t>(at - m_lineStart + 1); }
    char peek(std::size_t ahead) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0'; }

    // A string or rune literal; an unterminated one ends at the line's end, like the Go scanner's error recovery.
    Token quoted(char quote)
    {
        const std::size_t start = m_i++;
        while (m_i < m_s.size() && m_s[m_i] != quote && m_s[m_i] != '\n')
            m_i += m_s[m_i] == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] != '\n' ? 2 : 1;
        if (m_i < m_s.size() && m_s[m_i] == quote)
            ++m_i;
        return { Token::Kind::Literal, m_s.substr(start, m_i - start), m_line, column(start) };
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    std::uint32_t m_line = 1;
    std::size_t m_lineStart = 0; // offset of the current line's first byte
};

inline bool isOpening(const Token& t)
{
    return t.is('(') || t.is('[') || t.is('{');
}
inline bool isClosing(const Token& t)
{
    return t.is(')') || t.is(']') || t.is('}');
}

} // namespace heapsight::gotoken
