#pragma once

#include "core/model/report.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <bitset>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace heapsight::cli {

using KindSet = std::bitset<FindingKindCount>;

// Parses a command's arguments and answers --help. Returns an exit code when the command is done
// (help printed: 0; bad arguments, said on stderr: 2), nullopt when it should go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);
// The --kinds option's set (every kind when it is not given); nullopt after saying why on stderr.
std::optional<KindSet> kindsFromOption(const QCommandLineParser& parser, const QCommandLineOption& option);

// "moved,escapes,leak" → the set of kinds; nullopt (with the reason) for an unknown id.
std::optional<KindSet> parseKinds(const QString& list, QString* error);
// Per-file counts, totals, and the lines the parser did not understand.
void printSummary(const Report& report, const KindSet& kinds, QTextStream& out);
// The report JSON (README, "Report JSON") on stdout, only `kinds` in "findings", plus `extra` keys;
// `amend` may add to the whole document first (findings still in report order).
void printJson(const Report& report, const KindSet& kinds, const nlohmann::json& extra,
               const std::function<void(nlohmann::json&)>& amend = {});

} // namespace heapsight::cli
