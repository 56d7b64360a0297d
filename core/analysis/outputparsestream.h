#pragma once

#include "../model/report.h"

#include <QByteArray>
#include <QFuture>
#include <memory>

namespace heapsight {

class EscapeParser;

// Parses a compiler's output while it is being printed, so that a big build's report is ready moments
// after go exits instead of a full parse later. The calling thread only appends bytes; one worker task
// at a time feeds them to an EscapeParser in arrival order (bytes that arrive while it is busy are
// batched into its next task).
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
    void flush();

    std::shared_ptr<EscapeParser> m_parser;
    QFuture<void> m_chain;
    QByteArray m_pending;
    qint64 m_appended = 0;
};

} // namespace heapsight
