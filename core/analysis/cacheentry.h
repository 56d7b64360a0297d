// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace heapsight {

// What the result cache keeps of one finished analysis. Measured on the std module (README, "Result
// cache"): parsing go's text again beats reading any rendering of the report we have, so a plain run keeps
// its output, compressed (about 1/25 of it). A run with logopt files keeps its merged report as compressed
// JSON instead: re-reading the logopt files (half a gigabyte of JSON lines for std) costs ten times more.
struct CachedRun {
    ReportOrigin origin; // of the report, as the run made it
    QByteArray textFrame; // go build's stderr: one zstd frame (ZstdFrameWriter)
    std::uint64_t textBytes = 0; // the frame's decompressed size
    // The run's report when it merged logopt files; null for a plain run.
    std::shared_ptr<const Report> mergedReport;
};

// One cache entry file:
//   "HSCACHE2" | u32 header length | u32 CRC-32 of all that follows | header JSON | one zstd frame
// The header says what the frame holds ("compiler-output" or "report-json") and the sizes. The CRC covers
// every byte after it, zstd's frame checksum the decompressed content again, and the sizes tell a file
// cut short.
class CacheEntry {
public:
    // Writes the entry for `run` at `path`, atomically (QSaveFile); a merged report is written as JSON
    // through the compressor, never whole in memory. False, with the reason, when it cannot be written.
    static bool write(const QString& path, const CachedRun& run, QString* error = nullptr);

    // The report of the run kept at `path`: the output parsed again (as it is decompressed, 1 MiB at a
    // time), or the merged report read back. nullopt, with the reason in `why`, when the file is missing,
    // of another format, cut short, or damaged (checksum).
    static std::optional<Report> read(const QString& path, QString* why = nullptr);
};

} // namespace heapsight
