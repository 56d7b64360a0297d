// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hugepages.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace heapsight::cli {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";

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
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, kTunable))
        return;
    std::string value = tunables && *tunables ? std::string(tunables) + ':' : std::string();
    value += kTunable;
    value += "=1";
    if (::setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // Not executed again (no /proc, say): go on without the tunable; it stays set for our children, which
    // is harmless (go's own programs do not use glibc's malloc).
#else
    (void)argv;
#endif
}

} // namespace heapsight::cli
