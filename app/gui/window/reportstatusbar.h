// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrequest.h"

#include <QStatusBar>
#include <memory>

class QLabel;
class QProgressBar;
class QToolButton;

namespace heapsight::gui {

class ReportIndex;

// The status bar: what the loaded report holds and where it came from, and, while a folder is listed or a
// report parsed, an indeterminate progress bar with a Cancel button.
class ReportStatusBar : public QStatusBar {
    Q_OBJECT

public:
    explicit ReportStatusBar(QWidget* parent = nullptr);

    void setReport(const std::shared_ptr<const ReportIndex>& report, bool moduleOpen);
    void setBusy(bool busy, const QString& activity);
    // Determinate progress of a compiler run (total 0: not known yet).
    void setProgress(int done, int total, const QString& activity);
    QString summary() const;
    // Says in one line how an analysis ended (findings and lines not understood, go's exit status and
    // first words, the time limit, cancel); the Problems panel holds the details.
    void showAnalysisResult(const heapsight::AnalysisResult& result);
    static QString analysisMessage(const heapsight::AnalysisResult& result);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_summary;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QString m_activity; // the busy message shown, cleared when the work ends
};

} // namespace heapsight::gui
