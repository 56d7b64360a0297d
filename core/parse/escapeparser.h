// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/chainwriter.h"
#include "core/model/report.h"
#include "core/model/reportbuilder.h"
#include "explanationlinker.h"
#include "messageclassifier.h"
#include "positionparser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// Reads what `go build -gcflags='-m'` / `-m=2` (and `-d=loopvar=2`) prints, line by line, into a Report.
// Input may arrive in arbitrary chunks (as a process prints it). Explanation blocks are attached to the
// verdict they explain by position and subject; every line that fits no family is kept as unknown.
class EscapeParser {
public:
    explicit EscapeParser(ReportOrigin origin = {});

    // Before the first feed, when the input's size is known (a file): sizes the report's arrays for it.
    // `inputBytes` the whole input's length. Only a hint: the result does not depend on it.
    void expectInput(std::size_t inputBytes);
    void feed(std::string_view chunk);
    // Parses what is left (a last line without '\n') and hands over the report; the parser is spent.
    Report finish();

    static Report parse(std::string_view text, ReportOrigin origin = {});

    // A stretch of a longer output parsed on its own thread (see parseInParallel). Before the first feed:
    // with `continuesPackage`, the stretch begins inside the package whose header ends an earlier stretch
    // (the part's package 0, unnamed here, stands for it). Explanations are not linked to verdicts but
    // recorded, for the merge to link in order.
    void beginPart(bool continuesPackage);
    struct Part {
        Report report; // findings without their explanations; finding indices of `links` are into it
        std::vector<ExplanationLinker::Event> links;
        bool continuesPackage = false; // its package 0 is the previous stretch's last package
    };
    // Like finish(), for a part: the last package is not ended (the next stretch may go on with it).
    Part finishPart();
    // Takes in the part parsed from the stretch that follows what this parser was fed (and the parts
    // taken in before): its findings merge into this report and its links are made, in input order, as
    // if this parser had read the stretch itself. finish() then ends the report as usual.
    void takePart(Part&& part);

private:
    void parseLine(std::string_view line);
    void endInput();
    bool continueBlock(std::string_view line);
    void openBlock(const PositionPrefix& prefix, const ClassifiedMessage& header);
    void keepUnparsed(std::string_view rest);
    void closeBlock();
    Explanation takeBlock();
    void closePackage();
    void addVerdict(const PositionPrefix& prefix, std::string_view text, FindingKind kind, std::string_view subject,
        std::string_view detail, std::int64_t number);
    void addUnknown(std::string_view line, const char* why);
    Position intern(const RawPosition& raw);
    std::uint32_t currentPackage();

    ReportBuilder m_builder;
    // Most positions name the file of the position before them: skip the hash look-up then.
    std::string m_lastFileName;
    FileId m_lastFile = NoFile;
    bool m_lastFileQuick = false; // its name holds no ") at " (parseFromTextInFile may be asked)
    std::string m_partial;
    std::uint64_t m_lineNumber = 0;
    std::uint32_t m_package = UnknownLine::NoPackage;

    bool m_blockOpen = false;
    std::string m_blockPrefix;
    Position m_blockPosition;
    Explanation m_block; // header fields; its flows are written by m_chains
    ChainWriter m_chains;

    ExplanationLinker m_linker;
    bool m_part = false;
    bool m_continuesPackage = false;
    std::vector<ExplanationLinker::Event> m_links; // a part's, in input order
};

} // namespace heapsight
