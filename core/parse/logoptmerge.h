// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"
#include "logoptreader.h"

namespace heapsight {

// Merges the logopt records of a `go build -gcflags='-m=2 -json=0,file://DIR'` run into the report parsed
// from the same build's text output: one finding per finding, with the union of what both know.
//
// - Every finding, package and unlinked explanation of `text` is kept as it is (same kind, position,
//   subject, occurrences); a finding logopt also reports gets FromLogopt in `sources`, the inline chain of
//   its leading `inlineLoc` entries, and an explanation the text did not print (text of -m=1).
// - An explanation record (`escape` with a message, `escapes`, `leak`) that is a block of the text (the
//   compiler prints one and logs the other from one call, cmd/compile/internal/escape) only confirms it; so
//   the merge has no more unlinked explanations than the text, and as many explanations per finding.
// - Findings are added only of the kinds only logopt reports (nilcheck, isInBounds, isSliceInBounds, copy,
//   cannotInlineCall, iteration-variable-*, loop-modified-*), and only in the module's files (file names
//   relative to the working directory, as logoptreader spells them) or in directories where the text has
//   findings (dependencies built with -gcflags=all=…). What the compiler logs about other packages' code it
//   instantiated or inlined (Go 1.23+: sync/atomic's generic methods in any module calling fmt.Println) and
//   what text leaves out on purpose (`can inline` of those instantiations, noder/unified.go; the heap
//   closures of go/defer wrappers, escape.go) are not findings of the build.
// - Logopt names every command package "main": a finding logopt adds goes to the package the text names
//   for its file, its directory, or the files of the same logopt package.
//
// With an empty `text` report (no input lines), the verdicts are derived from the logopt records alone,
// as the text would print them (`moved to heap`, `leaking param`, …); logopt does not name the function of
// `canInlineFunction`/`cannotInlineFunction` records, so those have no subject then. `logopt.errors` and
// records of an unknown code or an unexpected message become unknown lines whose `why` starts with "logopt".
Report mergeLogopt(const Report& text, const LogoptReadResult& logopt);

} // namespace heapsight
