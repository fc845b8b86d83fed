#!/usr/bin/env python3
"""Compares the REST rows of two bench_transport builds on one machine in one run (issue #22):
the reference (a build before #22, whose UpstashRestStore was the hand-written HTTP/1.1 client)
and this build (QNetworkAccessManager). The two binaries alternate round by round, so that both
meet the same state of a shared machine; each round also measures redis-benchmark -P 16 afresh.

Printed per case: the median commands/s of each build, this build's median over the
reference's (the figure issue #22 asks to be >= 1), and each build's median ratio to the
redis-benchmark of its own round (less sensitive to what the machine did meanwhile).

Usage: tests/bench/transport/compare.py <reference bench_transport> <this bench_transport>
       (ROUNDS=N rounds, 3 by default; BENCH_SECONDS=N per case, 1.5 by default)
A reference: build/tests/bench/transport/bench_transport of a tree at the last commit before
the REST store moved to QNetworkAccessManager, copied aside. It starts the pmkv-proxy of its
own build tree; this build starts its own (with TCP_QUICKACK)."""
import os
import re
import statistics
import subprocess
import sys

ROW = re.compile(r"^(UpstashRestStore via proxy|plain QNAM, this proxy)\s+(SET|GET)\s+(\d+)\s+"
                 r"(\d+)\s+([0-9.]+)\s*$")
PIPE = re.compile(r"SET batch 1000 = ([0-9.]+) x redis-cli --pipe")


def run(binary, seconds):
    done = subprocess.run([binary, seconds], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{binary} failed (exit code {done.returncode}):\n{done.stdout}{done.stderr}")
    rows = {}
    for line in done.stdout.splitlines():
        m = ROW.match(line)
        if m:
            rows[(m.group(1), m.group(2), int(m.group(3)))] = (float(m.group(4)),
                                                               float(m.group(5)))
        m = PIPE.search(line)
        if m:
            rows["pipe"] = (float(m.group(1)), float(m.group(1)))
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    reference, this = sys.argv[1], sys.argv[2]
    rounds = int(os.environ.get("ROUNDS", "3"))
    seconds = os.environ.get("BENCH_SECONDS", "1.5")
    results = {reference: [], this: []}
    for r in range(rounds):
        for b in (reference, this) if r % 2 == 0 else (this, reference):
            results[b].append(run(b, seconds))
            print(f"round {r + 1}: {os.path.basename(os.path.dirname(b)) or b} done",
                  file=sys.stderr)

    def median(binary, key, index):
        values = [rows[key][index] for rows in results[binary] if key in rows]
        return statistics.median(values) if values else None

    keys = sorted({k for rows in results[this] for k in rows if k != "pipe"},
                  key=lambda k: (k[0] != "UpstashRestStore via proxy", k[1], k[2]))
    print(f"REST through pmkv-proxy, medians of {rounds} rounds, builds alternating "
          f"(reference: {reference})")
    print(f"{'transport':<28}{'op':<4}{'batch':>6}{'reference/s':>13}{'this/s':>10}"
          f"{'this/ref':>10}{'ref x rb':>10}{'this x rb':>10}")
    for key in keys:
        name, op, batch = key
        now = median(this, key, 0)
        ref = median(reference, key, 0) if name == "UpstashRestStore via proxy" else None
        ratio = f"{now / ref:>10.2f}" if ref else f"{'':>10}"
        ref_text = f"{ref:>13.0f}" if ref else f"{'':>13}"
        ref_rb = median(reference, key, 1) if ref else None
        ref_rb_text = f"{ref_rb:>10.3f}" if ref_rb else f"{'':>10}"
        print(f"{name:<28}{op:<4}{batch:>6}{ref_text}{now:>10.0f}{ratio}{ref_rb_text}"
              f"{median(this, key, 1):>10.3f}")
    print("x rb: commands/s over redis-benchmark -P 16 -d 1500 of the same round")
    ref_pipe, this_pipe = median(reference, "pipe", 0), median(this, "pipe", 0)
    if ref_pipe and this_pipe:
        print(f"UpstashRestStore SET batch 1000 over redis-cli --pipe of the same round: "
              f"reference {ref_pipe:.3f}, this {this_pipe:.3f}")


if __name__ == "__main__":
    main()
