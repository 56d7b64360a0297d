// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace heapsight {

// A position on a why path. Self-contained (a path spans reports, whose FileIds differ): `file` as the
// compiler printed it ("./main.go", "internal/store/store.go", "/usr/lib/go-1.22/src/fmt/print.go"),
// `path` the file on disk it names ("" when it could not be found), 1-based line and byte column
// (column 0: the compiler printed none).
struct WhyLocation {
    std::string file;
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend bool operator==(const WhyLocation&, const WhyLocation&) = default;
};

// What became of a `call parameter` step.
enum class WhyCall : std::uint8_t {
    None, // not a call step
    Entered, // the callee's block is the sub-path `WhyStep::enters`
    Builtin, // append, copy, …: no function to enter
    Dynamic, // an interface method or function value: the compiler cannot see the callee and assumes a leak
    NotAnalysed, // the callee's package has no -m=2 output here
    Unresolved, // the callee, the argument or the parameter's block could not be told
    Recursion, // the callee's block is already on the path
    Cut, // the path's depth or size limit
};

// One `from EXPR (REASON) at POS` step, in the compiler's words. A `call parameter` step into a function
// whose own explanation was found enters it: `enters` names the sub-path.
struct WhyStep {
    std::string expression; // "store.Keep(&item)"
    std::string reason; // "call parameter", "address-of", …
    WhyLocation at;
    std::int32_t enters = -1; // index into WhyPath::segments of the callee's sub-path; -1 when none
    std::string callee; // for call steps: the callee as the call names it ("store.Keep", "(*sync.Pool).Put")
    std::string parameter; // for a followed call: the callee's parameter the value lands in ("it")
    WhyCall call = WhyCall::None;
    std::string notFollowed; // for a call step without sub-path: why ("builtin append", "fmt is not analysed")
};

// One `flow: DST = OPS SRC:` line (Go 1.25+ prints `←` for `=`) and its steps.
struct WhyFlow {
    std::string destination; // "{heap}", "~r0", "{storage for … }", a name
    std::string source;
    int derefs = 0; // -1: `&source`; k > 0: k leading `*`
    std::vector<WhyStep> steps;
};

// One -m=2 explanation block on the path: the finding's own (segment 0), or a callee's
// `parameter P leaks to LOC with derefs=N` block entered from a call step of its parent segment.
struct WhySegment {
    std::string header; // the block's header as printed, without position: "parameter it leaks to {heap} with derefs=0"
    std::string function; // the callee as the entering call names it ("store.Keep"); "" for segment 0
    std::string package; // the package the block was printed under ("example.com/m/internal/store", "fmt")
    std::string subject; // the escaping expression, or the leaking parameter
    std::string target; // "{heap}", "~r0", …
    int derefs = 0;
    bool truncated = false; // the compiler cut the explanation short (assignment cycle)
    // The source is not the module's: GOROOT or the module cache (open read-only).
    bool outsideModule = false;
    WhyLocation at; // the block's position (for a callee: its parameter's name)
    std::int32_t parent = -1; // segment whose step enters this one; -1 for segment 0
    std::int32_t parentStep = -1; // that step's flat index in the parent (flows' steps in order)
    std::uint32_t depth = 0; // 0 for segment 0
    std::vector<WhyFlow> flows;
};

// Where the whole path ends: following the last step of the last flow, into a callee when that step
// enters one. A value flowing into a callee's *result* (`leaks to ~r0`) ends the callee's segment at the
// result; the caller's own block goes on from the call (the compiler modelled the result flow there), so
// the caller's later steps say where the value goes next.
enum class WhyEnd : std::uint8_t {
    Heap, // the last flow's destination is {heap}
    Result, // a result (~r0 …) of the finding's own function: the callers decide
    Elsewhere, // another location (a parameter's storage, a global's) the compiler names
    NotAnalysed, // a call into a package without -m=2 output (the standard library unless analysed: --deps)
    Unresolved, // a call whose callee or parameter could not be told (closure, interface method, …)
    Recursion, // a call back into a function already on the path
    Cut, // the path's depth or size limit (WhyPathBuilder::MaxDepth, MaxSegments)
    NoExplanation, // the finding has no -m=2 block (built with -m)
};

// The interprocedural explanation of one finding: its own block and, nested, those of the callees its
// value is passed to, across packages and reports. Plain data; segments in depth-first order.
struct WhyPath {
    std::string verdict; // the finding's message: "moved to heap: item"
    WhyLocation at; // the finding's position
    std::vector<WhySegment> segments; // [0] is the finding's own explanation (absent: NoExplanation)
    WhyEnd end = WhyEnd::NoExplanation;
    WhyLocation endAt; // the position of the last step
    std::string endDetail; // the last step's words, or why the path stops there
    // Import paths of packages the path calls into that no report analysed: what `--deps` analyses.
    std::vector<std::string> missingPackages;
};

// "heap", "result", "elsewhere", "not analysed", "unresolved", "recursion", "cut", "no explanation".
std::string whyEndName(WhyEnd end);
// "", "entered", "builtin", "dynamic", "not analysed", "unresolved", "recursion", "cut".
std::string whyCallName(WhyCall call);

} // namespace heapsight
