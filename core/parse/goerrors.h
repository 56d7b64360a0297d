// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <optional>
#include <string_view>

namespace heapsight {

// Whether a line the escape-analysis families do not claim is one of go's own errors rather than compiler
// output Heapsight does not understand:
// - "go command": what cmd/go prints about the build itself, without a position (`go: go.mod requires go >=
//   1.22 …`, `go: warning: "./..." matched no packages`, `package x is not in std`, `no Go files in DIR`, a
//   tool that failed: `PKG: …/pkg/tool/linux_amd64/compile: …`, and the tab-indented lines that continue them);
// - "compile error": a positioned message of the type checker or the compiler's front end (`undefined: x`,
//   `declared and not used: x`, `syntax error: …`, `too many errors`), matched by its fixed wording
//   (cmd/compile/internal/types2 and syntax, cmd/go/internal/*; Go 1.21–1.27).
// `message` is the text after the position for a positioned line, the whole line otherwise. nullopt: not
// one of go's errors (the caller keeps it as a line not understood).
std::optional<std::string_view> goErrorKind(std::string_view message, bool positioned);

} // namespace heapsight
