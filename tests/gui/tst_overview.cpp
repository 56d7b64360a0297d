// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The overview charts count the sample's heap allocations per package and per cause, and a click on a bar
// focuses every view on it. Expected counts come from a plain grep of the recorded output.
#include "findings/findingfilter.h"
#include "findings/findingspanel.h"
#include "findings/overviewpanel.h"
#include "guitestsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QRegularExpression>
#include <QTest>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

// Distinct `moved to heap` / `escapes to heap` verdict lines per `# pkg` block of the recorded output.
QMap<QString, int> heapLinesPerPackage(const QByteArray& report)
{
    QMap<QString, QSet<QByteArray>> lines;
    QString package;
    static const QRegularExpression verdict(
        QStringLiteral(R"(^\S+:\d+:\d+: (moved to heap: \S+|.+ escapes to heap)$)"));
    for (const QByteArray& line : report.split('\n')) {
        if (line.startsWith("# ")) {
            package = QString::fromUtf8(line.mid(2));
            continue;
        }
        if (verdict.match(QString::fromUtf8(line)).hasMatch())
            lines[package].insert(line);
    }
    QMap<QString, int> counts;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        counts[it.key()] = static_cast<int>(it.value().size());
    return counts;
}

} // namespace

class TestOverview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barsCountHeapAllocations();
    void clickingABarFocusesEveryView();
    void clickOnACauseBarFocusesThatCause();
};

void TestOverview::barsCountHeapAllocations()
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    auto window = test::openSampleWindow(&testers);
    QVERIFY(window);
    const QMap<QString, int> expected = heapLinesPerPackage(test::readFile(test::sampleReport()));
    QVERIFY(expected.size() == 2);
    const auto bars = window->overviewPanel()->packageBars();
    QCOMPARE(bars.size(), expected.size());
    for (const auto& [package, count] : bars)
        QCOMPARE(count, expected.value(package));
    QVERIFY(bars.first().second >= bars.last().second); // largest first
    int causes = 0;
    for (const auto& bar : window->overviewPanel()->causeBars())
        causes += bar.second;
    QCOMPARE(causes,
        expected.value(QStringLiteral("example.com/escapes"))
            + expected.value(QStringLiteral("example.com/escapes/store")));
    testers.clear();
}

void TestOverview::clickingABarFocusesEveryView()
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    auto window = test::openSampleWindow(&testers);
    QVERIFY(window);
    const QByteArray report = test::readFile(test::sampleReport());
    const int all = window->findingsPanel()->shownCount();
    window->overviewPanel()->focusPackage(QStringLiteral("example.com/escapes/store"));
    const int storeOnly = test::grepCount(report, QStringLiteral("store/store.go"), test::defaultVerdictPattern());
    QVERIFY(storeOnly > 0);
    QCOMPARE(window->findingsPanel()->shownCount(), storeOnly);
    window->overviewPanel()->focusPackage({});
    QCOMPARE(window->findingsPanel()->shownCount(), all);
    // bigalloc.go's make([]byte, 1048576), and the same allocation where bigBuffer is inlined into main.
    QSet<QByteArray> tooLarge;
    for (const QByteArray& line : report.split('\n')) {
        if (line.contains("(too large for stack)"))
            tooLarge.insert(line.left(line.indexOf(":     from")));
    }
    QCOMPARE(tooLarge.size(), 2);
    window->overviewPanel()->focusCause(HeapCause::TooLargeForStack);
    QCOMPARE(window->findingsPanel()->shownCount(), static_cast<int>(tooLarge.size()));
    window->filter()->setCause(std::nullopt);
    QCOMPARE(window->findingsPanel()->shownCount(), all);
    testers.clear();
}

// The chart draws its bars bottom-up; a click must focus the cause whose label the bar has.
void TestOverview::clickOnACauseBarFocusesThatCause()
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    auto window = test::openSampleWindow(&testers);
    QVERIFY(window);
    const auto bars = window->overviewPanel()->causeBars();
    QVERIFY2(bars.size() >= 3, "the sample has allocations of several causes");
    QBarSet* set = nullptr;
    QChartView* chart = nullptr;
    for (QChartView* view : window->overviewPanel()->findChildren<QChartView*>()) {
        if (view->chart()->title() == QStringLiteral("Heap allocations by cause")) {
            chart = view;
            set = qobject_cast<QHorizontalBarSeries*>(view->chart()->series().constFirst())->barSets().constFirst();
        }
    }
    QVERIFY(set);
    QCOMPARE(set->count(), bars.size());
    // The default filter shows leaking parameters too, which have causes of their own: a bar still shows
    // exactly the heap allocations it counts.
    QVERIFY(window->filter()->isGroupEnabled(MarkerGroup::Leaks));
    for (qsizetype bar = 0; bar < bars.size(); ++bar) {
        const qsizetype drawn = bars.size() - 1 - bar; // index in the set: bottom first
        QCOMPARE(set->at(drawn), qreal(bars.at(bar).second));
        // The axis may cut a label short; hovering the bar names it whole.
        Q_EMIT set->hovered(true, static_cast<int>(drawn));
        QVERIFY2(chart->toolTip().startsWith(
                     QStringLiteral("<b>%1</b>: %2").arg(bars.at(bar).first).arg(bars.at(bar).second)),
            qPrintable(chart->toolTip()));
        Q_EMIT set->hovered(false, static_cast<int>(drawn));
        Q_EMIT set->clicked(static_cast<int>(drawn));
        const std::optional<HeapCause> cause = window->filter()->cause();
        QVERIFY(cause);
        const std::string_view label = causeLabel(*cause);
        QCOMPARE(QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())), bars.at(bar).first);
        QCOMPARE(window->findingsPanel()->shownCount(), bars.at(bar).second);
    }
    QVERIFY(bars.first().second >= bars.last().second);
    testers.clear();
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
