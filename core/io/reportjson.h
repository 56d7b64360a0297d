// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

class JsonWriter;

// The report JSON schema (documented in README, "Report JSON"). Bumped when a field changes meaning.
inline constexpr int ReportSchemaVersion = 1;

struct ReportJsonOptions {
    bool includeUnknownLineText = true;
    // Which findings go into "findings", in which order: indices into report.findings(). Unset: all of
    // them in report order.
    std::optional<std::vector<std::uint32_t>> findingOrder;
    // Members added to the document (e.g. "analysis"), merged into its key order; one named like a
    // member of the report replaces it. Not owned; may be null.
    const nlohmann::json* extraMembers = nullptr;
    // Members added to the finding with this index into report.findings() (e.g. "alloc"), the same way;
    // null for none. Not called when unset.
    std::function<const nlohmann::json*(std::uint32_t)> extraFindingMembers;
};

// Writes the report JSON into `out` as it goes: memory stays that of the report plus one block of
// output. The bytes are those nlohmann's dump(1, '\t') wrote for the schema's document before (tests
// compare with files it wrote), with object keys in byte-wise order.
void writeReportJson(JsonWriter& out, const Report& report, const ReportJsonOptions& options = {});
// The same as one string (no newline at the end). For small reports and tests; a large report is better
// written to its destination through writeReportJson.
std::string reportToJsonText(const Report& report, const ReportJsonOptions& options = {});

// Reads a report written by writeReportJson (or any JSON of the schema, keys in any order). On failure
// returns nullopt and says why in `error` (not JSON, truncated, a missing or mistyped member, an unknown
// finding kind); a document from a newer schema version is refused rather than half-read. Never throws.
std::optional<Report> reportFromJsonText(std::string_view text, std::string* error = nullptr);

// Bytes past a text's end that reportFromPaddedJsonText may read (never write; their values do not matter).
inline constexpr std::size_t JsonReadPadding = 64;
// As reportFromJsonText, but reading `text` where it is instead of copying it into a padded buffer first:
// the JsonReadPadding bytes after text.end() must be readable. For large documents (the std report is
// 376 MB), where the copy costs a second buffer of the input's size.
std::optional<Report> reportFromPaddedJsonText(std::string_view text, std::string* error = nullptr);
// Reads the report JSON file at `path` straight into one padded buffer and from there. Errors: the file
// cannot be read (said with its name), and those of reportFromJsonText.
std::optional<Report> readReportJsonFile(const QString& path, std::string* error = nullptr);

} // namespace heapsight
