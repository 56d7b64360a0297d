// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/identity/gotokenizer.h"
#include "reporthtmlparts.h"

#include <algorithm>

namespace heapsight::html {

namespace {

constexpr std::array<std::string_view, 25> kKeywords { "break", "case", "chan", "const", "continue", "default", "defer",
    "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var" };
// Predeclared identifiers (types, constants, built-in functions): shown like the GUI's highlighter shows them.
constexpr std::array<std::string_view, 43> kPredeclared { "any", "bool", "byte", "comparable", "complex64",
    "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
    "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap", "clear", "close",
    "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "recover" };

enum Style : char { Plain, Keyword, Predeclared, String, Number, Comment };
constexpr std::array<std::string_view, 6> kStyleClass { "", "kw", "pd", "st", "nu", "cm" };

Style styleOf(const GoToken& t)
{
    switch (t.kind) {
    case GoToken::Kind::Comment:
        return Comment;
    case GoToken::Kind::Literal:
        return (t.text.front() == '"' || t.text.front() == '\'' || t.text.front() == '`') ? String : Number;
    case GoToken::Kind::Identifier:
        if (std::ranges::find(kKeywords, t.text) != kKeywords.end())
            return Keyword;
        if (std::ranges::find(kPredeclared, t.text) != kPredeclared.end())
            return Predeclared;
        return Plain;
    default:
        return Plain;
    }
}

} // namespace

Group groupOf(FindingKind kind)
{
    switch (kind) {
    case FindingKind::MovedToHeap:
        return Group::Moved;
    case FindingKind::EscapesToHeap:
        return Group::Escapes;
    default:
        break;
    }
    switch (kindGroup(kind)) {
    case KindGroup::Heap:
        return Group::Escapes;
    case KindGroup::Leak:
        return Group::Leaks;
    case KindGroup::Stack:
        return Group::Stack;
    case KindGroup::Inlining:
        return Group::Inlining;
    case KindGroup::Devirtualization:
    case KindGroup::Other:
        break;
    }
    return Group::Other;
}

std::string_view groupId(Group group)
{
    constexpr std::array<std::string_view, GroupCount> ids { "moved", "escapes", "leaks", "stack", "inlining",
        "other" };
    return ids[static_cast<std::size_t>(group)];
}

std::string_view groupShortLabel(Group group)
{
    constexpr std::array<std::string_view, GroupCount> labels { "Moved", "Escapes", "Leaks", "Stack", "Inlining",
        "Other" };
    return labels[static_cast<std::size_t>(group)];
}

std::string_view groupLabel(Group group)
{
    constexpr std::array<std::string_view, GroupCount> labels { "Moved to heap", "Escapes", "Leaking params",
        "Stays on stack", "Inlining", "Other" };
    return labels[static_cast<std::size_t>(group)];
}

void appendEscaped(std::string& out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendEscaped(out, text);
    return out;
}

// A style per byte, then each line as runs of one style: a block comment or raw string spanning lines is
// closed at each line's end and opened again on the next, so every line is well-formed HTML of its own.
std::vector<std::string> highlightedGoLines(std::string_view source)
{
    std::string styles(source.size(), Plain);
    GoTokenizer tokens(source, true);
    for (GoToken t = tokens.next(); t.kind != GoToken::Kind::End; t = tokens.next()) {
        const Style s = styleOf(t);
        if (s == Plain || t.text.empty())
            continue;
        const auto begin = static_cast<std::size_t>(t.text.data() - source.data());
        std::fill_n(styles.begin() + static_cast<std::ptrdiff_t>(begin), t.text.size(), s);
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < source.size()) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        std::size_t stop = end;
        if (stop > start && source[stop - 1] == '\r')
            --stop;
        std::string html;
        for (std::size_t i = start; i < stop;) {
            std::size_t j = i;
            while (j < stop && styles[j] == styles[i])
                ++j;
            const auto s = static_cast<std::size_t>(styles[i]);
            if (s != Plain) {
                html += "<span class=\"";
                html += kStyleClass[s];
                html += "\">";
            }
            appendEscaped(html, source.substr(i, j - i));
            if (s != Plain)
                html += "</span>";
            i = j;
        }
        lines.push_back(std::move(html));
        start = end + 1;
    }
    return lines;
}

} // namespace heapsight::html
