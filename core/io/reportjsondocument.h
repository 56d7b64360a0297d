// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Inside the report JSON reader (reportjsonreader.cpp): the walk over one simdjson On-Demand document that
// builds the report. Its own file only to keep each under 400 lines.

#include "core/model/report.h"

#include <optional>
#include <simdjson.h>
#include <string>

namespace heapsight::reportjson {

// Well-formed JSON that is not a report: a member the schema needs is missing, a number is out of range,
// a flow edge names a missing explanation, a finding kind is unknown.
struct SchemaError {
    std::string why;
};

// The report in `doc` (members in any order). nullopt, with the reason in `error`, for a document that is
// not a Heapsight report or is of a newer schema version. Throws simdjson_error for broken JSON or a member
// of the wrong type, and SchemaError.
std::optional<Report> readDocument(simdjson::ondemand::document& doc, std::string* error);

} // namespace heapsight::reportjson
