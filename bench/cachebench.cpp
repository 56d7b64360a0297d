// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// One result cache entry written or read per process, for bench/cachereopen.py, which times each process
// whole (wall, CPU, peak memory) as `analyze` spends them reopening a module from the cache:
//   heapsight_cachebench write snapshot|text|json REPORT.m2.txt [LOGOPT-DIR ROOT] ENTRY
//       parses the compiler's output (merged with logopt files when given) and writes an entry of that kind
//   heapsight_cachebench read ENTRY
//       reads the entry back and prints its finding count; the report is kept until exit, as the CLI does.

#include "core/analysis/cacheentry.h"
#include "core/io/mappedfile.h"
#include "core/io/zstdframe.h"
#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"
#include "core/parse/logoptreader.h"

#include <QString>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace heapsight;

namespace {

int usage()
{
    std::fputs("usage: heapsight_cachebench write snapshot|text|json TEXT [LOGOPT-DIR ROOT] ENTRY\n"
               "       heapsight_cachebench read ENTRY\n",
        stderr);
    return 2;
}

int write(int argc, char** argv)
{
    const std::string_view kind = argv[2];
    MappedFile text;
    QString error;
    const int fd = ::open(argv[3], O_RDONLY);
    if (fd < 0 || text.map(fd, &error) != MappedFile::Result::Mapped) {
        std::fprintf(stderr, "cannot map %s %s\n", argv[3], qPrintable(error));
        return 1;
    }
    ::close(fd);
    const std::string_view bytes = text.bytes();
    CachedRun run;
    run.origin = ReportOrigin { "go build", "go", "", "" };
    Report report = EscapeParser::parse(bytes, run.origin);
    if (argc == 7)
        report = mergeLogopt(
            report, readLogoptDirectory(QString::fromLocal8Bit(argv[4]), QString::fromLocal8Bit(argv[5])));
    run.report = std::make_shared<const Report>(std::move(report));
    if (kind == "text") {
        run.content = CachedRun::Content::CompilerOutput;
        ZstdFrameWriter frame;
        frame.append(bytes);
        run.textBytes = frame.contentBytes();
        run.textFrame = frame.finish();
    } else {
        run.content = kind == "json" ? CachedRun::Content::ReportJson : CachedRun::Content::ReportSnapshot;
    }
    if (!CacheEntry::write(QString::fromLocal8Bit(argv[argc - 1]), run, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && std::strcmp(argv[1], "read") == 0) {
        QString why;
        auto* report = new std::optional<Report>(CacheEntry::read(QString::fromLocal8Bit(argv[2]), &why));
        if (!report->has_value()) {
            std::fprintf(stderr, "%s\n", qPrintable(why));
            return 1;
        }
        std::printf("%zu findings\n", (*report)->findings().size());
        std::fflush(stdout);
        std::_Exit(0); // as heapsight-cli: no destructor walk of a report the process is about to drop
    }
    if ((argc == 5 || argc == 7) && std::strcmp(argv[1], "write") == 0)
        return write(argc, argv);
    return usage();
}
