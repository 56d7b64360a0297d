// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "zstdframe.h"

#include <memory>
#include <new>
#include <stdexcept>
#include <zstd.h>

namespace heapsight {

struct ZstdFrameWriter::Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
};

ZstdFrameWriter::ZstdFrameWriter(int level)
    : m_context(new Context)
{
    if (!m_context->cctx)
        throw std::bad_alloc();
    ZSTD_CCtx_setParameter(m_context->cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(m_context->cctx, ZSTD_c_checksumFlag, 1);
}

ZstdFrameWriter::~ZstdFrameWriter()
{
    delete m_context;
}

void ZstdFrameWriter::compress(std::string_view bytes, bool end)
{
    ZSTD_inBuffer in { bytes.data(), bytes.size(), 0 };
    const ZSTD_EndDirective mode = end ? ZSTD_e_end : ZSTD_e_continue;
    for (;;) {
        const std::size_t room = ZSTD_CStreamOutSize();
        const qsizetype before = m_out.size();
        m_out.resize(before + static_cast<qsizetype>(room));
        ZSTD_outBuffer out { m_out.data() + before, room, 0 };
        const std::size_t left = ZSTD_compressStream2(m_context->cctx, &out, &in, mode);
        m_out.resize(before + static_cast<qsizetype>(out.pos));
        if (ZSTD_isError(left))
            throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(left));
        // Continue: done when the input is taken. End: done when zstd has nothing left to flush.
        if (end ? left == 0 : in.pos == in.size)
            return;
    }
}

void ZstdFrameWriter::append(std::string_view bytes)
{
    m_contentBytes += bytes.size();
    compress(bytes, false);
}

QByteArray ZstdFrameWriter::finish()
{
    compress({}, true);
    m_contentBytes = 0;
    QByteArray frame;
    frame.swap(m_out);
    return frame;
}

bool zstdDecompress(std::string_view frame, std::uint64_t contentBytes,
    const std::function<void(std::string_view)>& consume, std::string* error)
{
    const auto fail = [error](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    const unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR)
        return fail("not a zstd frame");
    if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != contentBytes)
        return fail(
            "the compressed data holds " + std::to_string(declared) + " bytes, not " + std::to_string(contentBytes));
    std::unique_ptr<ZSTD_DCtx, std::size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!dctx)
        return fail("out of memory");
    std::string block(std::size_t(1) << 20, '\0');
    ZSTD_inBuffer in { frame.data(), frame.size(), 0 };
    std::uint64_t produced = 0;
    std::size_t left = 1;
    while (left != 0) {
        ZSTD_outBuffer out { block.data(), block.size(), 0 };
        left = ZSTD_decompressStream(dctx.get(), &out, &in);
        if (ZSTD_isError(left))
            return fail(std::string("damaged compressed data: ") + ZSTD_getErrorName(left));
        produced += out.pos;
        if (produced > contentBytes)
            return fail("the compressed data holds more than the recorded " + std::to_string(contentBytes) + " bytes");
        if (out.pos > 0)
            consume(std::string_view(block.data(), out.pos));
        if (left != 0 && in.pos == in.size && out.pos < out.size)
            return fail("the compressed data is cut short");
    }
    if (produced != contentBytes || in.pos != in.size)
        return fail("the compressed data does not have the recorded size");
    return true;
}

} // namespace heapsight
