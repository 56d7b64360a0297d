// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reasonvocabulary.h"

#include <QCoreApplication>
#include <array>

namespace heapsight {

namespace {

struct Text {
    const char* word;
    const char* meaning;
    const char* remedy;
};

// Grouped as in the compiler's source. Sizes quoted are those of cmd/compile/internal/ir/cfg.go.
constexpr std::array kReasons {
    // Addresses and dereferences.
    Text { "address-of",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Its address is taken (&x). From here on the pointer is what moves: wherever the pointer goes, the value "
            "must still exist."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Pass or return the value itself instead of its address, or let the caller provide the storage (func f(dst "
            "*T)).") },
    Text { "indirection",
        QT_TRANSLATE_NOOP("ReasonVocabulary", "The value is read through a pointer (*p): what p points to flows on."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Copy the pointed-to value into a local before handing it on.") },
    Text { "dot",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "A field is selected from a struct value (s.f), or a value is taken out of an interface by a type "
            "assertion (x.(T)): it shares the fate of what it came from."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Hand on only the field or the concrete value you need, as a copy.") },
    Text { "dot of pointer",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "A field is read through a pointer (p.f), or an element of a slice is read (s[i]): the value lives in "
            "memory the pointer refers to."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "Copy the field or element into a local before storing or returning it.") },
    Text { "fixed-array-index-of",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "An element of a fixed-size array (a[i]) is part of the array, so it goes where the array goes."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Copy the element out instead of keeping a reference into the array.") },
    // Slices and arrays.
    Text { "slice",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "An array is sliced (a[i:j]): the slice points into the array, so the array must live as long as the "
            "slice."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Keep the slice of a local array local, or copy the elements into a slice owned by the receiver.") },
    Text { "slice-to-array",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "A slice is converted to an array pointer ((*[N]T)(s)): the pointer shares the slice's backing array."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Convert to an array value ([N]T(s)), which is a copy, when the result must outlive the slice.") },
    Text { "slice-literal-element",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is an element of a slice literal, including the hidden []any slice Go builds for a variadic "
            "call such as fmt.Println(a, b): if the slice escapes, its elements do."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Avoid variadic ...any calls (fmt, log) on hot paths; use typed APIs such as strconv.AppendInt or "
            "strings.Builder.") },
    Text { "array literal element",
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "The value is an element of an array literal ([N]T{x}): it goes where the array goes."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "Store values rather than pointers in the array, or keep the array local.") },
    Text { "copied slice",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is the source of copy(dst, src) and its elements hold pointers: the compiler does not track "
            "dst's backing array, so the pointers are assumed to reach the heap."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Copy elements that hold no pointers (indices, values), or assign them one by one into storage the "
            "compiler can see.") },
    Text { "appended slice...",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is appended with append(s, t...) and its elements hold pointers: append may copy them into a "
            "new heap array, so they are assumed to reach the heap."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Preallocate the destination (make with a constant capacity) or append values without pointers.") },
    Text { "appendee slice",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is the slice being appended to (append(s, …)) and its elements hold pointers: when append grows "
            "the slice it copies them into a new heap array."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Give the slice enough capacity up front, or store values instead of pointers in it.") },
    // Composite literals and maps.
    Text { "struct literal element",
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "The value is a field of a struct literal (T{f: x}): it goes where the struct goes."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "If the struct escapes, its pointer fields take their targets along: store values instead of pointers in "
            "it.") },
    Text { "map literal key",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is a key of a map literal. Map entries live in the map's buckets, which the compiler treats as "
            "heap memory."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Use keys without pointers (ints, small value structs); strings and interfaces as keys carry their data "
            "along.") },
    Text { "map literal value",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is a value of a map literal. Map entries live in the map's buckets, which the compiler treats "
            "as heap memory."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Store values rather than pointers in the map, or use a slice indexed by a small integer.") },
    Text { "key of map put",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is used as a key in m[k] = v. Keys are stored in the map's buckets, which the compiler treats "
            "as heap memory."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Use keys without pointers; for strings built on the fly, a map lookup m[string(b)] does not allocate, a "
            "store does.") },
    // Assignment, return and calls.
    Text { "spill",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The expression allocates storage (a composite literal, new, make, a closure, a conversion, the hidden "
            "slice of a ... call) and its address is what flows on."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Keep the allocation's address inside the function; the next steps show where it leaves.") },
    Text { "assign",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is assigned (dst = src). If the destination is a package variable, a map entry or lives on the "
            "heap itself, the value escapes with it."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Avoid storing pointers to short-lived values in package variables, long-lived structs or maps; store a "
            "copy or an index.") },
    Text { "assign-pair",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is assigned in a multiple assignment (a, b = x, y). It is also how the compiler binds the "
            "arguments of an inlined call to its parameters."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "As for assign: the destination decides. For an inlined call, look at what the callee does with the "
            "parameter.") },
    Text { "assign-pair-dot-type",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value comes out of an interface in v, ok := x.(T): what the interface holds flows into v."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Values stored in interfaces are usually already on the heap: avoid the interface on hot paths.") },
    Text { "assign-pair-mapr", QT_TRANSLATE_NOOP("ReasonVocabulary", "The value is read from a map in v, ok := m[k]."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Map contents are heap memory; copy what you need out of the value.") },
    Text { "assign-pair-receive",
        QT_TRANSLATE_NOOP("ReasonVocabulary", "The value is received from a channel in v, ok := <-ch."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Anything sent on a channel is already on the heap; send values rather than pointers.") },
    Text { "return",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is returned (it flows into a result such as ~r0). The caller may keep it, so whatever it points "
            "to must outlive the call unless the call is inlined into a caller that keeps it local."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Return a value instead of a pointer (copying a small struct is cheap), or let the caller pass in the "
            "storage to fill.") },
    Text { "call parameter",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is passed as an argument. The callee's parameter leaks (see its \"leaking param\" finding), or "
            "the callee is unknown: a call through an interface or a function value is opaque, so every argument is "
            "assumed to escape."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Look at the callee's leaking params; call concrete types instead of interfaces on hot paths so the "
            "compiler can see, and often inline, the callee.") },
    Text { "callee operand",
        QT_TRANSLATE_NOOP("ReasonVocabulary", "The value is the function being called (f() where f is a func value)."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Call a named function instead of a func value where you can.") },
    Text { "interface-converted",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is converted to an interface (any, error, fmt.Stringer). An interface holds a pointer to its "
            "data, so the value is copied into storage of its own, which escapes whenever the interface does."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Keep concrete types on hot paths; prefer typed formatting (strconv, strings.Builder) over fmt and ...any "
            "parameters.") },
    // Control flow.
    Text { "range",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is an element of an array being ranged over, copied into the loop variable."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "What the loop body does with the loop variable decides; keep its address inside the loop.") },
    Text { "range-deref",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is read from a slice, string, map or channel being ranged over, into the loop variable."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "What the loop body does with the element decides; copy what you keep.") },
    Text { "switch case",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is bound by a type switch (switch v := x.(type)): what the interface holds flows into v."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Values in interfaces are usually boxed already; switch on concrete types earlier where you can.") },
    Text { "send",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is sent on a channel (ch <- v). Any goroutine may receive it, so it goes to the heap."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "Send values without pointers (copies, indices, IDs) instead of pointers to locals.") },
    // Closures.
    Text { "captured by a closure",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "A func literal uses the variable. If the closure outlives the function (returned, stored, started with "
            "go), the variable must outlive it too."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Pass the value to the closure as an argument, or keep the closure local (called directly or deferred).") },
    Text { "reference",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The closure captures the variable by reference: it holds the variable's address, because the variable is "
            "reassigned or larger than 128 bytes."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Copy the variable into a new local that is never reassigned before the closure, so it can be captured by "
            "value.") },
    // Heap-allocation reasons.
    Text { "too large for stack",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The allocation is bigger than Go puts on a stack: 64 KiB for implicit allocations (new, &T{}, make, "
            "[]byte(\"…\")), 10 MiB for declared variables."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Reuse one buffer (a field, a sync.Pool) instead of allocating per call, or work in smaller chunks.") },
    Text { "too aligned for stack",
        QT_TRANSLATE_NOOP("ReasonVocabulary", "The type needs a stricter alignment than a stack frame guarantees."),
        QT_TRANSLATE_NOOP("ReasonVocabulary", "Allocate such values once and reuse them.") },
    Text { "non-constant size",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "make with a length or capacity the compiler cannot know: a stack frame has a fixed size, so the backing "
            "array goes to the heap."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "When there is an upper bound, use a constant: make([]T, 0, 64), or slice a local array (var buf [64]T; s "
            ":= buf[:n]).") },
    // Special cases.
    Text { "//go:uintptrescapes",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The function is marked //go:uintptrescapes: pointers converted to uintptr arguments are kept alive and "
            "treated as escaping."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "This is intended for system-call wrappers; nothing to change in ordinary code.") },
    Text { "reflect.Header.Data",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "The value is stored in the Data field of reflect.SliceHeader or reflect.StringHeader, a uintptr the "
            "compiler treats as an escaping pointer."),
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "Use unsafe.Slice, unsafe.String, unsafe.SliceData or unsafe.StringData instead of the deprecated "
            "headers.") },
    Text { "conversion to unsafe.Pointer",
        QT_TRANSLATE_NOOP("ReasonVocabulary",
            "A pointer is converted to unsafe.Pointer in a build with pointer checks (-d=checkptr=2, as under -race): "
            "it is put on the heap so the runtime can check object bounds."),
        QT_TRANSLATE_NOOP(
            "ReasonVocabulary", "Only instrumented builds do this; normal builds keep the value where it was.") },
};

} // namespace

std::optional<VocabularyText> ReasonVocabulary::reasonText(std::string_view word)
{
    for (const Text& t : kReasons) {
        if (word == t.word)
            return VocabularyText { t.meaning, t.remedy };
    }
    return std::nullopt;
}

std::optional<VocabularyEntry> ReasonVocabulary::reason(std::string_view word)
{
    if (const std::optional<VocabularyText> text = reasonText(word))
        return translated(*text);
    return std::nullopt;
}

VocabularyEntry ReasonVocabulary::translated(const VocabularyText& text)
{
    return { QCoreApplication::translate("ReasonVocabulary", text.meaning.data()),
        QCoreApplication::translate("ReasonVocabulary", text.remedy.data()) };
}

QStringList ReasonVocabulary::knownReasons()
{
    QStringList words;
    for (const Text& t : kReasons)
        words << QString::fromLatin1(t.word);
    return words;
}

} // namespace heapsight
