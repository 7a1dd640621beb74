"""Benchmark: 1,000 posts due in one minute, claimed by 1, 2 and 4 workers on one PostgreSQL database.

The 10,000 schedules of `bench/scheduling.py` (1,000 posts due on Monday 2026-11-30 at 10:00 in
Toronto), in PostgreSQL, with every schedule's next due time already worked out (a tick the minute
before, as a running bot would have done). Then N worker processes, each a `build_bot` on
`PEERBOT_DATABASE_URL` as `peerbot run` makes it, tick that minute at the same moment: each claims
the due schedules no other worker holds (`FOR UPDATE SKIP LOCKED`) and the posts of their runs
(the unique key). Timed from the moment all are told to go until the last has finished; every
worker's claimed keys are collected, to count duplicates (must be 0) and posts (must be 1,000).
Each worker count runs three times, alternating 1, 2, 4, each on a fresh copy of the database; the
median is reported. SQLite's single tick over the same schedules is `bench.scheduling`'s figure.

The server is a throwaway cluster on a Unix socket (`tests/postgres_server.py`), or the one
`PEERBOT_BENCH_DATABASE_URL` names (it must allow CREATE DATABASE).

Run: `.venv/bin/python -m bench.postgres_workers`. Prints one JSON object and writes its section of
docs/benchmarks.md.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = (1, 2, 4)
REPEATS = 3


def populate(url: str) -> None:
    """The 10,000 schedules and their channels, then the tick the minute before (works out next_due)."""
    import psycopg

    from adapters.bootstrap import build_bot
    from bench.scheduling import CHANNELS, DUE, _rows, _zone
    from bot.ports import FixedClock
    from bot.settings import Settings

    bot = build_bot(Settings(_env_file=None, database_url=url), clock=FixedClock(DUE - timedelta(minutes=1)))
    rows = _rows()
    columns = list(rows[0])
    with psycopg.connect(url) as conn, conn.cursor() as cur:  # setup only: one transaction
        cur.executemany(f"insert into schedules ({', '.join(columns)}) values ({', '.join(['%s'] * len(columns))})",
                        [[row[c] for c in columns] for row in rows])
        cur.executemany("insert into channels (channel, timezone, updated_at) values (%s, %s, '')",
                        [(f"slack:T1:C{c:05d}", _zone(c)) for c in range(CHANNELS)])
    assert bot.tick() == []
    bot.store.close()


def worker(url: str) -> None:
    """`python -m bench.postgres_workers worker URL`: build the bot, say ready, tick at go, print JSON."""
    from adapters.bootstrap import build_bot
    from bench.scheduling import DUE
    from bot.ports import FixedClock
    from bot.settings import Settings

    bot = build_bot(Settings(_env_file=None, database_url=url), clock=FixedClock(DUE + timedelta(seconds=20)))
    print("ready", flush=True)
    sys.stdin.readline()
    t = time.perf_counter()
    posts = bot.tick()
    took = time.perf_counter() - t
    bot.store.close()
    print(json.dumps({"tick_s": round(took, 3), "keys": [p.key for p in posts]}), flush=True)


def one_round(url: str, n: int) -> dict:
    procs = [subprocess.Popen([sys.executable, "-m", "bench.postgres_workers", "worker", url], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(n)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    t = time.perf_counter()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    out = [json.loads(p.stdout.readline()) for p in procs]
    wall = time.perf_counter() - t
    for p in procs:
        p.wait(30)
    keys = [k for o in out for k in o["keys"]]
    return {"workers": n, "wall_s": round(wall, 3), "per_worker_tick_s": [o["tick_s"] for o in out],
            "per_worker_posts": [len(o["keys"]) for o in out], "posts": len(set(keys)),
            "duplicates": len(keys) - len(set(keys))}


def main() -> dict:
    import psycopg
    from psycopg import sql

    from tests.postgres_server import Cluster, with_database

    admin, cluster = os.environ.get("PEERBOT_BENCH_DATABASE_URL", "").strip(), None
    if not admin:
        cluster = Cluster()
        admin = cluster.start()
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            version = conn.execute("show server_version").fetchone()[0]
            for name in ["bench_template"] + [f"bench_{i}" for i in range(len(WORKERS) * REPEATS)]:
                conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
            conn.execute("create database bench_template")
        template = with_database(admin, "bench_template")
        t = time.perf_counter()
        populate(template)
        populated = time.perf_counter() - t
        runs: dict[int, list[dict]] = {n: [] for n in WORKERS}
        for i in range(REPEATS):
            for j, n in enumerate(WORKERS):
                name = f"bench_{i * len(WORKERS) + j}"
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(sql.SQL("create database {} template bench_template").format(sql.Identifier(name)))
                runs[n].append(one_round(with_database(admin, name), n))
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(sql.SQL("drop database {} with (force)").format(sql.Identifier(name)))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("drop database bench_template with (force)")
    finally:
        if cluster is not None:
            cluster.stop()
    results = {"postgresql": version, "schedules": 10_000, "setup_and_first_tick_s": round(populated, 2)}
    for n, found in runs.items():
        found.sort(key=lambda r: r["wall_s"])
        results[f"workers_{n}"] = {**found[len(found) // 2], "runs_wall_s": [r["wall_s"] for r in found],
                                   "all_runs_posts": [r["posts"] for r in found],
                                   "all_runs_duplicates": [r["duplicates"] for r in found]}
    return results


TITLE = "Several workers on PostgreSQL: 1,000 posts due in one minute claimed by 1, 2 and 4 workers " \
        "(`bench/postgres_workers.py`)"


def summary(r: dict) -> str:
    from bench.report import table

    rows = [[n, r[f"workers_{n}"]["wall_s"], r[f"workers_{n}"]["runs_wall_s"], r[f"workers_{n}"]["per_worker_posts"],
             r[f"workers_{n}"]["all_runs_posts"], r[f"workers_{n}"]["all_runs_duplicates"]] for n in WORKERS]
    return f"""PostgreSQL {r['postgresql']}, a throwaway cluster on a Unix socket with fsync off (it measures the
claiming, not the disk). 10,000 schedules, 1,000 posts due in the same minute; every worker is a process
built as `peerbot run` builds its bot and ticks that minute at the same moment.

{table(rows, ["workers", "median wall s", "runs wall s", "posts per worker (median run)", "posts claimed (runs)",
              "duplicates (runs)"])}

Every run claimed every post once and none twice. Workers take the due schedules 100 at a time
(`bot.schedules.chat.DUE_BATCH`), each batch skipping what another worker holds, so they share the work
(posts per worker above). The wall time is from "go" to the last worker's end; the workers share
the 2 cores with each other and with the server, so more than two cannot finish sooner.
"""


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        worker(sys.argv[2])
    else:
        from bench import report

        started = report.load()
        result = main()
        print(json.dumps(result, indent=2))
        report.write("postgres_workers", TITLE, summary(result), result, started)
