// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "baseline.h"

#include "core/io/jsonwriter.h"
#include "core/io/reportjson.h"
#include "core/model/chainwriter.h"
#include "core/model/reportbuilder.h"
#include "core/model/reportfilter.h"

#include <map>
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

namespace {

// Copies findings of several reports into one builder, re-interning their files and packages.
class FindingCopier {
public:
    explicit FindingCopier(ReportBuilder& builder)
        : m_builder(builder)
    {
    }

    // False when the builder already had an identical finding (same position, kind and message).
    bool copy(const Report& from, const Finding& finding)
    {
        Finding f = finding;
        remap(from, f.position);
        for (Position& p : f.inlineChain)
            remap(from, p);
        for (Explanation& e : f.explanations) {
            e = m_chains.copy(e, [&](Position p) {
                remap(from, p);
                return p;
            });
        }
        if (f.package < from.packages().size()) {
            const std::string& name = from.packages()[f.package].name;
            auto it = m_packages.find(name);
            if (it == m_packages.end())
                it = m_packages.emplace(name, m_builder.addPackage(name)).first;
            f.package = it->second;
        }
        const std::size_t before = m_builder.findingCount();
        m_builder.addFinding(std::move(f));
        return m_builder.findingCount() > before;
    }

private:
    void remap(const Report& from, Position& p)
    {
        if (p.isValid())
            p.file = m_builder.internFile(from.fileName(p.file));
    }

    ReportBuilder& m_builder;
    ChainWriter m_chains;
    std::map<std::string, std::uint32_t> m_packages;
};

} // namespace

Baseline mergeBaselines(const Baseline& accepted, const Baseline& more)
{
    std::vector<bool> isNew(more.report.findings().size(), false);
    for (const Change& c : checkAgainstBaseline(accepted, more).changes) {
        if (c.type == ChangeType::Added && c.indexB >= 0)
            isNew[static_cast<std::size_t>(c.indexB)] = true;
    }
    ReportBuilder builder;
    builder.setOrigin(more.report.origin());
    FindingCopier copier(builder);
    Baseline merged;
    for (std::size_t i = 0; i < accepted.report.findings().size(); ++i) {
        if (copier.copy(accepted.report, accepted.report.findings()[i]))
            merged.places.push_back(i < accepted.places.size() ? accepted.places[i] : FunctionPlace {});
    }
    for (std::size_t i = 0; i < more.report.findings().size(); ++i) {
        if (isNew[i] && copier.copy(more.report, more.report.findings()[i]))
            merged.places.push_back(i < more.places.size() ? more.places[i] : FunctionPlace {});
    }
    merged.report = builder.finish();
    return merged;
}

std::string baselineToJsonText(const Baseline& baseline)
{
    // Unknown lines are the compiler's other output: no business of a list of accepted findings.
    ReportJsonOptions options;
    options.includeUnknownLineText = false;
    std::string text;
    {
        // Members in the key order nlohmann kept them in when the document was built in memory.
        JsonWriter out([&text](std::string_view block) { text.append(block); });
        out.beginObject();
        out.key("places");
        out.beginArray();
        for (const FunctionPlace& p : baseline.places) {
            out.beginObject();
            out.key("function");
            out.string(p.function);
            out.key("lineInFunction");
            out.number(p.lineInFunction);
            out.endObject();
        }
        out.endArray();
        out.key("report");
        writeReportJson(out, baseline.report, options);
        out.key("schema");
        out.string("heapsight-baseline");
        out.key("schemaVersion");
        out.number(BaselineSchemaVersion);
        out.endObject();
    }
    text.push_back('\n');
    return text;
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
    // A baseline is small: its report goes back to text for the one report reader.
    std::optional<Report> report = reportFromJsonText(doc["report"].dump(), &why);
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

std::vector<bool> acceptedFindings(const Baseline& baseline, const Report& report, const std::string& sourceRoot)
{
    std::vector<std::uint32_t> heap; // the current baseline's report holds only these, in this order
    for (std::uint32_t i = 0; i < report.findings().size(); ++i) {
        if (isHeapAllocation(report.findings()[i].kind))
            heap.push_back(i);
    }
    const Baseline current = makeBaseline(report, sourceRoot);
    std::vector<bool> flags(report.findings().size(), false);
    for (const Change& c : checkAgainstBaseline(baseline, current).changes) {
        if (c.type != ChangeType::Added && c.type != ChangeType::Removed && c.indexB >= 0)
            flags[heap[static_cast<std::size_t>(c.indexB)]] = true;
    }
    return flags;
}

} // namespace heapsight
