"""Benchmark: Slack requests per second with 1 and 2 HTTP worker processes on one PostgreSQL database.

Each worker is peerbot's real Slack platform in HTTP mode (`bench.slack_rig server peerbot`, as
`peerbot run` serves it) in a process of its own, all on one PostgreSQL database (a throwaway
cluster on a Unix socket, `tests/postgres_server.py`, or `PEERBOT_BENCH_DATABASE_URL`'s server).
The fake Slack Web API runs in a process of its own too. The load is closed-loop on the answers: at
most CONCURRENCY signed `/peer ask` requests whose reply (one `chat.postEphemeral`) has not reached
the fake Web API yet, handed to the workers in turn (a round-robin balancer), for SECONDS; then the
last answers are waited for. Requests
per second counts requests answered: acknowledged with HTTP 200 and their reply posted. 1 and 2
workers alternate, REPEATS times each, in one run; the median is reported. The machine has 2
cores, which the workers share with the load generator, the fake Web API and PostgreSQL.

Run: `.venv/bin/python -m bench.slack_workers`. Prints one JSON object and writes its section of
docs/benchmarks.md.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import os
import statistics
import tempfile
from pathlib import Path

import aiohttp

from bench.slack_rig import FakeAPIProcess, Server, questions, signed, slash
from bench.slack_throughput import pct, replies_so_far, wait_for_answers

WORKERS = (1, 2)
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
SECONDS = float(os.environ.get("BENCH_STEP_S", "6"))
CONCURRENCY = 16


async def warm(session: aiohttp.ClientSession, url: str, asked: list[str], first: int) -> None:
    for i in range(first, first + 60):  # role look-ups, Bolt's auth.test, the first answers
        body, headers = signed(slash(f"ask {asked[i % len(asked)]}", user=f"U{i % 20}", channel=f"C{i % 50}", n=i))
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()


async def load(session: aiohttp.ClientSession, urls: list[str], api_url: str, asked: list[str],
               first: int) -> dict:
    """For SECONDS, at most CONCURRENCY requests whose answer has not reached Slack yet (a request
    frees its place when a reply arrives), handed round-robin to `urls`; then the answers drained."""
    loop = asyncio.get_running_loop()
    numbers = itertools.count(first)
    latencies: list[float] = []
    failed = busy = 0
    places = asyncio.Semaphore(CONCURRENCY)
    base = await replies_so_far(session, api_url)
    t0 = loop.time()
    end = t0 + SECONDS

    owed = 0  # requests acknowledged whose place has not been freed yet

    async def answers() -> None:  # frees one place per reply the fake Web API has received
        nonlocal owed
        seen = base
        while True:
            now = await replies_so_far(session, api_url)
            # Never more than the requests waiting: an answer that takes two posts frees one place.
            for _ in range(min(now - seen, owed)):
                places.release()
                owed -= 1
            seen = now
            await asyncio.sleep(0.01)

    async def client() -> None:
        nonlocal failed, busy, owed
        while True:
            await places.acquire()
            if loop.time() >= end:
                places.release()
                return
            n = next(numbers)
            body, headers = signed(slash(f"ask {asked[n % len(asked)]}", user=f"U{n % 20}", channel=f"C{n % 50}",
                                         n=n))
            t = loop.time()
            try:
                async with session.post(urls[n % len(urls)], data=body, headers=headers) as response:
                    if b"try again" in await response.read():
                        busy += 1
                        places.release()  # no reply is coming for it
                    elif response.status != 200:
                        failed += 1
                        places.release()
                    else:
                        owed += 1
            except (TimeoutError, aiohttp.ClientError):
                failed += 1
                places.release()
            latencies.append((loop.time() - t) * 1000)

    counter = asyncio.ensure_future(answers())
    try:
        await asyncio.gather(*(client() for _ in range(CONCURRENCY)))
        answered = len(latencies) - failed - busy
        await wait_for_answers(session, api_url, base + answered)
    finally:
        counter.cancel()
    took = loop.time() - t0
    return {"requests": len(latencies), "answered": answered, "seconds": round(took, 2), "failed": failed,
            "busy_replies": busy, "answered_rps": round(answered / took, 1),
            "ack_p50_ms": round(pct(latencies, 0.5), 1), "ack_p99_ms": round(pct(latencies, 0.99), 1),
            "next": next(numbers)}


async def measure() -> dict:
    import psycopg
    from psycopg import sql

    from storage import postgres_schema
    from tests.postgres_server import Cluster, with_database

    admin, cluster = os.environ.get("PEERBOT_BENCH_DATABASE_URL", "").strip(), None
    if not admin:
        cluster = Cluster()
        admin = cluster.start()
    asked = questions()
    api = FakeAPIProcess()
    runs: dict[int, list[dict]] = {n: [] for n in WORKERS}
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            version = conn.execute("show server_version").fetchone()[0]
            conn.execute("drop database if exists bench_slack with (force)")
            conn.execute(sql.SQL("create database bench_slack"))
        url = with_database(admin, "bench_slack")
        with psycopg.connect(url, autocommit=True) as conn:
            postgres_schema.apply(conn)
        with tempfile.TemporaryDirectory(prefix="peerbot-bench-") as workdir:
            servers = [Server("peerbot", api.api_url, Path(workdir), db=url, name=f"peerbot-{i}")
                       for i in range(max(WORKERS))]
            try:
                for server in servers:
                    await server.started()
                timeout = aiohttp.ClientTimeout(total=30)
                async with aiohttp.ClientSession(timeout=timeout,
                                                 connector=aiohttp.TCPConnector(limit=500)) as session:
                    for k, server in enumerate(servers):  # each its own trigger ids: one database sees replays
                        await warm(session, server.url, asked, first=100 * k)
                    state = {"sent": 1000, "answered": 60 * len(servers)}
                    await wait_for_answers(session, api.url, state["answered"])
                    for r in range(REPEATS):
                        for n in (WORKERS if r % 2 == 0 else WORKERS[::-1]):  # alternate which goes first
                            outcome = await load(session, [s.url for s in servers[:n]], api.url, asked,
                                                 state["sent"])
                            state["sent"] = outcome.pop("next")
                            runs[n].append(outcome)
                            await asyncio.sleep(0.5)  # let sockets settle between runs
            finally:
                for server in servers:
                    await server.stop()
    finally:
        api.stop()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("drop database if exists bench_slack with (force)")
        if cluster is not None:
            cluster.stop()
    result: dict = {"postgresql": version, "concurrency": CONCURRENCY, "seconds_per_run": SECONDS,
                    "repeats": REPEATS}
    for n, found in runs.items():
        result[f"workers_{n}"] = {"answered_rps_median": statistics.median(o["answered_rps"] for o in found),
                                  "runs": found}
    one, two = (result[f"workers_{n}"]["answered_rps_median"] for n in WORKERS)
    result["speedup_2_over_1"] = round(two / one, 2) if one else None
    return result


def main() -> dict:
    return asyncio.run(measure())


TITLE = "Slack requests per second with 1 and 2 HTTP workers on one PostgreSQL database (`bench/slack_workers.py`)"


def summary(r: dict) -> str:
    from bench.report import table

    rows = []
    for n in WORKERS:
        runs = r[f"workers_{n}"]["runs"]
        rows.append([n, r[f"workers_{n}"]["answered_rps_median"], [o["answered_rps"] for o in runs],
                     [o["ack_p50_ms"] for o in runs], [o["ack_p99_ms"] for o in runs],
                     sum(o["failed"] for o in runs), sum(o["busy_replies"] for o in runs)])
    return f"""PostgreSQL {r['postgresql']} (a throwaway cluster on a Unix socket, fsync off). Each worker is a process
serving peerbot's Slack platform in HTTP mode, as `peerbot run` does; {r['concurrency']} signed `/peer ask`
requests at most are awaiting their answer at any moment, for {r['seconds_per_run']:.0f} s, handed to the workers in turn, and a request counts
once it is acknowledged and its reply has reached the fake Web API. 1 and 2 workers alternate in one run.

{table(rows, ["workers", "median answered/s", "runs answered/s", "ack p50 ms (runs)", "ack p99 ms (runs)",
              "failed", "busy replies"])}

"busy replies" are requests acknowledged with peerbot's "try again in a minute" (its bounds on answers
under way), which are not counted as answered. Two workers over one: {r['speedup_2_over_1']}x (medians). The 2 cores are shared by the workers, the load generator,
the fake Web API and PostgreSQL, so a second worker can add at most part of a core here; on separate
machines behind a balancer the workers share only the database.
"""


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main()
    print(json.dumps(result, indent=2))
    report.write("slack_workers", TITLE, summary(result), result, started)
