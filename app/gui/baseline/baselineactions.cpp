// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "baseline/baselineactions.h"

#include "core/model/reportfilter.h"
#include "session/modulesession.h"
#include "session/reportindex.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>
#include <set>

namespace heapsight::gui {

namespace {

constexpr int kMessageMs = 10000;

BaselineActions::Match matchBaseline(
    std::shared_ptr<const Baseline> baseline, std::shared_ptr<const ReportIndex> report)
{
    auto flags = std::make_shared<std::vector<bool>>(
        acceptedFindings(*baseline, report->report(), report->moduleRoot().toStdString()));
    return { std::move(baseline), std::move(report), std::move(flags) };
}

} // namespace

BaselineActions::BaselineActions(ModuleSession* module, Context context, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_module(module)
    , m_context(std::move(context))
    , m_dialogParent(dialogParent)
{
    menu = new QMenu(tr("&Baseline"), dialogParent);
    chooseFile = menu->addAction(tr("Choose Baseline &File…"));
    chooseFile->setToolTip(tr("The file of accepted heap allocations for this module (as heapsight-cli baseline "
                              "save writes it); a new name starts an empty one"));
    menu->addSeparator();
    acceptFinding = menu->addAction(tr("&Accept Finding"));
    acceptFinding->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    acceptFinding->setToolTip(tr("Add the selected heap allocation to the baseline, so checks stop reporting it"));
    acceptFile = menu->addAction(tr("Accept All in This F&ile"));
    acceptFile->setToolTip(tr("Add every heap allocation of the open source file to the baseline"));
    menu->addSeparator();
    hideAccepted = menu->addAction(tr("&Hide Accepted Findings"));
    hideAccepted->setCheckable(true);
    hideAccepted->setToolTip(tr("Accepted findings are dimmed in the list; this hides them in every view"));
    stopUsing = menu->addAction(tr("&Stop Using Baseline"));

    connect(chooseFile, &QAction::triggered, this, &BaselineActions::onChooseFile);
    connect(acceptFinding, &QAction::triggered, this, &BaselineActions::onAcceptFinding);
    connect(acceptFile, &QAction::triggered, this, &BaselineActions::onAcceptFile);
    connect(stopUsing, &QAction::triggered, this, &BaselineActions::onStopUsing);
    connect(&m_matcher, &QFutureWatcher<Match>::finished, this, &BaselineActions::onMatched);
    updateActions();
}

QString BaselineActions::settingsKey() const
{
    const QByteArray hash = QCryptographicHash::hash(m_moduleRoot.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("baselines/%1").arg(QString::fromLatin1(hash));
}

void BaselineActions::setReport(std::shared_ptr<const ReportIndex> report, quint64 generation)
{
    m_report = std::move(report);
    m_generation = generation;
    const QString root = m_module->moduleRoot();
    if (root != m_moduleRoot) {
        // Another module: its own baseline, if one was chosen for it before.
        m_moduleRoot = root;
        m_path.clear();
        m_baseline.reset();
        const QString remembered = root.isEmpty() ? QString() : QSettings().value(settingsKey()).toString();
        if (!remembered.isEmpty() && QFileInfo::exists(remembered))
            loadFile(remembered);
    }
    rematch();
}

bool BaselineActions::useFile(const QString& path)
{
    if (!loadFile(path))
        return false;
    rematch();
    return true;
}

bool BaselineActions::loadFile(const QString& path)
{
    auto baseline = std::make_shared<Baseline>();
    if (QFile::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Q_EMIT statusMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), kMessageMs);
            return false;
        }
        const QByteArray bytes = file.readAll();
        std::string error;
        auto read
            = baselineFromJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &error);
        if (!read) {
            Q_EMIT statusMessage(
                tr("%1 is not a baseline: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(error)),
                kMessageMs);
            return false;
        }
        *baseline = std::move(*read);
    }
    m_path = path;
    m_baseline = std::move(baseline);
    if (!m_moduleRoot.isEmpty())
        QSettings().setValue(settingsKey(), m_path);
    return true;
}

void BaselineActions::onChooseFile()
{
    const QString start = m_path.isEmpty() ? m_moduleRoot + QStringLiteral("/heap-baseline.json") : m_path;
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Baseline File"), start,
        tr("Heapsight baselines (*.json);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        useFile(path);
}

bool BaselineActions::acceptFindings(const std::vector<std::uint32_t>& findings)
{
    if (!m_report)
        return false;
    if (m_path.isEmpty()) {
        onChooseFile();
        if (m_path.isEmpty())
            return false;
    }
    const Report& r = m_report->report();
    const std::set<std::uint32_t> chosen(findings.begin(), findings.end());
    const Report subset = filterFindings(r, [&](const Finding& f) {
        return isHeapAllocation(f.kind) && chosen.count(static_cast<std::uint32_t>(&f - r.findings().data())) > 0;
    });
    if (subset.findings().empty()) {
        Q_EMIT statusMessage(tr("Only heap allocations go into a baseline."), kMessageMs);
        return false;
    }
    auto merged = std::make_shared<Baseline>(
        mergeBaselines(*m_baseline, makeBaseline(subset, m_report->moduleRoot().toStdString())));
    const std::string text = baselineToJsonText(*merged);
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
        || !out.commit()) {
        Q_EMIT statusMessage(tr("Cannot write %1: %2").arg(m_path, out.errorString()), kMessageMs);
        return false;
    }
    const std::size_t added = merged->report.findings().size() - m_baseline->report.findings().size();
    m_baseline = std::move(merged);
    const QString what = added == 1 ? tr("1 heap allocation") : tr("%1 heap allocations").arg(added);
    Q_EMIT statusMessage(tr("Accepted %1 into %2 (%3 in all)")
                             .arg(what, QFileInfo(m_path).fileName())
                             .arg(m_baseline->report.findings().size()),
        kMessageMs);
    rematch();
    return true;
}

void BaselineActions::onAcceptFinding()
{
    if (const std::optional<std::uint32_t> current = m_context.currentFinding())
        acceptFindings({ *current });
}

void BaselineActions::onAcceptFile()
{
    if (!m_report)
        return;
    std::vector<std::uint32_t> inFile;
    for (FileId file : m_report->fileIds(m_context.currentFile())) {
        for (std::uint32_t i : m_report->report().findingsInFile(file))
            inFile.push_back(i);
    }
    acceptFindings(inFile);
}

void BaselineActions::onStopUsing()
{
    m_path.clear();
    m_baseline.reset();
    if (!m_moduleRoot.isEmpty())
        QSettings().remove(settingsKey());
    rematch();
}

void BaselineActions::rematch()
{
    updateActions();
    if (!m_baseline || !m_report) {
        m_matcher.cancel();
        m_accepted.reset();
        Q_EMIT acceptedChanged(m_generation, m_accepted);
        return;
    }
    if (m_acceptedReport != m_report && m_accepted) {
        // The flags index the previous report's findings: not this one's accepted() while it is matched
        // (ReportState drops them from the views on its own). Same report, other baseline: the old flags
        // stay until the new ones, no flicker.
        m_accepted.reset();
        Q_EMIT acceptedChanged(m_generation, m_accepted);
    }
    m_matcher.setFuture(QtConcurrent::run(&matchBaseline, m_baseline, m_report));
}

void BaselineActions::onMatched()
{
    if (m_matcher.isCanceled())
        return;
    Match match = m_matcher.result();
    if (match.baseline != m_baseline || match.report != m_report)
        return; // the match of an earlier report or baseline; the current one's is on its way
    m_accepted = std::move(match.flags);
    m_acceptedReport = m_report;
    Q_EMIT acceptedChanged(m_generation, m_accepted);
}

void BaselineActions::updateActions()
{
    const bool hasBaseline = static_cast<bool>(m_baseline);
    acceptFinding->setEnabled(static_cast<bool>(m_report));
    acceptFile->setEnabled(static_cast<bool>(m_report));
    hideAccepted->setEnabled(hasBaseline);
    stopUsing->setEnabled(hasBaseline);
    menu->setToolTip(hasBaseline ? m_path : QString());
}

} // namespace heapsight::gui
