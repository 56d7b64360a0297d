// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gosignature.h"

#include "gotokenizer.h"

namespace heapsight {

namespace {

using Token = GoToken;

bool isTypeKeyword(const Token& t)
{
    return t.isWord("func") || t.isWord("map") || t.isWord("chan") || t.isWord("struct") || t.isWord("interface");
}

// The entries of a bracketed list between top-level commas; the opening bracket is already read.
std::vector<std::vector<Token>> listEntries(GoTokenizer& tokens)
{
    std::vector<std::vector<Token>> entries(1);
    int depth = 1;
    for (Token t = tokens.next(); t.kind != Token::Kind::End; t = tokens.next()) {
        if (t.kind == Token::Kind::Newline)
            continue;
        if (isOpening(t))
            ++depth;
        else if (isClosing(t) && --depth == 0)
            break;
        if (depth == 1 && t.is(','))
            entries.emplace_back();
        else
            entries.back().push_back(t);
    }
    if (entries.back().empty())
        entries.pop_back(); // a trailing comma
    return entries;
}

bool isVariadic(const std::vector<Token>& entry, std::size_t typeStart)
{
    return entry.size() >= typeStart + 3 && entry[typeStart].is('.') && entry[typeStart + 1].is('.')
        && entry[typeStart + 2].is('.');
}

// Whether an entry reads `name Type` rather than just `Type`.
bool isNamedEntry(const std::vector<Token>& entry)
{
    if (entry.size() < 2 || entry[0].kind != Token::Kind::Identifier || isTypeKeyword(entry[0]))
        return false;
    if (entry[1].is('.')) // `pkg.T`, unless it is the `...` of `name ...T`
        return isVariadic(entry, 1);
    if (!entry[1].is('['))
        return true;
    // `x [N]T` or `x []T` has a type after the closing bracket; the generic type `G[N]` ends there.
    int depth = 0;
    for (std::size_t i = 1; i < entry.size(); ++i) {
        if (isOpening(entry[i]))
            ++depth;
        else if (isClosing(entry[i]) && --depth == 0)
            return i + 1 < entry.size();
    }
    return false;
}

void appendParameters(const std::vector<std::vector<Token>>& entries, bool receiver, std::vector<GoParameter>& out)
{
    bool named = false;
    for (const auto& entry : entries)
        named = named || isNamedEntry(entry);
    for (const auto& entry : entries) {
        if (entry.empty())
            continue;
        if (named) {
            out.push_back(
                { std::string(entry[0].text), entry[0].line, entry[0].column, receiver, isVariadic(entry, 1) });
        } else {
            out.push_back({ {}, entry[0].line, entry[0].column, receiver, isVariadic(entry, 0) });
        }
    }
}

// Skips a bracketed group whose opening bracket is already read.
void skipGroup(GoTokenizer& tokens)
{
    int depth = 1;
    for (Token t = tokens.next(); t.kind != Token::Kind::End; t = tokens.next()) {
        if (isOpening(t))
            ++depth;
        else if (isClosing(t) && --depth == 0)
            return;
    }
}

} // namespace

std::optional<std::vector<GoParameter>> scanGoParameters(std::string_view source, std::uint32_t funcLine)
{
    GoTokenizer tokens(source);
    Token t = tokens.next();
    int depth = 0;
    bool statementStart = true;
    for (; t.kind != Token::Kind::End; t = tokens.next()) {
        if (t.line > funcLine)
            return std::nullopt;
        if (depth == 0 && statementStart && t.line == funcLine && t.isWord("func"))
            break;
        if (isOpening(t))
            ++depth;
        else if (isClosing(t))
            depth = std::max(0, depth - 1);
        statementStart = t.kind == Token::Kind::Newline || t.is(';');
    }
    if (t.kind == Token::Kind::End)
        return std::nullopt;
    std::vector<GoParameter> parameters;
    t = tokens.next();
    if (t.is('(')) {
        appendParameters(listEntries(tokens), true, parameters);
        t = tokens.next();
    }
    if (t.kind != Token::Kind::Identifier)
        return std::nullopt;
    t = tokens.next();
    if (t.is('[')) { // type parameters
        skipGroup(tokens);
        t = tokens.next();
    }
    if (!t.is('('))
        return std::nullopt;
    appendParameters(listEntries(tokens), false, parameters);
    return parameters;
}

const GoParameter* parameterForArgument(const std::vector<GoParameter>& parameters, std::size_t argumentIndex)
{
    if (argumentIndex < parameters.size())
        return &parameters[argumentIndex];
    if (!parameters.empty() && parameters.back().variadic)
        return &parameters.back();
    return nullptr;
}

std::string goPackageName(std::string_view source)
{
    GoTokenizer tokens(source);
    for (Token t = tokens.next(); t.kind != Token::Kind::End; t = tokens.next()) {
        if (t.isWord("package")) {
            const Token name = tokens.next();
            return name.kind == Token::Kind::Identifier ? std::string(name.text) : std::string();
        }
    }
    return {};
}

std::vector<GoImport> scanGoImports(std::string_view source)
{
    std::vector<GoImport> imports;
    GoTokenizer tokens(source);
    const auto unquote
        = [](std::string_view s) { return s.size() >= 2 ? std::string(s.substr(1, s.size() - 2)) : std::string(); };
    // One spec: [name] "path"; returns the token after it.
    const auto spec = [&](Token t) {
        std::string name;
        if (t.kind == Token::Kind::Identifier || t.is('.')) {
            name = std::string(t.text);
            t = tokens.next();
        }
        if (t.kind == Token::Kind::Literal)
            imports.push_back({ std::move(name), unquote(t.text) });
    };
    for (Token t = tokens.next(); t.kind != Token::Kind::End; t = tokens.next()) {
        if (t.isWord("func") || t.isWord("type") || t.isWord("var") || t.isWord("const"))
            break; // imports precede all other declarations
        if (!t.isWord("import"))
            continue;
        t = tokens.next();
        if (!t.is('(')) {
            spec(t);
            continue;
        }
        for (t = tokens.next(); t.kind != Token::Kind::End && !t.is(')'); t = tokens.next()) {
            if (t.kind != Token::Kind::Newline && !t.is(';'))
                spec(t);
        }
    }
    return imports;
}

} // namespace heapsight
