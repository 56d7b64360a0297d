// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "session/reportloader.h"

#include "core/io/reportreader.h"

#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

ReportLoader::ReportLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ReportLoader::onFinished);
}

ReportLoader::~ReportLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

void ReportLoader::parseFile(QPromise<Outcome>& promise, const QString& path, const QString& root, quint64 generation)
{
    Outcome outcome { generation, nullptr, QString() };
    const QString sourceName = QFileInfo(path).fileName();
    // Cancelling a huge report (a whole -gcflags=all build) stops within one step of the reader.
    ReportRead read = readReportFile(path, [&promise] { return promise.isCanceled(); });
    switch (read.failure) {
    case ReportReadFailure::Canceled:
        return;
    case ReportReadFailure::CannotRead:
        outcome.error = QObject::tr("Cannot read %1: %2").arg(path, read.reason);
        break;
    case ReportReadFailure::NotAReport:
        outcome.error = QObject::tr("%1 is not a Heapsight report: %2").arg(sourceName, read.reason);
        break;
    case ReportReadFailure::None:
        if (read.report->findings().empty() && read.report->stats().unknownLines > 0)
            outcome.error = QObject::tr(
                "%1 does not look like go build -gcflags=-m output: none of its %2 lines is a compiler finding.")
                                .arg(sourceName)
                                .arg(read.report->stats().inputLines);
        break;
    }
    if (promise.isCanceled())
        return;
    if (outcome.error.isEmpty() && read.report)
        outcome.index = std::make_shared<const ReportIndex>(
            std::make_shared<const Report>(std::move(*read.report)), root, sourceName);
    promise.addResult(std::move(outcome));
}

void ReportLoader::loadFile(const QString& path, const QString& moduleRoot)
{
    cancel();
    m_watcher.setFuture(QtConcurrent::run(&ReportLoader::parseFile, path, moduleRoot, ++m_generation));
}

void ReportLoader::loadReport(
    std::shared_ptr<const Report> report, const QString& moduleRoot, const QString& sourceName)
{
    cancel();
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<Outcome>& promise, std::shared_ptr<const Report> r, const QString& root, const QString& name,
            quint64 gen) {
            auto index = std::make_shared<const ReportIndex>(std::move(r), root, name);
            if (!promise.isCanceled())
                promise.addResult(Outcome { gen, std::move(index), QString() });
        },
        std::move(report), moduleRoot, sourceName, ++m_generation));
}

void ReportLoader::cancel()
{
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

void ReportLoader::onFinished()
{
    const QFuture<Outcome> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT loadCanceled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.generation != m_generation)
        return; // a newer request is on its way
    if (outcome.index)
        Q_EMIT reportLoaded(outcome.index);
    else
        Q_EMIT loadFailed(outcome.error);
}

} // namespace heapsight::gui
