"""Throughput per core: rasd.extract_many(threads=1) against the CLI.

    python python/bench/throughput.py [CORPUS] [--cli PATH] [--docs N]

CORPUS: JSON lines of articles, gzip or not (default
../shared/corpus/saudinewsnet.jsonl.gz). The CLI (default
target/release/examples/rasd) runs on one core (taskset -c 0, when
available) and is measured by its CPU time; Python by the CPU time of
reading the JSON lines and extracting. Both must find the same incidents.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import rasd

REPO = Path(__file__).resolve().parents[2]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "saudinewsnet.jsonl.gz"))
    p.add_argument("--cli", default=str(REPO / "target" / "release" / "examples" / "rasd"))
    p.add_argument("--docs", type=int, help="only the first N articles")
    args = p.parse_args()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as f:
        raw = list(itertools.islice(f, args.docs))
    mb = sum(len(l.encode()) for l in raw) / 1e6

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.writelines(raw)
    try:
        cmd = [args.cli, "extract", tmp.name]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, check=True).stdout
        cli_wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(tmp.name)
    cli_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cli_n = sum(len(json.loads(l)["incidents"]) for l in out.splitlines())

    cpu = time.process_time()
    wall = time.perf_counter()
    docs = rasd.extract_many((json.loads(l) for l in raw), threads=1)
    py_cpu = time.process_time() - cpu
    py_wall = time.perf_counter() - wall
    py_n = sum(len(d["incidents"]) for d in docs)

    print(f"{len(raw)} articles, {mb:.1f} MB")
    print(f"CLI (1 core):     {cli_cpu:6.2f} s CPU ({cli_wall:.2f} s wall), {mb / cli_cpu:5.2f} MB/s, {cli_n} incidents")
    print(f"Python (1 thread): {py_cpu:6.2f} s CPU ({py_wall:.2f} s wall), {mb / py_cpu:5.2f} MB/s, {py_n} incidents")
    print(f"Python / CLI throughput per core: {cli_cpu / py_cpu:.0%}")
    return 0 if py_n == cli_n else 1


if __name__ == "__main__":
    sys.exit(main())
