#include "reportstatusbar.h"

#include "reportindex.h"

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
    if (busy && !activity.isEmpty())
        showMessage(activity);
    else if (!busy)
        clearMessage();
}

void ReportStatusBar::setProgress(int done, int total, const QString& activity)
{
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(done, total));
    m_progress->setFormat(total > 0 ? QStringLiteral("%v / %m") : QString());
    m_progress->setTextVisible(total > 0);
    if (!activity.isEmpty())
        showMessage(activity);
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

} // namespace heapsight::gui
