// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "analysisrequest.h"
#include "cacheentry.h"
#include "core/model/report.h"

#include <QString>
#include <optional>

namespace heapsight {

class FileHashMemory;

// Finished analyses under the user's cache directory, keyed by everything that can change the compiler's
// answer: module, toolchain, language version, flags, and the module's sources. An entry keeps a snapshot of
// the run's report (CachedRun says why; entries of earlier builds, which kept the compiler's output or the
// report JSON, are still read).
class ResultCache {
public:
    explicit ResultCache(QString directory = defaultDirectory());

    static QString defaultDirectory(); // ~/.cache/heapsight/reports (GenericCacheLocation)

    // SHA-256 over the module's .go, go.mod, go.sum and go.work files (names, sizes and the SHA-256 of each
    // one's content), skipping hidden directories. Reads every source file whose hash `memory` does not
    // hold (all of them without one): call it off the GUI thread. Empty, with the reason in `error`, when a
    // file cannot be read.
    static QString moduleFingerprint(
        const ModuleInfo& module, QString* error = nullptr, FileHashMemory* memory = nullptr);
    // moduleFingerprint() with the file hashes remembered in this cache's directory (files/<id>.hashes, one
    // per module root): a second fingerprint of an unchanged module stats its files and reads none.
    QString fingerprint(const ModuleInfo& module, QString* error = nullptr) const;
    static QString key(const AnalysisRequest& request, const ModuleInfo& module, const QString& fingerprint);

    // The report kept under `key`; nullopt, with the reason in `why`, when there is none or the entry is
    // damaged or cut short (such an entry is removed, so the analysis runs again and replaces it).
    std::optional<Report> load(const QString& key, QString* why = nullptr, QByteArray* goList = nullptr) const;
    // Keeps `run` under `key`, replacing any entry (call it off the GUI thread: it compresses the report's
    // snapshot, about a second for a std-size report).
    bool store(const QString& key, const CachedRun& run, QString* error = nullptr) const;
    QString pathFor(const QString& key) const;

private:
    QString m_directory;
};

} // namespace heapsight
