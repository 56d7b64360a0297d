#include "baseline.h"

#include "../io/reportjson.h"
#include "../model/reportfilter.h"

#include <nlohmann/json.hpp>

namespace heapsight {

using nlohmann::json;

Baseline makeBaseline(const Report& report, const std::string& sourceRoot)
{
    Baseline b;
    b.report = filterFindings(report, [](const Finding& f) { return isHeapAllocation(f.kind); });
    b.places = functionPlaces(b.report, sourceRoot);
    return b;
}

std::string baselineToJsonText(const Baseline& baseline)
{
    json places = json::array();
    for (const FunctionPlace& p : baseline.places)
        places.push_back({ { "function", p.function }, { "lineInFunction", p.lineInFunction } });
    // Unknown lines are the compiler's other output: no business of a list of accepted findings.
    ReportJsonOptions options;
    options.includeUnknownLineText = false;
    const json doc { { "schema", "heapsight-baseline" }, { "schemaVersion", BaselineSchemaVersion },
        { "places", places }, { "report", reportToJson(baseline.report, options) } };
    return doc.dump(1, '\t', false, json::error_handler_t::replace) + '\n';
}

std::optional<Baseline> baselineFromJsonText(std::string_view text, std::string* error)
{
    const auto fail = [error](std::string why) -> std::optional<Baseline> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail("not a JSON document");
    if (doc.value("schema", std::string()) != "heapsight-baseline")
        return fail("not a Heapsight baseline (its \"schema\" is not \"heapsight-baseline\")");
    const json version = doc.value("schemaVersion", json());
    if (!version.is_number_integer() || version.get<int>() < 1)
        return fail("baseline without a valid \"schemaVersion\"");
    if (version.get<int>() > BaselineSchemaVersion)
        return fail("baseline schema version " + std::to_string(version.get<int>())
            + " is newer than this Heapsight reads (" + std::to_string(BaselineSchemaVersion) + ")");
    if (!doc.contains("report") || !doc.contains("places") || !doc["places"].is_array())
        return fail("baseline without \"report\" and \"places\"");
    std::string why;
    std::optional<Report> report = reportFromJson(doc["report"], &why);
    if (!report)
        return fail("baseline report: " + why);
    const json& places = doc["places"];
    if (places.size() != report->findings().size())
        return fail("baseline has " + std::to_string(places.size()) + " places for "
            + std::to_string(report->findings().size()) + " findings");
    Baseline b;
    b.report = std::move(*report);
    for (const json& p : places) {
        if (!p.is_object() || !p.value("function", json()).is_string()
            || !p.value("lineInFunction", json()).is_number_unsigned())
            return fail("baseline place without \"function\" and \"lineInFunction\"");
        b.places.push_back({ p["function"].get<std::string>(), p["lineInFunction"].get<std::uint32_t>() });
    }
    return b;
}

ReportDiff checkAgainstBaseline(const Baseline& baseline, const Baseline& current)
{
    const auto idsA = baseline.identities(), idsB = current.identities();
    return diffReports(baseline.report, current.report, DiffIdentities { idsA, idsB });
}

} // namespace heapsight
