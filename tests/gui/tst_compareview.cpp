// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The compare view on the sample's recorded reports of Go 1.21 and of Go 1.22 with go 1.22 language
// semantics: the heap-escape changes listed are the ones an independent comparison of the two recorded
// files finds, a change opens its line with both reason chains side by side, the source marks it, and
// the change-type filters hide what they should.
#include "compare/changesmodel.h"
#include "compare/changesproxy.h"
#include "compare/comparepanel.h"
#include "guitestsupport.h"
#include "run/languagechoices.h"
#include "source/lineannotations.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace heapsight;
using namespace heapsight::gui;

namespace {

// The two spellings that differ between these recordings without the finding changing (see
// shared/reference/go-escape-output.md): Go 1.21's result names ~R0 and its unfolded constants.
QString spelledAsGo122(QString message)
{
    return message.replace(QStringLiteral("~R"), QStringLiteral("~r"))
        .replace(QStringLiteral("1 << 20"), QStringLiteral("1048576"));
}

// "file:line: moved to heap: x" / "escapes to heap" verdicts of a recorded report, columns left out
// (inlining can move a column without changing the finding).
QSet<QString> heapVerdicts(const QByteArray& report)
{
    static const QRegularExpression verdict(
        QStringLiteral(R"(^\./([^:]+):(\d+):\d+: (moved to heap: \S+|.+ escapes to heap)$)"),
        QRegularExpression::MultilineOption);
    QSet<QString> result;
    for (auto it = verdict.globalMatch(QString::fromUtf8(report)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        result.insert(QStringLiteral("%1:%2: %3").arg(m.captured(1), m.captured(2), spelledAsGo122(m.captured(3))));
    }
    return result;
}

} // namespace

class TestCompareView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void heapChangesAreTheRecordedOnes();
    void changeOpensBothSides();
    void changeTypeFilter();
    void kindFilter();
    void recordedComparisons();
    void languageVersionsFollowTheToolchain();

private:
    QSet<QString> listedHeapChanges(ChangeType type) const;

    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    std::unique_ptr<MainWindow> m_window;
    ComparePanel* m_panel = nullptr;
};

void TestCompareView::init()
{
    m_window = test::openSampleWindow(&m_testers);
    QVERIFY(m_window);
    m_panel = m_window->comparePanel();
    // Under the tester from the start: the first comparison's reset is checked too.
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        m_panel->changesView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    QSignalSpy compared(m_panel, &ComparePanel::comparisonChanged);
    m_window->compareReports(test::sampleReport(QStringLiteral("escapes-go1.21.m2.txt")),
        test::sampleReport(QStringLiteral("escapes-go1.22-lang1.22.m2.txt")));
    QVERIFY(compared.wait(20000));
    QVERIFY(m_window->isComparing());
}

void TestCompareView::cleanup()
{
    m_testers.clear();
    m_window.reset();
}

QSet<QString> TestCompareView::listedHeapChanges(ChangeType type) const
{
    const QAbstractItemModel* model = m_panel->changesView()->model();
    const auto& comparison = *m_panel->comparison();
    QSet<QString> result;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ChangesModel::ChangeTypeRole).toInt() != static_cast<int>(type))
            continue;
        const Change& change = comparison.change(index.data(ChangesModel::RowRole).toUInt());
        const Finding* f = comparison.finding(change, type == ChangeType::Added);
        if (f && (f->kind == FindingKind::MovedToHeap || f->kind == FindingKind::EscapesToHeap)) {
            QString file = QString::fromStdString(change.file);
            file.remove(QRegularExpression(QStringLiteral("^\\./")));
            result.insert(QStringLiteral("%1:%2: %3")
                              .arg(file)
                              .arg(change.line)
                              .arg(spelledAsGo122(QString::fromStdString(std::string(f->message)))));
        }
    }
    return result;
}

void TestCompareView::heapChangesAreTheRecordedOnes()
{
    const QSet<QString> a = heapVerdicts(test::readFile(test::sampleReport(QStringLiteral("escapes-go1.21.m2.txt"))));
    const QSet<QString> b
        = heapVerdicts(test::readFile(test::sampleReport(QStringLiteral("escapes-go1.22-lang1.22.m2.txt"))));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QSet<QString> gone = QSet<QString>(a).subtract(b);
    const QSet<QString> added = QSet<QString>(b).subtract(a);
    QVERIFY2(!gone.isEmpty(), "the recordings must differ in a heap escape (the loop variables)");
    QCOMPARE(listedHeapChanges(ChangeType::Removed), gone);
    QCOMPARE(listedHeapChanges(ChangeType::Added), added);
}

void TestCompareView::changeOpensBothSides()
{
    QTableView* view = m_panel->changesView();
    QModelIndex target;
    for (int row = 0; row < view->model()->rowCount() && !target.isValid(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        const Change& change = m_panel->comparison()->change(index.data(ChangesModel::RowRole).toUInt());
        if (change.type == ChangeType::Removed && change.kind == FindingKind::MovedToHeap
            && change.file.ends_with("loopvar.go"))
            target = index;
    }
    QVERIFY(target.isValid());
    const Change& change = m_panel->comparison()->change(target.data(ChangesModel::RowRole).toUInt());
    view->setCurrentIndex(target);
    Q_EMIT view->activated(target);
    QTRY_VERIFY(m_window->sourcePane()->currentPath().endsWith(QStringLiteral("/loopvar.go")));
    QCOMPARE(m_window->sourcePane()->view()->currentLine(), static_cast<int>(change.line));
    QVERIFY(m_panel->sideBrowser(false)->toPlainText().contains(QStringLiteral("moved to heap: i")));
    QVERIFY(m_panel->sideBrowser(true)->toPlainText().contains(QStringLiteral("Not in this report")));
    // The source marks the change, not the findings of the open report.
    const LineAnnotation* marked = m_window->sourcePane()->view()->annotations().at(static_cast<int>(change.line));
    QVERIFY(marked);
    QVERIFY2(marked->note.startsWith(QStringLiteral("gone in B: moved to heap: i")), qPrintable(marked->note));
}

void TestCompareView::changeTypeFilter()
{
    QAbstractItemModel* model = m_panel->changesView()->model();
    const int all = model->rowCount();
    const DiffCounts& total = m_panel->comparison()->diff.total;
    QCOMPARE(static_cast<std::uint64_t>(all), total.added + total.removed + total.changed);
    auto* gone = m_panel->findChild<QCheckBox*>(QStringLiteral("show-removed"));
    QVERIFY(gone);
    gone->setChecked(false);
    QCOMPARE(static_cast<std::uint64_t>(model->rowCount()), total.added + total.changed);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(
            model->index(row, 0).data(ChangesModel::ChangeTypeRole).toInt() != static_cast<int>(ChangeType::Removed));
    gone->setChecked(true);
    QCOMPARE(model->rowCount(), all);
}

// Each choice of the kind box lists exactly the changes whose kind falls in it.
void TestCompareView::kindFilter()
{
    QAbstractItemModel* model = m_panel->changesView()->model();
    auto* kinds = m_panel->findChild<QComboBox*>(QStringLiteral("changeKinds"));
    QVERIFY(kinds);
    QCOMPARE(kinds->count(), 2 + MarkerGroupCount);
    const Comparison& comparison = *m_panel->comparison();
    int sum = 0;
    for (int i = 0; i < kinds->count(); ++i) {
        kinds->setCurrentIndex(i);
        const auto groups = static_cast<MarkerGroups>(kinds->itemData(i).toInt());
        int expected = 0;
        for (std::uint32_t row = 0; row < comparison.shown.size(); ++row)
            expected += (groups & groupBit(markerGroup(comparison.change(row).kind))) ? 1 : 0;
        QCOMPARE(model->rowCount(), expected);
        if (i >= 2)
            sum += expected;
    }
    QCOMPARE(sum, static_cast<int>(comparison.shown.size())); // the groups partition the changes
    kinds->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), static_cast<int>(comparison.shown.size()));
}

// The sample offers two recorded comparisons in one click. Go 1.24 vs 1.27 lists what the new compilers keep on
// the stack (the variable-size make of dynsize.go escapes in 1.24 and does not in 1.27) and the allocations they
// newly report (`append escapes to heap`); a heap verdict at the same place whose subject is only spelled anew
// (`n escapes to heap` of an inlined parameter, `7 escapes to heap` in 1.27) is no change. Compared here by
// position and kind, read from the recorded files independently of the diff engine.
void TestCompareView::recordedComparisons()
{
    auto* presets = m_panel->findChild<QComboBox*>(QStringLiteral("comparePresets"));
    QVERIFY(presets);
    QVERIFY(presets->isVisibleTo(m_panel));
    QCOMPARE(presets->count(), 3); // the placeholder and two comparisons
    QSignalSpy compared(m_panel, &ComparePanel::comparisonChanged);
    Q_EMIT presets->activated(2);
    QVERIFY(compared.wait(20000));
    static const QRegularExpression verdict(
        QStringLiteral(R"(^\./([^:]+):(\d+):(\d+): (moved to heap: \S+|.+ escapes to heap)$)"),
        QRegularExpression::MultilineOption);
    // Several heap verdicts can share a place (main.go:18:34 has two in Go 1.24, one in 1.27): counted.
    const auto places = [](const QByteArray& report) {
        QMap<QString, int> result;
        for (auto it = verdict.globalMatch(QString::fromUtf8(report)); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            ++result[QStringLiteral("%1:%2:%3 %4")
                         .arg(m.captured(1), m.captured(2), m.captured(3),
                             m.captured(4).startsWith(QLatin1String("moved")) ? QStringLiteral("moved")
                                                                              : QStringLiteral("escapes"))];
        }
        return result;
    };
    const auto minus = [](const QMap<QString, int>& x, const QMap<QString, int>& y) {
        QMap<QString, int> result;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (const int n = it.value() - y.value(it.key()); n > 0)
                result[it.key()] = n;
        }
        return result;
    };
    const QMap<QString, int> a = places(test::readFile(test::sampleReport(QStringLiteral("escapes-go1.24.m2.txt"))));
    const QMap<QString, int> b = places(test::readFile(test::sampleReport(QStringLiteral("escapes-go1.27.m2.txt"))));
    QVERIFY(a.contains(QStringLiteral("dynsize.go:7:11 escapes"))
        && !b.contains(QStringLiteral("dynsize.go:7:11 escapes")));
    const auto listed = [this](ChangeType type) {
        const QAbstractItemModel* model = m_panel->changesView()->model();
        QMap<QString, int> result;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const Change& change = m_panel->comparison()->change(index.data(ChangesModel::RowRole).toUInt());
            if (change.type != type || !isHeapAllocation(change.kind))
                continue;
            QString file = QString::fromStdString(change.file);
            file.remove(QRegularExpression(QStringLiteral("^\\./")));
            ++result[QStringLiteral("%1:%2:%3 %4")
                         .arg(file)
                         .arg(change.line)
                         .arg(change.column)
                         .arg(QLatin1String(kindId(change.kind).data()))];
        }
        return result;
    };
    QCOMPARE(listed(ChangeType::Removed), minus(a, b));
    QCOMPARE(listed(ChangeType::Added), minus(b, a));
}

// A toolchain cannot build a module that asks for a newer Go: the language list stops at its own version.
void TestCompareView::languageVersionsFollowTheToolchain()
{
    QComboBox box;
    fillLanguageChoices(&box, QStringLiteral("1.21"), QStringLiteral("go1.24.4"));
    QStringList offered;
    for (int i = 1; i < box.count(); ++i)
        offered << box.itemData(i).toString();
    QCOMPARE(offered, (QStringList { QStringLiteral("1.22"), QStringLiteral("1.23"), QStringLiteral("1.24") }));
    box.setCurrentIndex(box.findData(QStringLiteral("1.23")));
    fillLanguageChoices(&box, QStringLiteral("1.21"), QStringLiteral("go1.27.4"));
    QCOMPARE(box.count(), 1 + NewestKnownGoMinor - OldestKnownGoMinor); // go.mod's own is the first item
    QCOMPARE(box.currentData().toString(), QStringLiteral("1.23")); // the choice stays
    fillLanguageChoices(&box, QString(), QString());
    QCOMPARE(box.itemData(box.count() - 1).toString(), QStringLiteral("1.%1").arg(NewestKnownGoMinor));
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
