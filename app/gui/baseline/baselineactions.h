// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/diff/baseline.h"

#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace heapsight::gui {

class ModuleSession;
class ReportIndex;

// Baselines in the main window (the Baseline menu): choose the baseline file of the open module, accept
// the current finding or the current file's heap allocations into it, hide or dim what it accepted.
// Accepting writes the file the user chose, whole, at once: the only file Heapsight writes on its own
// initiative, and only one the user named. The baseline is matched to the shown report off the GUI
// thread, like `heapsight-cli check`; the flags go out through acceptedChanged, tagged with the report's
// generation, to ReportState (the views get them in a snapshot). It knows no panel: the selection comes in
// through two queries.
class BaselineActions : public QObject {
    Q_OBJECT

public:
    // What Accept applies to: the finding selected in the list, the source file shown (empty: none).
    struct Context {
        std::function<std::optional<std::uint32_t>()> currentFinding;
        std::function<QString()> currentFile;
    };

    // The module's root comes from `module`; dialogs and the menu belong to `dialogParent`, which owns this.
    BaselineActions(ModuleSession* module, Context context, QWidget* dialogParent);

    // The report of generation `generation` (ReportState's) is the current one: matched again off the GUI
    // thread.
    void setReport(std::shared_ptr<const ReportIndex> report, quint64 generation);
    // Uses `path` for the open module (remembered per module): read when it exists, else created by the
    // first Accept. False, with the reason in statusMessage, when it exists but is no baseline.
    bool useFile(const QString& path);
    // Adds these findings' heap allocations to the baseline and writes it; asks for a file first when
    // none is chosen. False when nothing was written.
    bool acceptFindings(const std::vector<std::uint32_t>& findings);
    const QString& path() const { return m_path; }
    // One flag per finding of the shown report (null: no baseline or not matched yet).
    const std::shared_ptr<const std::vector<bool>>& accepted() const { return m_accepted; }

    struct Match {
        std::shared_ptr<const Baseline> baseline;
        std::shared_ptr<const ReportIndex> report;
        std::shared_ptr<const std::vector<bool>> flags;
    };

    QMenu* menu;
    QAction* chooseFile;
    QAction* acceptFinding;
    QAction* acceptFile;
    QAction* hideAccepted;
    QAction* stopUsing;

Q_SIGNALS:
    // accepted() changed; the flags index the findings of the report of generation `generation`.
    void acceptedChanged(quint64 generation, std::shared_ptr<const std::vector<bool>> accepted);
    // Something to tell the user on the status bar for `timeoutMs` (what was accepted, why it was not).
    void statusMessage(const QString& message, int timeoutMs);

private:
    void onChooseFile();
    void onAcceptFinding();
    void onAcceptFile();
    void onStopUsing();
    void onMatched();
    // useFile without the matching: setReport matches once, after the module's file is loaded.
    bool loadFile(const QString& path);
    void rematch();
    void updateActions();
    QString settingsKey() const;

    ModuleSession* m_module;
    Context m_context;
    QWidget* m_dialogParent;
    QString m_moduleRoot;
    QString m_path;
    std::shared_ptr<const Baseline> m_baseline;
    std::shared_ptr<const ReportIndex> m_report;
    quint64 m_generation = 0; // m_report's
    std::shared_ptr<const std::vector<bool>> m_accepted;
    std::shared_ptr<const ReportIndex> m_acceptedReport; // what m_accepted's indices refer to
    QFutureWatcher<Match> m_matcher;
};

} // namespace heapsight::gui
