#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole-process figures of heapsight-cli, as a user waits for them, beside `cat`, `wc -l` and peers in the same run.

Every command runs `--rounds` times (default 3), the commands interleaved round by round so that all of them
see the same load of the machine, in another (seeded) order each round, so that none is always the one after
the biggest; each figure is the median of its rounds. Per run: wall time (the parent's
clock, from fork to exit), CPU time (user + system, the child's rusage from wait4) and peak resident memory
(%M of GNU time, see run_once). Output goes to /dev/null. Every row has its wall and CPU time over those of
`heapsight-cli report` (the --cli build's) on the same text: above 1, slower than heapsight's report.

  bench/wholeprocess.py --cli build-bench/app/cli/heapsight-cli --corpus build-bench/corpus \
      --version 1.22:1.21 --version 1.27:1.22 [--before OLD-CLI] [--analyze-dir DIR] [--json-out FILE] \
      [--peer NAME=COMMAND ...]

--version V:P  measures on std-goV.m2.txt; `diff` compares std-goP with std-goV.
--before CLI   also runs the same heapsight commands with another build (e.g. the parent commit's), interleaved,
               and prints both side by side (not for `report --json`, which is another change's).
--analyze-dir  a module to `analyze` with go V; the first run (not timed) fills a fresh cache, the timed ones are
               served from it.
--cache-home   where each build's cache goes (XDG_CACHE_HOME=DIR/now, DIR/before) instead of a fresh temporary
               directory; a build whose cache already holds entries is not run to fill it (a std-size analysis
               with logopt files takes minutes).
--peer NAME=COMMAND
               also runs another tool on each std-goV.m2.txt (repeatable; issue 20), in the same rounds. COMMAND
               is an argv, split as a shell would split words (shlex) but run without a shell: `{text}` in any
               word becomes the text's path, and a word `<{text}` (any `<PATH`) is not an argument but the
               file standard input is read from, e.g.
                 --peer "go-escape-lint=/work/peers/go-escape-lint -pkg /work/peers/empty -f {text}"
                 --peer "gcassert=env -C MOD PATH=SHIM:/usr/bin:/bin FAKE_GO_TEXT={text} /work/peers/gcassert ."
               where SHIM/go links to bench/peers/fake-go (for the peers that run `go build -gcflags=-m=2`
               themselves and read no file; see there). The peers are not part of this repository: build them
               from their own sources, outside it.
"""
import argparse
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


# A child of this Python starts with its memory (vfork, then exec): the kernel counts the Python's peak resident
# memory (16 MB) in the child's ru_maxrss. GNU time, itself small, starts the command as its own child and
# writes that child's peak alone (%M, KiB), so small tools are not all measured at 16 MB.
GNU_TIME = "/usr/bin/time"


def run_once(argv, env=None, stdin=None):
    """Runs argv with stdout to /dev/null (and standard input from the file stdin, if given); returns (wall s,
    cpu s, system s, peak RSS bytes, exit code). The peak comes from GNU time when it is installed (see
    GNU_TIME), else from this process's wait4 (then at least this Python's 16 MB)."""
    peak_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, peak_file = tempfile.mkstemp(prefix="wholeprocess-peak-")
        os.close(fd)
        argv = [GNU_TIME, "-f", "%M", "-o", peak_file, "--"] + list(argv)
    try:
        with open(os.devnull, "wb") as devnull, open(stdin or os.devnull, "rb") as inp:
            start = time.perf_counter()
            p = subprocess.Popen(argv, stdout=devnull, stdin=inp, env=env)
            _, status, usage = os.wait4(p.pid, 0)
            wall = time.perf_counter() - start
        peak = usage.ru_maxrss * 1024
        if peak_file:
            with open(peak_file) as f:
                # The last line: GNU time puts "Command exited with non-zero status N" before it.
                lines = f.read().split()
            peak = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else peak
    finally:
        if peak_file:
            os.unlink(peak_file)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_stime, peak, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--before")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--version", action="append", required=True, help="V:P (measure go V, diff against go P)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--analyze-dir")
    ap.add_argument("--no-json", action="store_true", help="skip `report --json` and `report REPORT.json` (the slowest)")
    ap.add_argument("--cache-home")
    ap.add_argument("--json-out")
    ap.add_argument("--peer", action="append", default=[], metavar="NAME=COMMAND",
                    help="another tool to run on each std text ({text}: its path; a word <{text}: standard input)")
    args = ap.parse_args()
    peers = []
    for spec in args.peer:
        name, sep, command = spec.partition("=")
        if not sep or not name or not command.strip():
            ap.error(f"--peer {spec!r}: expected NAME=COMMAND")
        peers.append((name, shlex.split(command)))

    builds = [("now", args.cli)] + ([("before", args.before)] if args.before else [])
    cache_home = args.cache_home or tempfile.mkdtemp(prefix="heapsight-bench-cache-")
    tasks = []  # (version, name, build label, argv, env, stdin)
    sizes = {}
    for spec in args.version:
        v, _, prev = spec.partition(":")
        text = os.path.join(args.corpus, f"std-go{v}.m2.txt")
        sizes[v] = os.path.getsize(text)
        report_json = os.path.join(args.corpus, f"std-go{v}.report.json")
        if not args.no_json and not os.path.exists(report_json):
            print(f"writing {report_json} (heapsight-cli report --json, once)…", file=sys.stderr)
            with open(report_json, "wb") as out:
                subprocess.run([args.cli, "report", text, "--json"], stdout=out, check=False)
        tasks.append((v, "cat", "", ["cat", text], None, None))
        tasks.append((v, "wc -l", "", ["wc", "-l", text], None, None))
        for label, cli in builds:
            tasks.append((v, "report", label, [cli, "report", text], None, None))
            if label == "now" and not args.no_json:
                tasks.append((v, "report --json", label, [cli, "report", text, "--json"], None, None))
            if not args.no_json:
                tasks.append((v, "report REPORT.json", label, [cli, "report", report_json], None, None))
            if prev:
                older = os.path.join(args.corpus, f"std-go{prev}.m2.txt")
                tasks.append((v, f"diff go{prev} go{v}", label, [cli, "diff", older, text], None, None))
            if args.analyze_dir:
                env = dict(os.environ, XDG_CACHE_HOME=os.path.join(cache_home, label))
                argv = [cli, "analyze", args.analyze_dir, "--toolchain", f"go{v}"]
                reports = os.path.join(cache_home, label, "heapsight", "reports")
                if not (os.path.isdir(reports) and os.listdir(reports)):
                    print(f"filling the cache: {' '.join(argv)}…", file=sys.stderr)
                    run_once(argv, env)
                tasks.append((v, "analyze (cached)", label, argv, env, None))
        for name, template in peers:
            words = [w.replace("{text}", text) for w in template]
            stdin = next((w[1:] for w in words if w.startswith("<")), None)
            tasks.append((v, name, "peer", [w for w in words if not w.startswith("<")], None, stdin))

    # Every round runs the commands in another order (seeded: the same run after run). In one fixed order the
    # command after a big one was measured slow here: right after a peer freed 1 GB, heapsight's `report` took
    # 0.5 s of system time (clearing fresh pages) in each of 3 rounds, and 0.06 s when it came later in them.
    results = {i: [] for i in range(len(tasks))}
    for r in range(args.rounds):
        order = list(range(len(tasks)))
        random.Random(r).shuffle(order)
        for i in order:
            _, _, _, argv, env, stdin = tasks[i]
            results[i].append(run_once(argv, env, stdin))

    rows = []
    for i, (v, name, label, argv, _, stdin) in enumerate(tasks):
        runs = results[i]
        med = lambda k: statistics.median(x[k] for x in runs)
        codes = sorted({x[4] for x in runs})
        rows.append({"version": v, "what": name, "build": label, "wall_s": med(0), "cpu_s": med(1), "sys_s": med(2),
                     "peak_rss_bytes": med(3), "input_bytes": sizes[v], "exit_codes": codes, "argv": argv}
                    | ({"stdin": stdin} if stdin else {}))
    for v in sizes:
        report = next(x for x in rows if x["version"] == v and x["what"] == "report" and x["build"] == "now")
        for x in rows:
            if x["version"] == v:
                x["wall_vs_report"] = x["wall_s"] / report["wall_s"]
                x["cpu_vs_report"] = x["cpu_s"] / report["cpu_s"]
    for v in sizes:
        mine = [x for x in rows if x["version"] == v]
        wc = next(x for x in mine if x["what"] == "wc -l")
        cat = next(x for x in mine if x["what"] == "cat")
        mb = sizes[v] / 1e6
        print(f"\nwhole process, std of Go {v} ({mb:.0f} MB), median of {args.rounds} rounds, interleaved")
        print(f"{'what':<22} {'build':<7} {'wall s':>7} {'CPU s':>7} {'sys s':>6} {'peak MB':>8} {'x input':>7}"
              f" {'wall/wc':>8} {'wall/cat':>8} {'wall/rep':>8} {'CPU/rep':>8}")
        for x in mine:
            print(f"{x['what']:<22} {x['build']:<7} {x['wall_s']:7.3f} {x['cpu_s']:7.3f} {x['sys_s']:6.3f}"
                  f" {x['peak_rss_bytes'] / 1e6:8.0f} {x['peak_rss_bytes'] / sizes[v]:7.2f}"
                  f" {x['wall_s'] / wc['wall_s']:8.2f} {x['wall_s'] / cat['wall_s']:8.2f}"
                  f" {x['wall_vs_report']:8.2f} {x['cpu_vs_report']:8.2f}"
                  + (f"  (exit {x['exit_codes']})" if x["exit_codes"] != [0] else ""))
        if args.before:
            for x in mine:
                if x["build"] != "now":
                    continue
                old = next((y for y in mine if y["what"] == x["what"] and y["build"] == "before"), None)
                if old:
                    print(f"  {x['what']}: {old['wall_s'] / x['wall_s']:.1f}x faster (wall), "
                          f"{old['cpu_s'] / x['cpu_s']:.1f}x less CPU, peak memory {old['peak_rss_bytes'] / 1e6:.0f}"
                          f" -> {x['peak_rss_bytes'] / 1e6:.0f} MB")
    if args.json_out:
        with open(args.json_out, "w") as out:
            json.dump(rows, out, indent=1)


if __name__ == "__main__":
    main()
