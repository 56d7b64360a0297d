// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "report.h"

#include <algorithm>
#include <numeric>

namespace heapsight {

std::uint64_t ReportStats::totalFindings() const
{
    return std::accumulate(distinct.begin(), distinct.end(), std::uint64_t { 0 });
}

std::string_view Report::fileName(FileId id) const
{
    return id < m_files.size() ? std::string_view(m_files[id]) : std::string_view();
}

FileId Report::fileId(std::string_view name) const
{
    const auto it = m_fileIds.find(name);
    return it == m_fileIds.end() ? NoFile : it->second;
}

std::span<const std::uint32_t> Report::findingsInFile(FileId file) const
{
    if (file >= m_fileRanges.size())
        return {};
    const auto [begin, end] = m_fileRanges[file];
    return std::span<const std::uint32_t>(m_byPosition).subspan(begin, end - begin);
}

std::span<const std::uint32_t> Report::findingsOnLine(FileId file, std::uint32_t line) const
{
    const std::span<const std::uint32_t> all = findingsInFile(file);
    const auto lineOf = [this](std::uint32_t index) { return m_findings[index].position.line; };
    const auto first = std::partition_point(all.begin(), all.end(), [&](std::uint32_t i) { return lineOf(i) < line; });
    const auto last = std::partition_point(first, all.end(), [&](std::uint32_t i) { return lineOf(i) == line; });
    return std::span<const std::uint32_t>(first, last);
}

std::vector<FileId> Report::filesWithFindings() const
{
    std::vector<FileId> result;
    for (FileId f = 0; f < m_fileRanges.size(); ++f) {
        if (m_fileRanges[f].first != m_fileRanges[f].second)
            result.push_back(f);
    }
    return result;
}

} // namespace heapsight
