// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "keepuntilexit.h"

#include <vector>

namespace heapsight::cli::detail {

void rememberUntilExit(const void* object)
{
    // A pointer, not a static vector: a vector's destructor would run at exit before LeakSanitizer looks,
    // and leave what it listed unreachable.
    static auto* kept = new std::vector<const void*>();
    kept->push_back(object);
}

} // namespace heapsight::cli::detail
