#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reopening a std-size analysis from the result cache, one process per read, beside `report` of the same text.

For each std corpus (std-goV.m2.txt) writes three cache entries of its report once (bench/cachebench.cpp): a
report snapshot (what `analyze` keeps now), the compiler's output compressed (what a plain run kept before) and
the report JSON compressed (what a logopt run kept before). Then, in `--rounds` rounds, interleaved so that all
see the same load: `cat`, `heapsight-cli report TEXT`, and a process reading each entry. Figures per process
(bench/wholeprocess.py's run_once): wall, CPU (user + system), peak resident memory; median of the rounds.

  bench/cachereopen.py --cachebench build-bench/bench/heapsight_cachebench --cli build-bench/app/cli/heapsight-cli \\
      --corpus build-bench/corpus --version 1.22 --version 1.27
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wholeprocess import run_once  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cachebench", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--version", action="append", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="heapsight-cachereopen-")
    tasks = []  # (version, what, argv, entry size)
    for v in args.version:
        text = os.path.join(args.corpus, f"std-go{v}.m2.txt")
        tasks.append((v, "cat TEXT", ["cat", text], os.path.getsize(text)))
        tasks.append((v, "report TEXT", [args.cli, "report", text], os.path.getsize(text)))
        for kind, label in (("snapshot", "entry: snapshot"), ("text", "entry: compiler output"),
                            ("json", "entry: report JSON")):
            entry = os.path.join(work, f"go{v}-{kind}.hscache")
            print(f"writing {entry}…", file=sys.stderr)
            subprocess.run([args.cachebench, "write", kind, text, entry], check=True)
            tasks.append((v, label, [args.cachebench, "read", entry], os.path.getsize(entry)))

    results = {i: [] for i in range(len(tasks))}
    for _ in range(args.rounds):
        for i, (_, _, argv, _) in enumerate(tasks):
            results[i].append(run_once(argv))
    for v in args.version:
        print(f"\nstd of Go {v}: median of {args.rounds} rounds, interleaved (one process each)")
        print(f"{'what':<24} {'file MB':>8} {'wall s':>7} {'CPU s':>7} {'sys s':>6} {'peak MB':>8} {'CPU/report':>10}")
        mine = [(i, t) for i, t in enumerate(tasks) if t[0] == v]
        report_cpu = next(statistics.median(x[1] for x in results[i]) for i, t in mine if t[1] == "report TEXT")
        for i, (_, what, _, size) in mine:
            runs = results[i]
            med = lambda k: statistics.median(x[k] for x in runs)  # noqa: E731
            codes = sorted({x[4] for x in runs})
            print(f"{what:<24} {size / 1e6:8.1f} {med(0):7.3f} {med(1):7.3f} {med(2):6.3f} {med(3) / 1e6:8.0f}"
                  f" {med(1) / report_cpu:10.2f}" + (f"  (exit {codes})" if codes != [0] else ""))


if __name__ == "__main__":
    main()
