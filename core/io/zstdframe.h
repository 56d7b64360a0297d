// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
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

} // namespace heapsight
