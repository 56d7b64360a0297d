// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "mappedfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace heapsight {

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

namespace {

std::size_t pageSize()
{
    static const auto size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return size;
}

} // namespace

MappedFile::~MappedFile()
{
    unmap();
}

void MappedFile::unmap()
{
    if (m_data && m_size > 0)
        munmap(const_cast<char*>(m_data), m_size);
    m_data = nullptr;
    m_size = 0;
}

MappedFile::Result MappedFile::map(int fd, QString* error)
{
    unmap();
    struct stat info { };
    if (fstat(fd, &info) != 0) {
        *error = systemError(errno);
        return Result::Failed;
    }
    // Standard input may be a file read part of the way already; a mapping must start at a page multiple,
    // and this case is rare enough to read as a stream.
    if (!S_ISREG(info.st_mode) || lseek(fd, 0, SEEK_CUR) != 0)
        return Result::NotMappable;
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size == 0) {
        m_data = "";
        return Result::Mapped;
    }
    void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
        *error = systemError(errno);
        return Result::Failed;
    }
    // Read front to back once: the kernel reads ahead further.
    madvise(data, size, MADV_SEQUENTIAL);
    m_data = static_cast<const char*>(data);
    m_size = size;
    return Result::Mapped;
}

void MappedFile::prefetch(std::size_t begin, std::size_t end)
{
#ifdef MADV_POPULATE_READ
    end = std::min(end, m_size);
    begin -= begin % pageSize();
    if (end > begin)
        madvise(const_cast<char*>(m_data) + begin, end - begin, MADV_POPULATE_READ);
#else
    (void)begin;
    (void)end;
#endif
}

} // namespace heapsight
