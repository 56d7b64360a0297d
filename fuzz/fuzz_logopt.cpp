// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: one -json=0 logopt file, read and merged into a report.
#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"

#include <QString>
#include <cstdint>

using namespace heapsight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    LogoptReadResult result;
    readLogoptText(
        std::string_view(reinterpret_cast<const char*>(data), size), QStringLiteral("/m"), "fuzz/a.json", result);
    const Report merged = mergeLogopt(EscapeParser::parse({}), result);
    (void)merged.stats();
    return 0;
}
