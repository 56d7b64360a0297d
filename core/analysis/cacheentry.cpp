// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "cacheentry.h"

#include "core/io/jsonwriter.h"
#include "core/io/reportjson.h"
#include "core/io/reportsnapshot.h"
#include "core/io/zstdframe.h"
#include "core/parse/escapeparser.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>
#include <memory>
#include <nlohmann/json.hpp>
#include <zlib.h>

namespace heapsight {

namespace {

constexpr char kMagic[8] = { 'H', 'S', 'C', 'A', 'C', 'H', 'E', '2' };
constexpr qsizetype kFixedBytes = 16; // magic, header length, CRC

std::uint32_t crc32Of(const char* data, std::size_t size)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    // zlib takes at most 4 GiB per call.
    for (std::size_t done = 0; done < size;) {
        const auto n = static_cast<uInt>(std::min<std::size_t>(size - done, 1u << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef*>(data + done), n);
        done += n;
    }
    return static_cast<std::uint32_t>(crc);
}

nlohmann::json originJson(const ReportOrigin& o)
{
    return { { "source", o.source }, { "toolchain", o.toolchain }, { "languageVersion", o.languageVersion },
        { "workingDirectory", o.workingDirectory } };
}

// Throws on a member missing or of the wrong type (nlohmann's exceptions).
ReportOrigin originFrom(const nlohmann::json& j)
{
    return ReportOrigin { j.at("source").get<std::string>(), j.at("toolchain").get<std::string>(),
        j.at("languageVersion").get<std::string>(), j.at("workingDirectory").get<std::string>() };
}

} // namespace

bool CacheEntry::write(const QString& path, const CachedRun& run, QString* error)
{
    nlohmann::json header { { "origin", originJson(run.origin) } };
    if (!run.goList.isEmpty())
        header["goList"] = run.goList.toStdString();
    QByteArray frame;
    const auto refuse = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    if (run.content == CachedRun::Content::CompilerOutput) {
        header["content"] = "compiler-output";
        header["bytes"] = run.textBytes;
        frame = run.textFrame;
    } else {
        if (!run.report)
            return refuse(QStringLiteral("no report"));
        ZstdFrameWriter compressed;
        try {
            if (run.content == CachedRun::Content::ReportSnapshot) {
                writeReportSnapshot(*run.report, compressed);
                header["content"] = "report-snapshot";
            } else {
                JsonWriter out([&compressed](std::string_view block) { compressed.append(block); });
                writeReportJson(out, *run.report);
                header["content"] = "report-json";
            }
        } catch (const std::exception& e) {
            return refuse(QString::fromStdString(e.what()));
        }
        header["bytes"] = compressed.contentBytes();
        frame = compressed.finish();
    }
    header["frame"] = frame.size();
    const std::string headerText = header.dump();
    const QByteArray checked = QByteArray::fromStdString(headerText) + frame;
    char fixed[kFixedBytes];
    std::copy(std::begin(kMagic), std::end(kMagic), fixed);
    qToLittleEndian(static_cast<quint32>(headerText.size()), fixed + 8);
    qToLittleEndian(crc32Of(checked.constData(), static_cast<std::size_t>(checked.size())), fixed + 12);

    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(fixed, kFixedBytes) != kFixedBytes
        || out.write(checked) != checked.size() || !out.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

std::optional<Report> CacheEntry::read(const QString& path, QString* why, QByteArray* goList)
{
    const auto fail = [&](const QString& reason) -> std::optional<Report> {
        if (why)
            *why = QStringLiteral("%1: %2").arg(path, reason);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("no entry (%1)").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.size() < kFixedBytes || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.constData()))
        return fail(QStringLiteral("not a cache entry of this Heapsight version"));
    const auto headerBytes = qFromLittleEndian<quint32>(bytes.constData() + 8);
    const auto crc = qFromLittleEndian<quint32>(bytes.constData() + 12);
    if (bytes.size() - kFixedBytes < static_cast<qsizetype>(headerBytes))
        return fail(QStringLiteral("cut short (in its header)"));
    const nlohmann::json header = nlohmann::json::parse(
        bytes.constData() + kFixedBytes, bytes.constData() + kFixedBytes + headerBytes, nullptr, false);
    try {
        if (!header.is_object())
            return fail(QStringLiteral("damaged header"));
        const auto frameBytes = header.at("frame").get<qsizetype>();
        const auto contentBytes = header.at("bytes").get<std::uint64_t>();
        const std::string content = header.at("content").get<std::string>();
        const qsizetype expected = kFixedBytes + headerBytes + frameBytes;
        if (bytes.size() < expected)
            return fail(QStringLiteral("cut short (%1 of %2 bytes)").arg(bytes.size()).arg(expected));
        if (bytes.size() > expected)
            return fail(QStringLiteral("longer than recorded (%1, not %2 bytes)").arg(bytes.size()).arg(expected));
        if (crc32Of(bytes.constData() + kFixedBytes, static_cast<std::size_t>(bytes.size() - kFixedBytes)) != crc)
            return fail(QStringLiteral("damaged (checksum mismatch)"));
        const ReportOrigin origin = originFrom(header.at("origin"));
        if (goList)
            *goList = header.contains("goList") ? QByteArray::fromStdString(header.at("goList").get<std::string>())
                                                : QByteArray();
        const std::string_view frame(
            bytes.constData() + kFixedBytes + headerBytes, static_cast<std::size_t>(frameBytes));
        std::string error;
        if (content == "compiler-output") {
            // Decompressed in 1 MiB blocks straight into the parser: no buffer of the text's size, whose
            // fresh pages would cost more than the parse.
            EscapeParser parser(origin);
            if (!zstdDecompress(
                    frame, contentBytes, [&parser](std::string_view block) { parser.feed(block); }, &error))
                return fail(QStringLiteral("compiler output: %1").arg(QString::fromStdString(error)));
            return parser.finish();
        }
        if (content == "report-snapshot") {
            ZstdFrameReader in(frame, contentBytes);
            std::optional<Report> report = readReportSnapshot(in, &error);
            if (!report)
                return fail(QStringLiteral("report snapshot: %1").arg(QString::fromStdString(error)));
            return report;
        }
        if (content != "report-json")
            return fail(QStringLiteral("unknown content \"%1\"").arg(QString::fromStdString(content)));
        std::string json;
        json.reserve(static_cast<std::size_t>(contentBytes) + JsonReadPadding); // the reader's padding
        if (!zstdDecompress(
                frame, contentBytes, [&json](std::string_view block) { json.append(block); }, &error))
            return fail(QStringLiteral("report: %1").arg(QString::fromStdString(error)));
        std::optional<Report> report = reportFromPaddedJsonText(json, &error);
        if (!report)
            return fail(QStringLiteral("report: %1").arg(QString::fromStdString(error)));
        return report;
    } catch (const nlohmann::json::exception&) {
        return fail(QStringLiteral("damaged header"));
    } catch (const std::bad_alloc&) {
        return fail(QStringLiteral("too large for memory"));
    }
}

} // namespace heapsight
