// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: the text parser of -m / -m=2 output. Any input: no crash, no sanitizer report, and
// every line accounted for; chunked input, and input cut into stretches parsed on threads, parse exactly
// like whole input.
#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"
#include "core/parse/parallelparser.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace heapsight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Report whole = EscapeParser::parse(text);
    const ReportStats& s = whole.stats();
    std::uint64_t verdicts = 0;
    for (std::uint64_t n : s.occurrences)
        verdicts += n;
    if (s.packageHeaders + s.blankLines + s.explanationLines + s.unknownLines + s.errorLines + verdicts != s.inputLines)
        std::abort(); // a line was lost
    EscapeParser chunked;
    const std::size_t cut = size / 3;
    chunked.feed(text.substr(0, cut));
    chunked.feed(text.substr(cut));
    const std::string expected = reportToJsonText(whole);
    if (reportToJsonText(chunked.finish()) != expected)
        std::abort(); // chunking changed the result
    if (reportToJsonText(parseInParallel(text, {}, 3, 0)) != expected)
        std::abort(); // cutting into stretches changed the result
    return 0;
}
