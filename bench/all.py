"""`make bench`: run every benchmark and write docs/benchmarks.md."""
from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from bench import answering

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    result = answering.main()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    text = ("# Benchmarks\n\nReproduce: `make bench` (writes this file).\n\n"
            f"Machine: {machine}\n\n## Answering (in-process, `bench/answering.py`)\n\n```\n"
            + json.dumps(result, indent=2) + "\n```\n")
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs/benchmarks.md").write_text(text)
    print(text)
