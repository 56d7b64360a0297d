// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The report JSON reader's entry points: where the text comes from (a padded copy, in place, a mapped
// file) and what a failure is called. The document itself is walked in reportjsondocument.cpp.

#include "reportjson.h"
#include "reportjsondocument.h"

#include <QFile>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace heapsight {

namespace od = simdjson::ondemand;
using reportjson::SchemaError;

namespace {

// `data` has SIMDJSON_PADDING readable bytes after `length`.
std::optional<Report> readPadded(const char* data, std::size_t length, std::string* error)
{
    const auto fail = [error](std::string why) -> std::optional<Report> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    try {
        od::parser parser;
        od::document doc = parser.iterate(data, length, length + simdjson::SIMDJSON_PADDING);
        try {
            return reportjson::readDocument(doc, error);
        } catch (const simdjson::simdjson_error& e) {
            // Well-formed JSON of the wrong shape, or broken JSON (cut short, a stray byte).
            const bool wrongShape = e.error() == simdjson::INCORRECT_TYPE || e.error() == simdjson::NUMBER_OUT_OF_RANGE
                || e.error() == simdjson::NO_SUCH_FIELD;
            std::string where;
            if (const auto at = doc.current_location(); !at.error())
                where = " at byte " + std::to_string(at.value_unsafe() - data);
            return fail((wrongShape ? "malformed report JSON" : "not valid JSON") + where + ": " + e.what());
        }
    } catch (const simdjson::simdjson_error& e) {
        return fail(std::string("not valid JSON: ") + e.what());
    } catch (const SchemaError& e) {
        return fail("malformed report JSON: " + e.why);
    } catch (const std::bad_alloc&) {
        return fail("report JSON too large for memory");
    }
}

} // namespace

static_assert(JsonReadPadding >= simdjson::SIMDJSON_PADDING);

std::optional<Report> reportFromPaddedJsonText(std::string_view text, std::string* error)
{
    return readPadded(text.data(), text.size(), error);
}

std::optional<Report> reportFromJsonText(std::string_view text, std::string* error)
{
    std::unique_ptr<char[]> padded;
    try {
        padded.reset(new char[text.size() + JsonReadPadding]);
    } catch (const std::bad_alloc&) {
        if (error)
            *error = "report JSON too large for memory";
        return std::nullopt;
    }
    std::memcpy(padded.get(), text.data(), text.size());
    std::memset(padded.get() + text.size(), 0, JsonReadPadding);
    return readPadded(padded.get(), text.size(), error);
}

std::optional<Report> readReportJsonFile(const QString& path, std::string* error)
{
    QFile file(path);
    const auto cannot = [&]() -> std::optional<Report> {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString()).toStdString();
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly))
        return cannot();
    // Mapped where the padding is there for free: the end of the file's last page reads as zeros. That
    // saves a copy into fresh memory, which costs more than parsing here (a page fault per 4 KiB; a
    // mapping of cached file pages is filled 64 KiB at a time). A file cut short by someone else while it
    // is read would end the process; report files and cache entries are not rewritten in place.
    const qint64 page = ::getpagesize();
    const qint64 mappedSize = file.size();
    if (!file.isSequential() && mappedSize > 0 && mappedSize % page != 0
        && page - mappedSize % page >= static_cast<qint64>(JsonReadPadding)) {
        if (uchar* mapped = file.map(0, mappedSize)) {
            std::optional<Report> report
                = readPadded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(mappedSize), error);
            file.unmap(mapped);
            return report;
        }
    }
    if (file.isSequential()) { // a pipe: its size is not known up front
        const QByteArray all = file.readAll();
        return reportFromJsonText(std::string_view(all.constData(), static_cast<std::size_t>(all.size())), error);
    }
    const auto size = static_cast<std::size_t>(file.size());
    std::unique_ptr<char[]> buffer(new (std::nothrow) char[size + JsonReadPadding]);
    if (!buffer) {
        if (error)
            *error = "report JSON too large for memory";
        return std::nullopt;
    }
    std::size_t filled = 0;
    while (filled < size) {
        const qint64 n = file.read(buffer.get() + filled, static_cast<qint64>(size - filled));
        if (n < 0)
            return cannot();
        if (n == 0)
            break; // shorter than it was: read what is there
        filled += static_cast<std::size_t>(n);
    }
    std::memset(buffer.get() + filled, 0, JsonReadPadding);
    return readPadded(buffer.get(), filled, error);
}

} // namespace heapsight
