// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/reportstatusbar.h"

#include "session/reportindex.h"

#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace heapsight::gui {

ReportStatusBar::ReportStatusBar(QWidget* parent)
    : QStatusBar(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_progress->setRange(0, 0); // indeterminate: parsing reports no progress
    m_progress->setMaximumWidth(140);
    m_progress->setMaximumHeight(16);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    addWidget(m_summary, 1);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &ReportStatusBar::cancelRequested);
    setReport(nullptr, false);
}

QString ReportStatusBar::summary() const
{
    return m_summary->text();
}

void ReportStatusBar::setBusy(bool busy, const QString& activity)
{
    m_progress->setRange(0, 0); // indeterminate until a run reports a package count
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy && !activity.isEmpty()) {
        m_activity = activity;
        showMessage(activity);
    } else if (!busy) {
        // Only the activity goes; a message that came meanwhile (how an analysis ended) stays.
        if (currentMessage() == m_activity)
            clearMessage();
        m_activity.clear();
    }
}

void ReportStatusBar::setProgress(int done, int total, const QString& activity)
{
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(done, total));
    m_progress->setFormat(total > 0 ? QStringLiteral("%v / %m") : QString());
    m_progress->setTextVisible(total > 0);
    if (!activity.isEmpty()) {
        m_activity = activity;
        showMessage(activity);
    }
}

void ReportStatusBar::setReport(const std::shared_ptr<const ReportIndex>& report, bool moduleOpen)
{
    if (!report) {
        m_summary->setText(moduleOpen ? tr("No report") : tr("No module open"));
        return;
    }
    const ReportStats& s = report->report().stats();
    const std::uint64_t leaks = s.distinctOf(FindingKind::LeakingParam) + s.distinctOf(FindingKind::LeakingParamContent)
        + s.distinctOf(FindingKind::LeakingParamToResult);
    QString text = tr("%1 moved to heap · %2 escapes · %3 leaking params")
                       .arg(s.distinctOf(FindingKind::MovedToHeap))
                       .arg(s.distinctOf(FindingKind::EscapesToHeap))
                       .arg(leaks);
    const QString toolchain = QString::fromStdString(report->report().origin().toolchain);
    text += QStringLiteral("   —   ") + report->sourceName()
        + (toolchain.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(toolchain));
    if (s.unknownLines)
        text += tr(" · %n line(s) not understood", nullptr, static_cast<int>(s.unknownLines));
    m_summary->setText(text);
}

// One line for the status bar that says what happened; the Problems panel holds the details.
QString ReportStatusBar::analysisMessage(const AnalysisResult& result)
{
    const QString seconds = QString::number(static_cast<double>(result.elapsedMs) / 1000.0, 'f', 1);
    const QStringList lines = result.errorText.split(QLatin1Char('\n'));
    switch (result.state) {
    case AnalysisState::Ok: {
        const ReportStats stats = result.report ? result.report->stats() : ReportStats();
        QString text = tr("Analysis finished in %1 s: %n finding(s)", nullptr, static_cast<int>(stats.totalFindings()))
                           .arg(seconds);
        // A toolchain that prints something else than escape analysis (a wrapper, a broken build) shows here.
        if (stats.unknownLines > 0)
            text += tr(", %n line(s) not understood", nullptr, static_cast<int>(stats.unknownLines));
        return text;
    }
    case AnalysisState::Cancelled:
    case AnalysisState::TimedOut:
        return tr("Analysis %1").arg(result.errorText);
    case AnalysisState::ToolchainFailed:
        // "go build exited with status 2: <the first thing it said>"
        return lines.size() > 1 ? tr("Analysis failed: %1: %2").arg(lines.at(0), lines.at(1))
                                : tr("Analysis failed: %1").arg(lines.value(0));
    case AnalysisState::CompileErrors:
        return tr("Analysis found compile errors: %1").arg(lines.value(0));
    }
    return {};
}

void ReportStatusBar::showAnalysisResult(const AnalysisResult& result)
{
    showMessage(analysisMessage(result), result.state == AnalysisState::Ok ? 6000 : 15000);
}

} // namespace heapsight::gui
