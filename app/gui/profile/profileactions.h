// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/allocationprofile.h"
#include "core/toolchain/toolchain.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;

namespace heapsight::gui {

class BenchmarkDialog;
class ModuleSession;
class ProfileSession;
class ReportIndex;

// Heap profiles in the main window: File → Load Memory Profile…, Profile Benchmarks…, Clear Memory
// Profile. Keeps the profile laid over the current report and hands each attribution, tagged with the
// report's generation, to ReportState through allocationsChanged; the views get it in a snapshot. It knows
// no panel: what it needs of the window comes in as the module session, a parent for its dialogs and two
// queries.
class ProfileActions : public QObject {
    Q_OBJECT

public:
    // What the benchmark dialog starts from: the file shown (empty: none) and the toolchain chosen to run.
    struct Context {
        std::function<QString()> currentFile;
        std::function<std::optional<Toolchain>()> toolchain;
    };

    // The actions go into `menu` before `before`; dialogs open over `dialogParent`, which owns this.
    ProfileActions(ModuleSession* module, Context context, QWidget* dialogParent, QMenu* menu, QAction* before);

    // The report of generation `generation` (ReportState's) is the current one: the profile is placed on its
    // lines at once (allocationsChanged before this returns).
    void setReport(std::shared_ptr<const ReportIndex> report, quint64 generation);
    const std::shared_ptr<const AllocationProfile>& allocations() const;
    ProfileSession* session() const { return m_session; }
    BenchmarkDialog* benchmarkDialog();

    QAction* loadProfile;
    QAction* profileBenchmarks;
    QAction* clearProfile;

Q_SIGNALS:
    // allocations() changed (also to none); they belong to the report of generation `generation`.
    void allocationsChanged(quint64 generation, std::shared_ptr<const heapsight::AllocationProfile> allocations);
    // Something to tell the user on the status bar for `timeoutMs`.
    void statusMessage(const QString& message, int timeoutMs);

private:
    void onLoadDialog();
    void onProfileBenchmarks();
    void onAllocationsChanged(const std::shared_ptr<const AllocationProfile>& allocations);

    ModuleSession* m_module;
    Context m_context;
    QWidget* m_dialogParent;
    ProfileSession* m_session;
    BenchmarkDialog* m_dialog = nullptr;
    quint64 m_generation = 0;
};

} // namespace heapsight::gui
