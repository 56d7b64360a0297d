// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/allocationprofile.h"
#include "reportoutput.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace heapsight::cli {

// `--profile mem.out` and `--sort alloc`, shared by `report` and `analyze`.
struct ProfileOptions {
    QCommandLineOption profile { QStringLiteral("profile"),
        QStringLiteral("A Go heap profile (go test -memprofile, /debug/pprof/heap) whose allocations are attached to "
                       "the heap findings."),
        QStringLiteral("file") };
    QCommandLineOption sort { QStringLiteral("sort"),
        QStringLiteral("\"alloc\": list the heap findings ranked by allocated bytes (needs --profile)."),
        QStringLiteral("order") };

    void addTo(QCommandLineParser& parser) const;
    // Checks the options (an error is said on stderr); true when they are usable.
    bool valid(const QCommandLineParser& parser) const;
    bool sortByAllocations(const QCommandLineParser& parser) const;
};

// Reads the profile named by --profile and places it on the report's lines; nullopt after saying why
// on stderr. `moduleRoot` (may be empty) is what the report's relative file names are relative to.
std::optional<AllocationProfile> loadAllocations(const QString& path, const Report& report, const QString& moduleRoot);

// "profile: 2.5 GB in 5,243,391 allocations; 2.4 GB on lines of this report, 2.4 GB on heap findings".
void printAllocationTotals(const AllocationProfile& allocations, QTextStream& out);
// The heap findings of `kinds` with allocations, most bytes first.
void printAllocationRanking(
    const Report& report, const AllocationProfile& allocations, const KindSet& kinds, QTextStream& out);
// Adds "alloc": {"bytes", "objects"} to every heap finding with allocations, and "allocations" totals to
// the document; with `sorted`, orders the findings by allocated bytes (the ranked ones first, then the
// others in report order).
void addAllocationsToJson(
    JsonAdditions& additions, const Report& report, const AllocationProfile& allocations, bool sorted);

} // namespace heapsight::cli
