// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// The pieces of a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) every Heapsight
// command that writes SARIF shares: locations relative to the module root, the compiler's flow as a code
// flow, stable fingerprints, and the log around one run.

// A `location` with a physicalLocation: `file` as the compiler printed it ("./x.go", "sub/x.go",
// "/abs/x.go"); a file inside `moduleRoot` (or relative) gets a relative URI with uriBaseId SRCROOT,
// others a file:// URI. `line` and `column` are 1-based; column 0 (none printed) is left out.
nlohmann::json sarifLocation(
    const std::string& file, std::uint32_t line, std::uint32_t column, const std::string& moduleRoot);

// The finding's explanation steps as one `codeFlows` array with one thread flow, each step a location whose
// message reads "EXPR (REASON): DST = OPS SRC", OPS `&` or `*`… as in the compiler's flow line; an empty
// array when the finding has no explanation (-m output).
nlohmann::json sarifCodeFlows(const Report& report, const Finding& finding, const std::string& moduleRoot);

// A `partialFingerprints` value: the first 32 hex digits of the SHA-256 of `identity`.
std::string sarifFingerprint(std::string_view identity);

// A finding's `heapsightFinding/v1` fingerprint, the same for every command that reports findings (diff,
// check, report, analyze): sarifFingerprint of "FILE|KIND|SUBJECT", FILE as the compiler printed it.
std::string sarifFindingFingerprint(std::string_view file, FindingKind kind, std::string_view subject);

struct SarifRun {
    std::string toolVersion; // Heapsight's version
    nlohmann::json rules = nlohmann::json::array(); // reportingDescriptor objects
    nlohmann::json results = nlohmann::json::array();
    std::vector<std::string> warnings; // tool execution notifications of level "warning"
    bool executionSuccessful = true; // false when the command gave no verdict
    std::string moduleRoot; // SRCROOT; left out when empty
};

// The whole log: $schema, version "2.1.0" and the one run, with its invocation.
nlohmann::json sarifLog(const SarifRun& run);

} // namespace heapsight
