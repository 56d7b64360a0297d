// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>

namespace heapsight {

// What the result cache keeps of one finished analysis: a binary snapshot of its report (reportsnapshot.h),
// whatever the run read (text, logopt files). Measured on the std module (README, "Result cache"): reading a
// snapshot back costs a fraction of parsing the compiler's output again, and far less than reading the
// merged report as JSON. The kinds earlier builds wrote (the compressed compiler output, the merged report
// as JSON) are still read, and written when asked (tests of reading them).
struct CachedRun {
    enum class Content : std::uint8_t {
        ReportSnapshot, // `report`, as a snapshot
        CompilerOutput, // `textFrame`, parsed again on reading (entries of earlier builds)
        ReportJson, // `report` as report JSON (entries of earlier builds)
    };
    ReportOrigin origin; // of the report, as the run made it
    Content content = Content::ReportSnapshot;
    std::shared_ptr<const Report> report; // the run's report (merged with its logopt files when it had them)
    QByteArray textFrame; // go build's stderr: one zstd frame (ZstdFrameWriter), for CompilerOutput
    std::uint64_t textBytes = 0; // the frame's decompressed size
    // What `go list` printed for the run (ModulePackages' format; empty: not known): a live run after a
    // reopened module's first edit splices from it (AnalysisRequest::spliceBase). Kept in the header.
    QByteArray goList;
};

// One cache entry file:
//   "HSCACHE2" | u32 header length | u32 CRC-32 of all that follows | header JSON | one zstd frame
// The header says what the frame holds ("report-snapshot", or from earlier builds "compiler-output" or
// "report-json") and the sizes. The CRC covers every byte after it, zstd's frame checksum the decompressed
// content again, and the sizes tell a file cut short.
class CacheEntry {
public:
    // Writes the entry for `run` at `path`, atomically (QSaveFile); the report is written through the
    // compressor, never whole in memory uncompressed. False, with the reason, when it cannot be written
    // (also when `run` lacks what its content needs, or the report is too large for a snapshot).
    static bool write(const QString& path, const CachedRun& run, QString* error = nullptr);

    // The report of the run kept at `path`: the snapshot read back, or (entries of earlier builds) the output
    // parsed again as it is decompressed, 1 MiB at a time, or the report JSON read back. nullopt, with the
    // reason in `why`, when the file is missing, of another format or snapshot version, cut short, or damaged
    // (checksum). `goList`, when given, receives the run's go list output (empty when the entry has none).
    static std::optional<Report> read(const QString& path, QString* why = nullptr, QByteArray* goList = nullptr);
};

} // namespace heapsight
