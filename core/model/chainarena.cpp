#include "chainarena.h"

#include <cstdlib>
#include <new>

namespace heapsight {

namespace {

// A small report (most of them) fits its first block; a std report takes a few hundred of the later
// ones. (Advising huge pages for them made parsing slower here: the kernel clears each one whole.)
constexpr std::size_t kFirstBlockSize = std::size_t(64) << 10;
constexpr std::size_t kBlockSize = std::size_t(1) << 20;

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
    char* at = reinterpret_cast<char*>(alignUp(reinterpret_cast<std::uintptr_t>(block), alignment));
    if (own)
        return at; // the current block stays the one to fill
    m_next = at + bytes;
    m_end = block + size;
    return at;
}

} // namespace heapsight
