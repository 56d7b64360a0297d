// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/modulefolder.h"

#include <QDir>
#include <QFileInfo>

namespace heapsight::gui {

namespace {

bool skippedDirectory(const QFileInfo& dir)
{
    const QString name = dir.fileName();
    if (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('_')) || name == QLatin1String("testdata")
        || name == QLatin1String("vendor"))
        return true;
    return QFileInfo::exists(dir.filePath() + QStringLiteral("/go.mod")); // a nested module is not part of ./...
}

} // namespace

ModuleFolder ModuleFolder::scan(const QString& root, const QString& title, const std::function<bool()>& canceled)
{
    ModuleFolder folder;
    folder.m_root = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    folder.m_title = title.isEmpty() ? QFileInfo(folder.m_root).fileName() : title;
    ModuleFolderNode rootNode;
    rootNode.name = folder.m_title;
    rootNode.path = folder.m_root;
    rootNode.isDirectory = true;
    folder.addNode(std::move(rootNode));
    folder.scanDirectory(0, canceled);
    return folder;
}

int ModuleFolder::addNode(ModuleFolderNode node)
{
    const int index = static_cast<int>(m_nodes.size());
    if (node.parent >= 0)
        m_nodes[static_cast<std::size_t>(node.parent)].children.push_back(index);
    m_byPath.insert(node.path, index);
    m_nodes.push_back(std::move(node));
    return index;
}

// Returns whether the directory holds Go files (directly or below); a directory that does not is removed
// again, so the tree shows packages only.
bool ModuleFolder::scanDirectory(int node, const std::function<bool()>& canceled)
{
    if ((canceled && canceled()) || m_truncated)
        return false;
    const QDir dir(m_nodes[static_cast<std::size_t>(node)].path);
    const QString relative = m_nodes[static_cast<std::size_t>(node)].relativePath;
    const auto childRelative
        = [&](const QString& name) { return relative.isEmpty() ? name : relative + QLatin1Char('/') + name; };
    bool hasGo = false;

    // Symbolic links to directories are not followed, as `./...` does not follow them.
    const QFileInfoList dirs = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo& sub : dirs) {
        if (skippedDirectory(sub))
            continue;
        ModuleFolderNode child;
        child.name = sub.fileName();
        child.path = QDir::cleanPath(sub.absoluteFilePath());
        child.relativePath = childRelative(child.name);
        child.parent = node;
        child.isDirectory = true;
        const int index = addNode(std::move(child));
        if (scanDirectory(index, canceled)) {
            hasGo = true;
        } else {
            // Only the subtree just added can follow it: drop it again.
            for (std::size_t i = static_cast<std::size_t>(index); i < m_nodes.size(); ++i)
                m_byPath.remove(m_nodes[i].path);
            m_nodes.resize(static_cast<std::size_t>(index));
            m_nodes[static_cast<std::size_t>(node)].children.pop_back();
        }
    }

    const QFileInfoList files = dir.entryInfoList({ QStringLiteral("*.go") }, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files) {
        if (m_fileCount >= MaxFiles) {
            m_truncated = true;
            break;
        }
        ModuleFolderNode child;
        child.name = file.fileName();
        child.path = QDir::cleanPath(file.absoluteFilePath());
        child.relativePath = childRelative(child.name);
        child.parent = node;
        addNode(std::move(child));
        ++m_fileCount;
        hasGo = true;
    }
    return hasGo;
}

} // namespace heapsight::gui
