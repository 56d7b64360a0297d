// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/whypanel.h"

#include "core/identity/godeclscanner.h"
#include "core/why/whyflowgraph.h"
#include "core/why/whypathbuilder.h"
#include "findings/findingfilter.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "why/flowgraphview.h"
#include "why/whycallsformatter.h"
#include "why/whyformatter.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace heapsight::gui {

WhyPanel::WhyPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_browser(new QTextBrowser(this))
    , m_tabs(new QTabWidget(this))
    , m_graph(new FlowGraphView(this))
    , m_wholeFunction(new QCheckBox(tr("Whole function"), this))
    , m_snapshot(std::make_shared<const ReportSnapshot>())
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
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("whyTabs"));
    m_tabs->addTab(m_browser, tr("Steps"));
    auto* graphPage = new QWidget(this);
    auto* graphLayout = new QVBoxLayout(graphPage);
    graphLayout->setContentsMargins(6, 4, 0, 0);
    m_wholeFunction->setToolTip(
        tr("Draw the flows of every finding the filter shows in the function around this line"));
    graphLayout->addWidget(m_wholeFunction);
    graphLayout->addWidget(m_graph, 1);
    m_tabs->addTab(graphPage, tr("Flow graph"));
    layout->addWidget(m_tabs, 1);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &WhyPanel::onAnchorClicked);
    connect(m_graph, &FlowGraphView::positionActivated, this, &WhyPanel::showPosition);
    connect(m_graph, &FlowGraphView::locationActivated, this, &WhyPanel::showLocation);
    connect(m_wholeFunction, &QCheckBox::toggled, this, &WhyPanel::refreshGraph);
    clear();
}

WhyPanel::~WhyPanel() = default;

void WhyPanel::setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot)
{
    if (!snapshot)
        snapshot = std::make_shared<const ReportSnapshot>();
    const bool sameReport = snapshot->index == m_snapshot->index;
    m_snapshot = std::move(snapshot);
    m_report = m_snapshot->index.get();
    if (sameReport) {
        refresh(true);
        return;
    }
    m_paths.reset();
    refresh();
}

void WhyPanel::setDependencyInputs(std::vector<WhyInput> inputs)
{
    m_dependencies = std::move(inputs);
    m_paths.reset();
    refresh(true);
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
        refreshGraph();
        return;
    }
    m_title->setText(QStringLiteral("<b>%1</b> · %2").arg(tr("Line %1").arg(m_line), m_displayName.toHtmlEscaped()));
    if (!m_report || !m_filter) {
        m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(tr("No report is loaded for this module.")));
        refreshGraph();
        return;
    }
    const int scroll = m_browser->verticalScrollBar()->value();
    WhyFormatter formatter(*m_report, AnnotationPalette(palette()));
    formatter.setPaths(&pathBuilder());
    m_browser->setHtml(formatter.lineHtml(m_path, m_line, *m_filter, m_snapshot->accepted.get()));
    m_browser->verticalScrollBar()->setValue(keepScroll ? scroll : 0);
    refreshGraph();
}

void WhyPanel::refreshGraph()
{
    if (m_line <= 0 || m_path.isEmpty() || !m_report || !m_filter) {
        m_graph->setGraph({});
        return;
    }
    // The lines to draw: this one, or the span of the function declared around it.
    auto first = static_cast<std::uint32_t>(m_line), last = first;
    if (m_wholeFunction->isChecked()) {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray source = file.readAll();
            const auto functions
                = scanGoFunctions(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
            if (const GoFunctionSpan* f = enclosingFunction(functions, first)) {
                first = f->firstLine;
                last = f->lastLine;
            }
        }
    }
    std::vector<std::uint32_t> shown;
    const Report& report = m_report->report();
    for (FileId file : m_report->fileIds(m_path)) {
        for (std::uint32_t i : report.findingsInFile(file)) {
            const std::uint32_t line = report.findings()[i].position.line;
            if (line >= first && line <= last && m_filter->accepts(*m_snapshot, i))
                shown.push_back(i);
        }
    }
    // Where a value is passed to a function whose own block the report has, the graph goes on into it, as
    // the steps' text does; otherwise the graph of the findings' own blocks, as always.
    std::vector<WhyPath> paths;
    for (std::uint32_t i : shown) {
        for (std::size_t k = 0; k < report.findings()[i].explanations.size(); ++k)
            paths.push_back(pathBuilder().pathOf(0, i, k));
    }
    m_graph->setGraph(entersCallee(paths) ? buildWhyFlowGraph(paths) : buildFlowGraph(report, shown));
}

WhyPathBuilder& WhyPanel::pathBuilder()
{
    if (!m_paths) {
        std::vector<WhyInput> inputs { { m_report->sharedReport(), m_report->moduleRoot().toStdString() } };
        inputs.insert(inputs.end(), m_dependencies.begin(), m_dependencies.end());
        m_paths = std::make_unique<WhyPathBuilder>(std::move(inputs));
    }
    return *m_paths;
}

void WhyPanel::showPosition(const Position& at)
{
    const QString path = m_report ? m_report->diskPath(at.file) : QString();
    if (!path.isEmpty())
        Q_EMIT positionActivated(path, static_cast<int>(at.line), static_cast<int>(at.column));
}

// A step of a sub-path: through the report's own file when it has it, as the steps' links go
// (WhyCallsFormatter), else the file on disk the path found.
void WhyPanel::showLocation(const QString& file, const QString& diskPath, int line, int column)
{
    const FileId id = m_report ? m_report->report().fileId(file.toStdString()) : NoFile;
    if (id != NoFile && !m_report->diskPath(id).isEmpty())
        showPosition({ id, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column) });
    else if (!diskPath.isEmpty())
        Q_EMIT positionActivated(diskPath, line, column);
}

void WhyPanel::onAnchorClicked(const QUrl& url)
{
    if (const std::optional<Position> position = WhyFormatter::positionFromUrl(url))
        showPosition(*position);
    else if (const QStringList packages = WhyCallsFormatter::packagesFromUrl(url); !packages.isEmpty())
        Q_EMIT dependencyAnalysisRequested(packages);
    else if (const auto file = WhyCallsFormatter::fileFromUrl(url))
        Q_EMIT positionActivated(file->diskPath, file->line, file->column);
}

void WhyPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh(true);
}

} // namespace heapsight::gui
