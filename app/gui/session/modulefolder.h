// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>
#include <functional>
#include <vector>

namespace heapsight::gui {

struct ModuleFolderNode {
    QString name; // "store", "store.go"
    QString path; // absolute, clean
    QString relativePath; // "store/store.go"; empty for the root
    int parent = -1;
    std::vector<int> children; // directories first, then files, each by name
    bool isDirectory = false;
};

// The packages (directories) and .go files of a module folder, as `go build ./...` sees them: directories
// whose name starts with "." or "_", testdata, vendor and nested modules are left out, and so are
// directories without Go files below them. Plain data, built off the GUI thread; node 0 is the root.
class ModuleFolder {
public:
    static constexpr int MaxFiles = 20000;

    // `title` is what the root shows: the module path from go.mod, or the folder name.
    // `canceled` is polled between directories.
    static ModuleFolder scan(const QString& root, const QString& title, const std::function<bool()>& canceled = {});

    const QString& root() const { return m_root; }
    const QString& title() const { return m_title; }
    const std::vector<ModuleFolderNode>& nodes() const { return m_nodes; }
    int nodeForPath(const QString& path) const { return m_byPath.value(path, -1); }
    int fileCount() const { return m_fileCount; }
    bool isTruncated() const { return m_truncated; }

private:
    bool scanDirectory(int node, const std::function<bool()>& canceled);
    int addNode(ModuleFolderNode node);

    QString m_root;
    QString m_title;
    std::vector<ModuleFolderNode> m_nodes;
    QHash<QString, int> m_byPath;
    int m_fileCount = 0;
    bool m_truncated = false;
};

} // namespace heapsight::gui
