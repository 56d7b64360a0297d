// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <cstdint>
#include <optional>
#include <string>

namespace heapsight {

class ZstdFrameReader;
class ZstdFrameWriter;

// A binary snapshot of a Report, for the result cache (README, "Result cache"): what a report holds, written
// as fixed-size little-endian records (reportsnapshotformat.h) that name their text by (offset, length) in one
// table of every distinct string, so a report reads back in a few passes over arrays instead of a parse.
// Read back, a report's explanation chains live in one ChainArena: the string table, every FlowStep and
// every FlowEdge each in one block of it (one allocation each), the findings' own strings and lists as
// usual. Not an exchange format: a snapshot is read by the build of Heapsight that wrote it (its version
// is in the snapshot; another one's is refused as a miss, so a newer parser's findings are not hidden).
// Bump the version when the records change, and also when the parser would make a different report of the
// same output: builds between two releases carry the same version string, and their entries would be read.
inline constexpr std::uint32_t ReportSnapshotVersion = 1;

// Writes `report` into `out` (one zstd frame; the caller finishes it), in blocks of about 1 MiB as they are
// made: besides the report, memory holds the table of its distinct strings (views of the report's own
// text). Throws std::length_error when the report's distinct text passes 4 GiB (the table's offsets are
// 32-bit) or it has 2^32 findings, steps or edges or more; the zstd writer's exceptions pass through.
void writeReportSnapshot(const Report& report, ZstdFrameWriter& out);

// Reads a report written by writeReportSnapshot from `in`, and checks that the frame ends right after it
// (zstd's checksum included). nullopt, with the reason in `error`, when the content is not a snapshot, is
// of another snapshot version or Heapsight build, is cut short or damaged, or refers outside its tables
// (a string beyond the table, a file id beyond the files, a finding kind this build does not know). Never
// throws except std::bad_alloc.
std::optional<Report> readReportSnapshot(ZstdFrameReader& in, std::string* error = nullptr);

} // namespace heapsight
