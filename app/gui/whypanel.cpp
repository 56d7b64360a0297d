#include "whypanel.h"

#include "findingfilter.h"
#include "reportindex.h"
#include "whyformatter.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace heapsight::gui {

WhyPanel::WhyPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_browser(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_title->setObjectName(QStringLiteral("whyTitle"));
    m_title->setContentsMargins(10, 6, 10, 6);
    m_title->setTextFormat(Qt::RichText);
    m_browser->setObjectName(QStringLiteral("whyBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(10);
    layout->addWidget(m_title);
    layout->addWidget(m_browser, 1);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &WhyPanel::onAnchorClicked);
    clear();
}

void WhyPanel::setReport(std::shared_ptr<const ReportIndex> report)
{
    m_report = std::move(report);
    refresh();
}

void WhyPanel::setFilter(const FindingFilter* filter)
{
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (m_filter)
        connect(m_filter, &FindingFilter::changed, this, [this] { refresh(true); });
    refresh();
}

void WhyPanel::showLine(const QString& diskPath, const QString& displayName, int line)
{
    m_path = diskPath;
    m_displayName = displayName;
    m_line = line;
    refresh();
}

void WhyPanel::clear()
{
    m_path.clear();
    m_line = 0;
    refresh();
}

QString WhyPanel::plainText() const
{
    return m_browser->toPlainText();
}

void WhyPanel::refresh(bool keepScroll)
{
    if (m_line <= 0 || m_path.isEmpty()) {
        m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("Why?")));
        m_browser->setHtml(
            QStringLiteral("<p style=\"color:%1\">%2</p>")
                .arg(AnnotationPalette(palette()).mutedText().name(),
                    tr("Click a line or a marker in the source to see why the compiler decided what it did.")));
        return;
    }
    m_title->setText(QStringLiteral("<b>%1</b> · %2").arg(tr("Line %1").arg(m_line), m_displayName.toHtmlEscaped()));
    if (!m_report || !m_filter) {
        m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(tr("No report is loaded for this module.")));
        return;
    }
    const int scroll = m_browser->verticalScrollBar()->value();
    const WhyFormatter formatter(*m_report, AnnotationPalette(palette()));
    m_browser->setHtml(formatter.lineHtml(m_path, m_line, *m_filter));
    m_browser->verticalScrollBar()->setValue(keepScroll ? scroll : 0);
}

void WhyPanel::onAnchorClicked(const QUrl& url)
{
    const std::optional<Position> position = WhyFormatter::positionFromUrl(url);
    if (!position || !m_report)
        return;
    const QString path = m_report->diskPath(position->file);
    if (!path.isEmpty())
        Q_EMIT positionActivated(path, static_cast<int>(position->line), static_cast<int>(position->column));
}

void WhyPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh(true);
}

} // namespace heapsight::gui
