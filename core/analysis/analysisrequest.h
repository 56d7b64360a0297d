// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"
#include "core/toolchain/toolchain.h"
#include "modulelocator.h"
#include "modulepackages.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>

namespace heapsight {

// What to analyse and how. The module folder is only ever read.
struct AnalysisRequest {
    QString directory; // any directory inside the module
    Toolchain toolchain;
    QStringList packages { QStringLiteral("./...") };
    bool includeDependencies = false; // -gcflags=all=-m=2 instead of the named packages only
    bool offline = false; // GOPROXY=off
    bool allowModuleUpdates = false; // GOFLAGS=-mod=mod instead of -mod=readonly (still via a temporary go.mod copy)
    QString languageVersion; // "1.22": analyse under this `go` line instead of go.mod's
    bool collectLogopt = true; // also collect -json=0 logopt files
    // -d=loopvar=2 (text lines for per-iteration loop variables). That flag also *turns on* per-iteration
    // semantics, so it is only passed when the module's language version is 1.22 or later anyway.
    bool loopvarReport = false;
    // -d=ssa/check_bce/debug=1: a `Found IsInBounds` / `Found IsSliceInBounds` line for every bounds check
    // the compiler keeps (cmd/compile/internal/ssa/check_bce.go), for `assert`'s bce directives. Part of
    // the cache key: the output differs.
    bool boundsCheckReport = false;
    // Also compile the packages' tests: `go test -c` (every package, test variants where a package has
    // tests, and the generated test main packages) instead of `go build`, so `_test.go` files get findings.
    // The test binaries are linked into the private temporary directory and never run.
    bool includeTests = false;
    bool useCache = true;
    int timeoutSeconds = 0; // 0: no limit
    // A live run after an edit (Watch): `packages` are the import paths to build again (the changed
    // packages and their importers, ModulePackages::affectedBy), and the result is `spliceBase` — a
    // complete report of the same module, toolchain and flags — with those packages' findings replaced by
    // the new ones (spliceReport). Skips `go list` and the result cache (a part is not the module's
    // analysis). Null: a complete run.
    std::shared_ptr<const Report> spliceBase;
};

enum class AnalysisState {
    Ok, // go build succeeded; the report is complete
    CompileErrors, // some packages failed to compile: diagnostics plus the findings of the others
    ToolchainFailed, // go could not run the build (missing toolchain, go.mod requires a newer go, …)
    Cancelled,
    TimedOut,
};

QString analysisStateName(AnalysisState state);

struct Diagnostic {
    QString file; // as printed
    int line = 0;
    int column = 0;
    QString message;
};

struct AnalysisResult {
    AnalysisState state = AnalysisState::Ok;
    std::shared_ptr<const Report> report; // what was parsed, also when the build failed
    ModuleInfo module;
    QList<Diagnostic> diagnostics; // compile errors and go command errors
    QString errorText; // one-paragraph summary for the user
    QStringList commandLine;
    bool fromCache = false;
    // What `go list` printed for the run (also for one served from the cache; empty for a splice, or an
    // entry of an earlier build).
    ModulePackages packages;
    bool languageOverridden = false;
    int exitCode = 0;
    qint64 elapsedMs = 0;
};

// The directory the report's relative file names are relative to: where go ran (recorded in the report's
// origin), else the module root. What a why path reads sources from (WhyInput::sourceRoot).
std::string reportSourceRoot(const AnalysisResult& result);

} // namespace heapsight

Q_DECLARE_METATYPE(heapsight::AnalysisResult)
