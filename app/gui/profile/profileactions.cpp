// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profile/profileactions.h"

#include "profile/benchmarkdialog.h"
#include "profile/profilesession.h"
#include "session/modulesession.h"
#include "source/allocationtext.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace heapsight::gui {

ProfileActions::ProfileActions(
    ModuleSession* module, Context context, QWidget* dialogParent, QMenu* menu, QAction* before)
    : QObject(dialogParent)
    , m_module(module)
    , m_context(std::move(context))
    , m_dialogParent(dialogParent)
    , m_session(new ProfileSession(this))
{
    loadProfile = new QAction(tr("Load &Memory Profile…"), this);
    loadProfile->setToolTip(tr("Attach a Go heap profile (go test -memprofile, /debug/pprof/heap) and rank the "
                               "heap findings by the bytes they allocated"));
    profileBenchmarks = new QAction(tr("Profile &Benchmarks…"), this);
    profileBenchmarks->setToolTip(tr("Run a package's benchmarks with -memprofile and attach the profile"));
    clearProfile = new QAction(tr("Clear Memory Profile"), this);
    clearProfile->setEnabled(false);
    menu->insertActions(before, { loadProfile, profileBenchmarks, clearProfile });
    menu->insertSeparator(before);

    connect(loadProfile, &QAction::triggered, this, &ProfileActions::onLoadDialog);
    connect(profileBenchmarks, &QAction::triggered, this, &ProfileActions::onProfileBenchmarks);
    connect(clearProfile, &QAction::triggered, m_session, &ProfileSession::clear);
    connect(m_session, &ProfileSession::allocationsChanged, this, &ProfileActions::onAllocationsChanged);
    connect(m_session, &ProfileSession::loadFailed, this,
        [this](const QString& message) { Q_EMIT statusMessage(message, 15000); });
}

const std::shared_ptr<const AllocationProfile>& ProfileActions::allocations() const
{
    return m_session->allocations();
}

void ProfileActions::setReport(std::shared_ptr<const ReportIndex> report, quint64 generation)
{
    m_generation = generation;
    m_session->setReport(std::move(report));
}

void ProfileActions::onLoadDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Load Memory Profile"), m_module->moduleRoot(),
        tr("Go heap profiles (*.out *.pprof *.prof *.pb.gz *.pb *.gz);;All files (*)"));
    if (!path.isEmpty())
        m_session->loadFile(path);
}

BenchmarkDialog* ProfileActions::benchmarkDialog()
{
    if (!m_dialog) {
        m_dialog = new BenchmarkDialog(m_dialogParent);
        connect(m_dialog, &BenchmarkDialog::profileReady, m_session, &ProfileSession::setProfile);
    }
    return m_dialog;
}

void ProfileActions::onProfileBenchmarks()
{
    if (!m_module->folder()) {
        Q_EMIT statusMessage(tr("Open a module folder first."), 6000);
        return;
    }
    BenchmarkDialog* dialog = benchmarkDialog();
    const QString current = m_context.currentFile();
    dialog->setModule(*m_module->folder(), current.isEmpty() ? QString() : QFileInfo(current).absolutePath());
    dialog->setToolchain(m_context.toolchain());
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void ProfileActions::onAllocationsChanged(const std::shared_ptr<const AllocationProfile>& allocations)
{
    clearProfile->setEnabled(!m_session->sourceName().isEmpty());
    if (allocations) {
        Q_EMIT statusMessage(tr("Memory profile (%1): %2 allocated, %3 on lines with heap findings")
                                 .arg(m_session->sourceName(), allocatedBytesText(allocations->total().bytes),
                                     allocatedBytesText(allocations->onHeapFindings().bytes)),
            10000);
    }
    Q_EMIT allocationsChanged(m_generation, allocations);
}

} // namespace heapsight::gui
