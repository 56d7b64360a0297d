// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <cstddef>
#include <string_view>

namespace heapsight {

/// The system's words for an errno value (strerror, decoded from the locale's encoding), untranslated.
QString systemError(int code);

// A regular file's bytes mapped read-only into memory, so that a reader takes them where the page cache
// holds them (a report JSON: no copy of hundreds of megabytes). POSIX only
// (mmap); what cannot be mapped (a pipe, a terminal, standard input redirected from a pipe) is for the
// caller to read as a stream. A file that another process truncates while it is mapped ends this one with
// SIGBUS when the lost pages are read; the CLI takes that risk for finished outputs (a build still writing
// only appends, and the mapping ends at the size it had when mapped).
class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    enum class Result {
        Mapped, // bytes() holds the whole file (empty for an empty file)
        NotMappable, // a pipe, device or socket, or a file read part of the way: read it as a stream
        Failed, // fstat or mmap failed: `error` says why, in the system's words
    };
    // Maps the regular file that open descriptor `fd` reads (a file named on the command line, or standard
    // input redirected from one: `< FILE`). The descriptor is neither closed nor moved; the mapping outlives
    // it. Mapping again unmaps what was mapped before.
    Result map(int fd, QString* error);

    // The file's bytes; valid until this object is destroyed or maps again.
    std::string_view bytes() const { return { m_data, m_size }; }

    // Maps the pages of bytes [begin, end) into this process in one system call, ahead of reading them (one
    // page fault per 16 pages otherwise, costly on a virtual machine). Does nothing on kernels before 5.14.
    void prefetch(std::size_t begin, std::size_t end);
    // Ends the mapping (bytes() is empty afterwards); also done by the destructor.
    void unmap();

private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace heapsight
