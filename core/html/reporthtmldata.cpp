// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "core/model/chaintext.h"
#include "core/model/generatedcode.h"
#include "reporthtmlparts.h"

#include <map>
#include <nlohmann/json.hpp>

namespace heapsight::html {

using nlohmann::json;

namespace {

std::string str(std::string_view s)
{
    return std::string(s);
}

// One explanation block as the page's script draws its path: the flows from the value to where it goes,
// each with the compiler's operators and its steps (reason, expression, position).
json explanationJson(const Report& report, const Explanation& e, std::map<std::string, json>& reasons)
{
    json flows = json::array();
    for (const FlowEdge& edge : e.flows) {
        json steps = json::array();
        for (const FlowStep& s : edge.steps) {
            steps.push_back(json::array({ str(s.reason), str(s.expression), positionText(report, s.at) }));
            if (!reasons.contains(str(s.reason))) {
                const std::optional<VocabularyText> text = ReasonVocabulary::reasonText(s.reason);
                reasons[str(s.reason)] = text ? json::array({ str(text->meaning), str(text->remedy) }) : json(nullptr);
            }
        }
        const std::string ops = edge.derefs < 0 ? std::string("&") : std::string(std::size_t(edge.derefs), '*');
        flows.push_back({ { "s", str(edge.source) }, { "d", str(edge.destination) }, { "o", ops }, { "st", steps } });
    }
    json x { { "leak", e.header == Explanation::Header::Leaks }, { "subject", e.subject }, { "target", e.target },
        { "flows", flows } };
    if (e.truncated)
        x["truncated"] = true;
    if (!e.unparsed.empty())
        x["unparsed"] = e.unparsed;
    return x;
}

} // namespace

std::string findingDataJson(
    const Report& report, const std::vector<std::uint32_t>& indices, const std::vector<int>& fileSection)
{
    json findings = json::array();
    std::map<std::string, json> kinds;
    std::map<std::string, json> reasons;
    std::map<std::string, json> causes;
    for (const std::uint32_t i : indices) {
        const Finding& f = report.findings()[i];
        const std::string kind = str(kindId(f.kind));
        if (!kinds.contains(kind)) {
            const VocabularyText verdict = ReasonVocabulary::verdictText(f.kind);
            kinds[kind] = json::array({ str(kindLabel(f.kind)), str(verdict.meaning), str(verdict.remedy) });
        }
        json item { { "i", i }, { "k", kind }, { "g", str(markerGroupId(markerGroup(f.kind))) }, { "m", f.message },
            { "p", positionText(report, f.position) }, { "line", f.position.line },
            { "sec", f.position.file < fileSection.size() ? fileSection[f.position.file] : -1 } };
        if (f.package < report.packages().size())
            item["pkg"] = report.packages()[f.package].name;
        if (isGenerated(report, f))
            item["gen"] = true;
        if (const std::optional<HeapCause> cause = heapCause(f)) {
            const std::string id = str(causeId(*cause));
            item["c"] = id;
            if (!causes.contains(id))
                causes[id] = json::array({ str(causeLabel(*cause)), str(causeHint(*cause)) });
        }
        if (!f.explanations.empty()) {
            json xs = json::array();
            for (const Explanation& e : f.explanations)
                xs.push_back(explanationJson(report, e, reasons));
            item["x"] = std::move(xs);
            item["chain"] = chainText(report, f);
        }
        findings.push_back(std::move(item));
    }
    json groups = json::object();
    for (const MarkerGroup g : AllMarkerGroups)
        groups[str(markerGroupId(g))] = str(groupLabel(g));
    const json data { { "findings", std::move(findings) }, { "kinds", kinds }, { "reasons", reasons },
        { "causes", causes }, { "groups", groups }, { "explained", report.stats().explanationLines > 0 } };
    const std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
    // '<' only occurs inside JSON strings, where \u003c means the same: "</script>" in a message cannot end
    // the element.
    std::string safe;
    safe.reserve(text.size());
    for (const char c : text) {
        if (c == '<')
            safe += "\\u003c";
        else
            safe += c;
    }
    return safe;
}

} // namespace heapsight::html
