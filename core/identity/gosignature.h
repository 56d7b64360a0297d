// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// One parameter of a Go function declaration, where its name is written: the compiler reports a
// leaking parameter (`parameter p leaks to …`, `leaking param: p`) at exactly this line and column.
struct GoParameter {
    std::string name; // "" when the list has no names (`func(int, string)`); "_" stays "_"
    std::uint32_t line = 0; // 1-based
    std::uint32_t column = 0; // 1-based byte column (tabs count as one), as the compiler counts
    bool receiver = false; // the method's receiver, always first
    bool variadic = false; // `a ...any`: every further argument of a call lands here

    friend bool operator==(const GoParameter&, const GoParameter&) = default;
};

// The parameters of the function whose `func` keyword starts a top-level declaration on `funcLine`
// (GoFunctionSpan::firstLine): the receiver first for a method, then the parameters in order, one per
// name (`a, b int` gives two). Results are not included. nullopt when no declaration starts on that line.
// The light tokenizer of scanGoFunctions, not a parser: one ambiguity is resolved by shape, `x [N]T`
// (a named array) against `G[N]` (an unnamed generic type), by whether a type follows the `]`.
std::optional<std::vector<GoParameter>> scanGoParameters(std::string_view source, std::uint32_t funcLine);

// The parameter an argument at `argumentIndex` (0-based, the receiver counting as argument 0 of a method
// expression call `(*T).M(recv, …)`) binds to: the variadic parameter takes all from its index on.
// nullptr when there is none.
const GoParameter* parameterForArgument(const std::vector<GoParameter>& parameters, std::size_t argumentIndex);

// The name in a file's `package NAME` clause; "" when there is none.
std::string goPackageName(std::string_view source);

// One import of a file: `import alias "path"` or `import "path"` (name "" then; the package clause of the
// imported package decides its name, which is the path's last element for the standard library).
struct GoImport {
    std::string name; // the alias, "" without one, "." or "_"
    std::string path; // "fmt", "example.com/m/internal/store"

    friend bool operator==(const GoImport&, const GoImport&) = default;
};

// The imports of a file, in source order (single and grouped forms).
std::vector<GoImport> scanGoImports(std::string_view source);

} // namespace heapsight
