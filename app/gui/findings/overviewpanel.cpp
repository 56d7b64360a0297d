// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/overviewpanel.h"

#include "findings/findingfilter.h"
#include "session/reportindex.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <array>

namespace heapsight::gui {

namespace {

constexpr int kMaxBars = 12;

QList<QPair<QString, int>> topBars(const QMap<QString, int>& counts)
{
    QList<QPair<QString, int>> bars;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        bars.append({ it.key(), it.value() });
    std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return bars.mid(0, kMaxBars);
}

} // namespace

OverviewPanel::OverviewPanel(FindingFilter* filter, QWidget* parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_charts(new QWidget(this))
    , m_focus(new QLabel(this))
    , m_clear(new QPushButton(tr("Show all"), this))
{
    setObjectName(QStringLiteral("overviewPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_focus, 1);
    top->addWidget(m_clear);
    layout->addLayout(top);
    layout->addWidget(m_charts, 1);
    new QHBoxLayout(m_charts);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_filter->setPackage({});
        m_filter->setCause(std::nullopt);
    });
    connect(m_filter, &FindingFilter::changed, this, &OverviewPanel::updateFocusLabel);
    rebuild();
}

void OverviewPanel::setReport(std::shared_ptr<const ReportIndex> report)
{
    m_report = std::move(report);
    rebuild();
}

void OverviewPanel::focusPackage(const QString& package)
{
    m_filter->setPackage(package);
}
void OverviewPanel::focusCause(HeapCause cause)
{
    m_filter->setCause(cause);
}

void OverviewPanel::rebuild()
{
    QMap<QString, int> perPackage;
    CauseCounts perCause {};
    if (m_report) {
        const Report& r = m_report->report();
        for (std::uint32_t i = 0; i < r.findings().size(); ++i) {
            const Finding& f = r.findings()[i];
            if (!isHeapAllocation(f.kind))
                continue;
            ++perPackage[f.package < r.packages().size() ? QString::fromStdString(r.packages()[f.package].name)
                                                         : QString()];
            // Every heap allocation has a cause (hasCause); Unexplained when the output has no chain.
            ++perCause[static_cast<std::size_t>(m_report->cause(i).value_or(HeapCause::Unexplained))];
        }
    }
    m_packages = topBars(perPackage);
    // Most first, as `heapsight-cli report` prints them.
    m_causeOfBar = causesByCount(perCause);
    if (m_causeOfBar.size() > static_cast<std::size_t>(kMaxBars))
        m_causeOfBar.resize(kMaxBars);
    m_causes.clear();
    for (HeapCause c : m_causeOfBar) {
        const std::string_view label = causeLabel(c);
        m_causes.append({ QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())),
            static_cast<int>(perCause[static_cast<std::size_t>(c)]) });
    }
    QLayout* layout = m_charts->layout();
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    layout->addWidget(makeChart(
        tr("Heap allocations per package"), m_packages, [this](int bar) { focusPackage(m_packages.at(bar).first); }));
    layout->addWidget(makeChart(tr("Heap allocations by cause"), m_causes,
        [this](int bar) { focusCause(m_causeOfBar.at(static_cast<std::size_t>(bar))); }));
    updateFocusLabel();
}

QChartView* OverviewPanel::makeChart(
    const QString& title, const QList<QPair<QString, int>>& bars, std::function<void(int)> onClick)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setTheme(
        palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Base));
    auto* set = new QBarSet(title);
    QStringList labels;
    int maximum = 1;
    // Horizontal bars are drawn bottom-up: add them in reverse so the largest is on top.
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        *set << it->second;
        labels << it->first;
        maximum = std::max(maximum, it->second);
    }
    set->setColor(palette().color(QPalette::Highlight));
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, maximum);
    values->setLabelFormat(QStringLiteral("%d"));
    values->setTickCount(std::min(maximum, 5) + 1);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    // Bars were added in reverse, so the index QBarSet reports counts from the bottom.
    const int count = static_cast<int>(bars.size());
    connect(set, &QBarSet::clicked, this, [count, onClick = std::move(onClick)](int index) {
        if (index >= 0 && index < count)
            onClick(count - 1 - index);
    });
    auto* view = new QChartView(chart, m_charts);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(110); // more would make the bottom docks, and the window, tall on a laptop
    const QString clickHint = tr("Click a bar to show only its findings in every view");
    view->setToolTip(clickHint);
    // The axis cuts long labels ("spill: storage of its own whos…"): the bar under the mouse names itself.
    connect(set, &QBarSet::hovered, view, [view, bars, clickHint](bool over, int index) {
        const qsizetype bar = bars.size() - 1 - index;
        view->setToolTip(over && bar >= 0 && bar < bars.size() ? QStringLiteral("<b>%1</b>: %2<br>%3")
                                                                     .arg(bars.at(bar).first.toHtmlEscaped())
                                                                     .arg(bars.at(bar).second)
                                                                     .arg(clickHint)
                                                               : clickHint);
    });
    return view;
}

void OverviewPanel::updateFocusLabel()
{
    QStringList parts;
    if (!m_filter->package().isEmpty())
        parts << tr("package <b>%1</b>").arg(m_filter->package().toHtmlEscaped());
    if (const std::optional<HeapCause> cause = m_filter->cause()) {
        const std::string_view label = causeLabel(*cause);
        parts << tr("the cause <b>%1</b>")
                     .arg(QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())).toHtmlEscaped());
    }
    m_focus->setText(parts.isEmpty() ? tr("All packages and causes. Click a bar to focus on it.")
                                     : tr("Showing only %1.").arg(parts.join(tr(" and "))));
    m_clear->setEnabled(!parts.isEmpty());
}

void OverviewPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace heapsight::gui
