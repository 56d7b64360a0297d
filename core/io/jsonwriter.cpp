// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "jsonwriter.h"

#include <array>
#include <nlohmann/json.hpp>

namespace heapsight {

namespace {

// Bytes a JSON string cannot copy as they are: control characters, '"', '\\', and the bytes of
// multi-byte UTF-8 sequences (checked, replaced when invalid).
constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t {};
    for (int c = 0; c < 256; ++c)
        t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    return t;
}();

// The length of the well-formed UTF-8 sequence at `p` (Unicode 15, table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or, negated, how many bytes the ill-formed prefix there takes:
// an impossible lead byte is one, a lead byte and the continuation bytes that fit it before one that
// does not (or the end) are taken together. That is exactly where nlohmann's decoder rejects, and each
// rejection is one U+FFFD.
int utf8Sequence(const unsigned char* p, const unsigned char* end)
{
    const unsigned char lead = *p;
    int length;
    unsigned char low = 0x80, high = 0xBF; // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return -1;
    }
    for (int i = 1; i < length; ++i) {
        if (p + i == end)
            return -i;
        const unsigned char c = p[i];
        if (i == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
            return -i;
    }
    return length;
}

} // namespace

JsonWriter::JsonWriter(Sink sink)
    : m_sink(std::move(sink))
{
    m_buffer.reserve(kBlock + 4096);
}

JsonWriter::~JsonWriter()
{
    flush();
}

void JsonWriter::flush()
{
    if (!m_buffer.empty())
        m_sink(m_buffer);
    m_buffer.clear();
}

void JsonWriter::newLine()
{
    m_buffer.push_back('\n');
    m_buffer.append(m_hasElements.size(), '\t');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElements.empty())
        return; // the document itself
    if (m_hasElements.back())
        m_buffer.push_back(',');
    m_hasElements.back() = true;
    newLine();
    maybeFlush();
}

void JsonWriter::key(std::string_view name)
{
    if (m_hasElements.back())
        m_buffer.push_back(',');
    m_hasElements.back() = true;
    newLine();
    m_buffer.push_back('"');
    escaped(name);
    m_buffer.append("\": ", 3);
    m_afterKey = true;
}

void JsonWriter::openContainer(char bracket)
{
    beforeValue();
    m_buffer.push_back(bracket);
    m_hasElements.push_back(false);
}

void JsonWriter::closeContainer(char bracket)
{
    // nlohmann writes an empty container as `[]` and otherwise puts the closing bracket on its own line.
    const bool hadElements = m_hasElements.back();
    m_hasElements.pop_back();
    if (hadElements)
        newLine();
    m_buffer.push_back(bracket);
}

void JsonWriter::beginObject()
{
    openContainer('{');
}
void JsonWriter::endObject()
{
    closeContainer('}');
}
void JsonWriter::beginArray()
{
    openContainer('[');
}
void JsonWriter::endArray()
{
    closeContainer(']');
}

void JsonWriter::string(std::string_view text)
{
    beforeValue();
    m_buffer.push_back('"');
    escaped(text);
    m_buffer.push_back('"');
    maybeFlush();
}

void JsonWriter::boolean(bool b)
{
    beforeValue();
    m_buffer.append(b ? std::string_view("true") : std::string_view("false"));
}

void JsonWriter::escaped(std::string_view text)
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    while (p < end) {
        const auto* run = p;
        while (p < end && !kSpecial[*p])
            ++p;
        m_buffer.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c >= 0x80) {
            const int n = utf8Sequence(p, end);
            if (n > 0)
                m_buffer.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
            else
                m_buffer.append("\xEF\xBF\xBD", 3);
            p += n > 0 ? n : -n;
            continue;
        }
        ++p;
        switch (c) {
        case '"':
            m_buffer.append("\\\"", 2);
            break;
        case '\\':
            m_buffer.append("\\\\", 2);
            break;
        case '\b':
            m_buffer.append("\\b", 2);
            break;
        case '\t':
            m_buffer.append("\\t", 2);
            break;
        case '\n':
            m_buffer.append("\\n", 2);
            break;
        case '\f':
            m_buffer.append("\\f", 2);
            break;
        case '\r':
            m_buffer.append("\\r", 2);
            break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            m_buffer.append(u, 6);
        }
        }
    }
}

void JsonWriter::value(const nlohmann::json& v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::object:
        beginObject();
        for (const auto& [name, member] : v.items()) {
            key(name);
            value(member);
        }
        endObject();
        break;
    case nlohmann::json::value_t::array:
        beginArray();
        for (const nlohmann::json& element : v)
            value(element);
        endArray();
        break;
    case nlohmann::json::value_t::string:
        string(v.get_ref<const std::string&>());
        break;
    default:
        // Numbers (floating point above all), booleans and null as nlohmann spells them.
        beforeValue();
        m_buffer.append(v.dump());
    }
    maybeFlush();
}

} // namespace heapsight
