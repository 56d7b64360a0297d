#include "outputparsestream.h"

#include "../parse/escapeparser.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight {

OutputParseStream::OutputParseStream(ReportOrigin origin)
    : m_parser(std::make_shared<EscapeParser>(std::move(origin)))
    , m_chain(QtFuture::makeReadyFuture())
{
}

// A stream dropped unfinished (a run replaced by another) lets its last task finish on its own: the
// task holds the parser.
OutputParseStream::~OutputParseStream() = default;

void OutputParseStream::append(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    m_appended += bytes.size();
    m_pending += bytes;
    // While the worker is busy, bytes gather here and go in one task: no queue of tiny tasks.
    if (m_chain.isFinished())
        flush();
}

void OutputParseStream::flush()
{
    if (m_pending.isEmpty())
        return;
    m_chain = m_chain.then(
        QThreadPool::globalInstance(), [parser = m_parser, bytes = std::exchange(m_pending, QByteArray())] {
            parser->feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        });
}

QFuture<std::shared_ptr<Report>> OutputParseStream::finish()
{
    flush();
    return m_chain.then(
        QThreadPool::globalInstance(), [parser = m_parser] { return std::make_shared<Report>(parser->finish()); });
}

} // namespace heapsight
