#include "reportjson.h"

#include "../model/chainwriter.h"
#include "../model/reportbuilder.h"

#include <nlohmann/json.hpp>

namespace heapsight {

using nlohmann::json;

namespace {

std::string_view headerName(Explanation::Header h)
{
    return h == Explanation::Header::Leaks ? "leaks" : "escapes";
}

void putPosition(json& out, const Report& report, const Position& p)
{
    out["file"] = report.fileName(p.file);
    out["line"] = p.line;
    out["column"] = p.column;
}

json explanationsToJson(const Report& report, const std::vector<Explanation>& explanations, json& flow)
{
    json list = json::array();
    for (std::size_t i = 0; i < explanations.size(); ++i) {
        const Explanation& e = explanations[i];
        list.push_back({ { "header", headerName(e.header) }, { "subject", e.subject }, { "target", e.target },
            { "derefs", e.derefs }, { "truncated", e.truncated } });
        // Only where present, so reports of Go 1.21–1.24 keep their exact bytes.
        if (!e.function.empty())
            list.back()["function"] = e.function;
        if (!e.unparsed.empty())
            list.back()["unparsed"] = e.unparsed;
        for (const FlowEdge& edge : e.flows) {
            json steps = json::array();
            for (const FlowStep& s : edge.steps) {
                json step { { "expression", s.expression }, { "reason", s.reason } };
                putPosition(step, report, s.at);
                steps.push_back(std::move(step));
            }
            flow.push_back({ { "explanation", i }, { "dst", edge.destination }, { "src", edge.source },
                { "derefs", edge.derefs }, { "steps", std::move(steps) } });
        }
    }
    return list;
}

json statsToJson(const ReportStats& stats)
{
    json distinct = json::object();
    json occurrences = json::object();
    for (int k = 0; k < FindingKindCount; ++k) {
        const auto kind = static_cast<FindingKind>(k);
        if (stats.distinctOf(kind) == 0)
            continue;
        distinct[std::string(kindId(kind))] = stats.distinctOf(kind);
        occurrences[std::string(kindId(kind))] = stats.occurrencesOf(kind);
    }
    json result { { "inputLines", stats.inputLines }, { "packageHeaders", stats.packageHeaders },
        { "explanationLines", stats.explanationLines }, { "blankLines", stats.blankLines },
        { "unknownLines", stats.unknownLines }, { "unlinkedExplanations", stats.unlinkedExplanations },
        { "findings", std::move(distinct) }, { "occurrences", std::move(occurrences) } };
    if (stats.partlyUnderstoodLines > 0)
        result["partlyUnderstoodLines"] = stats.partlyUnderstoodLines;
    if (stats.errorLines > 0)
        result["errorLines"] = stats.errorLines;
    return result;
}

} // namespace

json reportToJson(const Report& report, const ReportJsonOptions& options)
{
    const ReportOrigin& o = report.origin();
    json doc;
    doc["schema"] = "heapsight-report";
    doc["schemaVersion"] = ReportSchemaVersion;
    doc["origin"] = { { "source", o.source }, { "toolchain", o.toolchain }, { "languageVersion", o.languageVersion },
        { "workingDirectory", o.workingDirectory } };
    json packages = json::array();
    for (const PackageInfo& p : report.packages())
        packages.push_back(p.name);
    doc["packages"] = std::move(packages);
    doc["stats"] = statsToJson(report.stats());
    doc["unknownLines"] = report.stats().unknownLines;

    json findings = json::array();
    for (const Finding& f : report.findings()) {
        json j { { "kind", kindId(f.kind) }, { "subject", f.subject } };
        putPosition(j, report, f.position);
        j["package"] = f.package < report.packages().size() ? report.packages()[f.package].name : std::string();
        j["message"] = f.message;
        if (!f.detail.empty())
            j["detail"] = f.detail;
        if (f.number >= 0)
            j["number"] = f.number;
        j["occurrences"] = f.occurrences;
        json sources = json::array();
        if (f.sources & FromText)
            sources.push_back("text");
        if (f.sources & FromLogopt)
            sources.push_back("logopt");
        j["sources"] = std::move(sources);
        if (!f.inlineChain.empty()) {
            json chain = json::array();
            for (const Position& p : f.inlineChain) {
                json at;
                putPosition(at, report, p);
                chain.push_back(std::move(at));
            }
            j["inlinedFrom"] = std::move(chain);
        }
        json flow = json::array();
        j["explanations"] = explanationsToJson(report, f.explanations, flow);
        j["flow"] = std::move(flow);
        findings.push_back(std::move(j));
    }
    doc["findings"] = std::move(findings);

    json unknown = json::array();
    for (const UnknownLine& u : report.unknownLines()) {
        json j { { "line", u.lineNumber }, { "why", u.why } };
        if (options.includeUnknownLineText)
            j["text"] = u.text;
        unknown.push_back(std::move(j));
    }
    doc["unknown"] = std::move(unknown);
    json errors = json::array();
    for (const UnknownLine& u : report.goErrors())
        errors.push_back({ { "line", u.lineNumber }, { "why", u.why }, { "text", u.text } });
    doc["errors"] = std::move(errors);
    if (!report.unfamiliarShapes().empty()) {
        json shapes = json::array();
        for (const UnfamiliarShape& u : report.unfamiliarShapes())
            shapes.push_back(
                { { "shape", u.shape }, { "example", u.example }, { "line", u.firstLine }, { "count", u.count } });
        doc["unfamiliarShapes"] = std::move(shapes);
    }

    json unlinked = json::array();
    for (const auto& [at, e] : report.unlinkedExplanations()) {
        json flow = json::array();
        json j = explanationsToJson(report, { e }, flow).front();
        putPosition(j, report, at);
        j["flow"] = std::move(flow);
        unlinked.push_back(std::move(j));
    }
    doc["unlinkedExplanations"] = std::move(unlinked);
    return doc;
}

std::string reportToJsonText(const Report& report, const ReportJsonOptions& options)
{
    // Invalid UTF-8 in compiler text (a //line path, a string constant) must not make the export throw.
    return reportToJson(report, options).dump(1, '\t', false, json::error_handler_t::replace);
}

namespace {

struct Reader {
    ReportBuilder& builder;

    Position position(const json& j)
    {
        return Position { builder.internFile(j.at("file").get<std::string>()), j.at("line").get<std::uint32_t>(),
            j.at("column").get<std::uint32_t>() };
    }

    ChainWriter chains;

    static std::string_view chainText(const json& value) { return value.get_ref<const std::string&>(); }

    std::vector<Explanation> explanations(const json& list, const json& flow)
    {
        std::vector<Explanation> result;
        for (const json& e : list) {
            Explanation x;
            x.header = e.at("header").get<std::string>() == "leaks" ? Explanation::Header::Leaks
                                                                    : Explanation::Header::Escapes;
            x.subject = e.at("subject").get<std::string>();
            x.target = e.at("target").get<std::string>();
            x.derefs = e.at("derefs").get<int>();
            x.truncated = e.at("truncated").get<bool>();
            if (const auto f = e.find("function"); f != e.end())
                x.function = f->get<std::string>();
            if (const auto u = e.find("unparsed"); u != e.end())
                x.unparsed = u->get<std::vector<std::string>>();
            result.push_back(std::move(x));
        }
        // An explanation's edges are written together, in the order they come.
        std::vector<std::vector<const json*>> edgesOf(result.size());
        for (const json& edge : flow) {
            const auto owner = edge.at("explanation").get<std::size_t>();
            if (owner >= result.size())
                throw std::out_of_range("flow edge refers to a missing explanation");
            edgesOf[owner].push_back(&edge);
        }
        for (std::size_t i = 0; i < result.size(); ++i) {
            chains.discard();
            for (const json* edge : edgesOf[i]) {
                chains.addEdge(chainText(edge->at("dst")), chainText(edge->at("src")), edge->at("derefs").get<int>());
                for (const json& s : edge->at("steps"))
                    chains.addStep(chainText(s.at("expression")), chainText(s.at("reason")), position(s));
            }
            chains.finish(result[i]);
        }
        return result;
    }
};

} // namespace

std::optional<Report> reportFromJson(const json& doc, std::string* error)
{
    const auto fail = [error](std::string why) -> std::optional<Report> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    try {
        if (!doc.is_object() || doc.value("schema", std::string()) != "heapsight-report")
            return fail("not a Heapsight report (no \"schema\": \"heapsight-report\")");
        const int version = doc.at("schemaVersion").get<int>();
        if (version > ReportSchemaVersion) {
            return fail("report schema version " + std::to_string(version) + " is newer than this Heapsight reads ("
                + std::to_string(ReportSchemaVersion) + ")");
        }
        ReportBuilder builder;
        const json& o = doc.at("origin");
        builder.setOrigin(ReportOrigin { o.value("source", std::string()), o.value("toolchain", std::string()),
            o.value("languageVersion", std::string()), o.value("workingDirectory", std::string()) });
        std::unordered_map<std::string, std::uint32_t> packageIds;
        for (const json& p : doc.at("packages"))
            packageIds.emplace(p.get<std::string>(), builder.addPackage(p.get<std::string>()));
        Reader reader { builder, {} };
        for (const json& j : doc.at("findings")) {
            const auto kind = kindFromId(j.at("kind").get<std::string>());
            if (!kind)
                return fail("unknown finding kind \"" + j.at("kind").get<std::string>() + "\"");
            Finding f;
            f.kind = *kind;
            f.position = reader.position(j);
            const auto pkg = packageIds.find(j.value("package", std::string()));
            f.package = pkg == packageIds.end() ? 0 : pkg->second;
            f.subject = j.at("subject").get<std::string>();
            f.message = j.at("message").get<std::string>();
            f.detail = j.value("detail", std::string());
            f.number = j.value("number", std::int64_t { -1 });
            f.explanations
                = reader.explanations(j.value("explanations", json::array()), j.value("flow", json::array()));
            f.occurrences = j.value("occurrences", 1u);
            f.sources = 0;
            for (const json& s : j.value("sources", json::array({ "text" })))
                f.sources |= s.get<std::string>() == "logopt" ? FromLogopt : FromText;
            for (const json& p : j.value("inlinedFrom", json::array()))
                f.inlineChain.push_back(reader.position(p));
            builder.addFinding(std::move(f));
        }
        for (const json& u : doc.value("unknown", json::array()))
            builder.addUnknownLine(UnknownLine { u.at("line").get<std::uint64_t>(), UnknownLine::NoPackage,
                u.value("text", std::string()), u.value("why", std::string()) });
        for (const json& u : doc.value("errors", json::array()))
            builder.addGoError(UnknownLine { u.at("line").get<std::uint64_t>(), UnknownLine::NoPackage,
                u.value("text", std::string()), u.value("why", std::string()) });
        for (const json& x : doc.value("unlinkedExplanations", json::array())) {
            std::vector<Explanation> e = reader.explanations(json::array({ x }), x.value("flow", json::array()));
            builder.addUnlinkedExplanation(reader.position(x), std::move(e.front()));
        }
        for (const json& u : doc.value("unfamiliarShapes", json::array()))
            builder.restoreUnfamiliarShape(
                UnfamiliarShape { u.at("shape").get<std::string>(), u.at("example").get<std::string>(),
                    u.at("line").get<std::uint64_t>(), u.at("count").get<std::uint64_t>() });
        const json& stats = doc.value("stats", json::object());
        ReportStats counts;
        counts.partlyUnderstoodLines = stats.value("partlyUnderstoodLines", std::uint64_t { 0 });
        counts.inputLines = stats.value("inputLines", std::uint64_t { 0 });
        counts.packageHeaders = stats.value("packageHeaders", std::uint64_t { 0 });
        counts.explanationLines = stats.value("explanationLines", std::uint64_t { 0 });
        counts.blankLines = stats.value("blankLines", std::uint64_t { 0 });
        builder.restoreLineCounts(counts);
        return builder.finish();
    } catch (const json::exception& e) {
        return fail(std::string("malformed report JSON: ") + e.what());
    } catch (const std::out_of_range& e) {
        return fail(std::string("malformed report JSON: ") + e.what());
    }
}

std::optional<Report> reportFromJsonText(std::string_view text, std::string* error)
{
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        if (error)
            *error = "not valid JSON";
        return std::nullopt;
    }
    return reportFromJson(doc, error);
}

} // namespace heapsight
