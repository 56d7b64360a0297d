// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportloader.h"

#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"

#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

namespace {

constexpr qint64 kChunkSize = 1 << 20;

bool looksLikeJson(const QByteArray& head)
{
    for (char c : head) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '{';
    }
    return false;
}

std::string_view view(const QByteArray& bytes)
{
    return std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = QObject::tr("Cannot read %1: %2").arg(path, file.errorString());
        promise.addResult(std::move(outcome));
        return;
    }
    const QString sourceName = QFileInfo(path).fileName();
    ReportOrigin origin;
    origin.source = path.toStdString();
    std::optional<Report> report;
    QByteArray chunk = file.read(kChunkSize);
    if (looksLikeJson(chunk)) {
        // Read again into the reader's own padded buffer: no second copy of a large document.
        file.close();
        std::string why;
        report = readReportJsonFile(path, &why);
        if (!report)
            outcome.error
                = QObject::tr("%1 is not a Heapsight report: %2").arg(sourceName, QString::fromStdString(why));
    } else {
        // Streamed in chunks so that cancelling a huge report (a whole -gcflags=all build) is prompt.
        EscapeParser parser(std::move(origin));
        while (!chunk.isEmpty()) {
            if (promise.isCanceled())
                return;
            parser.feed(view(chunk));
            chunk = file.read(kChunkSize);
        }
        report = parser.finish();
        if (report->findings().empty() && report->stats().unknownLines > 0)
            outcome.error = QObject::tr(
                "%1 does not look like go build -gcflags=-m output: none of its %2 lines is a compiler finding.")
                                .arg(sourceName)
                                .arg(report->stats().inputLines);
    }
    if (file.error() != QFileDevice::NoError)
        outcome.error = QObject::tr("Cannot read %1: %2").arg(path, file.errorString());
    if (promise.isCanceled())
        return;
    if (outcome.error.isEmpty() && report)
        outcome.index
            = std::make_shared<const ReportIndex>(std::make_shared<const Report>(std::move(*report)), root, sourceName);
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
