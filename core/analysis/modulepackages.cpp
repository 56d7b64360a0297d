// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "modulepackages.h"

#include <QDir>
#include <QHash>
#include <QSet>

namespace heapsight {

ModulePackages ModulePackages::fromGoList(const QByteArray& goListOutput)
{
    ModulePackages list;
    for (const QByteArray& line : goListOutput.split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 4 || fields[0].isEmpty())
            continue;
        Package p;
        p.importPath = QString::fromUtf8(fields[0]);
        p.dir = QString::fromUtf8(fields[1]);
        for (const QByteArray& imported : fields[2].split(' ')) {
            if (!imported.isEmpty() && !p.imports.contains(QString::fromUtf8(imported)))
                p.imports.append(QString::fromUtf8(imported));
        }
        const QList<QByteArray> tests = fields[3].split(' ');
        p.tests = tests.contains("test");
        p.xtests = tests.contains("xtest");
        list.m_packages.push_back(std::move(p));
    }
    return list;
}

int ModulePackages::expectedHeaders() const
{
    int headers = 0;
    for (const Package& p : m_packages)
        headers += 1 + (p.tests || p.xtests ? 1 : 0) + (p.xtests ? 1 : 0);
    return headers;
}

std::optional<QStringList> ModulePackages::affectedBy(const QStringList& dirs) const
{
    QSet<QString> affected;
    for (const QString& dir : dirs) {
        const QString clean = QDir::cleanPath(dir);
        bool found = false;
        for (const Package& p : m_packages) {
            if (QDir::cleanPath(p.dir) == clean) {
                affected.insert(p.importPath);
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }
    // Reverse imports to a fixed point: a package is affected when it imports an affected one.
    for (bool grew = true; grew;) {
        grew = false;
        for (const Package& p : m_packages) {
            if (affected.contains(p.importPath))
                continue;
            for (const QString& imported : p.imports) {
                if (affected.contains(imported)) {
                    affected.insert(p.importPath);
                    grew = true;
                    break;
                }
            }
        }
    }
    QStringList ordered;
    for (const Package& p : m_packages) {
        if (affected.contains(p.importPath))
            ordered.append(p.importPath);
    }
    return ordered;
}

ModulePackages ModulePackages::withImports(const QString& importPath, const QStringList& imports) const
{
    ModulePackages copy = *this;
    for (Package& p : copy.m_packages) {
        if (p.importPath == importPath)
            p.imports = imports;
    }
    return copy;
}

} // namespace heapsight
