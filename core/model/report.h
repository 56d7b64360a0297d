// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "finding.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace heapsight {

// A line of input the parser could not place. Kept verbatim so nothing is ever lost.
struct UnknownLine {
    std::uint64_t lineNumber = 0; // 1-based line in the input
    std::uint32_t package = NoPackage; // package block it appeared in, if any
    std::string text;
    std::string why; // "unrecognised message", "flow line without a header", …

    static constexpr std::uint32_t NoPackage = 0xffffffffu;
};

// A shape of explanation line this build does not know (a newer compiler's wording), seen inside blocks
// it otherwise read: the lines stay with their block (Explanation::unparsed); the report lists each shape
// once, with how often it came and its first line, so a user sees one problem per wording, not thousands.
struct UnfamiliarShape {
    std::string shape; // the line with names, expressions and positions folded: "   flow: {} ⇐ x:"
    std::string example; // the first such line, verbatim
    std::uint64_t firstLine = 0; // 1-based line of `example` in the input
    std::uint64_t count = 0; // lines of this shape
};

// A `# desc` block of the go command's output: "example.com/m", "example.com/m [example.com/m.test]".
struct PackageInfo {
    std::string name;
};

// Where a report came from; filled by whoever produced it (parser input name, toolchain run, cache).
struct ReportOrigin {
    std::string source; // file name, "-", or "go build"
    std::string toolchain; // "go1.22.12" when known
    std::string languageVersion; // "1.22" when known
    std::string workingDirectory; // directory relative file names are relative to, when known
};

struct ReportStats {
    std::array<std::uint64_t, FindingKindCount> distinct {}; // findings per kind
    std::array<std::uint64_t, FindingKindCount> occurrences {}; // verdict lines per kind
    std::uint64_t inputLines = 0;
    std::uint64_t packageHeaders = 0;
    std::uint64_t explanationLines = 0; // headers, flow, from and warning lines of -m=2 blocks
    std::uint64_t blankLines = 0;
    std::uint64_t unknownLines = 0;
    std::uint64_t errorLines = 0; // go's and the compiler's own errors (see Report::goErrors)
    std::uint64_t unlinkedExplanations = 0; // blocks whose verdict never came
    // Lines of explanation blocks (headers included) whose shape this build does not know; also counted
    // in explanationLines, since they belong to a block and are kept with it.
    std::uint64_t partlyUnderstoodLines = 0;

    std::uint64_t distinctOf(FindingKind k) const { return distinct[static_cast<std::size_t>(k)]; }
    std::uint64_t occurrencesOf(FindingKind k) const { return occurrences[static_cast<std::size_t>(k)]; }
    std::uint64_t totalFindings() const;
};

// The parsed result of one compiler run: plain, immutable once built (share it as shared_ptr<const Report>).
class Report {
public:
    Report() = default;

    const ReportOrigin& origin() const { return m_origin; }
    const std::vector<std::string>& files() const { return m_files; }
    std::string_view fileName(FileId id) const;
    FileId fileId(std::string_view name) const; // NoFile if the report never mentions it

    const std::vector<PackageInfo>& packages() const { return m_packages; }
    const std::vector<Finding>& findings() const { return m_findings; }
    const std::vector<UnknownLine>& unknownLines() const { return m_unknown; }
    // go's own messages and compile errors (`why`: "go command" or "compile error"), kept verbatim: errors of
    // the run, not lines Heapsight failed to understand.
    const std::vector<UnknownLine>& goErrors() const { return m_errors; }
    // Unfamiliar explanation-line shapes in order of first appearance (see UnfamiliarShape).
    const std::vector<UnfamiliarShape>& unfamiliarShapes() const { return m_unfamiliar; }
    // Explanation blocks no verdict claimed, with the position of their header.
    const std::vector<std::pair<Position, Explanation>>& unlinkedExplanations() const { return m_unlinked; }

    // Indices into findings() of the findings positioned in `file`, ordered by line then column.
    std::span<const std::uint32_t> findingsInFile(FileId file) const;
    // Indices of the findings on one line, in column order: O(log n) in the file's findings.
    std::span<const std::uint32_t> findingsOnLine(FileId file, std::uint32_t line) const;
    // Files that have at least one finding positioned in them.
    std::vector<FileId> filesWithFindings() const;

    const ReportStats& stats() const { return m_stats; }

private:
    friend class ReportBuilder;
    friend struct ReportSnapshotAccess; // core/io/reportsnapshot: reads a report back whole, as it was

    ReportOrigin m_origin;
    std::vector<std::string> m_files;
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view> {}(s); }
    };
    std::unordered_map<std::string, FileId, NameHash, std::equal_to<>> m_fileIds;
    std::vector<PackageInfo> m_packages;
    std::vector<Finding> m_findings;
    std::vector<UnknownLine> m_unknown;
    std::vector<UnknownLine> m_errors;
    std::vector<UnfamiliarShape> m_unfamiliar;
    std::vector<std::pair<Position, Explanation>> m_unlinked;
    // For each file: [begin, end) into m_byPosition, which holds finding indices sorted by (file, line, column).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_fileRanges;
    std::vector<std::uint32_t> m_byPosition;
    ReportStats m_stats;
};

} // namespace heapsight
