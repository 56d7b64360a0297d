// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace heapsight {

// A position from a logopt file, with the file name already spelled as `go build` prints it in text
// output (relative to the working directory when that is shorter), so both inputs name files alike.
struct LogoptPosition {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0; // 0 when unknown or saturated (255), as in text output
};

struct LogoptStep {
    std::string expression;
    std::string reason;
    LogoptPosition at;
};

struct LogoptFlow {
    std::string destination;
    std::string source;
    int derefs = 0;
    std::vector<LogoptStep> steps;
};

// One LSP-shaped diagnostic of `-gcflags=-json=0,file://DIR`.
struct LogoptRecord {
    std::string package; // from the file's header
    std::string code; // "escape", "leak", "canInlineFunction", "iteration-variable-to-heap", …
    std::string message;
    LogoptPosition position; // outermost position
    std::vector<LogoptPosition> inlineChain; // leading inlineLoc entries: where inside inlined code
    std::vector<LogoptFlow> flows; // the escflow explanation, if any
};

struct LogoptReadResult {
    std::vector<LogoptRecord> records;
    std::uint64_t files = 0;
    std::vector<std::string> errors; // unreadable files and malformed lines, each with its place
};

// Reads every `<dir>/<package>/<file>.json` under `dir` (in sorted path order). `workingDirectory` is where
// `go build` ran, for spelling file names as the text output does ("./x.go", "sub/y.go", "/usr/lib/go/src/…";
// the compiler's `__unnamed__` for positions it does not know as `<unknown line number>`). Unreadable files
// and malformed lines are listed in `errors`, each with its place, and skipped.
LogoptReadResult readLogoptDirectory(const QString& dir, const QString& workingDirectory);
// Reads one logopt file's text (header line, then one diagnostic per line).
void readLogoptText(
    std::string_view text, const QString& workingDirectory, const std::string& place, LogoptReadResult& into);

// The file name `go build` would print for `absolutePath` when run in `workingDirectory`.
std::string goDisplayPath(const QString& absolutePath, const QString& workingDirectory);

} // namespace heapsight
