// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profilepathmatcher.h"

#include <QDir>
#include <algorithm>

namespace heapsight {

namespace {

std::vector<std::string_view> components(std::string_view path)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        const std::string_view part = path.substr(start, end - start);
        if (!part.empty() && part != ".")
            parts.push_back(part);
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

std::string cleanPath(const std::string& path)
{
    return QDir::cleanPath(QString::fromStdString(path)).toStdString();
}

} // namespace

ProfilePathMatcher::ProfilePathMatcher(const Report& report, std::string_view moduleRoot)
{
    std::string base
        = !report.origin().workingDirectory.empty() ? report.origin().workingDirectory : std::string(moduleRoot);
    for (FileId id = 0; id < report.files().size(); ++id) {
        const std::string& name = report.files()[id];
        if (name.starts_with('/'))
            m_absolute.emplace(cleanPath(name), id);
        else if (!base.empty())
            m_absolute.emplace(cleanPath(base + '/' + name), id);
        auto parts = components(name);
        // "../lib/x.go" (a workspace module beside this one) is known by "lib/x.go".
        const auto up = std::find_if(parts.begin(), parts.end(), [](std::string_view p) { return p != ".."; });
        parts.erase(parts.begin(), up);
        if (!parts.empty())
            m_byBaseName[std::string(parts.back())].push_back({ id, std::move(parts), name.starts_with('/') });
    }
    for (const PackageInfo& p : report.packages()) {
        // "example.com/m [example.com/m.test]" compiles example.com/m's files.
        const std::size_t space = p.name.find(' ');
        m_packages.insert(p.name.substr(0, space));
    }
}

std::string_view ProfilePathMatcher::packageOfFunction(std::string_view function)
{
    // The package path ends at the first '.' after its last '/'; type arguments of generic functions
    // ("F[go.shape.*example.com/x.T]") and method receivers come after it, so cut them first.
    const std::size_t bracket = function.find_first_of("[(");
    const std::string_view head = function.substr(0, bracket);
    const std::size_t slash = head.rfind('/');
    const std::size_t dot = head.find('.', slash == std::string_view::npos ? 0 : slash);
    return dot == std::string_view::npos ? std::string_view() : function.substr(0, dot);
}

bool ProfilePathMatcher::packageCompiled(std::string_view function) const
{
    const std::string_view package = packageOfFunction(function);
    // A command's functions are named main.f in its binary, whatever its import path.
    return package.empty() || package == "main" || m_packages.contains(std::string(package));
}

FileId ProfilePathMatcher::match(const ProfileFrame& frame)
{
    std::string key = frame.function + '\n' + frame.file;
    const auto cached = m_cache.find(key);
    if (cached != m_cache.end())
        return cached->second;
    const FileId id = matchUncached(frame);
    m_cache.emplace(std::move(key), id);
    return id;
}

FileId ProfilePathMatcher::matchUncached(const ProfileFrame& frame) const
{
    if (frame.file.empty())
        return NoFile;
    if (frame.file.starts_with('/')) {
        const auto exact = m_absolute.find(cleanPath(frame.file));
        if (exact != m_absolute.end())
            return exact->second;
    }
    const std::vector<std::string_view> parts = components(frame.file);
    if (parts.empty() || !packageCompiled(frame.function))
        return NoFile;
    const auto candidates = m_byBaseName.find(std::string(parts.back()));
    if (candidates == m_byBaseName.end())
        return NoFile;
    FileId best = NoFile;
    std::size_t bestLength = 0;
    const std::vector<std::string_view>* bestParts = nullptr;
    bool tie = false;
    for (const auto& [id, reportParts, absolute] : candidates->second) {
        std::size_t n = 0;
        while (n < parts.size() && n < reportParts.size()
            && parts[parts.size() - 1 - n] == reportParts[reportParts.size() - 1 - n])
            ++n;
        // A relative report name is the file's path from the module root: all of it must match. An
        // absolute one (a report from another machine) matches by its tail, the directory included.
        if (n < reportParts.size() && (!absolute || n < 2))
            continue;
        if (n > bestLength) {
            best = id;
            bestLength = n;
            bestParts = &reportParts;
            tie = false;
        } else if (n == bestLength && bestParts && *bestParts != reportParts) {
            tie = true; // "./a.go" and "a.go" are one file; "x/a.go" and "y/a.go" are not
        }
    }
    return tie ? NoFile : best;
}

} // namespace heapsight
