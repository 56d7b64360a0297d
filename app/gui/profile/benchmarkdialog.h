// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/benchmarkprofiler.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace heapsight::gui {

class ModuleFolder;

// "Profile Benchmarks…": picks a package of the open module, runs its benchmarks with -memprofile through
// BenchmarkProfiler (never blocking the window: progress, the benchmark lines as they finish, Cancel)
// and hands the heap profile on.
class BenchmarkDialog : public QDialog {
    Q_OBJECT

public:
    explicit BenchmarkDialog(QWidget* parent = nullptr);

    // The module's packages that have test files; `preferred` (a directory) is selected when it is one.
    void setModule(const ModuleFolder& folder, const QString& preferred);
    void setToolchain(const std::optional<Toolchain>& toolchain);
    BenchmarkProfiler* profiler() { return &m_profiler; }
    QComboBox* packageBox() const { return m_package; }
    QPushButton* runButton() const { return m_run; }

public Q_SLOTS:
    void run();
    // Closing the dialog stops a run: go test must not outlive what shows it.
    void reject() override;

Q_SIGNALS:
    void profileReady(std::shared_ptr<const heapsight::HeapProfile> profile, const QString& sourceName);

private:
    void onFinished(const heapsight::BenchmarkResult& result);
    void setRunning(bool running);

    BenchmarkProfiler m_profiler;
    QString m_moduleRoot;
    std::optional<Toolchain> m_toolchain;
    QComboBox* m_package;
    QLineEdit* m_benchmarks;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPlainTextEdit* m_log;
    QPushButton* m_run;
    QPushButton* m_cancel;
};

} // namespace heapsight::gui
