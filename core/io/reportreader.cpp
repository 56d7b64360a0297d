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

// A mapped file goes to the parser in steps of this size, each step's pages released once it is parsed
// (the parser copies what it keeps): the input's pages never pile up beside the report, and at most one
// step of them is resident (16 MiB steps left the peak of Go 1.27's std 12 MB higher). Big enough that
// the madvise calls cost nothing (two per step: 128 for the 253 MB std output).
constexpr std::size_t kMappedStep = std::size_t(4) << 20;
// What cannot be mapped (a pipe) is read in blocks of this size into one buffer, reused.
constexpr std::size_t kBlockSize = std::size_t(4) << 20;

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

ReportRead parseMapped(MappedFile& file, ReportOrigin origin, const std::function<bool()>& canceled)
{
    const std::string_view bytes = file.bytes();
    EscapeParser parser(std::move(origin));
    parser.expectInput(bytes.size());
    for (std::size_t at = 0; at < bytes.size(); at += kMappedStep) {
        if (isCanceled(canceled))
            return canceledRead();
        file.prefetch(at, at + kMappedStep);
        parser.feed(bytes.substr(at, kMappedStep));
        file.releaseBefore(at + kMappedStep);
    }
    return { parser.finish(), ReportReadFailure::None, QString() };
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

// A pipe: compiler text is parsed block by block as it arrives; a report JSON document is gathered whole.
ReportRead readStream(int fd, ReportOrigin origin, const std::function<bool()>& canceled)
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
    case MappedFile::Result::Mapped:
        if (looksLikeJson(file.bytes()))
            return fromMappedJson(file);
        return parseMapped(file, std::move(origin), canceled);
    case MappedFile::Result::NotMappable:
        return readStream(fd, std::move(origin), canceled);
    case MappedFile::Result::Failed:
        break;
    }
    return cannotRead(why);
}

} // namespace heapsight
