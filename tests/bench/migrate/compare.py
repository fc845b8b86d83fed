#!/usr/bin/env python3
"""Compares pmkv builds on one machine: each `pmkv migrate` of a tree into a redis-server
started for it, after a 3 s pause (so every run meets cold memory, as the bench's do), the
builds alternating round by round so that all meet the same state of the machine.

Usage: tests/bench/migrate/compare.py <pm-folder> <pmkv binary> [<pmkv binary> ...]
       (ROUNDS=N for another number of rounds, 5 by default)
Copy build/app/pmkv/pmkv aside before a change to compare it with the build after it."""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def migrate_once(pmkv, tree, work):
    port = free_port()
    data = os.path.join(work, "redis")
    state = os.path.join(work, "state")
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(state, ignore_errors=True)
    os.makedirs(data)
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", data,
         "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        time.sleep(3.3)
        start = time.monotonic()
        run = subprocess.run(
            [pmkv, "migrate", tree, "--redis", f"redis://127.0.0.1:{port}",
             "--state-dir", state, "--json"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - start
    finally:
        redis.terminate()
        redis.wait()
    if run.returncode != 0:
        sys.exit(f"{pmkv} migrate failed (exit code {run.returncode})")
    return seconds


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tree, builds = sys.argv[1], sys.argv[2:]
    rounds = int(os.environ.get("ROUNDS", "5"))
    times = {b: [] for b in builds}
    with tempfile.TemporaryDirectory(prefix="pmkv-compare-") as work:
        for r in range(rounds):
            for b in builds if r % 2 == 0 else list(reversed(builds)):
                times[b].append(migrate_once(b, tree, work))
    for b in builds:
        t = times[b]
        print(f"{b}: median {statistics.median(t):.3f} s, fastest {min(t):.3f} s, all "
              + " ".join(f"{x:.2f}" for x in t))


if __name__ == "__main__":
    main()
