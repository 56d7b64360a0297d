// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <type_traits>
#include <utility>

namespace heapsight::cli {

namespace detail {
// Adds `object` to a list that is never freed and stays reachable from a global, so that LeakSanitizer
// (the ASan CI phase runs the CLI) counts what it holds as still in use, not as leaked.
void rememberUntilExit(const void* object);
} // namespace detail

// Moves `value` to the heap for the rest of the process and returns it; it is never destroyed. For the
// CLI's big results (a std report: millions of heap blocks), which the process would otherwise destroy
// just before exiting: the destructor walks every block (~20 ms on std, more for a diff), while the
// kernel takes back the whole address space at exit anyway. Not for anything whose destructor does more
// than free memory (files, processes, buffered output).
template <typename T>
requires(!std::is_reference_v<T>) T& keepUntilExit(T&& value)
{
    T* kept = new T(std::move(value));
    detail::rememberUntilExit(kept);
    return *kept;
}

} // namespace heapsight::cli
