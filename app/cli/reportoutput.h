#pragma once

#include "core/model/report.h"

#include <QString>
#include <QTextStream>
#include <bitset>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace heapsight::cli {

using KindSet = std::bitset<FindingKindCount>;

// "moved,escapes,leak" → the set of kinds; nullopt (with the reason) for an unknown id.
std::optional<KindSet> parseKinds(const QString& list, QString* error);
// Per-file counts, totals, and the lines the parser did not understand.
void printSummary(const Report& report, const KindSet& kinds, QTextStream& out);
// The report JSON (README, "Report JSON") on stdout, only `kinds` in "findings", plus `extra` keys.
void printJson(const Report& report, const KindSet& kinds, const nlohmann::json& extra);

} // namespace heapsight::cli
