// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "spelling.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <re2/re2.h>
#include <vector>

namespace heapsight {

namespace {

// A small precedence-climbing evaluator for Go integer constant expressions.
class ConstantEvaluator {
public:
    explicit ConstantEvaluator(std::string_view s)
        : m_s(s)
    {
    }

    std::optional<unsigned long long> run()
    {
        auto v = expression(1);
        skipSpace();
        if (!v || m_pos != m_s.size())
            return std::nullopt;
        return v;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_s.size() && m_s[m_pos] == ' ')
            ++m_pos;
    }

    // Go's binary operator precedence: 5 for * / % << >> & &^, 4 for + - | ^.
    int peekOperator(std::string_view& op)
    {
        skipSpace();
        static constexpr std::string_view ops[] = { "<<", ">>", "&^", "*", "/", "%", "&", "+", "-", "|", "^" };
        for (std::string_view o : ops) {
            if (m_s.substr(m_pos).starts_with(o)) {
                // `&&`, `||` and `<-` are not arithmetic.
                if ((o == "&" || o == "|") && m_s.substr(m_pos + 1).starts_with(o))
                    return 0;
                op = o;
                return (o == "+" || o == "-" || o == "|" || o == "^") ? 4 : 5;
            }
        }
        return 0;
    }

    std::optional<unsigned long long> primary()
    {
        skipSpace();
        if (m_pos < m_s.size() && m_s[m_pos] == '(') {
            ++m_pos;
            auto v = expression(1);
            skipSpace();
            if (!v || m_pos >= m_s.size() || m_s[m_pos] != ')')
                return std::nullopt;
            ++m_pos;
            return v;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_pos])) || m_s[m_pos] == '_'))
            ++m_pos;
        const std::string digits(m_s.substr(start, m_pos - start));
        if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0])))
            return std::nullopt;
        std::string clean;
        for (char c : digits) {
            if (c != '_')
                clean += c;
        }
        int base = 10;
        std::string body = clean;
        if (clean.size() > 2 && clean[0] == '0' && std::isalpha(static_cast<unsigned char>(clean[1]))) {
            const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(clean[1])));
            base = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : 0;
            body = clean.substr(2);
        }
        if (base == 0)
            return std::nullopt;
        try {
            std::size_t used = 0;
            const unsigned long long v = std::stoull(body, &used, base);
            if (used != body.size())
                return std::nullopt;
            return v;
        } catch (...) {
            return std::nullopt;
        }
    }

    std::optional<unsigned long long> expression(int minPrecedence)
    {
        auto lhs = primary();
        if (!lhs)
            return std::nullopt;
        for (;;) {
            std::string_view op;
            const int prec = peekOperator(op);
            if (prec == 0 || prec < minPrecedence)
                return lhs;
            m_pos += op.size();
            auto rhs = expression(prec + 1);
            if (!rhs)
                return std::nullopt;
            // Unsigned 64-bit, like the constants Go prints (1 << 63 is 9223372036854775808).
            const unsigned long long a = *lhs, b = *rhs;
            if (op == "<<") {
                if (b > 63)
                    return std::nullopt;
                lhs = a << b;
            } else if (op == ">>") {
                if (b > 63)
                    return std::nullopt;
                lhs = a >> b;
            } else if (op == "&^") {
                lhs = a & ~b;
            } else if (op == "*") {
                lhs = a * b;
            } else if (op == "/" || op == "%") {
                if (b == 0)
                    return std::nullopt;
                lhs = op == "/" ? a / b : a % b;
            } else if (op == "&") {
                lhs = a & b;
            } else if (op == "+") {
                lhs = a + b;
            } else if (op == "-") {
                if (b > a)
                    return std::nullopt; // a negative constant: leave it as written
                lhs = a - b;
            } else if (op == "|") {
                lhs = a | b;
            } else {
                lhs = a ^ b;
            }
        }
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
};

bool isConstantChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ' ' || c == '(' || c == ')' || c == '<'
        || c == '>' || c == '*' || c == '/' || c == '%' || c == '&' || c == '^' || c == '+' || c == '-' || c == '|';
}

// The length of the longest prefix of `run` that is a constant expression with an operator, or 0.
std::size_t constantPrefix(std::string_view run, unsigned long long& value)
{
    for (std::size_t end = run.size(); end > 0; --end) {
        // Only cut between tokens: never inside a number or a name.
        if (end < run.size() && std::isalnum(static_cast<unsigned char>(run[end]))
            && std::isalnum(static_cast<unsigned char>(run[end - 1])))
            continue;
        const std::string_view candidate = run.substr(0, end);
        if (candidate.find_first_of("<>*/%&^+-|") == std::string_view::npos)
            return 0;
        if (evaluateConstant(candidate, value))
            return end;
    }
    return 0;
}

// Replaces each maximal run that is a constant expression with at least one operator by its value.
std::string foldConstants(const std::string& s)
{
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '"') { // string constants are text, not arithmetic
            std::size_t j = i + 1;
            while (j < s.size() && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, s.size());
            out.append(s, i, j - i);
            i = j;
            continue;
        }
        // A candidate starts at a digit that does not continue an identifier or a selector.
        const bool startsNumber = std::isdigit(static_cast<unsigned char>(s[i]))
            && (i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_' || s[i - 1] == '.'));
        if (startsNumber) {
            std::size_t j = i;
            while (j < s.size() && isConstantChar(s[j]))
                ++j;
            unsigned long long v = 0;
            if (const std::size_t n = constantPrefix(std::string_view(s).substr(i, j - i), v)) {
                // Keep the trailing space a shrunk run may have given back.
                out += std::to_string(v);
                i += n;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

std::string quoteRawString(std::string_view body)
{
    std::string q = "\"";
    for (char c : body) {
        if (c == '\\' || c == '"')
            q += '\\';
        if (c == '\t') {
            q += "\\t";
            continue;
        }
        q += c;
    }
    return q + "\"";
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Where the bracketed or parenthesised text that ends just before `end` opens (`end - 1` holds `close`),
// or npos when it is unbalanced.
std::size_t openingOf(const std::string& s, std::size_t end, char open, char close)
{
    int depth = 0;
    for (std::size_t i = end; i > 0; --i) {
        if (s[i - 1] == close)
            ++depth;
        else if (s[i - 1] == open && --depth == 0)
            return i - 1;
    }
    return std::string::npos;
}

// Start of the name component that ends at `end`: `F`, `F[go.shape.int]`, `0` (of `init.0`); npos if none.
std::size_t componentStart(const std::string& s, std::size_t end)
{
    if (end > 0 && s[end - 1] == ']') {
        end = openingOf(s, end, '[', ']');
        if (end == std::string::npos)
            return end;
    }
    std::size_t i = end;
    while (i > 0 && isNameChar(s[i - 1]))
        --i;
    return i < end ? i : std::string::npos;
}

// Start of the qualifiers that end at `end` (just after a '.'): package paths (`main`,
// `example.com/m/store`), receivers (`(*T)`, `T`), outer functions, each followed by a dot.
std::size_t qualifierStart(const std::string& s, std::size_t end)
{
    std::size_t start = end;
    while (start > 0 && s[start - 1] == '.') {
        std::size_t i = start - 1;
        if (i > 0 && s[i - 1] == ')') { // a pointer receiver `(*T)`, never a call's arguments
            const std::size_t open = openingOf(s, i, '(', ')');
            if (open == std::string::npos || s.compare(open, 2, "(*") != 0 || (open > 0 && isNameChar(s[open - 1])))
                break;
            start = open;
            continue;
        }
        if (i > 0 && s[i - 1] == ']') {
            const std::size_t c = componentStart(s, i);
            if (c == std::string::npos)
                break;
            i = c;
        }
        while (i > 0 && (isNameChar(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '-' || s[i - 1] == '~'))
            --i;
        if (i == start - 1)
            break;
        start = i;
    }
    return start;
}

// Closure names keep only the function they were written in: `main.makeAccumulator.func1` (Go 1.24-1.26,
// a closure inlined into main: the clone is named after the function it was inlined into) and
// `makeAccumulator.func1` (Go 1.27) are one closure; so are `example.com/m.(*T).M.func1` and `M.func1`.
// Only the qualifiers before the function that holds the func literal go: `.funcN`, nested `.N` and the
// `.deferwrapN`/`.gowrapN` wrappers stay. Findings are paired by position too, so two closures this
// folds together would have to be printed at the same place.
std::string dropClosureQualifiers(const std::string& s)
{
    static constexpr std::string_view anchors[] = { ".func", ".deferwrap", ".gowrap" };
    std::string out;
    std::size_t copied = 0; // s[0, copied) is in `out`, qualifiers dropped
    std::size_t done = 0; // end of the last closure name: `.deferwrap1` of `f.func1.deferwrap1` is not another
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') { // names in string constants are text
            std::size_t j = i + 1;
            while (j < s.size() && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            i = std::min(j, s.size());
            continue;
        }
        if (s[i] != '.' || i == 0 || !(isNameChar(s[i - 1]) || s[i - 1] == ']'))
            continue;
        std::size_t digits = std::string::npos;
        for (std::string_view a : anchors) {
            if (s.compare(i, a.size(), a) == 0) {
                digits = i + a.size();
                break;
            }
        }
        if (digits == std::string::npos || digits >= s.size() || !std::isdigit(static_cast<unsigned char>(s[digits])))
            continue;
        std::size_t end = digits;
        while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
            ++end;
        if (end < s.size() && isNameChar(s[end]))
            continue; // `.funcs`, `.func1x`: not a closure
        std::size_t outer = componentStart(s, i);
        if (outer == std::string::npos || outer < done)
            continue;
        // `init.0.func1`: the function is `init.0`, the file's first init.
        const bool numbered
            = std::all_of(s.begin() + static_cast<std::ptrdiff_t>(outer), s.begin() + static_cast<std::ptrdiff_t>(i),
                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (numbered && outer > 1 && s[outer - 1] == '.') {
            const std::size_t before = componentStart(s, outer - 1);
            if (before == std::string::npos || before < done)
                continue;
            outer = before;
        }
        done = end;
        const std::size_t qualifiers = std::max(qualifierStart(s, outer), copied);
        if (qualifiers < outer) {
            out.append(s, copied, qualifiers - copied);
            copied = outer;
        }
        i = end - 1;
    }
    if (copied == 0)
        return s;
    out.append(s, copied, std::string::npos);
    return out;
}

} // namespace

bool evaluateConstant(std::string_view text, unsigned long long& value)
{
    const auto v = ConstantEvaluator(text).run();
    if (!v)
        return false;
    value = *v;
    return true;
}

std::string normalizeSpelling(std::string_view text)
{
    std::string s;
    s.reserve(text.size());
    // Fold white space and raw strings first: both change what later rules see.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '`') {
            const std::size_t close = text.find('`', i + 1);
            if (close != std::string_view::npos) {
                s += quoteRawString(text.substr(i + 1, close - i - 1));
                i = close;
                continue;
            }
        }
        if (c == '"') { // copy quoted strings untouched
            std::size_t j = i + 1;
            while (j < text.size() && text[j] != '"')
                j += text[j] == '\\' ? 2 : 1;
            s.append(text.substr(i, std::min(j + 1, text.size()) - i));
            i = j;
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (!s.empty() && s.back() != ' ')
                s += ' ';
            continue;
        }
        s += c;
    }
    while (!s.empty() && s.back() == ' ')
        s.pop_back();

    static const RE2 resultName(R"(~R(\d+))");
    static const RE2 anon(R"(\.anon(\d+))");
    static const RE2 glob(R"(\bglob\.\.func)");
    static const RE2 shape(R"(go\.shape\.([A-Za-z0-9_.*\[\]]+?)_\d+\b)");
    static const RE2 shapePrefix(R"(go\.shape\.)");
    static const RE2 typedLiteral(R"(\b(?:u?int(?:8|16|32|64)?|byte|rune|uintptr)\((-?\d+)\))");
    // Each rule runs only where its trigger occurs: most subjects need none of them.
    const auto has = [&s](std::string_view needle) { return s.find(needle) != std::string::npos; };
    if (has("~R"))
        RE2::GlobalReplace(&s, resultName, R"(~r\1)");
    if (has(".anon"))
        RE2::GlobalReplace(&s, anon, R"(~p\1)");
    if (has("glob.."))
        RE2::GlobalReplace(&s, glob, "init.func");
    if (has("go.shape.")) {
        RE2::GlobalReplace(&s, shape, R"(\1)");
        RE2::GlobalReplace(&s, shapePrefix, "");
    }
    if (has("("))
        RE2::GlobalReplace(&s, typedLiteral, R"(\1)");
    if (has(".func") || has("wrap"))
        s = dropClosureQualifiers(s);
    // arg#N (1.21, 1-based) is ~p(N-1) in 1.22.
    static const RE2 argHash(R"(arg#(\d+))");
    if (!has("arg#") && s.find_first_of("0123456789") == std::string::npos)
        return s; // no parameter to renumber, no constant to fold
    std::string out;
    re2::StringPiece input(s);
    re2::StringPiece number;
    std::size_t last = 0;
    while (RE2::FindAndConsume(&input, argHash, &number)) {
        const std::size_t matchEnd = static_cast<std::size_t>(input.data() - s.data());
        const std::size_t matchStart = static_cast<std::size_t>(number.data() - s.data()) - 4;
        out.append(s, last, matchStart - last);
        out += "~p" + std::to_string(std::max(0, std::stoi(std::string(number)) - 1));
        last = matchEnd;
    }
    out.append(s, last, std::string::npos);
    out = foldConstants(out);
    // A folded constant keeps parentheses the other version never printed: `x &^ (1 << 63)`.
    static const RE2 parenthesised(R"((^|[^\w\])\]])\((\d+)\))");
    RE2::GlobalReplace(&out, parenthesised, R"(\1\2)");
    return out;
}

std::string normalizeFileName(std::string_view file)
{
    // Debian's /usr/lib/go-1.22, /usr/local/go, golang.org/dl's ~/sdk/go1.22.12, module-cache toolchains
    // and Homebrew's libexec; not a GOPATH's ~/go/src.
    static const RE2 goroot(
        R"(^(?:/usr/lib/go(?:-\d+(?:\.\d+)*)?|/usr/local/go|/.*/go-?\d+(?:\.\d+)*|/.*/libexec|/.*/golang\.org/toolchain@[^/]+)/src/)");
    std::string s(file);
    RE2::Replace(&s, goroot, "$GOROOT/src/");
    return s;
}

} // namespace heapsight
