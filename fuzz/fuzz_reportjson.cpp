// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: the report JSON loader. A document it accepts must write back and load again to
// the same report.
#include "core/io/reportjson.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace heapsight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string error;
    const auto report = reportFromJsonText(std::string_view(reinterpret_cast<const char*>(data), size), &error);
    if (!report)
        return 0;
    const std::string once = reportToJsonText(*report);
    const auto again = reportFromJsonText(once, &error);
    if (!again || reportToJsonText(*again) != once)
        std::abort(); // what we write, we must read back unchanged
    return 0;
}
