// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chainarena.h"

#include <cstdlib>
#include <future>
#include <new>
#include <sys/mman.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace heapsight {

namespace {

// A small report (most of them) fits its first block, a module's report a few of the 1 MiB ones. Once an
// arena holds 8 MiB it is a big report (std's takes ~100 MB), and its later blocks are 8 MiB, 2 MiB-aligned,
// in huge pages, populated on another thread (allocateInNewBlock): a one-shot process writes every page of
// them fresh, and on this VM a fresh 4 KiB page costs ~12 µs to write even when populated (200 MB: 0.65–0.86 s
// in 4 KiB pages, 0.03 s in huge pages when the kernel has them to give; measured with a test program, 4 runs
// each). Small reports never reach them, so an unused tail costs at most one big block.
constexpr std::size_t kFirstBlockSize = std::size_t(64) << 10;
constexpr std::size_t kBlockSize = std::size_t(1) << 20;
constexpr std::size_t kBigReportFrom = std::size_t(8) << 20;
constexpr std::size_t kBigBlockSize = std::size_t(8) << 20;
constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kLargeRegion = std::size_t(4) << 20; // populateForWriting: huge pages from here on

// The whole `unit`s (a power of two: a page, a huge page) inside [memory, memory + bytes), as addresses
// [first, second); empty (first >= second) when there is none. What madvise is given in this file.
[[maybe_unused]] std::pair<std::uintptr_t, std::uintptr_t> wholeUnits(
    const void* memory, std::size_t bytes, std::uintptr_t unit)
{
    const auto from = reinterpret_cast<std::uintptr_t>(memory);
    return { (from + unit - 1) & ~(unit - 1), (from + bytes) & ~(unit - 1) };
}

[[maybe_unused]] std::uintptr_t pageSize()
{
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    return page;
}

} // namespace

// Maps the pages of a new block in with one system call, instead of a page fault on each page's first write:
// the parser fills every block front to back anyway. Page faults were most of a one-shot parse's time
// (the CLI's: 62k faults for std, over a third of its CPU time on this VM, where a fault is costly); pages
// malloc hands out again (a benchmark's second parse) are mapped already and cost only the walk.
// Large regions (a report snapshot's step and edge arrays, tens of MB) are also advised huge pages: on this
// VM the first write to each fresh 4 KiB page costs about 10 µs even once it is populated (100 MB: 300 ms
// populated in 4 KiB pages, 12 ms in huge pages), while the parser's 1 MiB blocks, measured slower with huge
// pages, stay below the threshold.
void adviseHugePages(void* memory, std::size_t bytes)
{
#ifdef MADV_HUGEPAGE
    const auto [hugeBegin, hugeEnd] = wholeUnits(memory, bytes, kHugePage);
    if (bytes >= kLargeRegion && hugeEnd > hugeBegin)
        madvise(reinterpret_cast<void*>(hugeBegin), hugeEnd - hugeBegin, MADV_HUGEPAGE);
#else
    (void)memory;
    (void)bytes;
#endif
}

namespace {

// MADV_POPULATE_WRITE over the whole pages inside [memory, memory + bytes), nothing else: the huge page
// advice, where wanted, must come first (populateForWriting, allocateInNewBlock).
void populate(void* memory, std::size_t bytes)
{
#ifdef MADV_POPULATE_WRITE
    const auto [begin, end] = wholeUnits(memory, bytes, pageSize());
    // Older kernels (before 5.14) refuse the advice; the pages then fault in as before.
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    (void)memory;
    (void)bytes;
#endif
}

} // namespace

void populateForWriting(void* memory, std::size_t bytes)
{
    adviseHugePages(memory, bytes);
    populate(memory, bytes);
}

struct ChainArena::Population {
    std::future<void> done;
};

ChainArena::ChainArena() = default; // here, where Population is complete

ChainArena::~ChainArena()
{
    if (m_populating && m_populating->done.valid())
        m_populating->done.wait();
    for (void* block : m_blocks)
        std::free(block);
}

void ChainArena::releaseUnusedTail()
{
    if (m_populating && m_populating->done.valid())
        m_populating->done.wait();
#ifdef MADV_DONTNEED
    if (!m_next)
        return;
    const auto [begin, end] = wholeUnits(m_next, static_cast<std::size_t>(m_end - m_next), pageSize());
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
#endif
}

void* ChainArena::allocateInNewBlock(std::size_t bytes, std::size_t alignment)
{
    const bool big = m_reserved >= kBigReportFrom;
    const std::size_t normal = m_blocks.empty() ? kFirstBlockSize : big ? kBigBlockSize : kBlockSize;
    // Requests beyond a block (never seen from the parser) get a block of their own.
    const bool own = bytes + alignment > normal;
    const std::size_t size = own ? bytes + alignment : normal;
    char* block = static_cast<char*>(!own && big ? std::aligned_alloc(kHugePage, size) : std::malloc(size));
    if (!block)
        throw std::bad_alloc();
    m_blocks.push_back(block);
    m_reserved += size;
    if (!own && big) {
        // Clearing the fresh huge pages of a big block is the kernel's work for the thread that faults them
        // in, and it was a fifth to a half of `report`'s profile on std (clear_page under madvise). Another
        // thread populates the block while this one fills it front to back: the parser writes 8 MiB in
        // about 20 ms and a huge page is cleared in 1-3 ms, so it meets populated pages after the first;
        // where it gets ahead, its own write faults the page in, as without the advice. The advice is given
        // here, before this thread's first write, so that write faults in a huge page too.
        adviseHugePages(block, size);
        if (!m_populating)
            m_populating = std::make_unique<Population>();
        else if (m_populating->done.valid())
            m_populating->done.wait();
        try {
            m_populating->done = std::async(std::launch::async, [block, size] { populate(block, size); });
        } catch (const std::system_error&) {
            populate(block, size); // no thread to be had: populated here, as before
        }
    } else {
        populateForWriting(block, size);
    }
    char* at = reinterpret_cast<char*>(alignUp(reinterpret_cast<std::uintptr_t>(block), alignment));
    if (own)
        return at; // the current block stays the one to fill
    m_next = at + bytes;
    m_end = block + size;
    return at;
}

} // namespace heapsight
