// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chainarena.h"

#include <cstdlib>
#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace heapsight {

namespace {

// A small report (most of them) fits its first block; a std report takes a few hundred of the later
// ones. (Advising huge pages for them made parsing slower here: the kernel clears each one whole.)
constexpr std::size_t kFirstBlockSize = std::size_t(64) << 10;
constexpr std::size_t kBlockSize = std::size_t(1) << 20;

// Maps a new block's pages in with one system call, instead of a page fault on each page's first write:
// the parser fills every block front to back anyway. Page faults were most of a one-shot parse's time
// (the CLI's: 62k faults for std, over a third of its CPU time on this VM, where a fault is costly); pages
// malloc hands out again (a benchmark's second parse) are mapped already and cost only the walk.
void prefault(char* block, std::size_t size)
{
#ifdef MADV_POPULATE_WRITE
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(block) + size) & ~(page - 1);
    // Older kernels (before 5.14) refuse the advice; the pages then fault in as before.
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    (void)block;
    (void)size;
#endif
}

} // namespace

ChainArena::~ChainArena()
{
    for (void* block : m_blocks)
        std::free(block);
}

void* ChainArena::allocateInNewBlock(std::size_t bytes, std::size_t alignment)
{
    const std::size_t normal = m_blocks.empty() ? kFirstBlockSize : kBlockSize;
    // Requests beyond a block (never seen from the parser) get a block of their own.
    const bool own = bytes + alignment > normal;
    const std::size_t size = own ? bytes + alignment : normal;
    char* block = static_cast<char*>(std::malloc(size));
    if (!block)
        throw std::bad_alloc();
    m_blocks.push_back(block);
    m_reserved += size;
    prefault(block, size);
    char* at = reinterpret_cast<char*>(alignUp(reinterpret_cast<std::uintptr_t>(block), alignment));
    if (own)
        return at; // the current block stays the one to fill
    m_next = at + bytes;
    m_end = block + size;
    return at;
}

} // namespace heapsight
