// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "run/livesplice.h"

#include "core/identity/gosignature.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <utility>
#include <vector>

namespace heapsight::gui {

namespace {

// The directories of the changed files, or nullopt when one of them is not Go source (go.mod, go.sum).
std::optional<QStringList> changedDirs(const QString& root, const QStringList& files)
{
    QStringList dirs;
    for (const QString& file : files) {
        if (!file.endsWith(QLatin1String(".go")))
            return std::nullopt;
        const QString dir = QDir::cleanPath(QFileInfo(QDir(root).filePath(file)).absolutePath());
        if (!dirs.contains(dir))
            dirs.append(dir);
    }
    return dirs;
}

// The import paths the Go files of `dir` import (test files too when `tests`), as an edit left them.
QStringList importsOfDir(const QString& dir, bool tests)
{
    QStringList imports;
    for (const QFileInfo& info : QDir(dir).entryInfoList({ QStringLiteral("*.go") }, QDir::Files)) {
        if (!tests && info.fileName().endsWith(QLatin1String("_test.go")))
            continue;
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray source = f.readAll();
        for (const GoImport& imported :
            scanGoImports(std::string_view(source.constData(), static_cast<std::size_t>(source.size())))) {
            const QString path = QString::fromStdString(imported.path);
            if (!imports.contains(path))
                imports.append(path);
        }
    }
    return imports;
}

} // namespace

bool LiveSplice::sameBuild(const AnalysisRequest& a, const AnalysisRequest& b)
{
    return a.directory == b.directory && a.toolchain.goBinary == b.toolchain.goBinary
        && a.toolchain.version == b.toolchain.version && a.languageVersion == b.languageVersion
        && a.includeTests == b.includeTests && a.boundsCheckReport == b.boundsCheckReport;
}

AnalysisRequest LiveSplice::plan(AnalysisRequest request, const QStringList& changedFiles) const
{
    if (!m_report || m_packages.isEmpty() || !sameBuild(request, m_request) || changedFiles.isEmpty())
        return request;
    const std::optional<QStringList> dirs = changedDirs(m_root, changedFiles);
    if (!dirs)
        return request;
    const std::optional<QStringList> affected = m_packages.affectedBy(*dirs);
    if (!affected || affected->isEmpty())
        return request;
    request.packages = *affected;
    request.spliceBase = m_report;
    request.useCache = false;
    return request;
}

void LiveSplice::record(const AnalysisRequest& request, const QStringList& changedFiles, const AnalysisResult& result)
{
    if (result.state != AnalysisState::Ok || !result.report)
        return;
    if (!request.spliceBase) {
        if (result.packages.isEmpty())
            return; // a cache entry of an earlier build: which packages there are is not known
        m_request = request;
        m_request.collectLogopt = false;
        m_report = result.report;
        m_packages = result.packages;
        m_root = result.module.root;
        return;
    }
    if (request.spliceBase != m_report || !sameBuild(request, m_request))
        return; // spliced into a base that is no longer the one kept
    m_report = result.report;
    // The edited packages' imports as the edit left them: a package one now imports gets it as importer. Only
    // their directories are read; the importers built again beside them were not edited.
    const QStringList dirs = changedDirs(m_root, changedFiles).value_or(QStringList());
    std::vector<std::pair<QString, QStringList>> reread;
    for (const ModulePackages::Package& p : m_packages.packages()) {
        if (dirs.contains(QDir::cleanPath(p.dir)))
            reread.emplace_back(p.importPath, importsOfDir(p.dir, request.includeTests));
    }
    for (const auto& [importPath, imports] : reread)
        m_packages = m_packages.withImports(importPath, imports);
}

void LiveSplice::clear()
{
    *this = LiveSplice();
}

} // namespace heapsight::gui
