// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "assertsources.h"

#include <QDir>
#include <QFile>

namespace heapsight {

namespace {

void collect(const QDir& root, const QString& dir, bool includeTests, QStringList& out)
{
    const QDir d(dir);
    for (const QString& name : d.entryList({ QStringLiteral("*.go") }, QDir::Files | QDir::Readable, QDir::Name)) {
        if (!includeTests && name.endsWith(QLatin1String("_test.go")))
            continue;
        if (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('_')))
            continue;
        out << root.relativeFilePath(d.filePath(name));
    }
    for (const QString& sub : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (sub.startsWith(QLatin1Char('.')) || sub.startsWith(QLatin1Char('_')) || sub == QLatin1String("testdata")
            || sub == QLatin1String("vendor") || QFile::exists(d.filePath(sub + QStringLiteral("/go.mod"))))
            continue;
        collect(root, d.filePath(sub), includeTests, out);
    }
}

} // namespace

std::size_t AssertSources::directiveCount() const
{
    std::size_t n = 0;
    for (const AssertSource& s : sources)
        n += s.directives.size();
    return n;
}

AssertSources readAssertSources(const QString& moduleRoot, bool includeTests)
{
    AssertSources out;
    const QDir root(moduleRoot);
    QStringList files;
    collect(root, moduleRoot, includeTests, files);
    for (const QString& relative : files) {
        QFile f(root.filePath(relative));
        const std::string name = QDir::fromNativeSeparators(relative).toStdString();
        if (!f.open(QIODevice::ReadOnly)) {
            out.errors.push_back({ name, 0, 0, "cannot read: " + f.errorString().toStdString() });
            continue;
        }
        const QByteArray bytes = f.readAll();
        const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        DirectiveScan scan = scanAssertDirectives(text, name);
        out.errors.insert(out.errors.end(), scan.errors.begin(), scan.errors.end());
        out.sources.push_back({ name, std::move(scan.directives), scanGoFunctions(text), scanGoCalls(text) });
    }
    return out;
}

} // namespace heapsight
