// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// Writes JSON as it goes, without a document in memory, in exactly the bytes that
// nlohmann::json::dump(1, '\t', false, error_handler_t::replace) gives for the same document: one tab
// per level, `"key": value`, `[]`/`{}` for empty containers, the two-letter escapes and \u00xx for the
// other control characters, other bytes verbatim, and U+FFFD for each invalid UTF-8 sequence the way
// nlohmann replaces them. Report JSON was written by that dump before, and tools compare files byte for
// byte, so the layout is part of the format.
//
// The caller writes object keys in the order nlohmann's std::map keeps them (byte-wise ascending); the
// writer does not sort or check. Misuse (a key inside an array, unbalanced ends) is a programming error.
class JsonWriter {
public:
    // Receives the text in blocks of about 64 KiB, and the rest at flush().
    using Sink = std::function<void(std::string_view)>;

    explicit JsonWriter(Sink sink);
    ~JsonWriter(); // flushes
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The next member's key, inside an object; its value follows.
    void key(std::string_view name);

    void string(std::string_view text);
    void boolean(bool b);
    template <std::integral T>
    requires(!std::same_as<T, bool>) void number(T n)
    {
        beforeValue();
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        m_buffer.append(digits, static_cast<std::size_t>(end - digits));
    }
    // Any nlohmann value, laid out as its dump would be at this depth.
    void value(const nlohmann::json& v);

    // Hands everything written so far to the sink.
    void flush();

private:
    void beforeValue();
    void newLine();
    void openContainer(char bracket);
    void closeContainer(char bracket);
    void escaped(std::string_view text);
    void maybeFlush()
    {
        if (m_buffer.size() >= kBlock)
            flush();
    }

    static constexpr std::size_t kBlock = 64 * 1024;
    Sink m_sink;
    std::string m_buffer;
    std::vector<bool> m_hasElements; // one per open container
    bool m_afterKey = false;
};

} // namespace heapsight
