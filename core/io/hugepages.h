// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace heapsight {

// Call first thing in main() (heapsight-cli, heapsight). Makes glibc's malloc advise transparent huge pages
// for the memory it takes from the kernel (the glibc tunable glibc.malloc.hugetlb=1, glibc 2.35+; see the
// glibc manual, "Memory Allocation Tunables") by executing this program again, once, with the tunable added
// to GLIBC_TUNABLES: glibc reads its tunables only when a process starts. Loading a std-size report writes
// hundreds of megabytes of fresh memory (the report, simdjson's index of a report JSON); in 4 KiB pages each
// first write faults, and on a virtual machine a fault is costly (std's report JSON: 76k faults, 2.3 s of
// CPU; with the tunable 7k and 1.2 s). The second start puts GLIBC_TUNABLES back as it was, so the programs
// Heapsight starts (go, an editor) see the user's environment.
// Does nothing when GLIBC_TUNABLES already names glibc.malloc.hugetlb (the user's choice:
// `glibc.malloc.hugetlb=0` turns this off, as bench/callgrind does, since valgrind would not follow the new
// program), when built without glibc or with a sanitizer (its own allocator), or when the program cannot be
// executed again (the run then goes on as it is, its environment unchanged).
void useTransparentHugePages(char** argv);

} // namespace heapsight
