"""Benchmark: `peerbot ask` start to answer, this checkout against an earlier commit, alternating.

Each round runs `peerbot ask --json` once in each tree, in turn, so both see the same machine load
(this machine is shared: a median from one run and a median from another, minutes apart, differ by
more than most changes). The earlier commit's `bot/`, `adapters/`, `storage/` and `content/` are
taken with `git archive` into a temporary folder and run there with the same interpreter, the way
`bench.answering` runs its old engine (first one untimed run in each, which also writes the caches
beside the content). Reports the median and the fastest of the wall time and of the process's CPU
time (user plus system) for each, and the medians of the plain `peerbot ask` (the console's reply,
which opens the store), alternated the same way.

Then, in this checkout only, where the time goes: `-X importtime` three times over, each module's
own import time (median) added up by package, and the biggest shown.

Run: `.venv/bin/python -m bench.ask_startup [COMMIT] [ROUNDS]` (default: 44e1a25, the checkout before
issue 22's start-up work, and 10 rounds). Prints one JSON object and rewrites its section of
docs/benchmarks.md.
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
TARGET_S = 0.35  # issue 22: `peerbot ask` start to answer, median
TITLE = "`peerbot ask` start to answer, this checkout against the one before issue 22 (`bench/ask_startup.py`)"


def _once(folder: Path, code: str = "from adapters.cli import main; main()", plain: bool = False) -> tuple[float, float]:
    """One `peerbot ask --json` (or, `plain`, the console's `peerbot ask`, which opens the store)."""
    env = {"PEERBOT_DB": ":memory:", "PEERBOT_CONTENT": str(folder / "content"), "PATH": "/usr/bin:/bin",
           "HOME": os.environ.get("HOME", "/tmp")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "ask", *([] if plain else ["--json"]), QUESTION], cwd=folder, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"`peerbot ask` in {folder} failed:\n{done.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _group(module: str) -> str:
    """The package a module's import time is counted under: peerbot's own by their first two parts
    (`bot.safety`, `bot.answering`, `adapters.cli`), a library by its top-level name."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] in ("bot", "adapters", "storage") else parts[0].lstrip("_") or module


def imports(folder: Path = ROOT, runs: int = 3, shown: int = 14) -> dict:
    """Each package's own import time (ms, the median of `runs` processes under `-X importtime`, which
    itself slows imports a little), biggest first, and the total."""
    per_run: list[dict[str, float]] = []
    env = {"PEERBOT_DB": ":memory:", "PEERBOT_CONTENT": str(folder / "content"), "PATH": "/usr/bin:/bin",
           "HOME": os.environ.get("HOME", "/tmp")}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", "from adapters.cli import main; main()", "ask",
                               "--json", QUESTION], cwd=folder, env=env, capture_output=True, text=True, check=True)
        groups: dict[str, float] = {}
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, _, name = line[len("import time:"):].split("|")
            groups[_group(name.strip())] = groups.get(_group(name.strip()), 0.0) + int(own) / 1000
        per_run.append(groups)
    names = {n for g in per_run for n in g}
    median = {n: round(statistics.median(g.get(n, 0.0) for g in per_run), 1) for n in names}
    biggest = dict(sorted(median.items(), key=lambda kv: -kv[1])[:shown])
    return {"total_ms": round(statistics.median(sum(g.values()) for g in per_run), 1), "biggest_ms": biggest}


def main(commit: str = BEFORE, rounds: int = 10) -> dict:
    with tempfile.TemporaryDirectory(prefix="peerbot-ask-before-") as tmp:
        archive = subprocess.run(["git", "archive", commit, "bot", "adapters", "storage", "content"], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        trees = {"before": Path(tmp), "after": ROOT}
        for folder in trees.values():
            _once(folder, ASK_CHECK)  # untimed: caches written, and no module taken from the other tree
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        plain: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        for _ in range(rounds):
            for name, folder in trees.items():
                times[name].append(_once(folder))
            for name, folder in trees.items():
                plain[name].append(_once(folder, plain=True))
    out: dict = {"before_commit": commit, "rounds": rounds, "load_average_at_end": os.getloadavg()}
    for name, got in times.items():
        walls, cpus = [w for w, _ in got], [c for _, c in got]
        out[name] = {"wall_median_s": round(statistics.median(walls), 3), "wall_fastest_s": round(min(walls), 3),
                     "cpu_median_s": round(statistics.median(cpus), 3), "cpu_fastest_s": round(min(cpus), 3),
                     "plain_ask_wall_median_s": round(statistics.median(w for w, _ in plain[name]), 3),
                     "plain_ask_cpu_median_s": round(statistics.median(c for _, c in plain[name]), 3)}
    out["target_wall_median_s"] = TARGET_S
    out["met"] = out["after"]["wall_median_s"] <= TARGET_S
    out["imports_after"] = imports()
    return out


# What issue 22's start-up work changed, after 44e1a25's (each checked against every question set with
# `tools.answers_digest --compare`: no answer changed), and what is left; kept with the figures.
CHANGES = """What issue 22 changed since that commit: settings without pydantic-settings; the answerer's
readings cached beside the content; the outbox, the store and the patterns not every question runs
opened or compiled on first use; then the retriever scored without numpy (its
cache one binary file, its weights read a row at a time as a question needs them; each score the exact sum rounded to float32, in plain Python,
or from numpy in a process that has numpy loaded, to the same floats), `peerbot ask` opening its
store without letting sqlite-utils import numpy, rapidfuzz imported only for a fuzzy match, printable
ASCII cleaned by lowercasing alone, and the imports and the bot's building run with Python's cyclic
collector paused and what they made frozen (`adapters.collector`). Left: the crisis screen's import
(`bot.safety`, its regular expressions compiled at import; owned elsewhere) and pydantic's (the
content's and the settings' models) are the two largest; click, the catalog's model classes and the
answering patterns (run by every question) follow."""


def summary(r: dict) -> str:
    from bench.report import table

    before, after = r["before"], r["after"]
    rows = [[label, f"{before[key]}", f"{after[key]}"] for label, key in (
        ("wall time, median (s)", "wall_median_s"), ("wall time, fastest (s)", "wall_fastest_s"),
        ("CPU time (user + system), median (s)", "cpu_median_s"), ("CPU time, fastest (s)", "cpu_fastest_s"),
        ("plain `peerbot ask` (the console's reply; opens the store): wall median (s)", "plain_ask_wall_median_s"),
        ("plain `peerbot ask`: CPU median (s)", "plain_ask_cpu_median_s"))]
    imports = r["imports_after"]
    biggest = ", ".join(f"{name} {ms}" for name, ms in imports["biggest_ms"].items())
    return (f"`peerbot ask --json \"{QUESTION}\"` as a new process (`PEERBOT_DB=:memory:`), {r['rounds']} rounds, "
            f"each running it once in each tree in turn so both see the same load (then the plain `peerbot ask`, "
            f"the same way): before is commit "
            f"{r['before_commit']} (taken with `git archive`), after is this checkout.\n\n"
            + table(rows, ["", "before", "after"])
            + f"\n\nTarget: median {r['target_wall_median_s']} s: **{'met' if r['met'] else 'not met'}** "
              f"({after['wall_median_s']} s).\n\nWhere this checkout's imports go (`-X importtime`, each package's own "
              f"time in ms, median of 3; {imports['total_ms']} ms in all, slowed a little by the measuring): {biggest}."
              f"\n\n{' '.join(CHANGES.split())}")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main(*(sys.argv[1:2] or [BEFORE]), *[int(a) for a in sys.argv[2:3]])
    print(json.dumps(result, indent=2))
    report.write("ask_startup", TITLE, summary(result), result, started)
