// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "assertexport.h"

#include "core/io/sarif.h"
#include "core/model/chaintext.h"

#include <nlohmann/json.hpp>

namespace heapsight {

using nlohmann::json;

namespace {

// The compiler's own line for a finding: "./bce.go:22:17: Found IsInBounds".
std::string compilerLine(const Report& report, const Finding& f)
{
    return positionText(report, f.position) + ": " + f.message;
}

std::vector<std::string> reasonLines(const Report& report, const AssertViolation& v)
{
    std::vector<std::string> lines;
    if (v.finding >= 0) {
        const Finding& f = report.findings()[static_cast<std::size_t>(v.finding)];
        lines = chainText(report, f);
        if (lines.empty())
            lines.push_back(compilerLine(report, f));
    }
    if (v.cause >= 0)
        lines.push_back(compilerLine(report, report.findings()[static_cast<std::size_t>(v.cause)]));
    return lines;
}

std::string ruleId(AssertCheck check)
{
    return "heapsight/assert-" + std::string(checkId(check));
}

std::string headline(const AssertOutcome& o, const AssertViolation& v)
{
    const AssertDirective& d = o.directive;
    return directiveName(d.style, d.check) + (d.scope == AssertScope::Function ? " on " + d.function : std::string())
        + " broken: " + v.message;
}

} // namespace

std::vector<std::string> violationText(const Report& report, const AssertOutcome& outcome, const AssertViolation& v)
{
    std::vector<std::string> lines { v.file + ':' + std::to_string(v.line) + ": " + headline(outcome, v) };
    for (const std::string& l : reasonLines(report, v))
        lines.push_back("    " + l);
    return lines;
}

json assertionsToJson(const std::vector<AssertOutcome>& outcomes, const AssertContext& context)
{
    json assertions = json::array();
    int broken = 0;
    for (const AssertOutcome& o : outcomes) {
        const AssertDirective& d = o.directive;
        json violations = json::array();
        for (const AssertViolation& v : o.violations) {
            json item { { "file", v.file }, { "line", v.line }, { "column", v.column }, { "message", v.message },
                { "reason", reasonLines(*context.report, v) } };
            if (v.finding >= 0)
                item["kind"] = kindId(context.report->findings()[static_cast<std::size_t>(v.finding)].kind);
            violations.push_back(std::move(item));
        }
        broken += o.holds() ? 0 : 1;
        assertions.push_back({ { "file", d.file }, { "line", d.line }, { "column", d.column },
            { "directive", directiveName(d.style, d.check) }, { "check", checkId(d.check) },
            { "style", styleId(d.style) }, { "scope", d.scope == AssertScope::Function ? "function" : "line" },
            { "targetLine", d.targetLine }, { "function", d.function }, { "compiled", o.compiled },
            { "holds", o.holds() }, { "violations", violations } });
    }
    return { { "schema", "heapsight-assert" }, { "schemaVersion", 1 }, { "moduleRoot", context.moduleRoot },
        { "toolchain", context.toolchain }, { "assertions", assertions }, { "broken", broken },
        { "holding", static_cast<int>(outcomes.size()) - broken }, { "warnings", context.warnings } };
}

json assertionsToSarif(const std::vector<AssertOutcome>& outcomes, const AssertContext& context)
{
    SarifRun run { context.heapsightVersion, json::array(), json::array(), context.warnings, true, context.moduleRoot };
    const std::pair<AssertCheck, const char*> rules[] = {
        { AssertCheck::NoEscape, "Nothing asserted moves to or escapes to the heap" },
        { AssertCheck::Inline, "The calls asserted are inlined" },
        { AssertCheck::BoundsCheck, "No bounds check is kept where asserted" },
    };
    for (const auto& [check, text] : rules) {
        run.rules.push_back({ { "id", ruleId(check) }, { "shortDescription", { { "text", text } } },
            { "defaultConfiguration", { { "level", "error" } } } });
    }
    for (const AssertOutcome& o : outcomes) {
        const AssertDirective& d = o.directive;
        for (const AssertViolation& v : o.violations) {
            json result { { "ruleId", ruleId(d.check) }, { "ruleIndex", static_cast<int>(d.check) },
                { "level", "error" }, { "message", { { "text", headline(o, v) } } },
                { "locations", json::array({ sarifLocation(v.file, v.line, v.column, context.moduleRoot) }) } };
            json directive = sarifLocation(d.file, d.line, d.column, context.moduleRoot);
            directive["message"] = { { "text", "the assertion " + directiveName(d.style, d.check) } };
            result["relatedLocations"] = json::array({ directive });
            result["partialFingerprints"] = { { "heapsightAssertion/v1",
                sarifFingerprint(
                    d.file + '|' + directiveName(d.style, d.check) + '|' + d.function + '|' + v.message) } };
            if (v.finding >= 0) {
                json flows = sarifCodeFlows(*context.report,
                    context.report->findings()[static_cast<std::size_t>(v.finding)], context.moduleRoot);
                if (!flows.empty())
                    result["codeFlows"] = std::move(flows);
            }
            run.results.push_back(std::move(result));
        }
    }
    return sarifLog(run);
}

} // namespace heapsight
