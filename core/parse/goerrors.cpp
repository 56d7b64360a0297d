// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "goerrors.h"

#include <array>

namespace heapsight {

namespace {

constexpr std::string_view kGoCommand = "go command";
constexpr std::string_view kCompileError = "compile error";

// How go's own messages begin (cmd/go: modload, load, work, base).
constexpr std::array<std::string_view, 14> kGoPrefixes { {
    "go: ",
    "go build ",
    "package ",
    "pattern ",
    "can't load package",
    "cannot find package",
    "cannot find main module",
    "no Go files in ",
    "build constraints exclude all Go files",
    "no required module provides",
    "missing go.sum entry",
    "note: module requires Go",
    "warning: ",
    "found packages ",
} };

// Fixed phrases of the type checker's and the parser's errors, at the start of the message.
constexpr std::array<std::string_view, 26> kCompilePrefixes { {
    "undefined: ",
    "declared and not used",
    "syntax error",
    "missing return",
    "too many errors",
    "cannot use ",
    "cannot assign",
    "cannot convert",
    "cannot infer",
    "cannot call non-function",
    "invalid operation",
    "invalid argument",
    "invalid recursive type",
    "not enough arguments",
    "too many arguments",
    "not enough return values",
    "too many return values",
    "assignment mismatch",
    "mismatched types",
    "non-boolean condition",
    "could not import ",
    "missing function body",
    "use of internal package ",
    "use of vendored package ",
    "imports ",
    "//go:",
} };

// Phrases that end the message or stand inside it.
constexpr std::array<std::string_view, 7> kCompilePhrases { {
    " imported and not used",
    " declared and not used",
    " redeclared in this block",
    " is not used",
    " has no field or method ",
    " (no value) used as value",
    " is not a type",
} };

} // namespace

std::optional<std::string_view> goErrorKind(std::string_view message, bool positioned)
{
    if (!positioned) {
        // The tab-indented continuation of a go error (`\timports x: …`, a position under `package x`).
        if (message.starts_with('\t'))
            return kGoCommand;
        for (std::string_view p : kGoPrefixes) {
            if (message.starts_with(p))
                return kGoCommand;
        }
        // `internal/trace/event: /usr/lib/go-1.24/pkg/tool/linux_amd64/compile: open …: …`: a tool go ran failed.
        if (message.find("/pkg/tool/") != std::string_view::npos && message.find(": ") != std::string_view::npos)
            return kGoCommand;
        if (message.ends_with(" matched no packages"))
            return kGoCommand;
        return std::nullopt;
    }
    for (std::string_view p : kCompilePrefixes) {
        if (message.starts_with(p))
            return kCompileError;
    }
    for (std::string_view p : kCompilePhrases) {
        if (message.find(p) != std::string_view::npos)
            return kCompileError;
    }
    return std::nullopt;
}

} // namespace heapsight
