#pragma once

#include "../model/report.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace heapsight {

// The report JSON schema (documented in README, "Report JSON"). Bumped when a field changes meaning.
inline constexpr int ReportSchemaVersion = 1;

struct ReportJsonOptions {
    bool includeUnknownLineText = true;
};

nlohmann::json reportToJson(const Report& report, const ReportJsonOptions& options = {});
std::string reportToJsonText(const Report& report, const ReportJsonOptions& options = {});

// Reads a report written by reportToJson. On failure returns nullopt and says why in `error`;
// a document from a newer schema version is refused rather than half-read.
std::optional<Report> reportFromJson(const nlohmann::json& document, std::string* error = nullptr);
std::optional<Report> reportFromJsonText(std::string_view text, std::string* error = nullptr);

} // namespace heapsight
