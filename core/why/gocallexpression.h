// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// A call as the compiler prints it in a `from CALL (call parameter) at POS` step of an -m=2 explanation
// (cmd/compile/internal/escape/call.go; the expression is ir's rendering of the call node):
//   `store.Keep(&item)`, `remember(it)`, `fmt.Sprintf("count %d", ... argument...)`,
//   `(*store.Cache).Add(cache, "entry", &entry)` (a method call: its receiver is the first argument),
//   `append(registry, it)` (a builtin), `f.func1(x)` (a closure), `v.M(x)` (an interface method).
struct GoCallExpression {
    // The package qualifier as printed: a package *name* ("store", "fmt", "sync"), "" for a callee of the
    // calling package or a builtin.
    std::string qualifier;
    // The callee as scanGoFunctions names declarations: "Keep", "(*Cache).Add", "Cache.Get"; type
    // arguments dropped ("(*List[go.shape.int]).Push" → "(*List).Push").
    std::string function;
    // A method expression call `(*T).M(recv, …)` / `T.M(recv, …)`: arguments[0] is the receiver.
    bool receiverFirst = false;
    // The arguments' text, split at top-level commas, trimmed; a spread `a...` keeps its dots.
    std::vector<std::string> arguments;
    // The callee text exactly as printed before the argument list ("(*store.Cache).Add").
    std::string callee;
};

// Splits a printed call; nullopt when the text does not end in a balanced argument list. Go string and
// rune literals in arguments are respected (a "(" or "," inside one does not count), and so are the
// compiler's abbreviations: a string cut at 72 runes has no closing quote (see the escape-output
// reference), so a quote opened in an argument ends at the next `, ` or the list's end.
std::optional<GoCallExpression> parseGoCall(std::string_view expression);

// Whether `name` is one of Go's predeclared functions (append, copy, panic, …), which have no declaration
// to follow.
bool isGoBuiltin(std::string_view name);

// The index into `call.arguments` of the argument that passes `value` (the expression of the step before
// the call, or the flow's source: "&item", "... argument", "a"): an exact match, a spread `value...`, or
// else the only argument that contains `value`; nullopt when that does not decide it. A call with one
// argument takes it.
std::optional<std::size_t> argumentIndexOf(const GoCallExpression& call, std::string_view value);

} // namespace heapsight
