// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profile/benchmarkdialog.h"

#include "session/modulefolder.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace heapsight::gui {

BenchmarkDialog::BenchmarkDialog(QWidget* parent)
    : QDialog(parent)
    , m_package(new QComboBox(this))
    , m_benchmarks(new QLineEdit(QStringLiteral("."), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_log(new QPlainTextEdit(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_cancel(new QPushButton(tr("Cancel Run"), this))
{
    setWindowTitle(tr("Profile Benchmarks"));
    setObjectName(QStringLiteral("benchmarkDialog"));
    m_benchmarks->setToolTip(tr("Which benchmarks: the regular expression go test -bench takes"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0); // go test says nothing about how far it is
    m_progress->setVisible(false);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMinimumSize(560, 160);
    m_log->setPlaceholderText(tr("Runs go test -run '^$' -bench … -benchmem -memprofile in the package, with the "
                                 "test binary and the profile in a private temporary directory."));

    auto* form = new QFormLayout;
    form->addRow(tr("Package:"), m_package);
    form->addRow(tr("Benchmarks:"), m_benchmarks);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    m_run->setDefault(true);
    m_cancel->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &BenchmarkDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &BenchmarkDialog::run);
    connect(m_cancel, &QPushButton::clicked, &m_profiler, &BenchmarkProfiler::cancel);
    connect(&m_profiler, &BenchmarkProfiler::benchmarkFinished, this,
        [this](const QString&, const QString& line) { m_log->appendPlainText(line); });
    connect(&m_profiler, &BenchmarkProfiler::finished, this, &BenchmarkDialog::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

void BenchmarkDialog::setModule(const ModuleFolder& folder, const QString& preferred)
{
    m_moduleRoot = folder.root();
    const QString previous = m_package->currentData().toString();
    m_package->clear();
    for (const ModuleFolderNode& n : folder.nodes()) {
        if (!n.isDirectory)
            continue;
        const bool hasTests = std::any_of(n.children.begin(), n.children.end(), [&](int c) {
            const ModuleFolderNode& child = folder.nodes()[static_cast<std::size_t>(c)];
            return !child.isDirectory && child.name.endsWith(QLatin1String("_test.go"));
        });
        if (hasTests) {
            const QString pattern
                = n.relativePath.isEmpty() ? QStringLiteral(".") : QStringLiteral("./") + n.relativePath;
            m_package->addItem(pattern, n.path);
        }
    }
    int index = m_package->findData(preferred);
    if (index < 0)
        index = m_package->findData(previous);
    m_package->setCurrentIndex(std::max(index, 0));
    m_status->setText(m_package->count() == 0 ? tr("No package of this module has test files.") : QString());
    setRunning(m_profiler.isRunning());
}

void BenchmarkDialog::setToolchain(const std::optional<Toolchain>& toolchain)
{
    m_toolchain = toolchain;
    setRunning(m_profiler.isRunning());
}

void BenchmarkDialog::run()
{
    if (!m_toolchain || m_package->count() == 0)
        return;
    BenchmarkRequest request;
    request.moduleRoot = m_moduleRoot;
    request.package = m_package->currentText();
    request.toolchain = *m_toolchain;
    request.benchmarks
        = m_benchmarks->text().trimmed().isEmpty() ? QStringLiteral(".") : m_benchmarks->text().trimmed();
    m_log->clear();
    m_status->setText(tr("Running the benchmarks of %1 with %2…").arg(request.package, m_toolchain->version));
    setRunning(true);
    m_profiler.start(request);
}

void BenchmarkDialog::onFinished(const heapsight::BenchmarkResult& result)
{
    setRunning(false);
    const QString seconds = QString::number(static_cast<double>(result.elapsedMs) / 1000.0, 'f', 1);
    if (result.state == BenchmarkResult::State::Ok) {
        m_status->setText(tr("Profiled in %1 s; the findings are ranked by the bytes they allocated.").arg(seconds));
        Q_EMIT profileReady(result.profile, tr("benchmarks of %1").arg(m_package->currentText()));
        return;
    }
    m_status->setText(result.errorText);
    if (result.state == BenchmarkResult::State::Failed)
        m_log->setPlainText(result.output); // the compile errors or the failing test
}

void BenchmarkDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancel->setEnabled(running);
    m_run->setEnabled(!running && m_toolchain && m_package->count() > 0);
    m_package->setEnabled(!running);
    m_benchmarks->setEnabled(!running);
    if (!m_toolchain && !running)
        m_status->setText(tr("No Go toolchain found: Heapsight needs one to run benchmarks."));
}

void BenchmarkDialog::reject()
{
    m_profiler.cancel();
    QDialog::reject();
}

} // namespace heapsight::gui
