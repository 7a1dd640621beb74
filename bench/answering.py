"""Benchmark: answering in-process (p50/p99 per question, peak memory) and `peerbot ask` start to answer.

Run: `.venv/bin/python -m bench.answering` (or `make bench`). Prints one JSON object and writes its
section of docs/benchmarks.md.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import tomllib
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> dict:
    from adapters.bootstrap import build_bot
    from bot.asking import choose
    from bot.settings import Settings

    bot = build_bot(Settings(db=":memory:", _env_file=None))
    questions = []
    for name in ("task_questions.toml", "topic_questions.toml", "topic_questions_defs_myths.toml"):
        questions += [c["question"] for c in tomllib.loads((ROOT / "tests/data" / name).read_text())["case"]]
    for q in questions:  # warm caches, as a running bot would be
        choose(bot, q)
    times = []
    for _ in range(5):
        for q in questions:
            t0 = time.perf_counter()
            choose(bot, q)
            times.append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()  # a separate pass: tracing memory slows every call it watches
    for q in questions:
        choose(bot, q)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    times.sort()
    starts = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([str(ROOT / ".venv/bin/peerbot"), "ask", "--json", "can I drive someone to the food bank?"],
                       check=True, capture_output=True, env={"PEERBOT_DB": ":memory:", "PATH": "/usr/bin:/bin"})
        starts.append(time.perf_counter() - t0)
    return {"questions": len(questions), "answers_timed": len(times),
            "p50_ms": round(statistics.median(times), 3), "p99_ms": round(times[int(len(times) * 0.99) - 1], 3),
            "peak_answering_mb": round(peak, 2), "ask_process_s_median": round(statistics.median(starts), 3)}


TITLE = "Answering in-process, and `peerbot ask` start-up (`bench/answering.py`)"


def summary(r: dict) -> str:
    return (f"The core's answer to every question of the dev sets ({r['questions']} task and topic questions, "
            f"warmed once, then timed five times over: {r['answers_timed']:,} answers): **p50 {r['p50_ms']} ms, "
            f"p99 {r['p99_ms']} ms**; peak memory traced during one pass of answering {r['peak_answering_mb']} MB "
            f"(on top of the loaded content). `peerbot ask --json` from process start to answer: median "
            f"**{r['ask_process_s_median']} s** over 3 runs (interpreter, imports, content, answer).")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main()
    print(json.dumps(result, indent=2))
    report.write("answering", TITLE, summary(result), result, started)
    sys.exit(0)
