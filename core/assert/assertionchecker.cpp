// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "assertionchecker.h"

#include <algorithm>
#include <unordered_map>

namespace heapsight {

namespace {

// "./x.go", "/root/x.go" → "x.go": the module-relative spelling AssertSource uses.
std::string moduleRelative(std::string_view name, const std::string& moduleRoot)
{
    if (name.starts_with("./"))
        name.remove_prefix(2);
    else if (!moduleRoot.empty() && name.starts_with(moduleRoot) && name.substr(moduleRoot.size()).starts_with('/'))
        name.remove_prefix(moduleRoot.size() + 1);
    return std::string(name);
}

// The identifier a compiler function name ends in: "pkg.F" → "F", "(*T).M" → "M", "F[...]" → "F".
std::string_view calledName(std::string_view subject)
{
    if (subject.ends_with(']')) {
        const std::size_t open = subject.find('[');
        if (open != std::string_view::npos)
            subject = subject.substr(0, open);
    }
    const std::size_t dot = subject.rfind('.');
    return dot == std::string_view::npos ? subject : subject.substr(dot + 1);
}

bool isBoundsCheck(FindingKind kind)
{
    return kind == FindingKind::BoundsCheck || kind == FindingKind::SliceBoundsCheck;
}

class Checker {
public:
    Checker(const Report& report, const std::vector<AssertSource>& sources, const std::string& moduleRoot)
        : m_report(report)
        , m_sources(sources)
    {
        std::unordered_map<std::string, FileId> ids;
        for (FileId id = 0; id < report.files().size(); ++id)
            ids.emplace(moduleRelative(report.files()[id], moduleRoot), id);
        for (const AssertSource& s : sources) {
            const auto it = ids.find(s.file);
            m_fileIds.push_back(it == ids.end() ? NoFile : it->second);
        }
        for (std::size_t i = 0; i < report.findings().size(); ++i) {
            const Finding& f = report.findings()[i];
            if (f.kind == FindingKind::CannotInline)
                m_cannotInline.emplace(std::string(calledName(f.subject)), static_cast<std::int64_t>(i));
        }
    }

    std::vector<AssertOutcome> run() const
    {
        std::vector<AssertOutcome> out;
        for (std::size_t i = 0; i < m_sources.size(); ++i) {
            for (const AssertDirective& d : m_sources[i].directives)
                out.push_back({ d, violations(i, d), m_fileIds[i] != NoFile });
        }
        return out;
    }

private:
    std::vector<AssertViolation> violations(std::size_t source, const AssertDirective& d) const
    {
        std::vector<AssertViolation> found;
        if (d.check == AssertCheck::Inline) {
            if (d.scope == AssertScope::Function)
                functionCalls(source, d, found);
            else
                lineCalls(source, d, found);
            return found;
        }
        std::uint32_t first = d.targetLine;
        std::uint32_t last = d.targetLine;
        const bool wholeFunction = d.scope == AssertScope::Function
            && !(d.check == AssertCheck::NoEscape && d.style == DirectiveStyle::Gcassert);
        if (wholeFunction) {
            first = d.firstLine;
            last = d.lastLine;
        }
        const FileId id = m_fileIds[source];
        if (id == NoFile)
            return found;
        for (std::uint32_t line = first; line <= last; ++line) {
            for (const std::uint32_t index : m_report.findingsOnLine(id, line)) {
                const Finding& f = m_report.findings()[index];
                const bool breaks = d.check == AssertCheck::NoEscape ? isHeapAllocation(f.kind) : isBoundsCheck(f.kind);
                if (breaks) {
                    found.push_back({ d.file, f.position.line, f.position.column,
                        f.message.empty() ? std::string(kindLabel(f.kind)) : std::string(f.message), index, -1 });
                }
            }
        }
        return found;
    }

    // The compiler's `inlining call to` for `call` in the source's file, if it printed one.
    bool inlined(FileId id, const GoCallSite& call) const
    {
        if (id == NoFile)
            return false;
        return std::ranges::any_of(m_report.findingsOnLine(id, call.line), [&](std::uint32_t index) {
            const Finding& f = m_report.findings()[index];
            return f.kind == FindingKind::InliningCall && (f.position.column == call.column || f.position.column == 0)
                && calledName(f.subject) == call.name;
        });
    }

    void lineCalls(std::size_t source, const AssertDirective& d, std::vector<AssertViolation>& found) const
    {
        const AssertSource& s = m_sources[source];
        bool any = false;
        for (const GoCallSite& call : s.calls) {
            if (call.line != d.targetLine)
                continue;
            any = true;
            if (!inlined(m_fileIds[source], call)) {
                // The callee's `cannot inline` where one of that name was printed (matched by name, as calls are).
                const auto cause = m_cannotInline.find(call.name);
                found.push_back(notInlined(s, call, cause == m_cannotInline.end() ? -1 : cause->second));
            }
        }
        if (!any)
            found.push_back({ d.file, d.targetLine, 0, "no call on this line", -1, -1 });
    }

    void functionCalls(std::size_t source, const AssertDirective& d, std::vector<AssertViolation>& found) const
    {
        const std::string_view name = calledName(d.function);
        std::int64_t cause = -1;
        if (m_fileIds[source] != NoFile) {
            for (const std::uint32_t index : m_report.findingsOnLine(m_fileIds[source], d.firstLine)) {
                const Finding& f = m_report.findings()[index];
                if (f.kind == FindingKind::CannotInline && calledName(f.subject) == name)
                    cause = index;
            }
        }
        for (std::size_t i = 0; i < m_sources.size(); ++i) {
            // Only files the compiler compiled: one it never mentions (a build-tag variant, a _test.go file
            // without --tests) holds no call this build could inline.
            if (m_fileIds[i] == NoFile)
                continue;
            for (const GoCallSite& call : m_sources[i].calls) {
                if (call.name == name && !inlined(m_fileIds[i], call))
                    found.push_back(notInlined(m_sources[i], call, cause));
            }
        }
    }

    static AssertViolation notInlined(const AssertSource& s, const GoCallSite& call, std::int64_t cause)
    {
        const GoFunctionSpan* caller = enclosingFunction(s.functions, call.line);
        return { s.file, call.line, call.column,
            "call of " + call.name + (caller ? " in " + caller->name : std::string(" at package level"))
                + " not inlined",
            -1, cause };
    }

    const Report& m_report;
    const std::vector<AssertSource>& m_sources;
    std::vector<FileId> m_fileIds; // per source; NoFile when the report never names it
    std::unordered_map<std::string, std::int64_t> m_cannotInline; // called name → its `cannot inline` finding
};

} // namespace

std::vector<AssertOutcome> checkAssertions(
    const Report& report, const std::vector<AssertSource>& sources, const std::string& moduleRoot)
{
    return Checker(report, sources, moduleRoot).run();
}

} // namespace heapsight
