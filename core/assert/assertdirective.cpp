// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "assertdirective.h"

#include "core/identity/gotokenizer.h"

#include <algorithm>
#include <array>

namespace heapsight {

namespace {

struct Spelling {
    DirectiveStyle style;
    AssertCheck check;
    std::string_view word; // after "//" (GoEscapeLint) or after "//heapsight:" / "//gcassert:"
};

constexpr std::array<Spelling, 9> kSpellings { {
    { DirectiveStyle::Heapsight, AssertCheck::NoEscape, "noescape" },
    { DirectiveStyle::Heapsight, AssertCheck::Inline, "inline" },
    { DirectiveStyle::Heapsight, AssertCheck::BoundsCheck, "bce" },
    { DirectiveStyle::Gcassert, AssertCheck::NoEscape, "noescape" },
    { DirectiveStyle::Gcassert, AssertCheck::Inline, "inline" },
    { DirectiveStyle::Gcassert, AssertCheck::BoundsCheck, "bce" },
    { DirectiveStyle::GoEscapeLint, AssertCheck::NoEscape, "no-escape" },
    { DirectiveStyle::GoEscapeLint, AssertCheck::Inline, "must-inline" },
    { DirectiveStyle::GoEscapeLint, AssertCheck::BoundsCheck, "no-bounds-check" },
} };

std::string_view prefixOf(DirectiveStyle style)
{
    switch (style) {
    case DirectiveStyle::Heapsight:
        return "//heapsight:";
    case DirectiveStyle::Gcassert:
        return "//gcassert:";
    case DirectiveStyle::GoEscapeLint:
        return "//";
    }
    return "//";
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// The directive word of a comment: up to white space.
std::string_view firstWord(std::string_view text)
{
    const auto end = std::find_if(text.begin(), text.end(), isSpace);
    return text.substr(0, static_cast<std::size_t>(end - text.begin()));
}

// The checks one `//` comment asserts; errors for a `//heapsight:` / `//gcassert:` list entry it does not know.
void readComment(std::string_view comment, std::vector<std::pair<DirectiveStyle, AssertCheck>>& checks,
    std::vector<std::string>& unknown)
{
    for (const DirectiveStyle style : { DirectiveStyle::Heapsight, DirectiveStyle::Gcassert }) {
        const std::string_view prefix = prefixOf(style);
        if (!comment.starts_with(prefix))
            continue;
        std::string_view list = firstWord(comment.substr(prefix.size()));
        while (true) {
            const std::size_t comma = list.find(',');
            const std::string_view entry = list.substr(0, comma);
            const auto known = std::ranges::find_if(
                kSpellings, [&](const Spelling& s) { return s.style == style && s.word == entry; });
            if (known != kSpellings.end())
                checks.emplace_back(style, known->check);
            else
                unknown.push_back(std::string(prefix) + std::string(entry));
            if (comma == std::string_view::npos)
                break;
            list = list.substr(comma + 1);
        }
        return;
    }
    const std::string_view word = firstWord(comment.substr(2));
    for (const Spelling& s : kSpellings) {
        if (s.style == DirectiveStyle::GoEscapeLint && s.word == word)
            checks.emplace_back(s.style, s.check);
    }
}

struct Pending {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::vector<std::pair<DirectiveStyle, AssertCheck>> checks;
};

class DirectiveReader {
public:
    DirectiveReader(std::string_view source, const std::string& file)
        : m_source(source)
        , m_file(file)
        , m_functions(scanGoFunctions(source))
    {
    }

    DirectiveScan read()
    {
        GoTokenizer tokens(m_source, true);
        std::uint32_t codeLine = 0; // the line of the last code token
        std::uint32_t commentLine = 0; // the line of the last comment that started a line
        for (GoToken t = tokens.next(); t.kind != GoToken::Kind::End; t = tokens.next()) {
            if (t.kind == GoToken::Kind::Newline)
                continue;
            if (t.kind != GoToken::Kind::Comment) {
                if (!m_pending.empty() && t.line != commentLine + 1)
                    detachAll();
                for (const Pending& p : m_pending)
                    add(p, t.line);
                m_pending.clear();
                codeLine = t.line;
                continue;
            }
            if (!t.text.starts_with("//"))
                continue;
            Pending p { t.line, t.column, {} };
            std::vector<std::string> unknown;
            readComment(t.text, p.checks, unknown);
            for (const std::string& u : unknown) {
                m_out.errors.push_back(
                    { m_file, t.line, t.column, "unknown directive " + u + " (known: noescape, inline, bce)" });
            }
            if (codeLine == t.line) {
                add(p, t.line);
                continue;
            }
            if (!m_pending.empty() && t.line != commentLine + 1)
                detachAll();
            commentLine = t.line;
            if (!p.checks.empty())
                m_pending.push_back(std::move(p));
        }
        detachAll();
        return std::move(m_out);
    }

private:
    void add(const Pending& p, std::uint32_t target)
    {
        const auto declared = std::ranges::find(m_functions, target, &GoFunctionSpan::firstLine);
        const GoFunctionSpan* f = declared != m_functions.end() ? &*declared : enclosingFunction(m_functions, target);
        for (const auto& [style, check] : p.checks) {
            AssertDirective d { m_file, p.line, p.column, check, style,
                declared != m_functions.end() ? AssertScope::Function : AssertScope::Line, target, {}, 0, 0 };
            if (f) {
                d.function = f->name;
                d.firstLine = f->firstLine;
                d.lastLine = f->lastLine;
            }
            m_out.directives.push_back(std::move(d));
        }
    }

    // Directives on comment lines not directly above code assert nothing: bad input, said where they are.
    void detachAll()
    {
        for (const Pending& p : m_pending) {
            for (const auto& [style, check] : p.checks) {
                m_out.errors.push_back({ m_file, p.line, p.column,
                    directiveName(style, check)
                        + " is not directly above a line of code (a blank line or the file's end follows): put it "
                          "on the line it asserts, or on a comment line right above it" });
            }
        }
        m_pending.clear();
    }

    std::string_view m_source;
    const std::string& m_file;
    std::vector<GoFunctionSpan> m_functions;
    std::vector<Pending> m_pending;
    DirectiveScan m_out;
};

} // namespace

std::string directiveName(DirectiveStyle style, AssertCheck check)
{
    const auto s
        = std::ranges::find_if(kSpellings, [&](const Spelling& x) { return x.style == style && x.check == check; });
    return std::string(prefixOf(style)) + std::string(s->word);
}

std::string_view checkId(AssertCheck check)
{
    switch (check) {
    case AssertCheck::NoEscape:
        return "noescape";
    case AssertCheck::Inline:
        return "inline";
    case AssertCheck::BoundsCheck:
        return "bce";
    }
    return {};
}

std::string_view styleId(DirectiveStyle style)
{
    switch (style) {
    case DirectiveStyle::Heapsight:
        return "heapsight";
    case DirectiveStyle::Gcassert:
        return "gcassert";
    case DirectiveStyle::GoEscapeLint:
        return "go-escape-lint";
    }
    return {};
}

DirectiveScan scanAssertDirectives(std::string_view source, const std::string& file)
{
    return DirectiveReader(source, file).read();
}

} // namespace heapsight
