#pragma once

#include "../model/report.h"
#include "analysisrequest.h"

#include <QString>
#include <optional>

namespace heapsight {

// Finished analyses as report JSON under the user's cache directory, keyed by everything that can
// change the compiler's answer: module, toolchain, language version, flags, and the module's sources.
class ResultCache {
public:
    explicit ResultCache(QString directory = defaultDirectory());

    static QString defaultDirectory(); // ~/.cache/heapsight/reports (GenericCacheLocation)

    // SHA-256 over the module's .go, go.mod, go.sum and go.work files (names and contents), skipping
    // hidden directories. Reads every source file: call it off the GUI thread.
    static QString moduleFingerprint(const ModuleInfo& module, QString* error = nullptr);
    static QString key(const AnalysisRequest& request, const ModuleInfo& module, const QString& fingerprint);

    std::optional<Report> load(const QString& key) const;
    bool store(const QString& key, const Report& report, QString* error = nullptr) const;
    QString pathFor(const QString& key) const;

private:
    QString m_directory;
};

} // namespace heapsight
