// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findingidentity.h"

#include "spelling.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

namespace heapsight {

SourceFunctions::SourceFunctions(std::string root)
    : m_root(std::move(root))
{
}

const std::vector<GoFunctionSpan>& SourceFunctions::functionsOf(std::string_view fileName)
{
    if (const auto it = m_files.find(fileName); it != m_files.end())
        return it->second;
    std::vector<GoFunctionSpan>& functions = m_files[std::string(fileName)];
    if (fileName.empty() || fileName.starts_with('<') || fileName.starts_with('$'))
        return functions;
    std::string path(fileName);
    if (!path.starts_with('/') && !m_root.empty())
        path = m_root + '/' + (path.starts_with("./") ? path.substr(2) : path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return functions;
    std::ostringstream text;
    text << in.rdbuf();
    functions = scanGoFunctions(text.str());
    return functions;
}

std::string packageWithoutVariant(std::string_view package)
{
    const std::size_t space = package.find(" [");
    return std::string(space == std::string_view::npos ? package : package.substr(0, space));
}

std::vector<FunctionPlace> functionPlaces(const Report& report, const std::string& sourceRoot)
{
    SourceFunctions sources(sourceRoot);
    std::vector<FunctionPlace> places(report.findings().size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Position& at = report.findings()[i].position;
        if (const GoFunctionSpan* span = enclosingFunction(sources.functionsOf(report.fileName(at.file)), at.line))
            places[i] = { span->name, at.line - span->firstLine };
    }
    return places;
}

std::vector<FindingIdentity> findingIdentities(const Report& report, const std::vector<FunctionPlace>& places)
{
    const auto& findings = report.findings();
    std::vector<FindingIdentity> ids(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        FindingIdentity& id = ids[i];
        if (f.package < report.packages().size())
            id.package = packageWithoutVariant(report.packages()[f.package].name);
        id.kind = f.kind;
        id.subject = normalizeSpelling(f.subject);
        id.column = f.position.column;
        if (i < places.size()) {
            id.function = places[i].function;
            id.lineInFunction = places[i].lineInFunction;
        }
    }
    // Ordinals: each group (package, function, kind, subject) numbered in source order.
    std::vector<std::size_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto groupOf
        = [&](std::size_t i) { return std::tie(ids[i].package, ids[i].function, ids[i].kind, ids[i].subject); };
    const auto placeOf = [&](std::size_t i) {
        return std::make_tuple(
            report.fileName(findings[i].position.file), findings[i].position.line, findings[i].position.column);
    };
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return groupOf(x) != groupOf(y) ? groupOf(x) < groupOf(y) : placeOf(x) < placeOf(y);
    });
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && groupOf(order[end]) == groupOf(order[start]))
            ++end;
        for (std::size_t k = start; k < end; ++k) {
            ids[order[k]].ordinal = static_cast<std::uint32_t>(k - start);
            ids[order[k]].groupSize = static_cast<std::uint32_t>(end - start);
        }
        start = end;
    }
    return ids;
}

} // namespace heapsight
