// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportfilter.h"

#include "reportbuilder.h"

namespace heapsight {

Report filterFindings(const Report& report, const std::function<bool(const Finding&)>& keep)
{
    ReportBuilder builder;
    builder.setOrigin(report.origin());
    builder.restoreLineCounts(report.stats());
    // Interned in the same order, file ids stay valid for the copied findings.
    for (const std::string& f : report.files())
        builder.internFile(f);
    for (const PackageInfo& p : report.packages())
        builder.addPackage(p.name);
    for (const Finding& f : report.findings()) {
        if (keep(f))
            builder.addFinding(f);
    }
    for (const UnknownLine& u : report.unknownLines())
        builder.addUnknownLine(u);
    for (const UnknownLine& u : report.goErrors())
        builder.addGoError(u);
    for (const auto& [at, e] : report.unlinkedExplanations())
        builder.addUnlinkedExplanation(at, e);
    return builder.finish();
}

} // namespace heapsight
