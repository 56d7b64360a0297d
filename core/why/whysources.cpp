// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "whysources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace heapsight {

void WhySources::addInput(const Report& report, std::string sourceRoot)
{
    const std::size_t input = m_reports.size();
    m_reports.push_back(&report);
    m_roots.push_back(std::move(sourceRoot));
    const std::size_t first = m_packages.size();
    for (std::uint32_t p = 0; p < report.packages().size(); ++p) {
        const std::string& desc = report.packages()[p].name;
        m_packages.push_back({ input, p, desc.substr(0, desc.find(" [")), {}, {} });
    }
    for (const Finding& f : report.findings()) {
        if (first + f.package >= m_packages.size() || !f.position.isValid())
            continue;
        std::vector<FileId>& files = m_packages[first + f.package].files;
        if (std::ranges::find(files, f.position.file) == files.end())
            files.push_back(f.position.file);
    }
    for (std::size_t i = first; i < m_packages.size(); ++i) {
        for (const FileId id : m_packages[i].files) {
            if (const WhySourceFile* source = file(resolve(input, report.fileName(id)))) {
                m_packages[i].name = source->packageName;
                break;
            }
        }
    }
}

std::vector<const WhySources::Package*> WhySources::packagesNamed(std::string_view name) const
{
    std::vector<const Package*> out;
    for (const Package& p : m_packages) {
        if (!name.empty() && p.name == name)
            out.push_back(&p);
    }
    return out;
}

const WhySources::Package* WhySources::packageOfFile(std::size_t input, FileId file) const
{
    for (const Package& p : m_packages) {
        if (p.input == input && std::ranges::find(p.files, file) != p.files.end())
            return &p;
    }
    return nullptr;
}

std::string WhySources::resolve(std::size_t input, std::string_view fileName) const
{
    if (fileName.empty() || fileName.starts_with('<') || input >= m_roots.size())
        return {};
    std::string path(fileName);
    if (!path.starts_with('/') && !m_roots[input].empty())
        path = m_roots[input] + '/' + (path.starts_with("./") ? path.substr(2) : path);
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) ? std::filesystem::absolute(path, ec).lexically_normal().string()
                                                      : std::string();
}

const WhySourceFile* WhySources::file(const std::string& path)
{
    if (path.empty())
        return nullptr;
    if (const auto it = m_files.find(path); it != m_files.end())
        return it->second.get();
    std::unique_ptr<WhySourceFile>& slot = m_files[path];
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return nullptr;
    std::ostringstream text;
    text << in.rdbuf();
    slot = std::make_unique<WhySourceFile>();
    slot->text = text.str();
    slot->functions = scanGoFunctions(slot->text);
    slot->packageName = goPackageName(slot->text);
    slot->imports = scanGoImports(slot->text);
    return slot.get();
}

bool WhySources::outsideModule(std::string_view path) const
{
    if (m_roots.empty() || m_roots.front().empty() || path.empty())
        return false;
    std::error_code ec;
    const std::string root = std::filesystem::absolute(m_roots.front(), ec).lexically_normal().string();
    return !(path.starts_with(root) && path.size() > root.size() && (root.ends_with('/') || path[root.size()] == '/'));
}

} // namespace heapsight
