// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "godeclscanner.h"

#include "gotokenizer.h"

#include <algorithm>

namespace heapsight {

namespace {

using Token = GoToken;

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
