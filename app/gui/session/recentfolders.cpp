// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/recentfolders.h"

#include "session/appsettings.h"

#include <QSettings>

namespace heapsight::gui {

namespace {

const QLatin1String kArray("gui/recentFolders");
const QLatin1String kFolder("folder");
const QLatin1String kReport("report");

} // namespace

QList<RecentFolders::Entry> RecentFolders::read() const
{
    QSettings s = appSettings();
    QList<Entry> entries;
    const int count = s.beginReadArray(kArray);
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        const QString folder = s.value(kFolder).toString();
        if (!folder.isEmpty())
            entries.append({ folder, s.value(kReport).toString() });
    }
    s.endArray();
    return entries;
}

void RecentFolders::write(const QList<Entry>& entries) const
{
    QSettings s = appSettings();
    s.beginWriteArray(kArray, static_cast<int>(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(kFolder, entries[i].folder);
        s.setValue(kReport, entries[i].report);
    }
    s.endArray();
}

QStringList RecentFolders::folders() const
{
    QStringList list;
    for (const Entry& e : read())
        list << e.folder;
    return list;
}

QString RecentFolders::reportFor(const QString& folder) const
{
    for (const Entry& e : read()) {
        if (e.folder == folder)
            return e.report;
    }
    return {};
}

void RecentFolders::add(const QString& folder, const QString& report)
{
    QList<Entry> entries = read();
    QString keep = report;
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        if (entries[i].folder == folder) {
            if (keep.isEmpty())
                keep = entries[i].report;
            entries.removeAt(i);
        }
    }
    entries.prepend({ folder, keep });
    while (entries.size() > MaxEntries)
        entries.removeLast();
    write(entries);
}

void RecentFolders::remove(const QString& folder)
{
    QList<Entry> entries = read();
    entries.removeIf([&](const Entry& e) { return e.folder == folder; });
    write(entries);
}

void RecentFolders::clear()
{
    write({});
}

} // namespace heapsight::gui
