// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hugepages.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace heapsight {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";
// Set only between the two starts: "=VALUE" (GLIBC_TUNABLES as the user had it) or "-" (it was unset).
constexpr const char* kBefore = "HEAPSIGHT_GLIBC_TUNABLES_BEFORE";

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

} // namespace

void useTransparentHugePages(char** argv)
{
#if defined(__GLIBC__) && defined(__linux__)
    if (kSanitized)
        return;
    if (const char* before = std::getenv(kBefore)) {
        // The second start: glibc has read its tunables. The programs we start (go, the user's editor) get
        // the environment the user gave us.
        if (*before == '=')
            ::setenv("GLIBC_TUNABLES", before + 1, 1);
        else
            ::unsetenv("GLIBC_TUNABLES");
        ::unsetenv(kBefore);
        return;
    }
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, kTunable))
        return;
    const std::string before = tunables ? '=' + std::string(tunables) : std::string("-");
    std::string value = tunables && *tunables ? std::string(tunables) + ':' : std::string();
    value += kTunable;
    value += "=1";
    if (::setenv(kBefore, before.c_str(), 1) != 0 || ::setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // Not executed again (no /proc, say): go on as we are, with the environment as it was.
    if (tunables)
        ::setenv("GLIBC_TUNABLES", before.c_str() + 1, 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
    ::unsetenv(kBefore);
#else
    (void)argv;
#endif
}

} // namespace heapsight
