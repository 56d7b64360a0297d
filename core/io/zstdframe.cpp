// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "zstdframe.h"

#include <algorithm>
#include <cstring>
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

namespace {
constexpr std::size_t kZstdReaderBuffer = std::size_t(256) << 10;
}

struct ZstdFrameReader::Context {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    bool frameDone = false; // zstd said the frame ended (its checksum verified)
    ~Context() { ZSTD_freeDCtx(dctx); }
};

ZstdFrameReader::ZstdFrameReader(std::string_view frame, std::uint64_t contentBytes)
    : m_context(new Context)
    , m_frame(frame)
    , m_left(contentBytes)
    , m_buffer(kZstdReaderBuffer, '\0')
{
    if (!m_context->dctx)
        throw std::bad_alloc();
    m_at = m_end = m_buffer.data();
}

ZstdFrameReader::~ZstdFrameReader()
{
    delete m_context;
}

bool ZstdFrameReader::fail(std::string why)
{
    if (m_error.empty())
        m_error = std::move(why);
    m_left = 0;
    m_at = m_end = m_buffer.data();
    return false;
}

// Decompresses exactly `bytes` (at most m_left) into `to`.
bool ZstdFrameReader::decompress(char* to, std::size_t bytes, std::size_t* produced)
{
    ZSTD_outBuffer out { to, bytes, 0 };
    while (out.pos < out.size) {
        if (m_context->frameDone)
            return fail("the compressed data ends before its recorded size");
        ZSTD_inBuffer in { m_frame.data(), m_frame.size(), m_in };
        const std::size_t before = out.pos;
        const std::size_t left = ZSTD_decompressStream(m_context->dctx, &out, &in);
        if (ZSTD_isError(left))
            return fail(std::string("damaged compressed data: ") + ZSTD_getErrorName(left));
        const bool progress = in.pos != m_in || out.pos != before;
        m_in = in.pos;
        m_context->frameDone = left == 0;
        if (!progress)
            return fail(m_in == m_frame.size() ? "the compressed data is cut short" : "damaged compressed data");
    }
    m_left -= out.pos;
    if (produced)
        *produced = out.pos;
    return true;
}

const char* ZstdFrameReader::refill(std::size_t bytes)
{
    const auto kept = static_cast<std::size_t>(m_end - m_at);
    if (!m_error.empty() || bytes > m_buffer.size() || bytes - kept > m_left) {
        fail(bytes > m_buffer.size() ? "a read larger than the reader's buffer" : "the content ends early");
        return nullptr;
    }
    std::memmove(m_buffer.data(), m_at, kept);
    const std::size_t more = static_cast<std::size_t>(std::min<std::uint64_t>(m_buffer.size() - kept, m_left));
    if (!decompress(m_buffer.data() + kept, more, nullptr))
        return nullptr;
    m_at = m_buffer.data() + bytes;
    m_end = m_buffer.data() + kept + more;
    return m_buffer.data();
}

bool ZstdFrameReader::read(void* to, std::size_t bytes)
{
    char* out = static_cast<char*>(to);
    const auto kept = std::min(bytes, static_cast<std::size_t>(m_end - m_at));
    if (kept > 0)
        std::memcpy(out, m_at, kept);
    m_at += kept;
    if (kept == bytes)
        return m_error.empty();
    if (!m_error.empty() || bytes - kept > m_left)
        return fail("the content ends early");
    return decompress(out + kept, bytes - kept, nullptr);
}

bool ZstdFrameReader::atEnd()
{
    if (!m_error.empty())
        return false;
    if (m_at != m_end || m_left != 0)
        return fail("content left unread");
    char scratch[64];
    while (!m_context->frameDone) {
        ZSTD_outBuffer out { scratch, sizeof scratch, 0 };
        ZSTD_inBuffer in { m_frame.data(), m_frame.size(), m_in };
        const std::size_t left = ZSTD_decompressStream(m_context->dctx, &out, &in);
        if (ZSTD_isError(left))
            return fail(std::string("damaged compressed data: ") + ZSTD_getErrorName(left));
        if (out.pos > 0)
            return fail("the compressed data holds more than its recorded size");
        const bool progress = in.pos != m_in;
        m_in = in.pos;
        m_context->frameDone = left == 0;
        if (!progress && !m_context->frameDone)
            return fail("the compressed data is cut short");
    }
    if (m_in != m_frame.size())
        return fail("bytes after the compressed data");
    return true;
}

} // namespace heapsight
