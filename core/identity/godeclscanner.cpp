// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "godeclscanner.h"

#include <algorithm>

namespace heapsight {

namespace {

struct Token {
    enum class Kind { End, Identifier, Punctuation, Newline, Literal };
    Kind kind = Kind::End;
    std::string_view text;
    std::uint32_t line = 0;

    bool is(char c) const { return kind == Kind::Punctuation && text.size() == 1 && text[0] == c; }
    bool isWord(std::string_view w) const { return kind == Kind::Identifier && text == w; }
};

// Splits Go source into the few token classes the declaration scan needs. Comments vanish (a block
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
                ++m_i;
                return { Token::Kind::Newline, m_s.substr(start, 1), m_line++ };
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
                    m_line += lines;
                    return { Token::Kind::Newline, m_s.substr(start, end - start), m_line - 1 };
                }
                continue;
            }
            if (c == '"' || c == '\'')
                return quoted(c);
            if (c == '`') {
                const std::uint32_t line = m_line;
                const std::size_t close = m_s.find('`', m_i + 1);
                const std::size_t end = close == std::string_view::npos ? m_s.size() : close + 1;
                m_line += static_cast<std::uint32_t>(std::count(m_s.begin() + static_cast<std::ptrdiff_t>(m_i),
                    m_s.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
                m_i = end;
                return { Token::Kind::Literal, m_s.substr(start, end - start), line };
            }
            if (isLetter(c)) {
                while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i])))
                    ++m_i;
                return { Token::Kind::Identifier, m_s.substr(start, m_i - start), m_line };
            }
            if (isDigit(c)) {
                while (m_i < m_s.size() && (isLetter(m_s[m_i]) || isDigit(m_s[m_i]) || m_s[m_i] == '.'))
                    ++m_i;
                return { Token::Kind::Literal, m_s.substr(start, m_i - start), m_line };
            }
            ++m_i;
            return { Token::Kind::Punctuation, m_s.substr(start, 1), m_line };
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
    char peek(std::size_t ahead) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0'; }

    // A string or rune literal; an unterminated one ends at the line's end, like the Go scanner's error recovery.
    Token quoted(char quote)
    {
        const std::size_t start = m_i++;
        while (m_i < m_s.size() && m_s[m_i] != quote && m_s[m_i] != '\n')
            m_i += m_s[m_i] == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] != '\n' ? 2 : 1;
        if (m_i < m_s.size() && m_s[m_i] == quote)
            ++m_i;
        return { Token::Kind::Literal, m_s.substr(start, m_i - start), m_line };
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    std::uint32_t m_line = 1;
};

bool isOpening(const Token& t)
{
    return t.is('(') || t.is('[') || t.is('{');
}
bool isClosing(const Token& t)
{
    return t.is(')') || t.is(']') || t.is('}');
}

// `r *List[T]` → "(*List)", `v Value` → "Value".
std::string receiverName(const std::vector<Token>& tokens)
{
    int depth = 0;
    bool pointer = false;
    std::string_view type;
    for (const Token& t : tokens) {
        if (isOpening(t))
            ++depth;
        else if (isClosing(t))
            --depth;
        else if (depth == 0 && t.is('*'))
            pointer = true;
        else if (depth == 0 && t.kind == Token::Kind::Identifier)
            type = t.text;
    }
    return pointer ? "(*" + std::string(type) + ')' : std::string(type);
}

class DeclarationScanner {
public:
    explicit DeclarationScanner(std::string_view source)
        : m_tokens(source)
    {
    }

    std::vector<GoFunctionSpan> scan()
    {
        int depth = 0;
        bool statementStart = true; // only a `func` that starts a top-level statement declares something
        for (Token t = m_tokens.next(); t.kind != Token::Kind::End; t = m_tokens.next()) {
            if (depth == 0 && statementStart && t.isWord("func")) {
                declaration(t.line);
                statementStart = true;
                continue;
            }
            if (isOpening(t))
                ++depth;
            else if (isClosing(t))
                depth = std::max(0, depth - 1);
            statementStart = t.kind == Token::Kind::Newline || t.is(';');
        }
        return std::move(m_out);
    }

private:
    // After `func`: [receiver] name [type parameters] signature, then a body on the same line, or none.
    void declaration(std::uint32_t firstLine)
    {
        Token t = m_tokens.next();
        std::string receiver;
        if (t.is('(')) {
            std::vector<Token> inside;
            if (!balanced(inside))
                return;
            receiver = receiverName(inside);
            t = m_tokens.next();
        }
        if (t.kind != Token::Kind::Identifier)
            return skipStatement(t);
        const std::string name = receiver.empty() ? std::string(t.text) : receiver + '.' + std::string(t.text);
        // The signature runs to the body's `{`; a newline outside brackets ends a declaration without body.
        int depth = 0;
        Token previous = t;
        for (t = m_tokens.next(); t.kind != Token::Kind::End; previous = t, t = m_tokens.next()) {
            if (depth == 0 && (t.kind == Token::Kind::Newline || t.is(';')))
                return;
            if (t.is('{') && depth == 0 && !previous.isWord("interface") && !previous.isWord("struct"))
                break;
            if (isOpening(t))
                ++depth;
            else if (isClosing(t))
                --depth;
        }
        if (t.kind == Token::Kind::End)
            return;
        int braces = 1;
        for (t = m_tokens.next(); t.kind != Token::Kind::End; t = m_tokens.next()) {
            if (t.is('{'))
                ++braces;
            else if (t.is('}') && --braces == 0)
                break;
        }
        m_out.push_back({ name, firstLine, t.line });
    }

    // Reads up to the bracket closing an already opened one, keeping what lies between.
    bool balanced(std::vector<Token>& inside)
    {
        int depth = 1;
        for (Token t = m_tokens.next(); t.kind != Token::Kind::End; t = m_tokens.next()) {
            if (isOpening(t))
                ++depth;
            else if (isClosing(t) && --depth == 0)
                return true;
            inside.push_back(t);
        }
        return false;
    }

    // Not a declaration after all (`func` where the scan lost track): skip any bracketed group it opens.
    void skipStatement(const Token& t)
    {
        if (isOpening(t)) {
            std::vector<Token> ignored;
            balanced(ignored);
        }
    }

    GoTokenizer m_tokens;
    std::vector<GoFunctionSpan> m_out;
};

} // namespace

std::vector<GoFunctionSpan> scanGoFunctions(std::string_view source)
{
    return DeclarationScanner(source).scan();
}

const GoFunctionSpan* enclosingFunction(const std::vector<GoFunctionSpan>& functions, std::uint32_t line)
{
    // Spans are disjoint and in source order: the last one starting at or before the line.
    const auto it = std::upper_bound(functions.begin(), functions.end(), line,
        [](std::uint32_t l, const GoFunctionSpan& f) { return l < f.firstLine; });
    if (it == functions.begin())
        return nullptr;
    const GoFunctionSpan& f = *std::prev(it);
    return line <= f.lastLine ? &f : nullptr;
}

} // namespace heapsight
