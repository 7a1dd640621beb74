"""Benchmark: `peerbot ask` start to answer, this checkout against an earlier commit, alternating.

Each round runs `peerbot ask --json` once in each tree, in turn, so both see the same machine load
(this machine is shared: a median from one run and a median from another, minutes apart, differ by
more than most changes). The earlier commit's `bot/`, `adapters/`, `storage/` and `content/` are
taken with `git archive` into a temporary folder and run there with the same interpreter, the way
`bench.answering` runs its old engine (first one untimed run in each, which also writes the caches
beside the content). Reports the median and the fastest of the wall time and of the process's CPU
time (user plus system) for each.

Run: `.venv/bin/python -m bench.ask_startup [COMMIT] [ROUNDS]` (default: 44e1a25, the checkout before
issue 22's start-up work, and 10 rounds). Prints one JSON object.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.answering import ASK_CHECK, QUESTION

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "44e1a25"


def _once(folder: Path, code: str = "from adapters.cli import main; main()") -> tuple[float, float]:
    env = {"PEERBOT_DB": ":memory:", "PEERBOT_CONTENT": str(folder / "content"), "PATH": "/usr/bin:/bin",
           "HOME": os.environ.get("HOME", "/tmp")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "ask", "--json", QUESTION], cwd=folder, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"`peerbot ask` in {folder} failed:\n{done.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main(commit: str = BEFORE, rounds: int = 10) -> dict:
    with tempfile.TemporaryDirectory(prefix="peerbot-ask-before-") as tmp:
        archive = subprocess.run(["git", "archive", commit, "bot", "adapters", "storage", "content"], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        trees = {"before": Path(tmp), "after": ROOT}
        for folder in trees.values():
            _once(folder, ASK_CHECK)  # untimed: caches written, and no module taken from the other tree
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        for _ in range(rounds):
            for name, folder in trees.items():
                times[name].append(_once(folder))
    out: dict = {"before_commit": commit, "rounds": rounds, "load_average_at_end": os.getloadavg()}
    for name, got in times.items():
        walls, cpus = [w for w, _ in got], [c for _, c in got]
        out[name] = {"wall_median_s": round(statistics.median(walls), 3), "wall_fastest_s": round(min(walls), 3),
                     "cpu_median_s": round(statistics.median(cpus), 3), "cpu_fastest_s": round(min(cpus), 3)}
    return out


if __name__ == "__main__":
    print(json.dumps(main(*(sys.argv[1:2] or [BEFORE]), *[int(a) for a in sys.argv[2:3]]), indent=2))
