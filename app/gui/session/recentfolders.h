// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace heapsight::gui {

// Recently opened module folders, newest first, each with the report last opened for it; kept in the
// application's settings (shared with heapsight-cli's toolchain list).
class RecentFolders {
public:
    static constexpr int MaxEntries = 10;

    QStringList folders() const;
    QString reportFor(const QString& folder) const;
    void add(const QString& folder, const QString& report = QString());
    void remove(const QString& folder);
    void clear();

private:
    struct Entry {
        QString folder;
        QString report;
    };
    QList<Entry> read() const;
    void write(const QList<Entry>& entries) const;
};

} // namespace heapsight::gui
