// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportreader.h"

#include "core/parse/escapeparser.h"
#include "mappedfile.h"
#include "reportjson.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <string>
#include <unistd.h>

namespace heapsight {

namespace {

// Compiler text is read in blocks of this size into one buffer, reused, and parsed block by block (the parser
// copies what it keeps). A regular file too: on this project's 2-core VM, reading std's 253 MB of Go 1.22
// output through a mapping made the parser's line search (memchr over page-cache pages it touched first)
// cost 0.22 s of CPU, read() into a reused buffer 0.09 s all told; 256 KiB to 1 MiB blocks measured the
// same, 16 MiB worse (the block no longer stays in cache between read() and the parse).
constexpr std::size_t kBlockSize = std::size_t(1) << 20;

bool looksLikeJson(std::string_view head)
{
    for (char c : head) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

// Closes a descriptor this file opened (not standard input) on every way out.
struct OpenedHere {
    int fd;
    ~OpenedHere()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

ReportRead fromJson(std::optional<Report> report, std::string why)
{
    if (!report)
        return { std::nullopt, ReportReadFailure::NotAReport, QString::fromStdString(why) };
    return { std::move(report), ReportReadFailure::None, QString() };
}

ReportRead cannotRead(const QString& reason)
{
    return { std::nullopt, ReportReadFailure::CannotRead, reason };
}

ReportRead canceledRead()
{
    return { std::nullopt, ReportReadFailure::Canceled, QString() };
}

bool isCanceled(const std::function<bool()>& canceled)
{
    return canceled && canceled();
}

// A mapped report JSON is read where it is when the end of its last page leaves the reader its padding
// (it reads as zeros past the file's end): no copy of a document of hundreds of megabytes.
ReportRead fromMappedJson(MappedFile& file)
{
    const std::string_view bytes = file.bytes();
    const auto page = static_cast<std::size_t>(::getpagesize());
    std::string why;
    if (bytes.empty() || bytes.size() % page == 0 || page - bytes.size() % page < JsonReadPadding) {
        auto report = reportFromJsonText(bytes, &why);
        return fromJson(std::move(report), std::move(why));
    }
    file.prefetch(0, bytes.size());
    auto report = reportFromPaddedJsonText(bytes, &why);
    return fromJson(std::move(report), std::move(why));
}

// read() until `buffer` is full or the input ends; false on an error (errno says which).
bool readBlock(int fd, std::string& buffer, std::size_t* filled)
{
    *filled = 0;
    while (*filled < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + *filled, buffer.size() - *filled);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        *filled += static_cast<std::size_t>(n);
    }
    return true;
}

// Compiler text is parsed block by block as it arrives; a report JSON document (from a pipe) is gathered
// whole. `knownSize` the input's length when known (a regular file), else 0: sizes the report's arrays.
ReportRead readStream(int fd, std::size_t knownSize, ReportOrigin origin, const std::function<bool()>& canceled)
{
    std::string block(kBlockSize, '\0');
    std::size_t filled = 0;
    if (!readBlock(fd, block, &filled))
        return cannotRead(systemError(errno));
    if (looksLikeJson(std::string_view(block.data(), filled))) {
        std::string all(block.data(), filled);
        while (filled == block.size()) {
            if (isCanceled(canceled))
                return canceledRead();
            if (!readBlock(fd, block, &filled))
                return cannotRead(systemError(errno));
            all.append(block.data(), filled);
        }
        std::string why;
        auto report = reportFromJsonText(all, &why);
        return fromJson(std::move(report), std::move(why));
    }
    EscapeParser parser(std::move(origin));
    if (knownSize > 0)
        parser.expectInput(knownSize);
    while (filled > 0) {
        if (isCanceled(canceled))
            return canceledRead();
        parser.feed(std::string_view(block.data(), filled));
        if (filled < block.size())
            break;
        if (!readBlock(fd, block, &filled))
            return cannotRead(systemError(errno));
    }
    return { parser.finish(), ReportReadFailure::None, QString() };
}

} // namespace

ReportRead readReportFile(const QString& path, const std::function<bool()>& canceled)
{
    const bool isStdin = path == QLatin1String("-");
    const int fd = isStdin ? STDIN_FILENO : ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cannotRead(systemError(errno));
    const OpenedHere closer { isStdin ? -1 : fd };

    ReportOrigin origin;
    origin.source = isStdin ? std::string("-") : path.toStdString();
    MappedFile file;
    QString why;
    switch (file.map(fd, &why)) {
    case MappedFile::Result::Mapped: {
        if (looksLikeJson(file.bytes()))
            return fromMappedJson(file);
        // Compiler text is read, not mapped (kBlockSize says why). Mapping did not move the file offset.
        const std::size_t size = file.bytes().size();
        file.unmap();
        return readStream(fd, size, std::move(origin), canceled);
    }
    case MappedFile::Result::NotMappable:
        return readStream(fd, 0, std::move(origin), canceled);
    case MappedFile::Result::Failed:
        break;
    }
    return cannotRead(why);
}

} // namespace heapsight
