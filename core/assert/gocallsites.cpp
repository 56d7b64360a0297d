// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gocallsites.h"

#include "core/identity/gotokenizer.h"

#include <algorithm>
#include <array>
#include <utility>

namespace heapsight {

namespace {

// Go's keywords, builtin functions and predeclared types (the Go spec): `NAME(` is no call of Go code.
constexpr std::array<std::string_view, 64> kNotCalls { "break", "case", "chan", "const", "continue", "default", "defer",
    "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var", "append", "cap", "clear", "close", "complex", "copy",
    "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover", "any", "bool",
    "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32",
    "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64" };

bool isCallable(std::string_view name)
{
    return name != "uintptr" && std::ranges::find(kNotCalls, name) == kNotCalls.end();
}

} // namespace

std::vector<GoCallSite> scanGoCalls(std::string_view source)
{
    std::vector<GoCallSite> calls;
    GoTokenizer tokens(source);
    GoToken before; // the token before `previous`
    GoToken previous;
    int depth = 0; // brackets of all kinds
    std::vector<int> interfaceDepths; // bracket depths at which an `interface {` body is open
    // Per open bracket: the identifier an index or type-argument list `[` follows (empty otherwise), so
    // `F[int](x)` is a call of F when its `(` comes right after the `]`.
    std::vector<std::string_view> indexed;
    std::string_view instantiated; // set by a `]` that closes such a list, for the next token only
    for (GoToken t = tokens.next(); t.kind != GoToken::Kind::End; t = tokens.next()) {
        if (t.kind == GoToken::Kind::Newline)
            continue;
        const std::string_view explicitArguments = std::exchange(instantiated, {});
        if (t.is('(') || t.is('[') || t.is('{')) {
            if (t.is('{') && previous.isWord("interface"))
                interfaceDepths.push_back(depth);
            ++depth;
            const bool inInterface = !interfaceDepths.empty() && interfaceDepths.back() == depth - 2;
            const bool declared = before.isWord("func") || before.is(')');
            indexed.push_back(
                t.is('[') && previous.kind == GoToken::Kind::Identifier ? previous.text : std::string_view());
            if (t.is('(') && !inInterface) {
                if (previous.kind == GoToken::Kind::Identifier && isCallable(previous.text) && !declared)
                    calls.push_back({ std::string(previous.text), t.line, t.column });
                else if (!explicitArguments.empty())
                    calls.push_back({ std::string(explicitArguments), t.line, t.column });
            }
        } else if (t.is(')') || t.is(']') || t.is('}')) {
            depth = std::max(0, depth - 1);
            if (t.is('}') && !interfaceDepths.empty() && interfaceDepths.back() == depth)
                interfaceDepths.pop_back();
            if (!indexed.empty()) {
                if (t.is(']'))
                    instantiated = indexed.back();
                indexed.pop_back();
            }
        }
        before = previous;
        previous = t;
    }
    return calls;
}

} // namespace heapsight
