#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What Watch costs after one save, against a full analysis, in one run (issue 19.2).

A module of N library packages (default 200, generated into a temporary directory: each package two files
with a moved-to-heap variable, an escaping composite literal and a leaking parameter, none importing another)
and the bundled samples/escapes are analysed with `heapsight-cli analyze --no-cache` under a private GOCACHE:

  full          the first analysis of the module (its packages not in go's build cache, the standard packages
                they import are), with logopt files: what Analyze does
  full, no logopt   the same without logopt, as a live run would be without go's cache
  after a save  one package's file edited, `analyze --no-logopt` (a whole live run: go replays the rest)
  spliced       the same edit, what Watch runs now: the edited package and its importers built and laid over
                the last complete analysis (heapsight_watchbench, in process, beside a whole live run there)
  that package  `go build -gcflags=-m=2 ./PKG` after another edit of it: the package's own compile

Each "after a save" figure is the median of --rounds edits. Wall seconds; Watch adds its 400 ms debounce.

  bench/watch.py --cli build/app/cli/heapsight-cli --splice build/bench/heapsight_watchbench \
      --go /usr/lib/go-1.27/bin/go [--packages 200] [--rounds 3]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

FILE_A = """package {name}

type Item struct {{ Key string; Value int }}

var sink *Item

// New returns a fresh item: the composite literal escapes.
func New(key string) *Item {{ return &Item{{Key: key}} }}

// Keep stores its argument: the parameter leaks.
func Keep(it *Item) {{ sink = it }}

func Count(n int) int {{
	total := 0
	for i := 0; i < n; i++ {{
		v := i
		p := &v
		Keep(&Item{{Value: *p}})
		total += *p
	}}
	return total
}}
"""

FILE_B = """package {name}

import "fmt"

// Describe formats an item: the argument is converted to an interface.
func Describe(it *Item, n int) string {{
	counter := n
	f := func() int {{ counter++; return counter }}
	return fmt.Sprintf("%v %d %d", it, f(), Count(counter))
}}
"""


def generate(root, packages):
    os.makedirs(root)
    with open(os.path.join(root, "go.mod"), "w") as f:
        f.write("module example.com/many\n\ngo 1.21\n")
    for i in range(packages):
        name = "p%03d" % i
        os.makedirs(os.path.join(root, name))
        with open(os.path.join(root, name, "a.go"), "w") as f:
            f.write(FILE_A.format(name=name))
        with open(os.path.join(root, name, "b.go"), "w") as f:
            f.write(FILE_B.format(name=name))


def timed(argv, env, cwd=None):
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode not in (0,):
        sys.exit("%s failed (%d): %s" % (" ".join(argv), done.returncode, done.stderr.decode()[-400:]))
    return wall


def edit(path, round_):
    with open(path, "a") as f:
        f.write("\nfunc edited%d() *int { x := %d; return &x }\n" % (round_, round_))


def measure(cli, splice, go, module, package, rounds, work):
    env = dict(os.environ, GOCACHE=os.path.join(work, "gocache"), GOTOOLCHAIN="local", GOFLAGS="-mod=mod",
               GOPROXY="off", XDG_CACHE_HOME=os.path.join(work, "xdg"))
    toolchain = ["--toolchain", go]
    # The standard packages the modules import, compiled once (not timed): a user's cache has them.
    timed([go, "build", "fmt", "sync"], env, cwd=module)
    full = timed([cli, "analyze", module, "--no-cache"] + toolchain, env)
    # A new private cache with the standard packages again, so the module's packages compile afresh.
    shutil.rmtree(env["GOCACHE"])
    timed([go, "build", "fmt", "sync"], env, cwd=module)
    plain = timed([cli, "analyze", module, "--no-cache", "--no-logopt"] + toolchain, env)
    target = os.path.join(module, package, "a.go") if package != "." else os.path.join(module, "store", "store.go")
    pkg = "./" + (package if package != "." else "store")
    after, alone = [], []
    for r in range(rounds):
        edit(target, 2 * r)
        after.append(timed([cli, "analyze", module, "--no-cache", "--no-logopt"] + toolchain, env))
        edit(target, 2 * r + 1)
        alone.append(timed([go, "build", "-gcflags=-m=2", pkg], env, cwd=module))
    out = subprocess.run([splice, module, target, go, str(rounds)], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if out.returncode != 0:
        sys.exit("%s failed: %s" % (splice, out.stderr.decode()[-400:]))
    fields = out.stdout.decode().split()
    spliced = float(fields[fields.index("spliced") + 1])
    return full, plain, statistics.median(after), spliced, statistics.median(alone)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--splice", required=True, help="build/bench/heapsight_watchbench")
    ap.add_argument("--go", required=True)
    ap.add_argument("--packages", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--samples", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "escapes"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="heapsight-watch-") as work:
        many = os.path.join(work, "many")
        generate(many, args.packages)
        sample = os.path.join(work, "escapes")
        shutil.copytree(args.samples, sample)
        print("%-28s %8s %16s %14s %10s %14s %8s" % ("module", "full", "full, no logopt", "after a save",
                                                     "spliced", "that package", "ratio"))
        for name, module, package in (("samples/escapes", sample, "."),
                                      ("%d packages" % args.packages, many, "p%03d" % (args.packages // 2))):
            full, plain, after, spliced, alone = measure(os.path.abspath(args.cli), os.path.abspath(args.splice),
                                                         args.go, module, package, args.rounds, work)
            print("%-28s %7.2fs %15.2fs %13.2fs %9.2fs %13.2fs %7.2fx" % (name, full, plain, after, spliced, alone,
                                                                      spliced / alone))


if __name__ == "__main__":
    main()
