#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A straightforward parser of `go build -gcflags=-m=2` output with Python's re module.

It is the reference point of bench/run: the obvious way to read this output in a scripting language.
It does the same job as Heapsight's parser in outline (position prefix, family by regular expression,
explanation blocks attached to their header, findings per file and line) and prints its counts.
"""
import re
import sys
import time
from collections import defaultdict

POSITION = re.compile(r"^(.+?):(\d+)(?::(\d+))?: ")
FLOW = re.compile(r"^   flow: (.+?) = ([&*]*)(.+):$")
FROM = re.compile(r"^     from (.*) \(([^()]+)\) at (.+)$")
FAMILIES = [
    ("moved", re.compile(r"^moved to heap: (\S+)$")),
    ("leak-content", re.compile(r"^leaking param content: (\S+)$")),
    ("leak-result", re.compile(r"^leaking param: (\S+) to result (\S+) level=(\d+)$")),
    ("leak", re.compile(r"^leaking param: (\S+)$")),
    ("header-leaks", re.compile(r"^parameter (.+?) leaks to (.+) with derefs=(\d+):$")),
    ("header-escapes", re.compile(r"^(.+) escapes to heap:$")),
    ("escapes", re.compile(r"^(.+) escapes to heap$")),
    ("noescape", re.compile(r"^(.+) does not escape$")),
    ("can-inline", re.compile(r"^can inline (.+?)(?: with cost (-?\d+) as: (.*))?$")),
    ("cannot-inline", re.compile(r"^cannot inline (.+?): (.+)$")),
    ("inline-call", re.compile(r"^inlining call to (.+)$")),
    ("capture", re.compile(r"^(.+) capturing by (value|ref): (\S+) \(addr=\w+ assign=\w+ width=(\d+)\)$")),
    ("self-assign", re.compile(r"^(.+?) ignoring self-assignment in (.+)$")),
    ("devirt", re.compile(r"^devirtualizing (.+) to (.+)$")),
    ("bce", re.compile(r"^index bounds check elided$")),
    ("other", re.compile(r"^.*$")),
]


def parse(stream):
    findings = defaultdict(list)  # (file, line) -> [(kind, subject, explanation)]
    block = None
    prefix = None
    counts = defaultdict(int)
    for raw in stream:
        line = raw.rstrip("\n")
        if line.startswith("# "):
            block = None
            continue
        m = POSITION.match(line)
        if not m:
            counts["unknown"] += 1
            continue
        rest = line[m.end() - 1:]  # keep the space: flow/from lines start with more of them
        if block is not None and line.startswith(prefix):
            f = FLOW.match(rest)
            if f:
                block["flows"].append([f.group(1), f.group(2), f.group(3), []])
                continue
            s = FROM.match(rest)
            if s and block["flows"]:
                block["flows"][-1][3].append((s.group(1), s.group(2), s.group(3)))
                continue
        block = None
        text = rest[1:]
        for kind, pattern in FAMILIES:
            g = pattern.match(text)
            if g:
                break
        key = (m.group(1), int(m.group(2)))
        if kind.startswith("header-"):
            block = {"subject": g.group(1), "flows": []}
            prefix = line[: m.end() - 1]
            findings[key].append((kind, g.group(1), block))
        else:
            findings[key].append((kind, g.group(1) if g.groups() else "", None))
            counts[kind] += 1
    return findings, counts


def main():
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        findings, counts = parse(f)
    elapsed = time.perf_counter() - start
    print(f"python-re {elapsed:.3f} s, {sum(counts.values())} verdict lines, {len(findings)} lines with findings")


if __name__ == "__main__":
    main()
