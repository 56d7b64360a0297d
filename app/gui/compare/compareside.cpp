// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/compareside.h"

#include "run/languagechoices.h"
#include "session/reportloader.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace heapsight::gui {

namespace {

enum Page { ReportPage, RunPage, CommitPage };

} // namespace

CompareSource CompareSource::fromSpec(const QString& spec)
{
    static const QRegularExpression run(QStringLiteral(R"(^(go\d+(?:\.\d+)*)(?:@(\d+\.\d+))?$)"));
    if (spec.startsWith(QLatin1String("git:")) && spec.size() > 4 && !QFileInfo::exists(spec)) {
        // "git:REF" or "git:REF@go1.22"
        const QString rest = spec.mid(4);
        const qsizetype at = rest.lastIndexOf(QLatin1String("@go"));
        return at > 0 ? CompareSource { {}, rest.mid(at + 1), {}, rest.left(at) } : CompareSource { {}, {}, {}, rest };
    }
    const QRegularExpressionMatch m = run.match(spec);
    if (!m.hasMatch() || QFileInfo::exists(spec))
        return { spec, {}, {}, {} };
    return { {}, m.captured(1), m.captured(2), {} };
}

CompareSide::CompareSide(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_name(name)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_loader(new ReportLoader(this))
{
    setObjectName(QStringLiteral("compareSide%1").arg(name));
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_kind->addItem(tr("Report file"));
    m_kind->addItem(tr("Run toolchain"));
    m_kind->addItem(tr("Git commit"));
    m_kind->setToolTip(tr("Compare a saved report, run the compiler on the open module now, or on the module as "
                          "it was at a git commit"));
    m_pages->addWidget(createReportPage());
    m_pages->addWidget(createRunPage());
    m_pages->addWidget(createCommitPage());
    connect(&m_exportWatcher, &QFutureWatcher<Export>::finished, this, &CompareSide::onSnapshotReady);
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("%1:").arg(name), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_pages, 1);
    // Boxes sized to their longest entry (a toolchain's path, a commit subject) would make the Compare dock,
    // and so the whole window, wider than a laptop screen: they elide instead.
    for (QComboBox* box : findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(
            std::min(box->minimumContentsLength() > 0 ? box->minimumContentsLength() : 10, 14));
    }

    connect(&m_runner, &AnalysisRunner::stageChanged, this, [this](const QString& stage) {
        m_stage = tr("%1: %2").arg(m_name, stage);
        Q_EMIT progressChanged(0, 0, m_stage);
    });
    connect(&m_runner, &AnalysisRunner::progressChanged, this, [this](int done, int total, const QString& package) {
        Q_EMIT progressChanged(done, total, package.isEmpty() ? m_stage : tr("%1 %2").arg(m_stage, package));
    });
    connect(&m_runner, &AnalysisRunner::finished, this, &CompareSide::onRunFinished);
    connect(m_loader, &ReportLoader::reportLoaded, this, &CompareSide::loaded);
    connect(m_loader, &ReportLoader::loadFailed, this,
        [this](const QString& message) { Q_EMIT failed(tr("%1: %2").arg(m_name, message)); });
}

CompareSide::~CompareSide() = default;

QWidget* CompareSide::createReportPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_report = new QComboBox(page);
    m_report->setObjectName(QStringLiteral("reportBox"));
    m_report->setEditable(true);
    m_report->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_report->setMinimumContentsLength(24);
    m_report->setToolTip(tr("A report file: go build -gcflags=-m=2 output, or a Heapsight report JSON"));
    layout->addWidget(m_report, 1);
    auto* browse = new QToolButton(page);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a report file"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Report to compare"), m_moduleRoot);
        if (!path.isEmpty())
            m_report->setEditText(path);
    });
    layout->addWidget(browse);
    return page;
}

QWidget* CompareSide::createRunPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolchain = createToolchainBox(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->setToolTip(tr("The `go` line to analyse under; Heapsight passes a temporary copy of go.mod"));
    fillLanguageChoices(m_language, {});
    connect(m_toolchain, &QComboBox::currentIndexChanged, this,
        [this] { fillLanguageChoices(m_language, m_goModVersion, m_toolchain->currentText()); });
    layout->addWidget(m_toolchain, 1);
    layout->addWidget(new QLabel(tr("language"), page));
    layout->addWidget(m_language, 1);
    return page;
}

QComboBox* CompareSide::createToolchainBox(QWidget* page)
{
    auto* box = new QComboBox(page);
    box->setObjectName(QStringLiteral("toolchainBox"));
    box->addItem(tr("looking for Go…"));
    box->setEnabled(false);
    return box;
}

QWidget* CompareSide::createCommitPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_ref = new QComboBox(page);
    m_ref->setObjectName(QStringLiteral("refBox"));
    m_ref->setEditable(true);
    m_ref->addItems({ QStringLiteral("HEAD"), QStringLiteral("HEAD~1") });
    m_ref->setToolTip(tr("A commit, branch or tag. Heapsight exports it with git archive into a private "
                         "temporary folder: the repository is only read."));
    m_commitToolchain = createToolchainBox(page);
    m_commitToolchain->setObjectName(QStringLiteral("commitToolchainBox"));
    layout->addWidget(m_ref, 1);
    layout->addWidget(new QLabel(tr("with"), page));
    layout->addWidget(m_commitToolchain, 1);
    return page;
}

void CompareSide::setModule(const QString& moduleRoot, const QString& goModVersion, const QStringList& reportFiles)
{
    cancel();
    m_moduleRoot = moduleRoot;
    const QString current = m_report->currentText();
    m_report->clear();
    m_report->addItems(reportFiles);
    m_report->setEditText(current);
    m_goModVersion = goModVersion;
    fillLanguageChoices(m_language, goModVersion, m_toolchain->currentText());
}

void CompareSide::setToolchains(const std::vector<Toolchain>& toolchains)
{
    m_toolchains = toolchains;
    m_toolchainsKnown = true;
    for (QComboBox* box : { m_toolchain, m_commitToolchain }) {
        const QString current = box->currentText();
        box->clear();
        for (const Toolchain& t : m_toolchains) {
            box->addItem(t.version);
            box->setItemData(box->count() - 1, t.goBinary, Qt::ToolTipRole);
        }
        if (m_toolchains.empty())
            box->addItem(tr("no Go found"));
        box->setEnabled(!m_toolchains.empty());
        const int kept = toolchainIndex(current);
        box->setCurrentIndex(kept >= 0 ? kept : box->count() - 1);
    }
}

// The newest toolchain whose version is `version` or starts with it ("go1.22" → "go1.22.12").
int CompareSide::toolchainIndex(const QString& version) const
{
    if (version.isEmpty())
        return -1;
    for (int i = static_cast<int>(m_toolchains.size()); i-- > 0;) {
        const QString& v = m_toolchains[static_cast<std::size_t>(i)].version;
        if (v == version || v.startsWith(version + QLatin1Char('.')))
            return i;
    }
    return -1;
}

bool CompareSide::select(const CompareSource& source, QString* error)
{
    if (!source.isRun()) {
        m_kind->setCurrentIndex(ReportPage);
        m_report->setEditText(source.reportPath);
        return true;
    }
    if (source.isCommit()) {
        m_kind->setCurrentIndex(CommitPage);
        m_ref->setEditText(source.gitRef);
        if (source.toolchain.isEmpty())
            return true; // the newest, chosen by setToolchains
        const int toolchain = toolchainIndex(source.toolchain);
        if (toolchain < 0) {
            *error = tr("%1: no %2 toolchain was found on this machine").arg(m_name, source.toolchain);
            return false;
        }
        m_commitToolchain->setCurrentIndex(toolchain);
        return true;
    }
    m_kind->setCurrentIndex(RunPage);
    const int language = m_language->findData(source.languageVersion);
    if (language < 0) {
        *error = tr("%1: Heapsight cannot analyse under language version %2").arg(m_name, source.languageVersion);
        return false;
    }
    m_language->setCurrentIndex(language);
    const int toolchain = toolchainIndex(source.toolchain);
    if (toolchain < 0) {
        *error = tr("%1: no %2 toolchain was found on this machine").arg(m_name, source.toolchain);
        return false;
    }
    m_toolchain->setCurrentIndex(toolchain);
    return true;
}

CompareSource CompareSide::source() const
{
    if (m_kind->currentIndex() == ReportPage)
        return { m_report->currentText(), {}, {}, {} };
    if (m_kind->currentIndex() == CommitPage)
        return { {}, m_commitToolchain->currentText(), {}, m_ref->currentText().trimmed() };
    return { {}, m_toolchain->currentText(), m_language->currentData().toString(), {} };
}

void CompareSide::start()
{
    const CompareSource chosen = source();
    if (!chosen.isRun()) {
        if (chosen.reportPath.isEmpty()) {
            Q_EMIT failed(tr("%1: choose a report file or a toolchain").arg(m_name));
            return;
        }
        Q_EMIT progressChanged(0, 0, tr("%1: reading %2").arg(m_name, QFileInfo(chosen.reportPath).fileName()));
        m_loader->loadFile(chosen.reportPath, m_moduleRoot);
        return;
    }
    if (chosen.isCommit()) {
        if (m_moduleRoot.isEmpty()) {
            Q_EMIT failed(tr("%1: open a module first").arg(m_name));
            return;
        }
        // git archive | tar -x takes seconds on a large repository: not on the GUI thread.
        m_commitToolchainVersion = chosen.toolchain;
        Q_EMIT progressChanged(0, 0, tr("%1: exporting %2 with git archive").arg(m_name, chosen.gitRef));
        m_exportWatcher.setFuture(QtConcurrent::run([root = m_moduleRoot, ref = chosen.gitRef] {
            Export e;
            e.snapshot = GitSnapshot::create(root, ref, &e.error);
            return e;
        }));
        return;
    }
    startRun(m_moduleRoot, chosen.toolchain, chosen.languageVersion);
}

void CompareSide::onSnapshotReady()
{
    Export e = m_exportWatcher.result();
    if (m_exportWatcher.isCanceled() || !e.snapshot) {
        if (!m_exportWatcher.isCanceled())
            Q_EMIT failed(tr("%1: %2").arg(m_name, e.error));
        return;
    }
    m_snapshot = std::move(e.snapshot);
    startRun(m_snapshot->moduleDirectory(), m_commitToolchainVersion, {});
}

void CompareSide::startRun(const QString& directory, const QString& toolchainVersion, const QString& languageVersion)
{
    const int toolchain = toolchainIndex(toolchainVersion);
    if (toolchain < 0 || directory.isEmpty()) {
        Q_EMIT failed(tr("%1: no toolchain to run").arg(m_name));
        return;
    }
    AnalysisRequest request;
    request.directory = directory;
    request.toolchain = m_toolchains[static_cast<std::size_t>(toolchain)];
    request.languageVersion = languageVersion;
    m_stage = tr("%1: starting %2").arg(m_name, request.toolchain.version);
    m_runner.start(request);
}

void CompareSide::onRunFinished(const AnalysisResult& result)
{
    const bool usable
        = result.report && (result.state == AnalysisState::Ok || result.state == AnalysisState::CompileErrors);
    if (!usable) {
        Q_EMIT failed(
            tr("%1: analysis %2: %3")
                .arg(m_name, analysisStateName(result.state), result.errorText.section(QLatin1Char('\n'), 0, 0)));
        return;
    }
    QString name = runDescription(QString::fromStdString(result.report->origin().toolchain),
        result.languageOverridden ? QString::fromStdString(result.report->origin().languageVersion) : QString());
    if (m_snapshot && result.module.root == m_snapshot->moduleDirectory())
        name = tr("%1 (%2) with %3").arg(m_snapshot->ref(), m_snapshot->commit().left(10), name);
    if (result.state == AnalysisState::CompileErrors)
        name += tr(" (compile errors: only the packages that built)");
    Q_EMIT progressChanged(0, 0, tr("%1: indexing").arg(m_name));
    m_loader->loadReport(result.report, result.module.root, name);
}

void CompareSide::cancel()
{
    if (m_runner.isRunning())
        m_runner.cancel();
    // A running git archive finishes on its own (it only reads); its result is dropped.
    m_exportWatcher.cancel();
    m_loader->cancel();
}

bool CompareSide::isRunning() const
{
    return m_exportWatcher.isRunning() || m_runner.isRunning() || m_loader->isRunning();
}

} // namespace heapsight::gui
