#pragma once

#include <cstddef>
#include <memory_resource>
#include <vector>

namespace heapsight {

// Where a report's explanation chains live: a bump allocator over fixed-size blocks, freed all at once
// with the report. A std report holds about two million flow lines; giving each of their strings and
// step lists its own heap block cost more time (malloc, free, page faults) than reading the text.
// Deallocation is a no-op. Not thread-safe: one arena per parser.
class ChainArena final : public std::pmr::memory_resource {
public:
    ChainArena() = default;
    ChainArena(const ChainArena&) = delete;
    ChainArena& operator=(const ChainArena&) = delete;
    ~ChainArena() override;

    // Bytes taken from the system, unused tails of blocks included.
    std::size_t reservedBytes() const { return m_reserved; }

private:
    void* do_allocate(std::size_t bytes, std::size_t alignment) override;
    void do_deallocate(void*, std::size_t, std::size_t) override { }
    bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }

    std::vector<void*> m_blocks;
    char* m_next = nullptr;
    char* m_end = nullptr;
    std::size_t m_reserved = 0;
};

} // namespace heapsight
