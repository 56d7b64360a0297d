// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gzipinflate.h"

#include <zlib.h>

namespace heapsight {

bool isGzip(QByteArrayView data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
        && static_cast<unsigned char>(data[1]) == 0x8b;
}

std::optional<QByteArray> gunzip(QByteArrayView data, qsizetype maxOutput, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!isGzip(data))
        return fail(QStringLiteral("not gzip data"));

    z_stream stream {};
    // 16 + MAX_WBITS: expect and check a gzip header and trailer (not zlib, not raw deflate).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(QStringLiteral("zlib could not be initialised"));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());

    QByteArray out;
    constexpr qsizetype chunk = 64 * 1024;
    int status = Z_OK;
    for (;;) {
        if (out.size() >= maxOutput) {
            inflateEnd(&stream);
            return fail(QStringLiteral("gzip data inflates to more than %1 MB").arg(maxOutput / (1024 * 1024)));
        }
        const qsizetype before = out.size();
        out.resize(before + chunk);
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
        stream.avail_out = static_cast<uInt>(chunk);
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(before + chunk - static_cast<qsizetype>(stream.avail_out));
        if (status == Z_STREAM_END) {
            // Concatenated members are one stream (gzip -c a b); anything else after the end is refused.
            if (stream.avail_in == 0)
                break;
            if (stream.avail_in >= 2 && stream.next_in[0] == 0x1f && stream.next_in[1] == 0x8b) {
                inflateReset(&stream);
                continue;
            }
            inflateEnd(&stream);
            return fail(QStringLiteral("unexpected bytes after the end of the gzip data"));
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            inflateEnd(&stream);
            return fail(QStringLiteral("truncated gzip data (the file ends before the compressed stream does)"));
        }
        if (status != Z_OK) {
            const QString why = stream.msg ? QString::fromLatin1(stream.msg) : QStringLiteral("error %1").arg(status);
            inflateEnd(&stream);
            return fail(QStringLiteral("corrupt gzip data: %1").arg(why));
        }
    }
    inflateEnd(&stream);
    return out;
}

} // namespace heapsight
