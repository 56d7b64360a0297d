#include "analysisbar.h"

#include "analysistimelimit.h"
#include "core/toolchain/toolchaindiscovery.h"
#include "core/toolchain/usertoolchains.h"
#include "languagechoices.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

AnalysisBar::AnalysisBar(QWidget* parent)
    : QToolBar(tr("Analysis"), parent)
    , m_toolchainBox(new QComboBox(this))
    , m_languageBox(new QComboBox(this))
{
    setObjectName(QStringLiteral("analysisBar"));
    addWidget(new QLabel(tr(" Go "), this));
    m_toolchainBox->setObjectName(QStringLiteral("toolchainBox"));
    m_toolchainBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolchainBox->addItem(tr("looking for Go…"));
    m_toolchainBox->setEnabled(false);
    addWidget(m_toolchainBox);
    addWidget(new QLabel(tr(" language "), this));
    m_languageBox->setObjectName(QStringLiteral("languageBox"));
    m_languageBox->setToolTip(tr("Analyse under another `go` line than go.mod's. Heapsight passes a temporary copy "
                                 "of go.mod; your files are not touched."));
    addWidget(m_languageBox);

    m_analyze = addAction(
        QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("Analyze"), this, &AnalysisBar::analyze);
    m_analyze->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_analyze->setToolTip(tr("Run the compiler's escape analysis on the module (Ctrl+R)"));
    m_cancel = addAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Cancel"), this, &AnalysisBar::cancel);
    m_cancel->setToolTip(tr("Stop the running analysis"));
    addSeparator();
    m_timeLimit = addAction(
        QIcon::fromTheme(QStringLiteral("chronometer")), tr("Time Limit…"), this, &AnalysisBar::editTimeLimit);
    m_timeLimit->setObjectName(QStringLiteral("timeLimitAction"));
    m_rediscover = addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Find Go Again"), this,
        &AnalysisBar::rediscoverToolchains);
    m_rediscover->setToolTip(tr("Look for Go toolchains again (PATH, GOROOT, the usual install places, your own)"));
    showTimeLimit();
    setModule({}, {});

    connect(&m_runner, &AnalysisRunner::stageChanged, this, [this](const QString& stage) {
        m_stage = stage;
        Q_EMIT progressChanged(0, 0, stage);
    });
    connect(&m_runner, &AnalysisRunner::progressChanged, this, [this](int done, int total, const QString& package) {
        Q_EMIT progressChanged(done, total, package.isEmpty() ? m_stage : tr("%1: %2").arg(m_stage, package));
    });
    connect(&m_runner, &AnalysisRunner::finished, this, [this](const AnalysisResult& result) {
        updateActions();
        Q_EMIT analysisFinished(result);
    });
    connect(&m_discovery, &QFutureWatcher<std::vector<Toolchain>>::finished, this, &AnalysisBar::onToolchainsFound);
    // A toolchain cannot build a module asking for a newer Go: the language versions follow the toolchain.
    connect(m_toolchainBox, &QComboBox::currentIndexChanged, this, [this] {
        const auto chosen = selectedToolchain();
        fillLanguageChoices(m_languageBox, m_goModVersion, chosen ? chosen->version : QString());
    });
    updateActions();
    rediscoverToolchains();
}

void AnalysisBar::rediscoverToolchains()
{
    if (m_discovery.isRunning())
        return;
    const QStringList user = userToolchainPaths();
    m_discovery.setFuture(QtConcurrent::run(
        [user] { return ToolchainDiscovery::discover(ToolchainDiscovery::Places::fromEnvironment(user)); }));
    updateActions();
}

void AnalysisBar::onToolchainsFound()
{
    const auto previous = selectedToolchain();
    m_toolchains = m_discovery.result();
    m_toolchainBox->clear();
    for (const Toolchain& t : m_toolchains) {
        m_toolchainBox->addItem(t.version);
        m_toolchainBox->setItemData(m_toolchainBox->count() - 1,
            QStringLiteral("%1 (found via %2)").arg(t.goBinary, t.foundVia), Qt::ToolTipRole);
    }
    if (m_toolchains.empty())
        m_toolchainBox->addItem(tr("no Go found"));
    else
        m_toolchainBox->setCurrentIndex(static_cast<int>(m_toolchains.size()) - 1); // newest
    // Found again: keep the one the user had chosen if it is still there.
    for (std::size_t i = 0; previous && i < m_toolchains.size(); ++i) {
        if (m_toolchains[i].goBinary == previous->goBinary)
            m_toolchainBox->setCurrentIndex(static_cast<int>(i));
    }
    const auto chosen = selectedToolchain();
    fillLanguageChoices(m_languageBox, m_goModVersion, chosen ? chosen->version : QString());
    updateActions();
    Q_EMIT toolchainsFound(static_cast<int>(m_toolchains.size()));
}

void AnalysisBar::setModule(const QString& directory, const QString& goVersion)
{
    m_directory = directory;
    m_goModVersion = goVersion;
    const auto toolchain = selectedToolchain();
    fillLanguageChoices(m_languageBox, goVersion, toolchain ? toolchain->version : QString());
    updateActions();
}

std::optional<Toolchain> AnalysisBar::selectedToolchain() const
{
    const int i = m_toolchainBox->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_toolchains.size()))
        return std::nullopt;
    return m_toolchains[static_cast<std::size_t>(i)];
}

void AnalysisBar::analyze()
{
    const auto toolchain = selectedToolchain();
    if (!toolchain || m_directory.isEmpty() || m_runner.isRunning())
        return;
    AnalysisRequest request;
    request.directory = m_directory;
    request.toolchain = *toolchain;
    request.languageVersion = m_languageBox->currentData().toString();
    request.timeoutSeconds = AnalysisTimeLimit::seconds();
    m_stage = tr("Starting %1").arg(toolchain->version);
    m_runner.start(request);
    updateActions();
    if (m_runner.isRunning())
        Q_EMIT started(runDescription(toolchain->version, request.languageVersion));
}

void AnalysisBar::cancel()
{
    m_runner.cancel();
}

void AnalysisBar::editTimeLimit()
{
    bool ok = false;
    const int seconds = QInputDialog::getInt(this, tr("Analysis Time Limit"),
        tr("Stop an analysis that runs longer than this many seconds (0: no limit).\n"
           "go and every compiler it started are killed."),
        AnalysisTimeLimit::seconds(), 0, AnalysisTimeLimit::kMaxSeconds, 10, &ok);
    if (!ok)
        return;
    AnalysisTimeLimit::setSeconds(seconds);
    showTimeLimit();
}

void AnalysisBar::showTimeLimit()
{
    m_timeLimit->setToolTip(tr("Time limit of one analysis: %1. A run that takes longer is killed.")
                                .arg(AnalysisTimeLimit::describe(AnalysisTimeLimit::seconds())));
}

void AnalysisBar::updateActions()
{
    const bool running = m_runner.isRunning();
    m_analyze->setEnabled(!running && !m_toolchains.empty() && !m_directory.isEmpty());
    m_cancel->setEnabled(running);
    m_toolchainBox->setEnabled(!running && !m_toolchains.empty());
    m_languageBox->setEnabled(!running);
    m_rediscover->setEnabled(!running && !m_discovery.isRunning());
}

} // namespace heapsight::gui
