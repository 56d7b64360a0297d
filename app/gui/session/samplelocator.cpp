// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/samplelocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace heapsight::gui {

std::optional<SampleModule> SampleLocator::findIn(const QString& samplesDirectory)
{
    const QDir dir(samplesDirectory);
    const QString folder = dir.filePath(QStringLiteral("escapes"));
    if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("go.mod"))))
        return std::nullopt;
    SampleModule sample;
    sample.folder = QDir::cleanPath(folder);
    const QDir reports(dir.filePath(QStringLiteral("reports")));
    for (const QString& name : reports.entryList(
             { QStringLiteral("escapes-*.txt"), QStringLiteral("escapes-*.json") }, QDir::Files, QDir::Name))
        sample.reports << QDir::cleanPath(reports.filePath(name));
    const QString preferred = QDir::cleanPath(reports.filePath(QStringLiteral("escapes-go1.22.m2.txt")));
    sample.defaultReport = sample.reports.contains(preferred) ? preferred : sample.reports.value(0);
    return sample;
}

std::optional<SampleModule> SampleLocator::find()
{
    const QString installed
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../" HEAPSIGHT_DATA_SUBDIR "/samples"));
    if (auto sample = findIn(installed))
        return sample;
    return findIn(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples"));
}

QString SampleLocator::reportLabel(const QString& reportPath)
{
    static const QRegularExpression pattern(QStringLiteral(R"(go(\d+\.\d+)(?:-lang(\d+\.\d+))?)"));
    const QString name = QFileInfo(reportPath).completeBaseName();
    const QRegularExpressionMatch m = pattern.match(name);
    if (!m.hasMatch())
        return name;
    if (m.captured(2).isEmpty())
        return QCoreApplication::translate("SampleLocator", "Go %1").arg(m.captured(1));
    return QCoreApplication::translate("SampleLocator", "Go %1, language version %2").arg(m.captured(1), m.captured(2));
}

} // namespace heapsight::gui
