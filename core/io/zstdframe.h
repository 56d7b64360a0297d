// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace heapsight {

// Compresses bytes as they come into one zstd frame that carries zstd's checksum of its content (XXH64),
// so a decompression notices a changed byte anywhere. Used for what the result cache keeps of a run: a
// compiler's output arrives in pieces over a minute, and keeping it compressed costs a tenth of its size.
class ZstdFrameWriter {
public:
    // `level`: zstd's 1 (fastest) to 19; 3 compresses -m=2 text about 10:1 at several hundred MB/s.
    explicit ZstdFrameWriter(int level = 3);
    ~ZstdFrameWriter();
    ZstdFrameWriter(const ZstdFrameWriter&) = delete;
    ZstdFrameWriter& operator=(const ZstdFrameWriter&) = delete;

    void append(std::string_view bytes);
    // Ends the frame and hands it over; the writer is then empty, ready for another frame.
    QByteArray finish();
    // Bytes appended since the frame began (its decompressed size).
    std::uint64_t contentBytes() const { return m_contentBytes; }

private:
    void compress(std::string_view bytes, bool end);

    struct Context;
    Context* m_context;
    QByteArray m_out;
    std::uint64_t m_contentBytes = 0;
};

// Decompresses the zstd frame `frame` block by block (about 1 MiB each, one buffer reused, so no memory
// of the content's size is needed), handing each block to `consume` in order. False, with the reason in
// `error`, when the frame is damaged (zstd's checksum or structure), cut short, or its content is not
// `contentBytes` long; `consume` may have seen part of the content then.
bool zstdDecompress(std::string_view frame, std::uint64_t contentBytes,
    const std::function<void(std::string_view)>& consume, std::string* error);

// Reads the content of one zstd frame in order, as much at a time as the caller asks for (a pull
// decompressor, for readers of binary records): small reads are served from a 256 KiB buffer, large ones
// decompressed straight into the caller's memory. Once a read fails, every later one fails too.
class ZstdFrameReader {
public:
    // `frame` must outlive the reader; `contentBytes` is the size the frame must decompress to.
    ZstdFrameReader(std::string_view frame, std::uint64_t contentBytes);
    ~ZstdFrameReader();
    ZstdFrameReader(const ZstdFrameReader&) = delete;
    ZstdFrameReader& operator=(const ZstdFrameReader&) = delete;

    // The next `bytes` (at most 256 KiB) of content, valid until the next call; null when the frame is
    // damaged or its content ends before (error() says which).
    const char* next(std::size_t bytes)
    {
        if (m_end - m_at >= static_cast<std::ptrdiff_t>(bytes)) {
            const char* at = m_at;
            m_at += bytes;
            return at;
        }
        return refill(bytes);
    }
    // Copies the next `bytes` of content (any size) to `to`. False when damaged or cut short.
    bool read(void* to, std::size_t bytes);
    // True when all of the content has been read and the frame ends there, its checksum matching.
    bool atEnd();
    // Content bytes not yet handed out.
    std::uint64_t left() const { return m_left + static_cast<std::uint64_t>(m_end - m_at); }
    // Why a call failed; empty before.
    const std::string& error() const { return m_error; }

private:
    const char* refill(std::size_t bytes);
    bool decompress(char* to, std::size_t bytes, std::size_t* produced);
    bool fail(std::string why);

    struct Context;
    Context* m_context;
    std::string_view m_frame;
    std::size_t m_in = 0; // bytes of m_frame consumed
    std::uint64_t m_left; // content bytes not yet decompressed
    std::string m_buffer;
    const char* m_at = nullptr; // unread part of m_buffer: [m_at, m_end)
    const char* m_end = nullptr;
    std::string m_error;
};

} // namespace heapsight
