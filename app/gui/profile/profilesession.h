// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/allocationprofile.h"
#include "core/profile/heapprofile.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>
#include <optional>

namespace heapsight::gui {

class ReportIndex;

// The heap profile laid over the current report: read off the GUI thread, placed on the report's lines
// again whenever the report changes (a new analysis keeps the profile).
class ProfileSession : public QObject {
    Q_OBJECT

public:
    explicit ProfileSession(QObject* parent = nullptr);
    ~ProfileSession() override;

    void loadFile(const QString& path);
    void setProfile(std::shared_ptr<const HeapProfile> profile, const QString& sourceName);
    void setReport(std::shared_ptr<const ReportIndex> report);
    void clear();

    const std::shared_ptr<const AllocationProfile>& allocations() const { return m_allocations; }
    const QString& sourceName() const { return m_sourceName; }
    bool isLoading() const { return m_reading.isRunning(); }

Q_SIGNALS:
    // Null when no profile (or no report) is loaded.
    void allocationsChanged(std::shared_ptr<const heapsight::AllocationProfile> allocations);
    void loadFailed(const QString& message);

private:
    struct Read {
        std::optional<HeapProfile> profile;
        QString error;
        QString path;
    };
    void onRead();
    void attribute();

    QFutureWatcher<Read> m_reading;
    std::shared_ptr<const HeapProfile> m_profile;
    std::shared_ptr<const ReportIndex> m_report;
    std::shared_ptr<const AllocationProfile> m_allocations;
    QString m_sourceName;
    quint64 m_generation = 0;
    quint64 m_readGeneration = 0;
};

} // namespace heapsight::gui
