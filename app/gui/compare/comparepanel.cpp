// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/comparepanel.h"

#include "compare/changesmodel.h"
#include "compare/changesproxy.h"
#include "compare/compareside.h"
#include "run/toolchainlist.h"
#include "why/whyformatter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

ComparePanel::ComparePanel(ToolchainList* toolchains, QWidget* parent)
    : QWidget(parent)
    , m_sourceA(new CompareSide(tr("A"), this))
    , m_sourceB(new CompareSide(tr("B"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_compareButton(new QPushButton(tr("Compare"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_kinds(new QComboBox(this))
    , m_presets(new QComboBox(this))
    , m_model(new ChangesModel(this))
    , m_proxy(new ChangesProxy(this))
    , m_table(new QTableView(this))
    , m_sideA(new QTextBrowser(this))
    , m_sideB(new QTextBrowser(this))
    , m_palette(palette())
{
    // A above B: side by side, the two choosers alone made the dock (and the window) wider than a laptop.
    auto* choosers = new QGridLayout;
    choosers->addWidget(m_sourceA, 0, 0);
    choosers->addWidget(m_sourceB, 1, 0);
    choosers->setColumnStretch(0, 1);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelCompareButton"));
    choosers->addWidget(m_compareButton, 0, 1);
    connect(
        m_compareButton, &QPushButton::clicked, this, [this] { compare(m_sourceA->source(), m_sourceB->source()); });
    // The bundled sample's recorded reports make two comparisons worth a click: the loop-variable change of
    // Go 1.22, and what the compilers since Go 1.25 keep on the stack.
    m_presets->setObjectName(QStringLiteral("comparePresets"));
    m_presets->setVisible(false);
    choosers->addWidget(m_presets, 1, 1);
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        const QStringList pair = m_presets->itemData(index).toStringList();
        if (pair.size() == 2)
            compareFiles(pair[0], pair[1]);
    });

    auto* filters = new QHBoxLayout;
    for (ChangeType type : { ChangeType::Added, ChangeType::Removed, ChangeType::Changed }) {
        auto* box = new QCheckBox(ChangesModel::changeLabel(type), this);
        box->setObjectName(QStringLiteral("show-%1").arg(QString::fromLatin1(changeTypeId(type).data())));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this, type](bool on) { m_proxy->setChangeTypeShown(type, on); });
        filters->addWidget(box);
    }
    // By kind: all, the heap allocations, or one group of the findings list's filter.
    m_kinds->setObjectName(QStringLiteral("changeKinds"));
    m_kinds->addItem(tr("All kinds"), int(0xff));
    m_kinds->addItem(tr("Heap escapes"), int(HeapGroups));
    for (MarkerGroup group : AllMarkerGroups)
        m_kinds->addItem(markerGroupLabel(group), int(groupBit(group)));
    filters->addWidget(m_kinds);
    connect(m_kinds, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setGroups(static_cast<MarkerGroups>(m_kinds->currentData().toInt())); });
    filters->addStretch(1);
    filters->addWidget(m_status);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    filters->addWidget(m_progress);
    m_cancelButton->hide();
    filters->addWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &ComparePanel::cancel);

    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ChangesModel::FileColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::activated, this, &ComparePanel::onActivated);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ComparePanel::onCurrentChanged);

    for (QTextBrowser* side : { m_sideA, m_sideB }) {
        side->setOpenLinks(false);
        const bool sideB = side == m_sideB;
        connect(side, &QTextBrowser::anchorClicked, this, [this, sideB](const QUrl& url) { onLink(url, sideB); });
    }
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_sideA);
    sides->addWidget(m_sideB);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(sides);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    for (QComboBox* box : { m_presets, m_kinds }) { // elide rather than widen the window (see CompareSide)
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(choosers);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    for (CompareSide* side : { m_sourceA, m_sourceB }) {
        connect(side, &CompareSide::loaded, this, [this, side](std::shared_ptr<const ReportIndex> index) {
            (side == m_sourceA ? m_indexA : m_indexB) = std::move(index);
            onSideLoaded();
        });
        connect(side, &CompareSide::failed, this, &ComparePanel::onSideFailed);
        connect(side, &CompareSide::progressChanged, this, &ComparePanel::onProgress);
    }
    connect(
        &m_diffWatcher, &QFutureWatcher<std::shared_ptr<const Comparison>>::finished, this, &ComparePanel::onCompared);
    connect(toolchains, &ToolchainList::changed, this, [this, toolchains] { setToolchains(toolchains->toolchains()); });
    if (toolchains->isKnown())
        setToolchains(toolchains->toolchains());
}

ComparePanel::~ComparePanel()
{
    m_diffWatcher.waitForFinished();
}

void ComparePanel::setModule(const QString& moduleRoot, const QString& goModVersion, const QStringList& reportFiles)
{
    cancel();
    m_moduleRoot = moduleRoot;
    m_sourceA->setModule(moduleRoot, goModVersion, reportFiles);
    m_sourceB->setModule(moduleRoot, goModVersion, reportFiles);
    m_presets->clear();
    const auto recorded = [&reportFiles](const QString& name) {
        for (const QString& f : reportFiles) {
            if (f.endsWith(QLatin1Char('/') + name))
                return f;
        }
        return QString();
    };
    const struct {
        const char* label;
        const char* a;
        const char* b;
    } presets[] = {
        { QT_TR_NOOP("Go 1.21 vs 1.22: loop variables"), "escapes-go1.21.m2.txt", "escapes-go1.22-lang1.22.m2.txt" },
        { QT_TR_NOOP("Go 1.24 vs 1.27: what the new compilers keep on the stack"), "escapes-go1.24.m2.txt",
            "escapes-go1.27.m2.txt" },
    };
    for (const auto& p : presets) {
        const QString a = recorded(QLatin1String(p.a)), b = recorded(QLatin1String(p.b));
        if (!a.isEmpty() && !b.isEmpty())
            m_presets->addItem(tr(p.label), QStringList { a, b });
    }
    if (m_presets->count() > 0)
        m_presets->insertItem(0, tr("Recorded comparisons…"));
    m_presets->setCurrentIndex(0);
    m_presets->setVisible(m_presets->count() > 0);
}

void ComparePanel::setToolchains(const std::vector<Toolchain>& toolchains)
{
    m_sourceA->setToolchains(toolchains);
    m_sourceB->setToolchains(toolchains);
    if (m_waitingForToolchains) {
        m_waitingForToolchains = false;
        compare(m_pendingA, m_pendingB);
    }
}

void ComparePanel::compareFiles(const QString& pathA, const QString& pathB)
{
    compare(CompareSource { pathA, {}, {}, {} }, CompareSource { pathB, {}, {}, {} });
}

void ComparePanel::compare(const CompareSource& a, const CompareSource& b)
{
    if (m_busy)
        cancel();
    if ((a.isRun() || b.isRun()) && !m_sourceA->toolchainsKnown()) {
        m_pendingA = a;
        m_pendingB = b;
        m_waitingForToolchains = true;
        setBusy(true);
        m_status->setText(tr("Looking for Go toolchains…"));
        return;
    }
    QString error;
    if (!m_sourceA->select(a, &error) || !m_sourceB->select(b, &error)) {
        m_status->setText(error);
        Q_EMIT comparisonFailed(error);
        return;
    }
    m_indexA.reset();
    m_indexB.reset();
    setBusy(true);
    startSide(m_sourceA);
}

// Side A first, then B: two builds at once would only compete for the same cores and Go build cache.
void ComparePanel::startSide(CompareSide* side)
{
    m_progress->setRange(0, 0);
    side->start();
}

void ComparePanel::onSideLoaded()
{
    if (!m_busy)
        return;
    if (m_indexA && !m_indexB && !m_sourceB->isRunning()) {
        startSide(m_sourceB);
        return;
    }
    if (!m_indexA || !m_indexB)
        return;
    m_status->setText(tr("Comparing…"));
    m_diffWatcher.setFuture(QtConcurrent::run(&Comparison::make, m_indexA, m_indexB));
}

void ComparePanel::onSideFailed(const QString& message)
{
    if (!m_busy)
        return;
    setBusy(false);
    m_sourceA->cancel();
    m_sourceB->cancel();
    m_status->setText(message);
    Q_EMIT comparisonFailed(message);
}

void ComparePanel::onProgress(int done, int total, const QString& activity)
{
    if (!m_busy)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_status->setText(activity);
}

void ComparePanel::cancel()
{
    if (!m_busy)
        return;
    setBusy(false);
    m_waitingForToolchains = false;
    m_sourceA->cancel();
    m_sourceB->cancel();
    m_status->setText(tr("Comparison cancelled"));
    Q_EMIT comparisonFailed(m_status->text());
}

void ComparePanel::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_compareButton->setEnabled(!busy);
}

void ComparePanel::onCompared()
{
    std::shared_ptr<const Comparison> result = m_diffWatcher.result();
    // Cancelled while diffing, or the diff of an earlier request.
    if (!m_busy || result->a != m_indexA || result->b != m_indexB)
        return;
    setBusy(false);
    m_comparison = std::move(result);
    m_model->setComparison(m_comparison);
    m_table->resizeColumnsToContents();
    m_status->setText(statusText());
    m_sideA->clear();
    m_sideB->clear();
    Q_EMIT comparisonChanged(m_comparison);
}

QString ComparePanel::statusText() const
{
    if (!m_comparison)
        return {};
    const DiffCounts& t = m_comparison->diff.total;
    return tr("A: %1 · B: %2 — %3 new in B, %4 gone, %5 changed, %6 unchanged")
        .arg(m_comparison->a->sourceName(), m_comparison->b->sourceName())
        .arg(t.added)
        .arg(t.removed)
        .arg(t.changed)
        .arg(t.unchanged);
}

QString ComparePanel::sideHtml(const Change& change, bool sideB) const
{
    const std::int64_t index = sideB ? change.indexB : change.indexA;
    const std::shared_ptr<const ReportIndex>& side = sideB ? m_comparison->b : m_comparison->a;
    const QString heading
        = QStringLiteral("<p><b>%1</b> · %2</p>").arg(sideB ? tr("B") : tr("A"), side->sourceName().toHtmlEscaped());
    if (index < 0)
        return heading + tr("<p><i>Not in this report.</i></p>");
    return heading + WhyFormatter(*side, m_palette).findingHtml(static_cast<std::uint32_t>(index));
}

void ComparePanel::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_comparison || !current.isValid())
        return;
    const Change& change = m_comparison->change(current.data(ChangesModel::RowRole).toUInt());
    m_sideA->setHtml(sideHtml(change, false));
    m_sideB->setHtml(sideHtml(change, true));
}

void ComparePanel::onActivated(const QModelIndex& index)
{
    if (!m_comparison || !index.isValid())
        return;
    const Change& change = m_comparison->change(index.data(ChangesModel::RowRole).toUInt());
    const QString path = m_comparison->diskPath(change);
    if (!path.isEmpty())
        Q_EMIT positionActivated(path, static_cast<int>(change.line), static_cast<int>(change.column));
}

void ComparePanel::onLink(const QUrl& url, bool sideB)
{
    const auto position = WhyFormatter::positionFromUrl(url);
    if (!m_comparison || !position)
        return;
    const ReportIndex& side = sideB ? *m_comparison->b : *m_comparison->a;
    const QString path = side.diskPath(position->file);
    if (!path.isEmpty())
        Q_EMIT positionActivated(path, static_cast<int>(position->line), static_cast<int>(position->column));
}

} // namespace heapsight::gui
