// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/sourcepane.h"

#include "source/lineannotations.h"
#include "source/sourceview.h"

#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QVBoxLayout>
#include <algorithm>

namespace heapsight::gui {

namespace {

constexpr qint64 kMaxSourceBytes = 16 << 20; // a generated file larger than this is not worth showing

} // namespace

SourcePane::SourcePane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_bannerAnalyze(new QPushButton(tr("Analyze"), m_banner))
    , m_bannerOpenReport(new QPushButton(tr("Open Report…"), m_banner))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_view(new SourceView(this))
{
    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("sourceHeader"));
    header->setAutoFillBackground(true);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(10, 5, 10, 5);
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("sourceSummary"));
    headerLayout->addWidget(m_title, 1);
    headerLayout->addWidget(m_summary);

    m_banner->setObjectName(QStringLiteral("reportBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    m_bannerText->setWordWrap(true);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addWidget(m_bannerText, 1);
    m_bannerAnalyze->setObjectName(QStringLiteral("bannerAnalyze"));
    m_bannerOpenReport->setObjectName(QStringLiteral("bannerOpenReport"));
    bannerLayout->addWidget(m_bannerAnalyze);
    bannerLayout->addWidget(m_bannerOpenReport);
    connect(m_bannerAnalyze, &QPushButton::clicked, this, &SourcePane::analyzeRequested);
    connect(m_bannerOpenReport, &QPushButton::clicked, this, &SourcePane::openReportRequested);
    m_banner->hide();

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(24);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    showPlaceholder(tr("Open a module folder to look at its escape analysis."));
}

bool SourcePane::showFile(const QString& path, const QString& displayPath)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showPlaceholder(tr("Cannot read %1: %2").arg(displayPath, file.errorString()));
        return false;
    }
    if (file.size() > kMaxSourceBytes) {
        showPlaceholder(tr("%1 is too large to show (%2 MiB).").arg(displayPath).arg(file.size() >> 20));
        return false;
    }
    m_path = path;
    m_displayPath = displayPath;
    updateTitle();
    m_view->setSource(QString::fromUtf8(file.readAll()));
    m_stack->setCurrentWidget(m_view);
    updateSummary();
    return true;
}

int SourcePane::reloadKeepingPlace()
{
    if (m_path.isEmpty() || m_stack->currentWidget() != m_view)
        return 0;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxSourceBytes)
        return 0;
    const QString text = QString::fromUtf8(file.readAll());
    const int oldLine = m_view->currentLine();
    if (text == m_view->toPlainText())
        return oldLine;
    const QString oldText = m_view->document()->findBlockByNumber(oldLine - 1).text();
    const int fromTop = oldLine - 1 - m_view->verticalScrollBar()->value(); // a plain text edit scrolls by lines
    m_view->setSource(text);
    const int line = followLine(text.split(QLatin1Char('\n')), oldLine, oldText);
    m_view->setTextCursor(QTextCursor(m_view->document()->findBlockByNumber(line - 1)));
    m_view->verticalScrollBar()->setValue(std::max(0, line - 1 - fromTop));
    updateSummary();
    return line;
}

int SourcePane::followLine(const QStringList& lines, int oldLine, const QString& text)
{
    const int count = static_cast<int>(lines.size());
    if (!text.trimmed().isEmpty()) {
        for (int distance = 0; distance < count; ++distance) {
            for (int candidate : { oldLine + distance, oldLine - distance }) {
                if (candidate >= 1 && candidate <= count && lines[candidate - 1] == text)
                    return candidate;
            }
        }
    }
    return std::clamp(oldLine, 1, std::max(count, 1));
}

// "store/" in the placeholder colour, "store.go" in bold.
void SourcePane::updateTitle()
{
    if (m_path.isEmpty()) {
        m_title->clear();
        return;
    }
    const int slash = static_cast<int>(m_displayPath.lastIndexOf(QLatin1Char('/')));
    const QString directory = slash < 0 ? QString() : m_displayPath.left(slash + 1);
    m_title->setText(QStringLiteral("<span style=\"color:%1\">%2</span><b>%3</b>")
                         .arg(palette().color(QPalette::PlaceholderText).name(), directory.toHtmlEscaped(),
                             m_displayPath.mid(slash + 1).toHtmlEscaped()));
}

void SourcePane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateTitle();
}

void SourcePane::showPlaceholder(const QString& text)
{
    m_path.clear();
    m_displayPath.clear();
    updateTitle();
    m_summary->clear();
    m_view->setSource(QString());
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void SourcePane::setAnnotations(LineAnnotations annotations)
{
    m_view->setAnnotations(std::move(annotations));
    updateSummary();
}

void SourcePane::setBanner(const QString& text, BannerActions actions)
{
    m_bannerText->setText(text);
    m_bannerAnalyze->setVisible(actions.testFlag(BannerAction::Analyze));
    m_bannerOpenReport->setVisible(actions.testFlag(BannerAction::OpenReport));
    m_banner->setVisible(!text.isEmpty());
}

void SourcePane::updateSummary()
{
    if (m_path.isEmpty()) {
        m_summary->clear();
        return;
    }
    const int count = m_view->annotations().findingCount();
    m_summary->setText(count == 0 ? tr("No findings shown")
            : count == 1          ? tr("1 finding shown")
                                  : tr("%1 findings shown").arg(count));
}

} // namespace heapsight::gui
