// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "allocationprofile.h"

#include "profilepathmatcher.h"

#include <algorithm>

namespace heapsight {

AllocationProfile AllocationProfile::attribute(
    const HeapProfile& profile, const Report& report, std::string_view moduleRoot)
{
    AllocationProfile result;
    const int spaceIndex = profile.valueIndex("alloc_space");
    const int objectsIndex = profile.valueIndex("alloc_objects");
    if (spaceIndex < 0)
        return result;
    ProfilePathMatcher matcher(report, moduleRoot);
    for (const ProfileSample& sample : profile.samples) {
        if (sample.values.size() != profile.sampleTypes.size())
            continue; // the reader refuses such profiles; a hand-made one is not trusted either
        AllocStats stats;
        stats.bytes = sample.values[static_cast<std::size_t>(spaceIndex)];
        if (objectsIndex >= 0)
            stats.objects = sample.values[static_cast<std::size_t>(objectsIndex)];
        result.m_total += stats;
        if (sample.stack.empty() || sample.stack.front().line <= 0)
            continue;
        const ProfileFrame& leaf = sample.stack.front();
        const FileId file = matcher.match(leaf);
        if (file == NoFile)
            continue;
        result.m_lines[{ file, static_cast<std::uint32_t>(leaf.line) }] += stats;
        result.m_inReportFiles += stats;
    }
    for (const auto& [place, stats] : result.m_lines) {
        const auto onLine = report.findingsOnLine(place.first, place.second);
        const bool heap = std::any_of(
            onLine.begin(), onLine.end(), [&](std::uint32_t i) { return isHeapAllocation(report.findings()[i].kind); });
        if (heap) {
            result.m_heapFiles[place.first] += stats;
            result.m_onHeapFindings += stats;
        }
    }
    return result;
}

std::optional<AllocStats> AllocationProfile::atLine(FileId file, std::uint32_t line) const
{
    const auto it = m_lines.find({ file, line });
    return it == m_lines.end() ? std::nullopt : std::optional(it->second);
}

std::optional<AllocStats> AllocationProfile::forFinding(const Finding& finding) const
{
    if (!isHeapAllocation(finding.kind))
        return std::nullopt;
    return atLine(finding.position.file, finding.position.line);
}

AllocStats AllocationProfile::inFile(FileId file) const
{
    const auto it = m_heapFiles.find(file);
    return it == m_heapFiles.end() ? AllocStats {} : it->second;
}

std::vector<std::uint32_t> AllocationProfile::rankedFindings(const Report& report) const
{
    std::vector<std::pair<AllocStats, std::uint32_t>> ranked;
    for (std::uint32_t i = 0; i < report.findings().size(); ++i) {
        if (const auto stats = forFinding(report.findings()[i]))
            ranked.emplace_back(*stats, i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        if (a.first.bytes != b.first.bytes)
            return a.first.bytes > b.first.bytes;
        if (a.first.objects != b.first.objects)
            return a.first.objects > b.first.objects;
        return report.findings()[a.second].position < report.findings()[b.second].position;
    });
    std::vector<std::uint32_t> indices;
    indices.reserve(ranked.size());
    for (const auto& entry : ranked)
        indices.push_back(entry.second);
    return indices;
}

} // namespace heapsight
