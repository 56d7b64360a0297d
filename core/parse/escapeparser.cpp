// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "escapeparser.h"

#include "flowlineparser.h"
#include "goerrors.h"
#include "messageclassifier.h"

#include <algorithm>

namespace heapsight {

namespace {

constexpr std::string_view kFlowMarker = "   flow: ";
constexpr std::string_view kFromMarker = "     from ";
constexpr std::string_view kWarningMarker = "   warning: ";
constexpr std::string_view kIndent = "   ";

// An unfamiliar tail by its first word (`inside`, `via`), what follows it (where Go 1.25 names the function, which
// may hold spaces) as `F`: " inside add" and " inside struct { … }.M" are one wording.
std::string foldTail(std::string_view tail)
{
    const std::size_t start = tail.find_first_not_of(' ');
    if (start == std::string_view::npos)
        return {};
    std::size_t end = tail.find(' ', start);
    if (end == std::string_view::npos)
        end = tail.size();
    const std::string_view word = tail.substr(start, end - start);
    const bool plain = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    std::string out = " " + std::string(plain ? word : std::string_view("x"));
    if (tail.find_first_not_of(' ', end) != std::string_view::npos)
        out += " F";
    return out;
}

// A header's wording without what it is about: "X escapes to heap inside F:", "parameter P leaks to L via F
// with derefs=N:".
std::string headerShape(std::string_view text, const ClassifiedMessage& m)
{
    if (m.type == ClassifiedMessage::Type::EscapesHeader) {
        static constexpr std::string_view kEscapes = " escapes to heap";
        const std::size_t at = text.rfind(kEscapes);
        std::string_view tail = text.substr(at + kEscapes.size());
        tail.remove_suffix(tail.ends_with(':') ? 1 : 0);
        return "X escapes to heap" + foldTail(tail) + ":";
    }
    // The detail (LOC) is a view into `text`: what follows it up to " with derefs=" is the unfamiliar part.
    std::string_view tail;
    if (!m.detail.empty() && m.detail.data() >= text.data()
        && m.detail.data() + m.detail.size() <= text.data() + text.size()) {
        tail = text.substr(static_cast<std::size_t>(m.detail.data() + m.detail.size() - text.data()));
        const std::size_t derefs = tail.rfind(" with derefs=");
        tail = tail.substr(0, derefs == std::string_view::npos ? tail.size() : derefs);
        tail.remove_suffix(tail.ends_with(':') ? 1 : 0);
    }
    return "parameter P leaks to L" + foldTail(tail) + (m.number >= 0 ? " with derefs=N:" : ":");
}

// A flow's wording without its locations: "   flow: D ⇐ S:".
std::string flowShape(std::string_view text, const RawFlow& flow)
{
    const auto from = static_cast<std::size_t>(flow.destination.data() + flow.destination.size() - text.data());
    std::size_t to = static_cast<std::size_t>(flow.source.data() - text.data());
    while (to > from && (text[to - 1] == '&' || text[to - 1] == '*'))
        --to;
    return std::string(kFlowMarker) + "D" + std::string(text.substr(from, to - from)) + "S:";
}

bool isExplanationLine(std::string_view rest)
{
    return rest.starts_with(kFlowMarker) || rest.starts_with(kFromMarker) || rest.starts_with(kWarningMarker);
}

} // namespace

EscapeParser::EscapeParser(ReportOrigin origin)
{
    m_builder.setOrigin(std::move(origin));
}

Report EscapeParser::parse(std::string_view text, ReportOrigin origin)
{
    EscapeParser parser(std::move(origin));
    // The whole input is at hand: the findings' array is sized once instead of growing by doubling, which
    // moved every finding ~log2(n) times (7% of a one-core parse of Go 1.27's std, perf).
    parser.expectInput(text.size());
    parser.feed(text);
    return parser.finish();
}

void EscapeParser::expectInput(std::size_t inputBytes)
{
    // -m=2 output of std holds a finding per 2.1 KB (Go 1.22) or 1.0 KB (Go 1.27): room for twice that many
    // costs address space only. -m output has more, and the array grows beyond this as usual.
    constexpr std::size_t kBytesPerFinding = 512;
    m_builder.reserveFindings(inputBytes / kBytesPerFinding);
}

void EscapeParser::feed(std::string_view chunk)
{
    while (!chunk.empty()) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_partial.append(chunk);
            return;
        }
        if (m_partial.empty()) {
            parseLine(chunk.substr(0, nl));
        } else {
            m_partial.append(chunk.substr(0, nl));
            parseLine(m_partial);
            m_partial.clear();
        }
        chunk.remove_prefix(nl + 1);
    }
}

// What was fed ends here: a last line without '\n' is complete, and so is an open block.
void EscapeParser::endInput()
{
    if (!m_partial.empty()) {
        const std::string last = std::move(m_partial);
        m_partial.clear();
        parseLine(last);
    }
    closeBlock();
}

void EscapeParser::beginPart(bool continuesPackage)
{
    m_part = true;
    if (continuesPackage) {
        m_package = m_builder.addPackage({});
        m_continuesPackage = true;
    }
}

EscapeParser::Part EscapeParser::finishPart()
{
    endInput();
    m_chains.releaseUnused();
    return Part { m_builder.finish(), std::move(m_links), m_continuesPackage };
}

void EscapeParser::takePart(Part&& part)
{
    // The stretch begins with a whole line: whatever this parser holds is complete.
    endInput();
    if (!part.continuesPackage)
        closePackage();
    const std::uint64_t partLines = part.report.stats().inputLines;
    const ReportBuilder::Absorbed absorbed
        = m_builder.absorb(std::move(part.report), m_lineNumber, part.continuesPackage);
    m_lineNumber += partLines;
    for (ExplanationLinker::Event& e : part.links) {
        absorbed.remap(e.position);
        absorbed.remap(e.block);
        if (e.type == ExplanationLinker::Event::Type::Verdict)
            e.finding = absorbed.findings[e.finding];
        m_linker.replay(m_builder, std::move(e));
    }
    // Later stretches go on with the part's last package; positions name the part's files now.
    m_package = m_builder.packageCount() > 0 ? static_cast<std::uint32_t>(m_builder.packageCount() - 1) : m_package;
    m_lastFile = NoFile;
}

Report EscapeParser::finish()
{
    endInput();
    closePackage();
    m_chains.releaseUnused();
    return m_builder.finish();
}

Position EscapeParser::intern(const RawPosition& raw)
{
    if (m_lastFile == NoFile || raw.file != m_lastFileName) {
        m_lastFile = m_builder.internFile(raw.file);
        m_lastFileName.assign(raw.file);
        m_lastFileQuick = raw.file.find(") at ") == std::string_view::npos;
    }
    return Position { m_lastFile, raw.line, raw.column };
}

std::uint32_t EscapeParser::currentPackage()
{
    // Output that starts without a `# pkg` header (a compiler run by hand) still needs a package.
    if (m_package == UnknownLine::NoPackage)
        m_package = m_builder.addPackage({});
    return m_package;
}

void EscapeParser::addUnknown(std::string_view line, const char* why)
{
    m_builder.addUnknownLine(UnknownLine { m_lineNumber, m_package, std::string(line), why });
}

void EscapeParser::parseLine(std::string_view line)
{
    ++m_lineNumber;
    m_builder.countInputLine();
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    if (line.empty()) {
        m_builder.countBlankLine();
        return;
    }
    if (m_blockOpen && continueBlock(line))
        return;
    closeBlock();
    if (line.starts_with("# ")) {
        closePackage();
        m_package = m_builder.addPackage(line.substr(2));
        m_builder.countPackageHeader();
        return;
    }
    const auto prefix = splitPositionPrefix(line);
    if (!prefix) {
        // Go 1.26+ prints some verdicts about variables it made itself with no position at all (`moved to
        // heap: #next`, `F capturing by ref: #next (…)`); a known verdict is a finding at the unknown
        // position, anything else is not the compiler's.
        const ClassifiedMessage m = line.starts_with(' ') ? ClassifiedMessage {} : classifyMessage(line);
        if (m.type != ClassifiedMessage::Type::Verdict) {
            if (const auto kind = goErrorKind(line, false))
                m_builder.addGoError(UnknownLine { m_lineNumber, m_package, std::string(line), std::string(*kind) });
            else
                addUnknown(line, "no position");
            return;
        }
        addVerdict(PositionPrefix { RawPosition { UnknownPositionFile, 0, 0 }, {}, {} }, line, m.kind, m.subject,
            m.detail, m.number);
        return;
    }
    if (isExplanationLine(prefix->rest)) {
        addUnknown(line, "explanation line without its header");
        return;
    }
    if (!prefix->rest.starts_with(' ')) {
        addUnknown(line, "no message after the position");
        return;
    }
    const std::string_view text = prefix->rest.substr(1);
    const ClassifiedMessage m = classifyMessage(text);
    switch (m.type) {
    case ClassifiedMessage::Type::Verdict:
        addVerdict(*prefix, text, m.kind, m.subject, m.detail, m.number);
        return;
    case ClassifiedMessage::Type::EscapesHeader:
    case ClassifiedMessage::Type::LeaksHeader:
        openBlock(*prefix, m);
        if (m.unfamiliar) {
            // What the unfamiliar tail says (the function, likely) is kept with the block: it tells apart
            // blocks that are otherwise alike (one per generic instantiation).
            m_block.unparsed.emplace_back(prefix->rest);
            m_builder.addPartlyUnderstood(prefix->rest, m_lineNumber, headerShape(text, m));
        }
        return;
    case ClassifiedMessage::Type::Unknown:
        if (const auto kind = goErrorKind(text, true))
            m_builder.addGoError(UnknownLine { m_lineNumber, m_package, std::string(line), std::string(*kind) });
        else
            addUnknown(line, "unrecognised message");
        return;
    }
}

// Every line of a block repeats its header's exact position prefix, so the block goes on while lines
// start with that prefix and carry an explanation marker.
bool EscapeParser::continueBlock(std::string_view line)
{
    if (!line.starts_with(m_blockPrefix))
        return false;
    const std::string_view rest = line.substr(m_blockPrefix.size());
    if (rest.starts_with(kFlowMarker)) {
        const auto flow = parseFlowText(rest.substr(kFlowMarker.size()));
        if (!flow) {
            keepUnparsed(rest);
            return true;
        }
        m_chains.addEdge(flow->destination, flow->source, flow->derefs);
        m_builder.countExplanationLine();
        if (flow->unfamiliarArrow)
            m_builder.addPartlyUnderstood(rest, m_lineNumber, flowShape(rest.substr(kFlowMarker.size()), *flow));
        return true;
    }
    if (rest.starts_with(kFromMarker)) {
        const std::string_view text = rest.substr(kFromMarker.size());
        std::optional<RawFlowStep> step;
        if (m_lastFileQuick)
            step = parseFromTextInFile(text, m_lastFileName);
        const bool inLastFile = step.has_value();
        if (!step)
            step = parseFromText(text);
        if (!step || !m_chains.hasEdge()) {
            keepUnparsed(rest);
            return true;
        }
        m_chains.addStep(step->expression, step->reason,
            inLastFile ? Position { m_lastFile, step->at.line, step->at.column } : intern(step->at));
        m_builder.countExplanationLine();
        return true;
    }
    if (rest.starts_with(kWarningMarker)) {
        if (rest.find("truncated explanation") == std::string_view::npos) {
            keepUnparsed(rest);
            return true;
        }
        m_block.truncated = true;
        m_builder.countExplanationLine();
        closeBlock();
        return true;
    }
    // An indented line under the block's own position is part of the block, whatever its wording: a newer
    // compiler's explanation line. Kept with the block, counted as partly understood.
    if (rest.starts_with(kIndent)) {
        keepUnparsed(rest);
        return true;
    }
    return false;
}

void EscapeParser::keepUnparsed(std::string_view rest)
{
    m_block.unparsed.emplace_back(rest);
    m_builder.countExplanationLine();
    m_builder.addPartlyUnderstood(rest, m_lineNumber);
}

void EscapeParser::openBlock(const PositionPrefix& prefix, const ClassifiedMessage& header)
{
    currentPackage();
    m_builder.countExplanationLine();
    m_blockOpen = true;
    m_blockPrefix.assign(prefix.prefix);
    m_blockPosition = intern(prefix.position);
    m_block = Explanation {};
    m_chains.discard();
    m_block.header = header.type == ClassifiedMessage::Type::LeaksHeader ? Explanation::Header::Leaks
                                                                         : Explanation::Header::Escapes;
    m_block.subject = m_chains.text(header.subject);
    m_block.target = m_chains.word(header.detail);
    m_block.function = m_chains.text(header.function);
    m_block.derefs = header.type == ClassifiedMessage::Type::LeaksHeader ? static_cast<int>(header.number) : 0;
}

void EscapeParser::closeBlock()
{
    if (!m_blockOpen)
        return;
    m_blockOpen = false;
    if (m_part) {
        ExplanationLinker::Event e;
        e.type = ExplanationLinker::Event::Type::Block;
        e.position = m_blockPosition;
        e.block = takeBlock();
        m_links.push_back(std::move(e));
    } else {
        m_linker.block(m_blockPosition, takeBlock());
    }
}

Explanation EscapeParser::takeBlock()
{
    Explanation e = std::move(m_block);
    m_block = Explanation {};
    m_chains.finish(e);
    return e;
}

void EscapeParser::closePackage()
{
    if (m_part)
        m_links.push_back(ExplanationLinker::Event {});
    else
        m_linker.endPackage(m_builder);
}

void EscapeParser::addVerdict(const PositionPrefix& prefix, std::string_view text, FindingKind kind,
    std::string_view subject, std::string_view detail, std::int64_t number)
{
    Finding f;
    f.kind = kind;
    f.position = intern(prefix.position);
    f.package = currentPackage();
    f.subject = m_chains.text(subject);
    f.detail = m_chains.text(detail);
    f.number = number;
    f.message = m_chains.text(text);
    f.text = m_chains.arena();

    bool explained = false;
    switch (kind) {
    case FindingKind::MovedToHeap:
    case FindingKind::EscapesToHeap:
    case FindingKind::LeakingParam:
    case FindingKind::LeakingParamContent:
    case FindingKind::LeakingParamToResult:
        explained = true;
        break;
    default:
        break;
    }
    if (!explained) {
        m_builder.addFinding(std::move(f));
        return;
    }
    const Position at = f.position;
    const std::uint32_t finding = m_builder.addFinding(std::move(f));
    if (m_part) {
        ExplanationLinker::Event e;
        e.type = ExplanationLinker::Event::Type::Verdict;
        e.position = at;
        e.finding = finding;
        m_links.push_back(std::move(e));
    } else {
        m_linker.verdict(at, finding);
    }
}

} // namespace heapsight
