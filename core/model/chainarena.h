// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace heapsight {

// Maps the whole pages inside [memory, memory + bytes) into the process, writable, with one system call
// (MADV_POPULATE_WRITE, Linux 5.14+; does nothing elsewhere): for memory about to be written front to back,
// where a page fault per page would cost more than the writing (on a virtual machine especially). From 4 MiB
// on, the 2 MiB-aligned part is advised huge pages first (MADV_HUGEPAGE).
void populateForWriting(void* memory, std::size_t bytes);
// Advises huge pages (MADV_HUGEPAGE) for the 2 MiB-aligned part of [memory, memory + bytes) when that part
// is 4 MiB or more, without mapping anything in: for a large reservation written front to back later (the
// findings array of a big report), whose pages then fault in 2 MiB at a time. Does nothing elsewhere.
void adviseHugePages(void* memory, std::size_t bytes);

// Where explanation chains live: a bump allocator over fixed-size blocks, freed all at once. A std report
// holds about two million flow lines; giving each of their strings and step lists its own heap block cost
// more time (malloc, free, page faults) than reading the text. Only for trivially destructible objects
// (text, FlowStep and FlowEdge arrays): nothing is destroyed one by one. Not thread-safe: one per writer.
// Past 8 MiB, each new block is populated by a thread of its own (std::async) while the writer fills it,
// joined before the next block starts, in releaseUnusedTail and in the destructor.
// Explanations keep theirs alive (Explanation::chains), so it is freed with the last of them.
class ChainArena {
public:
    ChainArena();
    ChainArena(const ChainArena&) = delete;
    ChainArena& operator=(const ChainArena&) = delete;
    ~ChainArena();

    // `alignment` a power of two. Never null (throws std::bad_alloc).
    void* allocate(std::size_t bytes, std::size_t alignment)
    {
        const std::uintptr_t at = alignUp(reinterpret_cast<std::uintptr_t>(m_next), alignment);
        if (m_next && at + bytes <= reinterpret_cast<std::uintptr_t>(m_end)) {
            m_next = reinterpret_cast<char*>(at + bytes);
            return reinterpret_cast<void*>(at);
        }
        return allocateInNewBlock(bytes, alignment);
    }

    // Gives the whole pages after the last allocation of the newest block back to the system
    // (MADV_DONTNEED), for a writer that is done: a big report's last block is 8 MiB and populated whole,
    // so 4 MiB of it is unused on average. Allocating more afterwards is fine (the pages fault in again,
    // zeroed). Waits for the block's population first, which would map the pages in again.
    void releaseUnusedTail();
    // Bytes taken from the system, unused tails of blocks included.
    std::size_t reservedBytes() const { return m_reserved; }

private:
    static std::uintptr_t alignUp(std::uintptr_t address, std::size_t alignment)
    {
        return (address + alignment - 1) & ~(std::uintptr_t(alignment) - 1);
    }
    void* allocateInNewBlock(std::size_t bytes, std::size_t alignment);

    std::vector<void*> m_blocks;
    // The population of the newest big block, on another thread (allocateInNewBlock); joined before the
    // next one starts and before the blocks are freed.
    struct Population; // a std::future, kept out of this header that every model file includes
    std::unique_ptr<Population> m_populating;
    char* m_next = nullptr;
    char* m_end = nullptr;
    std::size_t m_reserved = 0;
};

} // namespace heapsight
