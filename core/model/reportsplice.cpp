// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportsplice.h"

#include "reportbuilder.h"

#include <algorithm>
#include <unordered_set>

namespace heapsight {

std::string_view headerImportPath(std::string_view header)
{
    return header.substr(0, header.find(' '));
}

Report spliceReport(const Report& base, Report&& part, const std::vector<std::string>& rebuilt)
{
    const std::unordered_set<std::string_view> replaced(rebuilt.begin(), rebuilt.end());
    std::vector<bool> replacedPackage(base.packages().size());
    for (std::size_t i = 0; i < base.packages().size(); ++i)
        replacedPackage[i] = replaced.contains(headerImportPath(base.packages()[i].name));
    const auto keeps
        = [&](std::uint32_t package) { return package >= replacedPackage.size() || !replacedPackage[package]; };

    ReportBuilder builder;
    builder.setOrigin(base.origin());
    // Base's files and packages first, in order: what is kept keeps its FileIds and package indices.
    for (const std::string& file : base.files())
        builder.internFile(file);
    for (const PackageInfo& package : base.packages())
        builder.addPackage(package.name);
    builder.reserveFindings(base.findings().size());
    for (const Finding& finding : base.findings()) {
        if (keeps(finding.package))
            builder.addFinding(finding);
    }
    for (const UnknownLine& line : base.unknownLines()) {
        if (keeps(line.package))
            builder.addUnknownLine(line);
    }
    for (const UnknownLine& line : base.goErrors()) {
        if (keeps(line.package))
            builder.addGoError(line);
    }
    for (const UnfamiliarShape& shape : base.unfamiliarShapes())
        builder.restoreUnfamiliarShape(shape);
    // An unlinked block has a position but no package: one in a file the part printed is the part's.
    for (const auto& [at, explanation] : base.unlinkedExplanations()) {
        const std::string_view file = base.fileName(at.file);
        if (part.fileId(file) == NoFile)
            builder.addUnlinkedExplanation(at, explanation);
    }
    builder.restoreLineCounts(base.stats());
    builder.absorb(std::move(part), base.stats().inputLines);
    return builder.finish();
}

} // namespace heapsight
