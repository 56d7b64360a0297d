#include "compareside.h"

#include "languagechoices.h"
#include "reportloader.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QToolButton>

namespace heapsight::gui {

namespace {

enum Page { ReportPage, RunPage };

} // namespace

CompareSource CompareSource::fromSpec(const QString& spec)
{
    static const QRegularExpression run(QStringLiteral(R"(^(go\d+(?:\.\d+)*)(?:@(\d+\.\d+))?$)"));
    const QRegularExpressionMatch m = run.match(spec);
    if (!m.hasMatch() || QFileInfo::exists(spec))
        return { spec, {}, {} };
    return { {}, m.captured(1), m.captured(2) };
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
    m_kind->setToolTip(tr("Compare a saved report, or run the compiler on the open module now"));
    m_pages->addWidget(createReportPage());
    m_pages->addWidget(createRunPage());
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("%1:").arg(name), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_pages, 1);

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
    m_toolchain = new QComboBox(page);
    m_toolchain->setObjectName(QStringLiteral("toolchainBox"));
    m_toolchain->addItem(tr("looking for Go…"));
    m_toolchain->setEnabled(false);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->setToolTip(tr("The `go` line to analyse under; Heapsight passes a temporary copy of go.mod"));
    fillLanguageChoices(m_language, {});
    layout->addWidget(m_toolchain, 1);
    layout->addWidget(new QLabel(tr("language"), page));
    layout->addWidget(m_language, 1);
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
    fillLanguageChoices(m_language, goModVersion);
}

void CompareSide::setToolchains(const std::vector<Toolchain>& toolchains)
{
    m_toolchains = toolchains;
    m_toolchainsKnown = true;
    const QString current = m_toolchain->currentText();
    m_toolchain->clear();
    for (const Toolchain& t : m_toolchains) {
        m_toolchain->addItem(t.version);
        m_toolchain->setItemData(m_toolchain->count() - 1, t.goBinary, Qt::ToolTipRole);
    }
    if (m_toolchains.empty())
        m_toolchain->addItem(tr("no Go found"));
    m_toolchain->setEnabled(!m_toolchains.empty());
    const int kept = toolchainIndex(current);
    m_toolchain->setCurrentIndex(kept >= 0 ? kept : m_toolchain->count() - 1);
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
        return { m_report->currentText(), {}, {} };
    return { {}, m_toolchain->currentText(), m_language->currentData().toString() };
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
    const int toolchain = m_toolchain->currentIndex();
    if (toolchain < 0 || toolchain >= static_cast<int>(m_toolchains.size()) || m_moduleRoot.isEmpty()) {
        Q_EMIT failed(tr("%1: no toolchain to run").arg(m_name));
        return;
    }
    AnalysisRequest request;
    request.directory = m_moduleRoot;
    request.toolchain = m_toolchains[static_cast<std::size_t>(toolchain)];
    request.languageVersion = chosen.languageVersion;
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
    if (result.state == AnalysisState::CompileErrors)
        name += tr(" (compile errors: only the packages that built)");
    Q_EMIT progressChanged(0, 0, tr("%1: indexing").arg(m_name));
    m_loader->loadReport(result.report, result.module.root, name);
}

void CompareSide::cancel()
{
    if (m_runner.isRunning())
        m_runner.cancel();
    m_loader->cancel();
}

bool CompareSide::isRunning() const
{
    return m_runner.isRunning() || m_loader->isRunning();
}

} // namespace heapsight::gui
