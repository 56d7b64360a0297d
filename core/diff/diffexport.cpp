// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "diffexport.h"

#include "core/io/sarif.h"

#include <nlohmann/json.hpp>

namespace heapsight {

using nlohmann::json;

namespace {

json countsToJson(const DiffCounts& c)
{
    return { { "added", c.added }, { "removed", c.removed }, { "changed", c.changed }, { "unchanged", c.unchanged } };
}

json sideToJson(const Report& r, const std::string& label)
{
    return { { "label", label }, { "toolchain", r.origin().toolchain },
        { "languageVersion", r.origin().languageVersion }, { "source", r.origin().source },
        { "findings", r.findings().size() } };
}

std::string_view matchId(MatchRule rule)
{
    switch (rule) {
    case MatchRule::None:
        return "none";
    case MatchRule::Exact:
        return "exact";
    case MatchRule::SameColumn:
        return "same-column";
    case MatchRule::ColumnMoved:
        return "column-moved";
    case MatchRule::LineOnly:
        return "line-only";
    case MatchRule::SameFunction:
        return "same-function";
    case MatchRule::FunctionOrdinal:
        return "function-ordinal";
    case MatchRule::GeneratedFunction:
        return "generated-function";
    }
    return {};
}

} // namespace

std::string understandingWarning(const Report& report, std::string_view side)
{
    const ReportStats& s = report.stats();
    std::vector<std::string> parts;
    if (s.unknownLines > 0)
        parts.push_back(
            std::to_string(s.unknownLines) + (s.unknownLines == 1 ? " line" : " lines") + " not understood");
    if (s.partlyUnderstoodLines > 0) {
        parts.push_back(std::to_string(s.partlyUnderstoodLines)
            + (s.partlyUnderstoodLines == 1 ? " explanation line" : " explanation lines") + " only partly understood");
    }
    if (parts.empty())
        return {};
    std::string text = std::string(side) + " not fully understood: " + parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
        text += ", " + parts[i];
    return text;
}

json diffToJson(const ReportDiff& diff, const DiffSides& sides)
{
    json changes = json::array();
    for (const Change& c : diff.changes) {
        if (c.type == ChangeType::Unchanged)
            continue;
        changes.push_back({ { "change", changeTypeId(c.type) }, { "kind", kindId(c.kind) }, { "file", c.file },
            { "line", c.line }, { "column", c.column }, { "lineA", c.lineA }, { "columnA", c.columnA },
            { "package", c.package }, { "subjectA", c.subjectA }, { "subjectB", c.subjectB },
            { "match", matchId(c.rule) }, { "loopVariable", c.loopVariable }, { "generated", c.generated } });
    }
    json packages = json::object();
    for (const auto& [name, counts] : diff.perPackage)
        packages[name] = countsToJson(counts);
    json kinds = json::object();
    for (int k = 0; k < FindingKindCount; ++k) {
        const DiffCounts& c = diff.perKind[static_cast<std::size_t>(k)];
        if (c.added + c.removed + c.changed + c.unchanged > 0)
            kinds[std::string(kindId(static_cast<FindingKind>(k)))] = countsToJson(c);
    }
    return { { "schema", "heapsight-diff" }, { "schemaVersion", 1 }, { "a", sideToJson(*sides.a, sides.labelA) },
        { "b", sideToJson(*sides.b, sides.labelB) }, { "changes", changes }, { "packages", packages },
        { "kinds", kinds }, { "total", countsToJson(diff.total) },
        { "newHeapAllocations", diff.newHeapAllocations().size() }, { "generatedChanges", diff.generatedChanges() },
        { "warnings", sides.warnings } };
}

json diffToSarif(const ReportDiff& diff, const DiffSides& sides, const std::string& moduleRoot,
    const std::string& heapsightVersion, const std::string& level)
{
    SarifRun run { heapsightVersion, json::array(), json::array(), sides.warnings, sides.verdictGiven, moduleRoot };
    for (const Change* c : diff.newHeapAllocations()) {
        const Finding& f = sides.b->findings()[static_cast<std::size_t>(c->indexB)];
        json result { { "ruleId", "heapsight/new-heap-allocation" }, { "ruleIndex", 0 }, { "level", level },
            { "message", { { "text", f.message + " (new in " + sides.labelB + ", not in " + sides.labelA + ")" } } },
            { "locations", json::array({ sarifLocation(c->file, c->line, c->column, moduleRoot) }) } };
        result["partialFingerprints"]
            = { { "heapsightFinding/v1", sarifFindingFingerprint(c->file, c->kind, c->subjectB) } };
        // The compiler's reasoning as a code flow, so a reviewer can walk it on the pull request.
        json flows = sarifCodeFlows(*sides.b, f, moduleRoot);
        if (!flows.empty())
            result["codeFlows"] = std::move(flows);
        run.results.push_back(std::move(result));
    }
    run.rules.push_back({ { "id", "heapsight/new-heap-allocation" }, { "name", "NewHeapAllocation" },
        { "shortDescription", { { "text", "A value the Go compiler now allocates on the heap" } } },
        { "fullDescription",
            { { "text",
                "Escape analysis of the newer build moves this value to the heap where the older build did not." } } },
        { "defaultConfiguration", { { "level", level } } } });
    return sarifLog(run);
}

} // namespace heapsight
