"""`make bench`: run every benchmark and the fault-injection runs, each writing its section of
docs/benchmarks.md.

Each runs as its own `python -m bench.<name>` process, exactly as it would by hand, so one cannot
leave threads, event loops or memory behind for the next (the fault runs fork, and the memory
figures are per process). Exits non-zero if any of them failed or missed a target.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.report import ORDER, REPORT

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    failed = []
    for name in ORDER:
        print(f"== bench.{name}", flush=True)
        t = time.monotonic()
        done = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT)
        print(f"== bench.{name}: exit {done.returncode} after {time.monotonic() - t:.0f} s", flush=True)
        if done.returncode:
            failed.append(name)
    print(f"wrote {REPORT.relative_to(ROOT)}" + (f"; failed or missed a target: {', '.join(failed)}" if failed else ""))
    sys.exit(1 if failed else 0)
