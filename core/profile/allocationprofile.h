// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"
#include "heapprofile.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace heapsight {

// What a heap profile says was allocated at one place over the whole profiled run.
struct AllocStats {
    std::int64_t bytes = 0; // alloc_space
    std::int64_t objects = 0; // alloc_objects

    AllocStats& operator+=(const AllocStats& o)
    {
        bytes += o.bytes;
        objects += o.objects;
        return *this;
    }
    friend bool operator==(const AllocStats&, const AllocStats&) = default;
};

// A heap profile's allocations placed on the source lines of one report: each sample counts at its
// leaf frame (the innermost line of an inlined call), the line that called the allocator, as
// `go tool pprof -lines` counts "flat". Heap findings (moved to heap, escapes to heap) on that line
// get its numbers. Plain and immutable once built; share it like the Report it was built for.
class AllocationProfile {
public:
    static AllocationProfile attribute(const HeapProfile& profile, const Report& report, std::string_view moduleRoot);

    // Allocations recorded at a line of a report file; nullopt when none.
    std::optional<AllocStats> atLine(FileId file, std::uint32_t line) const;
    // A heap finding's line allocations; nullopt for other kinds and for lines without allocations.
    std::optional<AllocStats> forFinding(const Finding& finding) const;
    // The allocations on the lines of the file's heap findings.
    AllocStats inFile(FileId file) const;
    // Indices into report.findings() of the heap findings with allocations, most bytes first (then most
    // objects, then position): where escapes cost the most at run time.
    std::vector<std::uint32_t> rankedFindings(const Report& report) const;

    const AllocStats& total() const { return m_total; } // every sample
    const AllocStats& inReportFiles() const { return m_inReportFiles; } // leaf in a file of the report
    const AllocStats& onHeapFindings() const { return m_onHeapFindings; } // on a heap finding's line
    const std::map<std::pair<FileId, std::uint32_t>, AllocStats>& lines() const { return m_lines; }

private:
    std::map<std::pair<FileId, std::uint32_t>, AllocStats> m_lines;
    std::map<FileId, AllocStats> m_heapFiles;
    AllocStats m_total;
    AllocStats m_inReportFiles;
    AllocStats m_onHeapFindings;
};

} // namespace heapsight
