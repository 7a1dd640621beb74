"""docs/benchmarks.md: one section per benchmark, each replaced in place when its benchmark runs.

A section sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, so `python -m bench.NAME`
rewrites its own figures and leaves the others as they were (each section says when it ran, on
what, and under what load: the machine is shared, so absolute times drift between sections).
`make bench` (`bench/all.py`) runs them all and rewrites every section.
"""
from __future__ import annotations

import json
import os
import platform
import sqlite3
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "benchmarks.md"
ORDER = ("answering", "ask_startup", "crisis_screen", "slack_answering", "slack_cpu", "slack_throughput", "discord_answering",
         "scheduling", "postgres_workers", "workers", "slack_workers", "faults", "abuse")
HEADER = """# Benchmarks and fault-injection runs

Reproduce everything: `make bench` (about six minutes; rewrites this file). One benchmark:
`.venv/bin/python -m bench.<name>` (rewrites its own section). Every figure below is from the run
stated in its section; the raw output of each run follows its summary.

"""


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?") if Path("/proc/cpuinfo").exists() else "?"
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    libs = ", ".join(f"{name} {version(name)}" for name in ("slack-bolt", "slack-sdk", "aiohttp", "APScheduler",
                                                            "sqlite-utils"))
    return (f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), {memory:,} MB RAM, {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {libs}")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def write(name: str, title: str, summary: str, raw: dict, started_load: str) -> None:
    """Put (or replace) the section `name` in docs/benchmarks.md."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = (f"<!-- bench:{name} -->\n## {title}\n\n"
            f"`.venv/bin/python -m bench.{name}` — run {when}; load average {started_load} at the start, "
            f"{load()} at the end (2 cores: above 2 means other work was queued for the CPU).\n\n"
            f"{summary.strip()}\n\n<details><summary>raw output</summary>\n\n```json\n"
            f"{json.dumps(raw, indent=2)}\n```\n</details>\n<!-- /bench:{name} -->\n")
    text = REPORT.read_text() if REPORT.exists() else ""
    sections = {n: _section(text, n) for n in ORDER}
    sections[name] = body
    out = HEADER + f"Machine: {machine()}.\n\n" + "\n".join(s for n in ORDER if (s := sections[n]))
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(out)


def _section(text: str, name: str) -> str:
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    if start not in text or end not in text:
        return ""
    return text[text.index(start): text.index(end) + len(end)] + "\n"


def table(rows: list[list], head: list[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
