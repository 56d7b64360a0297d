// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "outputparsestream.h"

#include "core/parse/escapeparser.h"

#include <QPromise>
#include <QThreadPool>
#include <mutex>

namespace heapsight {

struct OutputParseStream::Shared {
    explicit Shared(ReportOrigin origin)
        : parser(std::move(origin))
    {
    }

    std::mutex mutex;
    QByteArray pending; // appended, not yet taken by the worker
    bool working = false; // a worker task is queued or running
    bool finishing = false; // no more bytes will come: the worker ends with the report
    EscapeParser parser; // only the worker touches it
    QPromise<std::shared_ptr<Report>> promise;
};

OutputParseStream::OutputParseStream(ReportOrigin origin)
    : m_shared(std::make_shared<Shared>(std::move(origin)))
{
    m_shared->promise.start();
    m_result = m_shared->promise.future();
}

// A stream dropped unfinished lets its worker run out on its own: the task holds the shared state. The
// promise, never fulfilled, then cancels its future.
OutputParseStream::~OutputParseStream() = default;

void OutputParseStream::append(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    m_appended += bytes.size();
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->pending += bytes;
    }
    wake();
}

QFuture<std::shared_ptr<Report>> OutputParseStream::finish()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->finishing = true;
    }
    wake();
    return m_result;
}

// Starts a worker unless one is queued or running: that one takes the new bytes (and the finish) too.
void OutputParseStream::wake()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->working)
            return;
        m_shared->working = true;
    }
    QThreadPool::globalInstance()->start([shared = m_shared] { work(shared); });
}

void OutputParseStream::work(std::shared_ptr<Shared> shared)
{
    for (;;) {
        QByteArray bytes;
        bool finishing = false;
        {
            const std::lock_guard lock(shared->mutex);
            bytes = std::exchange(shared->pending, QByteArray());
            finishing = shared->finishing;
            if (bytes.isEmpty() && !finishing) {
                shared->working = false;
                return;
            }
        }
        if (!bytes.isEmpty()) {
            shared->parser.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
            continue; // more may have come meanwhile
        }
        // Everything is in: the last unfinished line and the index. `working` stays set, so no other
        // worker starts on a spent parser.
        shared->promise.addResult(std::make_shared<Report>(shared->parser.finish()));
        shared->promise.finish();
        return;
    }
}

} // namespace heapsight
