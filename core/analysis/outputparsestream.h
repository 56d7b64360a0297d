// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"

#include <QByteArray>
#include <QFuture>
#include <memory>

namespace heapsight {

class EscapeParser;

// Parses a compiler's output while it is being printed, so that a big build's report is ready moments
// after go exits instead of a full parse later. The calling thread only appends bytes; one worker task
// at a time (on the global thread pool) feeds them to an EscapeParser in arrival order, taking whatever
// gathered while it was busy in one batch. No QFuture continuations: attaching one to a future that is
// finishing at that moment races in Qt 6.4 and may run the continuation twice.
class OutputParseStream {
public:
    explicit OutputParseStream(ReportOrigin origin);
    ~OutputParseStream();
    OutputParseStream(const OutputParseStream&) = delete;
    OutputParseStream& operator=(const OutputParseStream&) = delete;

    void append(const QByteArray& bytes);
    // Everything appended, parsed: resolves once the worker has caught up. The stream is spent. (A pointer:
    // a future hands out copies of its result, and a report can be hundreds of megabytes.)
    QFuture<std::shared_ptr<Report>> finish();
    qint64 bytesAppended() const { return m_appended; }

private:
    struct Shared;
    static void work(std::shared_ptr<Shared> shared);
    void wake();

    // Shared with the worker task, which may outlive the stream (a run replaced by another).
    std::shared_ptr<Shared> m_shared;
    QFuture<std::shared_ptr<Report>> m_result;
    qint64 m_appended = 0;
};

} // namespace heapsight
