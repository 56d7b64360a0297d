// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "whypathbuilder.h"

#include "gocallexpression.h"

#include <algorithm>

namespace heapsight {

namespace {

// The value a flow's first step works on: its source with the flow's address-of or dereferences.
std::string flowSourceText(const WhyFlow& flow)
{
    if (flow.derefs < 0)
        return '&' + flow.source;
    return std::string(static_cast<std::size_t>(flow.derefs), '*') + flow.source;
}

// The header as the compiler prints it, without position and colon (Go 1.25+ adds the function).
std::string headerText(const Explanation& e)
{
    if (e.header == Explanation::Header::Escapes)
        return e.subject + " escapes to heap" + (e.function.empty() ? std::string() : " in " + e.function);
    return "parameter " + e.subject + " leaks to " + e.target
        + (e.function.empty() ? std::string() : " for " + e.function) + " with derefs=" + std::to_string(e.derefs);
}

bool isHeapFinding(FindingKind k)
{
    return k == FindingKind::MovedToHeap || k == FindingKind::EscapesToHeap || k == FindingKind::LeakingParam
        || k == FindingKind::LeakingParamContent || k == FindingKind::LeakingParamToResult;
}

// The import path a file imports under `name` ("" when it imports no such package).
std::string importPathFor(const WhySourceFile* file, std::string_view name)
{
    if (!file)
        return {};
    for (const GoImport& i : file->imports) {
        const std::string_view last = std::string_view(i.path).substr(i.path.rfind('/') + 1);
        if (i.name == name || (i.name.empty() && last == name))
            return i.path;
    }
    return {};
}

} // namespace

WhyPathBuilder::WhyPathBuilder(std::vector<WhyInput> inputs)
    : m_inputs(std::move(inputs))
{
    for (const WhyInput& in : m_inputs)
        m_sources.addInput(*in.report, in.sourceRoot);
}

WhyLocation WhyPathBuilder::location(std::size_t input, Position at)
{
    const Report& report = *m_inputs[input].report;
    const std::string file(at.isValid() ? report.fileName(at.file) : std::string_view());
    return { file, m_sources.resolve(input, file), at.line, at.column };
}

std::vector<WhyPath> WhyPathBuilder::pathsAt(std::string_view file, std::uint32_t line, std::uint32_t column)
{
    std::vector<WhyPath> paths;
    if (m_inputs.empty())
        return paths;
    const Report& report = *m_inputs.front().report;
    const std::string wanted = m_sources.resolve(0, file);
    for (FileId id = 0; id < report.files().size(); ++id) {
        const std::string_view name = report.fileName(id);
        if (name != file && (wanted.empty() || m_sources.resolve(0, name) != wanted))
            continue;
        for (const std::uint32_t index : report.findingsOnLine(id, line)) {
            const Finding& f = report.findings()[index];
            if (!isHeapFinding(f.kind) || (column != 0 && f.position.column != column))
                continue;
            for (std::size_t e = 0; e < std::max<std::size_t>(1, f.explanations.size()); ++e)
                paths.push_back(pathOf(0, index, e));
        }
    }
    return paths;
}

WhyPath WhyPathBuilder::pathOf(std::size_t input, std::uint32_t finding, std::size_t explanation)
{
    const Finding& f = m_inputs[input].report->findings()[finding];
    WhyPath path;
    path.verdict = f.message;
    path.at = location(input, f.position);
    path.endAt = path.at;
    if (explanation >= f.explanations.size()) {
        path.endDetail = "no -m=2 explanation (the output was built with -m)";
        return path;
    }
    m_stack.assign(1, BlockKey { input, f.position.file, f.position.line, f.position.column });
    addSegment(path, input, f.explanations[explanation], f.position, {}, -1, -1, 0);
    // Where it ends: the last step of the last flow, into the callee that step enters.
    std::size_t s = 0;
    for (;;) {
        const WhySegment& seg = path.segments[s];
        path.end = WhyEnd::Elsewhere;
        if (seg.flows.empty() || seg.flows.back().steps.empty()) {
            path.endAt = seg.at;
            path.endDetail = seg.header;
            if (!seg.flows.empty())
                path.end = seg.flows.back().destination == "{heap}" ? WhyEnd::Heap : WhyEnd::Elsewhere;
            break;
        }
        const WhyFlow& flow = seg.flows.back();
        const WhyStep& step = flow.steps.back();
        if (step.enters >= 0) {
            s = static_cast<std::size_t>(step.enters);
            continue;
        }
        path.endAt = step.at;
        path.endDetail = step.expression + " (" + step.reason + ")";
        const auto stopped = [&](WhyEnd e) {
            path.endDetail += ": " + step.notFollowed;
            path.end = e;
        };
        if (step.call == WhyCall::NotAnalysed) {
            stopped(WhyEnd::NotAnalysed);
        } else if (step.call == WhyCall::Unresolved) {
            stopped(WhyEnd::Unresolved);
        } else if (step.call == WhyCall::Recursion) {
            stopped(WhyEnd::Recursion);
        } else if (step.call == WhyCall::Cut) {
            stopped(WhyEnd::Cut);
        } else if (flow.destination == "{heap}") {
            path.end = WhyEnd::Heap;
        } else if (flow.destination.starts_with("~r")) {
            path.end = WhyEnd::Result;
        }
        break;
    }
    return path;
}

std::int32_t WhyPathBuilder::addSegment(WhyPath& path, std::size_t input, const Explanation& block, Position at,
    std::string function, std::int32_t parent, std::int32_t parentStep, std::uint32_t depth)
{
    const auto index = static_cast<std::int32_t>(path.segments.size());
    WhySegment seg;
    seg.header = headerText(block);
    seg.function = std::move(function);
    if (const WhySources::Package* p = m_sources.packageOfFile(input, at.file))
        seg.package = p->importPath;
    seg.subject = block.subject;
    seg.target = block.target;
    seg.derefs = block.derefs;
    seg.truncated = block.truncated;
    seg.at = location(input, at);
    seg.outsideModule = m_sources.outsideModule(seg.at.path);
    seg.parent = parent;
    seg.parentStep = parentStep;
    seg.depth = depth;
    path.segments.push_back(seg);
    std::vector<WhyFlow> flows;
    for (const FlowEdge& edge : block.flows) {
        WhyFlow& flow = flows.emplace_back();
        flow.destination = edge.destination;
        flow.source = edge.source;
        flow.derefs = edge.derefs;
        for (const FlowStep& s : edge.steps)
            flow.steps.push_back(
                { std::string(s.expression), std::string(s.reason), location(input, s.at), -1, {}, {}, {}, {} });
    }
    std::int32_t flat = 0;
    for (WhyFlow& flow : flows) {
        for (std::size_t i = 0; i < flow.steps.size(); ++i, ++flat) {
            if (flow.steps[i].reason == "call parameter")
                followCall(path, input, flow, i, flow.steps[i], index, flat, depth);
        }
    }
    path.segments[static_cast<std::size_t>(index)].flows = std::move(flows);
    return index;
}

void WhyPathBuilder::followCall(WhyPath& path, std::size_t input, const WhyFlow& flow, std::size_t stepInFlow,
    WhyStep& step, std::int32_t segment, std::int32_t flatStep, std::uint32_t depth)
{
    const std::optional<GoCallExpression> call = parseGoCall(step.expression);
    if (!call) {
        step.call = WhyCall::Unresolved;
        step.notFollowed = "the call's form is not understood";
        return;
    }
    step.callee = call->callee;
    if (call->qualifier.empty() && isGoBuiltin(call->function)) {
        step.call = WhyCall::Builtin;
        step.notFollowed = "builtin " + call->function;
        return;
    }
    const std::string value = stepInFlow > 0 ? flow.steps[stepInFlow - 1].expression : flowSourceText(flow);
    // The compiler prints static method calls as method expressions, `(*T).M(recv, …)`; `v.M(…)` with the
    // value itself before the dot is a call through an interface (or a func field): no callee to enter.
    if (!call->receiverFirst
        && (call->callee.starts_with(value + '.') || call->callee.starts_with(flow.source + '.'))) {
        step.call = WhyCall::Dynamic;
        step.notFollowed
            = "a dynamic call (interface method): the compiler cannot see the callee and assumes the value leaks";
        return;
    }
    std::optional<std::size_t> argument = argumentIndexOf(*call, value);
    if (!argument && stepInFlow == 0 && flow.derefs != 0)
        argument = argumentIndexOf(*call, flow.source); // `flow: {heap} = *a` from `f(a)`: a's content

    if (!argument) {
        step.call = WhyCall::Unresolved;
        step.notFollowed = "which argument carries " + value + " is not clear";
        return;
    }
    // Candidate (package, function) pairs: `pkg.F`, or `T.M` of the calling package when no package is so named.
    const Report& report = *m_inputs[input].report;
    const Position stepAt { report.fileId(step.at.file), step.at.line, step.at.column };
    const WhySources::Package* own = m_sources.packageOfFile(input, stepAt.file);
    std::vector<std::pair<const WhySources::Package*, std::string>> candidates;
    std::string imported; // the import path of a package the calling file imports under the qualifier
    if (call->qualifier.empty()) {
        if (own)
            candidates.emplace_back(own, call->function);
    } else {
        for (const WhySources::Package* p : m_sources.packagesNamed(call->qualifier))
            candidates.emplace_back(p, call->function);
        imported = importPathFor(m_sources.file(step.at.path), call->qualifier);
        // `T.M(recv, …)`: a value method of the calling package's own type T.
        if (candidates.empty() && imported.empty() && own && call->callee.find('.') == call->callee.rfind('.'))
            candidates.emplace_back(own, call->qualifier + '.' + call->function);
    }
    if (candidates.empty() && !imported.empty()) {
        step.call = WhyCall::NotAnalysed;
        step.notFollowed = "package " + imported + " is not analysed";
        if (std::ranges::find(path.missingPackages, imported) == path.missingPackages.end())
            path.missingPackages.push_back(imported);
        return;
    }
    const bool methodValueCall = !call->receiverFirst;
    for (const auto& [package, function] : candidates) {
        const Report& calleeReport = *m_inputs[package->input].report;
        for (const FileId file : package->files) {
            const WhySourceFile* source
                = m_sources.file(m_sources.resolve(package->input, calleeReport.fileName(file)));
            if (!source)
                continue;
            const auto decl = std::ranges::find(source->functions, function, &GoFunctionSpan::name);
            if (decl == source->functions.end())
                continue;
            const auto parameters = scanGoParameters(source->text, decl->firstLine);
            if (!parameters)
                continue;
            // A method called as `v.M(x)` (not as the compiler prints method calls) does not list its receiver.
            const bool skipReceiver = methodValueCall && !parameters->empty() && parameters->front().receiver;
            const GoParameter* parameter = parameterForArgument(*parameters, *argument + (skipReceiver ? 1 : 0));
            if (!parameter || parameter->name.empty() || parameter->name == "_") {
                step.call = WhyCall::Unresolved;
                step.notFollowed
                    = "argument " + std::to_string(*argument + 1) + " of " + function + " has no named parameter";
                return;
            }
            step.parameter = parameter->name;
            // The parameter's own blocks: a leak to the heap when this flow ends there, else another target.
            const Explanation* preferred = nullptr;
            const Explanation* any = nullptr;
            const bool wantHeap = flow.destination == "{heap}";
            for (const std::uint32_t i : calleeReport.findingsOnLine(file, parameter->line)) {
                const Finding& f = calleeReport.findings()[i];
                if (f.position.column != parameter->column)
                    continue;
                for (const Explanation& e : f.explanations) {
                    if (e.header != Explanation::Header::Leaks)
                        continue;
                    any = any ? any : &e;
                    if (!preferred && (e.target == "{heap}") == wantHeap)
                        preferred = &e;
                }
            }
            const Explanation* chosen = preferred ? preferred : any;
            if (!chosen) {
                step.call = WhyCall::Unresolved;
                step.notFollowed = "no explanation of " + function + "'s parameter " + parameter->name
                    + " (it does not leak, or its package was built without -m=2)";
                return;
            }
            const BlockKey key { package->input, file, parameter->line, parameter->column };
            if (std::ranges::find(m_stack, key) != m_stack.end()) {
                step.call = WhyCall::Recursion;
                step.notFollowed = "recursion: " + function + " is already on the path";
                return;
            }
            if (depth + 1 > MaxDepth || path.segments.size() >= MaxSegments) {
                step.call = WhyCall::Cut;
                step.notFollowed = "the path is cut here (longer than " + std::to_string(MaxDepth) + " calls or "
                    + std::to_string(MaxSegments) + " blocks)";
                return;
            }
            m_stack.push_back(key);
            step.call = WhyCall::Entered;
            step.enters = addSegment(path, package->input, *chosen,
                Position { file, parameter->line, parameter->column }, call->callee, segment, flatStep, depth + 1);
            m_stack.pop_back();
            return;
        }
    }
    step.call = WhyCall::Unresolved;
    step.notFollowed
        = "no declaration of " + call->callee + " in the analysed sources (a closure or a function value?)";
}

std::string whyEndName(WhyEnd end)
{
    switch (end) {
    case WhyEnd::Heap:
        return "heap";
    case WhyEnd::Result:
        return "result";
    case WhyEnd::Elsewhere:
        return "elsewhere";
    case WhyEnd::NotAnalysed:
        return "not analysed";
    case WhyEnd::Unresolved:
        return "unresolved";
    case WhyEnd::Recursion:
        return "recursion";
    case WhyEnd::Cut:
        return "cut";
    case WhyEnd::NoExplanation:
        return "no explanation";
    }
    return {};
}

std::string whyCallName(WhyCall call)
{
    switch (call) {
    case WhyCall::None:
        return {};
    case WhyCall::Entered:
        return "entered";
    case WhyCall::Builtin:
        return "builtin";
    case WhyCall::Dynamic:
        return "dynamic";
    case WhyCall::NotAnalysed:
        return "not analysed";
    case WhyCall::Unresolved:
        return "unresolved";
    case WhyCall::Recursion:
        return "recursion";
    case WhyCall::Cut:
        return "cut";
    }
    return {};
}

} // namespace heapsight
