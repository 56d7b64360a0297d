#include "comparepanel.h"

#include "changesmodel.h"
#include "changesproxy.h"
#include "reportloader.h"
#include "whyformatter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_heapOnly(new QCheckBox(tr("Heap escapes only"), this))
    , m_model(new ChangesModel(this))
    , m_proxy(new ChangesProxy(this))
    , m_table(new QTableView(this))
    , m_sideA(new QTextBrowser(this))
    , m_sideB(new QTextBrowser(this))
    , m_loaderA(new ReportLoader(this))
    , m_loaderB(new ReportLoader(this))
    , m_palette(palette())
{
    auto* choosers = new QHBoxLayout;
    choosers->addWidget(createChooser(tr("A:"), &m_comboA), 1);
    choosers->addWidget(createChooser(tr("B:"), &m_comboB), 1);
    auto* compare = new QPushButton(tr("Compare"), this);
    compare->setObjectName(QStringLiteral("compareButton"));
    choosers->addWidget(compare);
    connect(compare, &QPushButton::clicked, this,
        [this] { compareFiles(m_comboA->currentText(), m_comboB->currentText()); });

    auto* filters = new QHBoxLayout;
    for (ChangeType type : { ChangeType::Added, ChangeType::Removed, ChangeType::Changed }) {
        auto* box = new QCheckBox(ChangesModel::changeLabel(type), this);
        box->setObjectName(QStringLiteral("show-%1").arg(QString::fromLatin1(changeTypeId(type).data())));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this, type](bool on) { m_proxy->setChangeTypeShown(type, on); });
        filters->addWidget(box);
    }
    filters->addWidget(m_heapOnly);
    connect(m_heapOnly, &QCheckBox::toggled, this,
        [this](bool on) { m_proxy->setGroups(on ? HeapGroups : MarkerGroups(0xff)); });
    filters->addStretch(1);
    filters->addWidget(m_status);

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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(choosers);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_loaderA, &ReportLoader::reportLoaded, this, [this](std::shared_ptr<const ReportIndex> index) {
        m_indexA = std::move(index);
        onSideLoaded();
    });
    connect(m_loaderB, &ReportLoader::reportLoaded, this, [this](std::shared_ptr<const ReportIndex> index) {
        m_indexB = std::move(index);
        onSideLoaded();
    });
    for (ReportLoader* loader : { m_loaderA, m_loaderB }) {
        connect(
            loader, &ReportLoader::loadFailed, this, [this](const QString& message) { m_status->setText(message); });
    }
    connect(
        &m_diffWatcher, &QFutureWatcher<std::shared_ptr<const Comparison>>::finished, this, &ComparePanel::onCompared);
}

ComparePanel::~ComparePanel()
{
    m_diffWatcher.waitForFinished();
}

QWidget* ComparePanel::createChooser(const QString& label, QComboBox** combo)
{
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(label, box));
    *combo = new QComboBox(box);
    (*combo)->setEditable(true);
    (*combo)->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    (*combo)->setMinimumContentsLength(24);
    (*combo)->setToolTip(tr("A report file: go build -gcflags=-m=2 output, or a Heapsight report JSON"));
    layout->addWidget(*combo, 1);
    auto* browse = new QToolButton(box);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a report file"));
    QComboBox* target = *combo;
    connect(browse, &QToolButton::clicked, this, [this, target] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Report to compare"), m_moduleRoot);
        if (!path.isEmpty())
            target->setEditText(path);
    });
    layout->addWidget(browse);
    return box;
}

void ComparePanel::setModule(const QString& moduleRoot, const QStringList& reportFiles)
{
    m_moduleRoot = moduleRoot;
    for (QComboBox* combo : { m_comboA, m_comboB }) {
        const QString current = combo->currentText();
        combo->clear();
        combo->addItems(reportFiles);
        combo->setEditText(current);
    }
}

void ComparePanel::compareFiles(const QString& pathA, const QString& pathB)
{
    if (pathA.isEmpty() || pathB.isEmpty()) {
        m_status->setText(tr("Choose a report for side A and for side B."));
        return;
    }
    m_comboA->setEditText(pathA);
    m_comboB->setEditText(pathB);
    m_indexA.reset();
    m_indexB.reset();
    m_busy = true;
    m_status->setText(tr("Reading both reports…"));
    m_loaderA->loadFile(pathA, m_moduleRoot);
    m_loaderB->loadFile(pathB, m_moduleRoot);
}

void ComparePanel::onSideLoaded()
{
    if (!m_indexA || !m_indexB)
        return;
    m_status->setText(tr("Comparing…"));
    m_diffWatcher.setFuture(QtConcurrent::run(&Comparison::make, m_indexA, m_indexB));
}

void ComparePanel::onCompared()
{
    m_busy = false;
    m_comparison = m_diffWatcher.result();
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
