// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gotokenizer.h"

namespace heapsight {

namespace {

bool isLetter(char c)
{
    // Bytes of multi-byte UTF-8 sequences count as letters: Go identifiers may be Unicode.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

GoToken GoTokenizer::make(
    GoToken::Kind kind, std::size_t start, std::size_t end, std::uint32_t line, std::size_t lineStart) const
{
    return { kind, m_s.substr(start, end - start), line, static_cast<std::uint32_t>(start - lineStart + 1) };
}

void GoTokenizer::advanceLines(std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        if (m_s[i] == '\n') {
            ++m_line;
            m_lineStart = i + 1;
        }
    }
}

GoToken GoTokenizer::next()
{
    if (m_pendingNewline) {
        m_pendingNewline = false;
        return { GoToken::Kind::Newline, {}, m_pendingLine, 0 };
    }
    while (m_i < m_s.size()) {
        const std::size_t start = m_i;
        const std::size_t lineStart = m_lineStart;
        const std::uint32_t line = m_line;
        const char c = m_s[m_i];
        if (c == '\n') {
            ++m_i;
            advanceLines(start, m_i);
            return make(GoToken::Kind::Newline, start, m_i, line, lineStart);
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++m_i;
            continue;
        }
        if (c == '/' && peek(1) == '/') {
            const std::size_t nl = m_s.find('\n', m_i);
            m_i = nl == std::string_view::npos ? m_s.size() : nl;
            if (m_keepComments)
                return make(GoToken::Kind::Comment, start, m_i, line, lineStart);
            continue;
        }
        if (c == '/' && peek(1) == '*') {
            const std::size_t close = m_s.find("*/", m_i + 2);
            m_i = close == std::string_view::npos ? m_s.size() : close + 2;
            advanceLines(start, m_i);
            const bool spansLines = m_line != line;
            if (m_keepComments) {
                m_pendingNewline = spansLines;
                m_pendingLine = m_line - 1;
                return make(GoToken::Kind::Comment, start, m_i, line, lineStart);
            }
            if (spansLines)
                return { GoToken::Kind::Newline, m_s.substr(start, m_i - start), m_line - 1, 0 };
            continue;
        }
        if (c == '"' || c == '\'')
            return quoted(c);
        if (c == '`') {
            const std::size_t close = m_s.find('`', m_i + 1);
            m_i = close == std::string_view::npos ? m_s.size() : close + 1;
            advanceLines(start, m_i);
            return make(GoToken::Kind::Literal, start, m_i, line, lineStart);
        }
        if (isLetter(c)) {
            while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i])))
                ++m_i;
            return make(GoToken::Kind::Identifier, start, m_i, line, lineStart);
        }
        if (isDigit(c)) {
            while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i]) || m_s[m_i] == '.'))
                ++m_i;
            return make(GoToken::Kind::Literal, start, m_i, line, lineStart);
        }
        ++m_i;
        return make(GoToken::Kind::Punctuation, start, m_i, line, lineStart);
    }
    return { GoToken::Kind::End, {}, m_line, 0 };
}

GoToken GoTokenizer::quoted(char quote)
{
    const std::size_t start = m_i++;
    while (m_i < m_s.size() && m_s[m_i] != quote && m_s[m_i] != '\n')
        m_i += m_s[m_i] == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] != '\n' ? 2 : 1;
    if (m_i < m_s.size() && m_s[m_i] == quote)
        ++m_i;
    return make(GoToken::Kind::Literal, start, m_i, m_line, m_lineStart);
}

} // namespace heapsight
