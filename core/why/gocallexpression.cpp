// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gocallexpression.h"

#include <algorithm>
#include <array>

namespace heapsight {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

// The offset of the '(' opening the argument list that ends at the text's last ')', or npos.
std::size_t argumentListStart(std::string_view s)
{
    if (s.empty() || s.back() != ')')
        return std::string_view::npos;
    int depth = 0;
    for (std::size_t i = s.size(); i-- > 0;) {
        const char c = s[i];
        if (c == ')' || c == ']' || c == '}')
            ++depth;
        else if ((c == '(' || c == '[' || c == '{') && --depth == 0)
            return c == '(' ? i : std::string_view::npos;
    }
    return std::string_view::npos;
}

std::vector<std::string> splitArguments(std::string_view s)
{
    std::vector<std::string> out;
    int depth = 0;
    char quote = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote != 0) {
            if (c == '\\')
                ++i;
            else if (c == quote || (c == ',' && s.substr(i).starts_with(", ") && quote != '`'))
                quote = 0; // closed, or a literal the compiler cut short (no closing quote)
            if (quote != 0 || c != ',')
                continue;
        } else if (c == '"' || c == '\'' || c == '`') {
            quote = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if (c == ')' || c == ']' || c == '}')
            --depth;
        else if (c == ',' && depth == 0) {
            out.emplace_back(trimmed(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    if (const std::string_view last = trimmed(s.substr(start)); !last.empty() || !out.empty())
        out.emplace_back(last);
    return out;
}

// "List[go.shape.int]" → "List".
std::string withoutTypeArguments(std::string_view s)
{
    std::string out;
    int depth = 0;
    for (const char c : s) {
        if (c == '[')
            ++depth;
        else if (c == ']')
            --depth;
        else if (depth == 0)
            out += c;
    }
    return out;
}

} // namespace

std::optional<GoCallExpression> parseGoCall(std::string_view expression)
{
    expression = trimmed(expression);
    const std::size_t open = argumentListStart(expression);
    if (open == std::string_view::npos || open == 0)
        return std::nullopt;
    GoCallExpression call;
    call.callee = std::string(expression.substr(0, open));
    call.arguments = splitArguments(expression.substr(open + 1, expression.size() - open - 2));
    const std::string callee = withoutTypeArguments(call.callee);
    if (callee.starts_with('(')) {
        // (*pkg.T).M, (pkg.T).M, or Go 1.25's pkg.(*T).M does not occur in calls; T without package.
        const std::size_t close = callee.find(')');
        if (close == std::string::npos || close + 1 >= callee.size() || callee[close + 1] != '.')
            return std::nullopt;
        std::string type = callee.substr(1, close - 1);
        const bool pointer = type.starts_with('*');
        if (pointer)
            type.erase(0, 1);
        if (const std::size_t dot = type.rfind('.'); dot != std::string::npos) {
            call.qualifier = type.substr(0, dot);
            type.erase(0, dot + 1);
        }
        call.function = (pointer ? "(*" + type + ")" : type) + callee.substr(close + 1);
        call.receiverFirst = true;
        return call;
    }
    if (const std::size_t paren = callee.find(".("); paren != std::string::npos) {
        call.qualifier = callee.substr(0, paren); // pkg.(*T).M
        const std::optional<GoCallExpression> method = parseGoCall(callee.substr(paren + 1) + "()");
        if (!method)
            return std::nullopt;
        call.function = method->function;
        call.receiverFirst = true;
        return call;
    }
    const std::size_t firstDot = callee.find('.');
    if (firstDot == std::string::npos) {
        call.function = callee;
        return call;
    }
    call.qualifier = callee.substr(0, firstDot);
    call.function = callee.substr(firstDot + 1); // "Sprintf", or "T.M" of a value method expression
    call.receiverFirst = call.function.find('.') != std::string::npos;
    return call;
}

bool isGoBuiltin(std::string_view name)
{
    static constexpr std::array<std::string_view, 18> builtins { "append", "cap", "clear", "close", "complex", "copy",
        "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover" };
    return std::ranges::find(builtins, name) != builtins.end();
}

std::optional<std::size_t> argumentIndexOf(const GoCallExpression& call, std::string_view value)
{
    value = trimmed(value);
    const auto& args = call.arguments;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == value || (a.ends_with("...") && a.substr(0, a.size() - 3) == value))
            return i;
    }
    std::optional<std::size_t> containing;
    for (std::size_t i = 0; i < args.size() && !value.empty(); ++i) {
        if (args[i].find(value) == std::string::npos)
            continue;
        if (containing)
            return std::nullopt; // two candidates: undecided
        containing = i;
    }
    if (containing)
        return containing;
    if (args.size() == 1)
        return 0;
    return std::nullopt;
}

} // namespace heapsight
