// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <bitset>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

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
// The heap findings (moved to heap, escapes to heap) of `kinds` counted by cause (heapcause.h), most
// frequent first, each with its one-line hint. Nothing when there are none.
void printCauses(const Report& report, const KindSet& kinds, QTextStream& out);
// SARIF 2.1.0 of every finding of `kinds` (reportToSarif) on stdout, URIs relative to `moduleRoot`; a line
// saying the input was not fully understood becomes a warning notification.
void printSarif(const Report& report, const KindSet& kinds, const std::string& moduleRoot, bool buildSucceeded);
// --html FILE: the self-contained HTML report (core/html/reporthtml.h) of the findings of `kinds`, sources
// read from `sourceRoot` (empty: the report's working directory, else the current directory), written
// whole or not at all (QSaveFile). Says on stderr what it wrote and which sources it could not show.
// Returns 0, or 2 after saying why it could not write the file.
int writeHtmlReport(const Report& report, const KindSet& kinds, const QString& file, const std::string& sourceRoot,
    const std::string& title);
// The --html option every command that prints a report offers.
QCommandLineOption htmlOption();

// What a command adds to the report JSON: members of the document ("analysis", "allocations"), members
// of single findings by their index in report.findings() ("alloc"), and the findings' order (indices;
// report order when empty).
struct JsonAdditions {
    nlohmann::json members = nlohmann::json::object();
    std::unordered_map<std::uint32_t, nlohmann::json> findingMembers;
    std::vector<std::uint32_t> order;
};

// The report JSON (README, "Report JSON") on stdout, streamed, with only `kinds` in "findings" and the
// additions merged in key order; a newline after it.
void printJson(const Report& report, const KindSet& kinds, const JsonAdditions& additions = {});

} // namespace heapsight::cli
