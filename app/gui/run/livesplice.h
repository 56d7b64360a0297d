// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"

#include <memory>

namespace heapsight::gui {

// What a live run (Watch) after an edit builds: only the changed packages and the module's packages that
// import them, laid over the last complete analysis (AnalysisRequest::spliceBase), when there is one of the
// same module, toolchain, language version and test choice whose `go list` is known; else the whole
// module. It remembers that analysis and keeps it up to date with each live run that ends well, the
// import clauses of the edited packages read again (a new import makes a new importer).
class LiveSplice {
public:
    // `request` for the live run after `changedFiles` (relative to the module root) changed: with the
    // packages to build and the report to splice into, or unchanged (a complete run) when go.mod or go.sum
    // changed, a file lies outside every listed package (a new package), or no suitable analysis is known.
    AnalysisRequest plan(AnalysisRequest request, const QStringList& changedFiles) const;
    // Takes note of a finished run of `request`, made for `changedFiles` (relative to the module root): a
    // complete run that listed its packages becomes the base; a splice that ended well replaces the base's
    // report, and the imports of the edited packages are read again. Anything else leaves the base as it was.
    void record(const AnalysisRequest& request, const QStringList& changedFiles, const AnalysisResult& result);
    void clear();
    bool hasBase() const { return m_report != nullptr; }

private:
    static bool sameBuild(const AnalysisRequest& a, const AnalysisRequest& b);

    AnalysisRequest m_request; // of the complete run (its spliceBase null)
    std::shared_ptr<const Report> m_report;
    ModulePackages m_packages;
    QString m_root; // the module root the paths are relative to
};

} // namespace heapsight::gui
