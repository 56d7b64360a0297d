// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/allocationprofile.h"

#include <QObject>
#include <memory>

class QAction;
class QMenu;

namespace heapsight::gui {

class BenchmarkDialog;
class MainWindow;
class ProfileSession;
class ReportIndex;

// Heap profiles in the main window: File → Load Memory Profile…, Profile Benchmarks…, Clear Memory
// Profile. Keeps the profile laid over the current report and hands the allocations to the findings
// list and the module tree; the window asks for them when it builds the inline notes.
class ProfileActions : public QObject {
    Q_OBJECT

public:
    // The actions go into `menu` before `before`.
    ProfileActions(MainWindow* window, QMenu* menu, QAction* before);

    void setReport(std::shared_ptr<const ReportIndex> report);
    const std::shared_ptr<const AllocationProfile>& allocations() const;
    ProfileSession* session() const { return m_session; }
    BenchmarkDialog* benchmarkDialog();

    QAction* loadProfile;
    QAction* profileBenchmarks;
    QAction* clearProfile;

Q_SIGNALS:
    void allocationsChanged();

private:
    void onLoadDialog();
    void onProfileBenchmarks();
    void onAllocationsChanged(const std::shared_ptr<const AllocationProfile>& allocations);

    MainWindow* m_window;
    ProfileSession* m_session;
    BenchmarkDialog* m_dialog = nullptr;
};

} // namespace heapsight::gui
