// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "analysisrequest.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace heapsight {

// The go invocations of one analysis, as plain data: testable without running anything.
struct GoCommand {
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    QString workingDirectory;
};

struct GoCommandPaths {
    QString tempDir; // private, removed after the run
    QString modFile; // temporary go.mod for a language override or module updates; empty: none
    QString logoptDir; // where -json=0 writes; empty: not collected
};

// Environment every go run of Heapsight gets: never download a toolchain, no writes to the module.
QProcessEnvironment goEnvironment(const AnalysisRequest& request, const GoCommandPaths& paths);
// `go list -e -f=… PACKAGES` in ModulePackages' format.
GoCommand goListCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths);
GoCommand goBuildCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths);
// `go test -c -o /dev/null -gcflags=… PACKAGES`: compiles the test variant and test main package of every
// package that has tests, and the others as `go build` would; no binary is written and nothing is run
// (Go 1.21+ accepts -c with several packages when -o is the null device or a directory).
GoCommand goTestCompileCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths);
// The command an analysis runs: goTestCompileCommand with request.includeTests, else goBuildCommand.
GoCommand goAnalysisCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths);
// The -gcflags value: "-m=2 -json=0,file:///tmp/x -d=loopvar=2,ssa/check_bce/debug=1", prefixed by "all="
// for dependencies.
QString gcflagsFor(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths);
// The language version the build runs under: the override, or go.mod's `go` line.
QString effectiveLanguageVersion(const AnalysisRequest& request, const ModuleInfo& module);

} // namespace heapsight
