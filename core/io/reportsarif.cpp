// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportsarif.h"

#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "sarif.h"

#include <map>
#include <nlohmann/json.hpp>

namespace heapsight {

using nlohmann::json;

namespace {

std::string ruleId(FindingKind kind, std::optional<HeapCause> cause)
{
    std::string id = "heapsight/" + std::string(kindId(kind));
    if (cause)
        id += "/" + std::string(causeId(*cause));
    return id;
}

json rule(FindingKind kind, std::optional<HeapCause> cause)
{
    const VocabularyText verdict = ReasonVocabulary::verdictText(kind);
    std::string title(kindLabel(kind));
    if (cause)
        title += ": " + std::string(causeLabel(*cause));
    const std::string_view hint = cause ? causeHint(*cause) : verdict.remedy;
    return { { "id", ruleId(kind, cause) }, { "shortDescription", { { "text", title } } },
        { "fullDescription", { { "text", std::string(verdict.meaning) } } },
        { "help", { { "text", std::string(hint) } } },
        { "defaultConfiguration", { { "level", isHeapAllocation(kind) ? "warning" : "note" } } } };
}

} // namespace

json reportToSarif(const Report& report, const ReportSarifOptions& options)
{
    // Rules in the order of their first result, so a rule's index is known when its first result is written.
    std::map<std::string, std::size_t> ruleIndex;
    SarifRun run { options.heapsightVersion, json::array(), json::array(), options.warnings,
        options.executionSuccessful, options.moduleRoot };
    for (const Finding& f : report.findings()) {
        if (!options.kinds.test(static_cast<std::size_t>(f.kind)))
            continue;
        const std::optional<HeapCause> cause = heapCause(f);
        const std::string id = ruleId(f.kind, cause);
        auto [it, added] = ruleIndex.try_emplace(id, run.rules.size());
        if (added)
            run.rules.push_back(rule(f.kind, cause));
        const std::string file(report.fileName(f.position.file));
        json result { { "ruleId", id }, { "ruleIndex", it->second },
            { "level", isHeapAllocation(f.kind) ? "warning" : "note" }, { "message", { { "text", f.message } } },
            { "locations",
                json::array({ sarifLocation(file, f.position.line, f.position.column, options.moduleRoot) }) },
            { "partialFingerprints",
                { { "heapsightFinding/v1", sarifFindingFingerprint(file, f.kind, f.subject) } } } };
        if (json flows = sarifCodeFlows(report, f, options.moduleRoot); !flows.empty())
            result["codeFlows"] = std::move(flows);
        run.results.push_back(std::move(result));
    }
    return sarifLog(run);
}

} // namespace heapsight
