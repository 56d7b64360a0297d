// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The layout of a report snapshot (reportsnapshot.h), shared by its writer and reader. All numbers are
// little-endian, records have fixed sizes and no padding of their own:
//
//   Header                       magic "HSREPSNP", version, byte-order tag, producer, the counts below
//   text                         textBytes: every distinct string of the report, back to back
//   origin                       4 Str: source, toolchain, languageVersion, workingDirectory
//   stats                        FindingKindCount u64 distinct, as many occurrences, 9 u64 line counts
//   files, packages              Str each
//   steps                        StepRecord each (all explanations' steps, in the order of their edges)
//   edges                        EdgeRecord each (in the order of their explanations; take their steps in turn)
//   findings                     FindingRecord, its ExplanationRecords (each followed by its unparsed Strs),
//                                its inline chain (PosRecord each)
//   unlinked explanations        PosRecord, ExplanationRecord, its unparsed Strs
//   unknown lines, go errors     LineRecord each
//   unfamiliar shapes            ShapeRecord each
//   per-file index               u32 per finding (by position), 2 u32 per file (range)
//   end                          "HSSNPEND"
//
// Str is (u32 offset, u32 length) into text. Explanations take their edges, edges their steps, in turn.

#pragma once

#include "core/model/report.h"

#include <cstdint>
#include <cstring>

namespace heapsight {

// What a snapshot needs of a Report beyond its public interface: its per-file index, and filling it whole.
struct ReportSnapshotAccess {
    template <typename R> static auto& byPosition(R& r) { return r.m_byPosition; }
    template <typename R> static auto& fileRanges(R& r) { return r.m_fileRanges; }
    static ReportOrigin& origin(Report& r) { return r.m_origin; }
    static std::vector<std::string>& files(Report& r) { return r.m_files; }
    static auto& fileIds(Report& r) { return r.m_fileIds; }
    static std::vector<PackageInfo>& packages(Report& r) { return r.m_packages; }
    static std::vector<Finding>& findings(Report& r) { return r.m_findings; }
    static std::vector<UnknownLine>& unknown(Report& r) { return r.m_unknown; }
    static std::vector<UnknownLine>& errors(Report& r) { return r.m_errors; }
    static std::vector<UnfamiliarShape>& unfamiliar(Report& r) { return r.m_unfamiliar; }
    static std::vector<std::pair<Position, Explanation>>& unlinked(Report& r) { return r.m_unlinked; }
    static ReportStats& stats(Report& r) { return r.m_stats; }
};

} // namespace heapsight

namespace heapsight::snapshot {

inline constexpr char kMagic[8] = { 'H', 'S', 'R', 'E', 'P', 'S', 'N', 'P' };
inline constexpr char kEndMark[8] = { 'H', 'S', 'S', 'N', 'P', 'E', 'N', 'D' };
inline constexpr std::uint32_t kByteOrderTag = 0x01020304;
inline constexpr std::size_t kProducerBytes = 32; // the Heapsight version that wrote it, NUL-padded

struct Counts {
    std::uint64_t textBytes = 0, files = 0, packages = 0, steps = 0, edges = 0, explanations = 0, findings = 0,
                  unlinked = 0, unknown = 0, errors = 0, unfamiliar = 0, kinds = 0;
};
inline constexpr std::size_t kCountFields = 12;
inline constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + kProducerBytes + 8 * kCountFields;
inline constexpr std::size_t kLineCounts = 8; // ReportStats' u64 members after the per-kind arrays

// Record sizes in bytes.
inline constexpr std::size_t kStr = 8, kPos = 12;
inline constexpr std::size_t kStep = 2 * kStr + kPos; // expression, reason, at
inline constexpr std::size_t kEdge = 2 * kStr + 8; // destination, source, i32 derefs, u32 steps
// u8 header, u8 truncated, 2 unused, i32 derefs, subject, target, function, u32 unparsed, u32 edges
inline constexpr std::size_t kExplanation = 8 + 3 * kStr + 8;
// u8 kind, u8 sources, 2 unused, position, u32 package, u32 occurrences, subject, detail, message, i64 number,
// u32 explanations, u32 inline positions
inline constexpr std::size_t kFinding = 4 + kPos + 8 + 3 * kStr + 8 + 8;
inline constexpr std::size_t kLine = 8 + 4 + 4 + 2 * kStr; // u64 line number, u32 package, 4 unused, text, why
inline constexpr std::size_t kShape = 2 * kStr + 16; // shape, example, u64 first line, u64 count

// Little-endian loads and stores at a byte address (the supported targets are little-endian; the header's
// byte-order tag refuses a snapshot of another machine's order).
template <typename T> inline T load(const char* at)
{
    T v;
    std::memcpy(&v, at, sizeof v);
    return v;
}
template <typename T> inline char* store(char* at, T v)
{
    std::memcpy(at, &v, sizeof v);
    return at + sizeof v;
}

// The build's version string, as recorded in a snapshot's producer field.
const char* producer();

} // namespace heapsight::snapshot
