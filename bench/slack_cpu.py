"""Benchmark: CPU time per Slack request of peerbot's endpoint and of the fair bare slack-bolt app,
at a steady rate both sustain, in alternating repeats.

Throughput on this shared 2-core machine moves with whatever else runs; the CPU time an endpoint's
own process spends per request (user plus system, answers included, from /proc) hardly does, so it
is the steadier way to see where peerbot's extra work goes and whether a change cut it. The rig is
`bench.slack_rig` (each endpoint in its own process, the fake Web API in a third); each repeat sends
`REQUESTS` signed `/peer ask` requests at `RATE` per second to one endpoint, waits until every answer
reached the fake, and divides the process's CPU time over that window by the requests. The endpoints
alternate, and which goes first alternates between repeats. `BENCH_PROFILE=1` runs py-spy on
peerbot's process during its first repeat and prints where its time went.

Run: `.venv/bin/python -m bench.slack_cpu`. Prints one JSON object and writes its section of
docs/benchmarks.md.
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.slack_rig import FakeAPIProcess, Server, questions, signed, slash

RATE = float(os.environ.get("BENCH_CPU_RATE", "100"))
REQUESTS = int(os.environ.get("BENCH_CPU_REQUESTS", "400"))
REPEATS = int(os.environ.get("BENCH_CPU_REPEATS", "5"))


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid: int) -> dict[int, float]:
    """User plus system CPU time of each of a process's threads so far, by thread id, in seconds."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def by_thread(pid: int, before: dict[int, float], after: dict[int, float], requests: int) -> dict[str, float]:
    """CPU per request of the event loop (the process's main thread), of the busiest other thread
    (peerbot's core, which answers) and of the rest together (peerbot's replay check, executors)."""
    spent = {tid: after[tid] - before.get(tid, 0.0) for tid in after}
    loop = spent.pop(pid, 0.0)
    busiest = max(spent.values(), default=0.0)
    return {"event_loop": round(loop * 1000 / requests, 3), "busiest_other_thread": round(busiest * 1000 / requests, 3),
            "rest": round((sum(spent.values()) - busiest) * 1000 / requests, 3)}


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def replies(session: aiohttp.ClientSession, api_url: str) -> int:
    async with session.get(f"{api_url}/stats") as response:
        return (await response.json())["replies"]


async def until_answered(session: aiohttp.ClientSession, api_url: str, expected: int, timeout: float = 120) -> None:
    t0 = time.perf_counter()
    while await replies(session, api_url) < expected:
        if time.perf_counter() - t0 > timeout:
            raise RuntimeError(f"answers stopped arriving ({expected} expected, {await replies(session, api_url)} came)")
        await asyncio.sleep(0.02)


async def send(session: aiohttp.ClientSession, url: str, asked: list[str], first: int, count: int,
               rate: float) -> list[int]:
    """`count` signed requests on a fixed timetable; returns their HTTP statuses (-1: turned away busy)."""
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.02
    statuses: list[int] = []

    async def one(i: int) -> None:
        n = first + i
        body, headers = signed(slash(f"ask {asked[n % len(asked)]}", user=f"U{n % 20}", channel=f"C{n % 50}", n=n))
        await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
        async with session.post(url, data=body, headers=headers) as response:
            busy = b"try again" in await response.read()  # over peerbot's bound on answers in flight
            statuses.append(-1 if busy else response.status)

    await asyncio.gather(*(one(i) for i in range(count)))
    return statuses


def profile(pid: int, seconds: float) -> subprocess.Popen | None:
    spy = Path(sys.executable).parent / "py-spy"
    if not os.environ.get("BENCH_PROFILE") or not spy.exists():
        return None
    out = Path(tempfile.gettempdir()) / f"peerbot-slack-{pid}.txt"
    return subprocess.Popen([str(spy), "record", "-p", str(pid), "-d", str(int(seconds) + 1), "-r", "200",
                             "--format", "raw", "-o", str(out), "--nonblocking"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def measure(repeats: int = REPEATS) -> dict:
    asked = questions()
    api = FakeAPIProcess()
    per: dict[str, list[float]] = {"peerbot": [], "bare": []}
    threads: dict[str, list[dict[str, float]]] = {"peerbot": [], "bare": []}
    turned_away = {"peerbot": 0, "bare": 0}  # told "busy" in the ack: cheaper than an answer
    loads = [load()]
    with tempfile.TemporaryDirectory(prefix="peerbot-bench-") as workdir:
        servers = {kind: Server(kind, api.api_url, Path(workdir)) for kind in ("peerbot", "bare")}
        memory = {}
        try:
            for server in servers.values():
                await server.started()
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=500)) as session:
                sent = 0
                for server in servers.values():  # warm: role look-ups, Bolt's auth.test, first answers
                    await send(session, server.url, asked, sent, 60, 50)
                    sent += 60
                answered = sent
                await until_answered(session, api.url, answered)
                for r in range(repeats):
                    order = ("peerbot", "bare") if r % 2 == 0 else ("bare", "peerbot")
                    for kind in order:
                        pid = servers[kind].proc.pid
                        spy = profile(pid, REQUESTS / RATE) if kind == "peerbot" and r == 0 else None
                        cpu0, threads0 = cpu_seconds(pid), thread_cpu(pid)
                        statuses = await send(session, servers[kind].url, asked, sent, REQUESTS, RATE)
                        sent += REQUESTS
                        answered += statuses.count(200)
                        await until_answered(session, api.url, answered)
                        per[kind].append(round((cpu_seconds(pid) - cpu0) * 1000 / REQUESTS, 3))
                        threads[kind].append(by_thread(pid, threads0, thread_cpu(pid), REQUESTS))
                        if spy is not None:
                            spy.wait()
                        turned_away[kind] += statuses.count(-1)
                        assert set(statuses) <= {200, -1}, f"{kind}: statuses {sorted(set(statuses))}"
                        await asyncio.sleep(0.3)
                loads.append(load())
        finally:
            for kind, server in servers.items():
                memory[kind] = await server.stop()
            api.stop()
    medians = {kind: round(statistics.median(values), 3) for kind, values in per.items()}
    thread_medians = {kind: {part: round(statistics.median(r[part] for r in rows), 3) for part in rows[0]}
                      for kind, rows in threads.items() if rows}
    return {"rate": RATE, "requests_per_repeat": REQUESTS, "repeats": repeats, "cpu_ms_per_request": per, "turned_away_busy": turned_away,
            "cpu_ms_per_request_median": medians, "cpu_ms_per_request_by_thread_median": thread_medians,
            "cpu_ratio_bare_to_peerbot": round(medians["bare"] / medians["peerbot"], 2),
            "load_average": {"start": loads[0], "end": loads[-1]}, "memory_mb": memory}


TITLE = "CPU time per Slack request: peerbot next to the fair bare slack-bolt app (`bench/slack_cpu.py`)"


def summary(r: dict) -> str:
    cpu, per = r["cpu_ms_per_request_median"], r["cpu_ms_per_request"]
    return (f"{r['repeats']} alternating repeats of {r['requests_per_repeat']} signed `/peer ask` requests at "
            f"{r['rate']:.0f} per second to each endpoint; CPU time (user plus system) of the endpoint's own "
            f"process from the first request until the fake Web API has every answer, per request:\n\n"
            f"- peerbot **{cpu['peerbot']} ms** (repeats: {', '.join(map(str, per['peerbot']))}), "
            f"bare Bolt **{cpu['bare']} ms** (repeats: {', '.join(map(str, per['bare']))});\n"
            f"- so on CPU alone peerbot can serve {r['cpu_ratio_bare_to_peerbot']} of the bare app's rate "
            f"(`cpu_ratio_bare_to_peerbot`); requests turned away busy: {r['turned_away_busy']['peerbot']} "
            f"(those cost less than an answer, so a repeat with many of them reads low).\n\n"
            + by_thread_summary(r) +
            "\n\nMeasured alone (CPU time, 2026-12-05, alternating with commit 448d7bb, the code before issue 22's "
            "cheaper core): `bot.handle` answers a dev-set question in 1.4 ms (1.6-1.8 before) when questions come "
            "back to back on one thread, but 2.1 ms (2.5-2.7 before) when they come one every 10 ms as here (the "
            "caches have gone cold in between), which is most of the core thread's figure; the "
            "replay check's one SQLite statement about 0.12 ms (with its fsync) plus the hand-off to its thread; "
            "rendering a reply's blocks 0.05 ms and its JSON 0.02 ms; our signature check 0.004 ms and Bolt's "
            "second one 0.003 ms; parsing and shape-checking the body 0.018 ms. The event loop's work (HTTP, "
            "Bolt, the gate, the cached role look-up, posting the reply) costs about what the whole bare app "
            "does: peerbot's extra is the answer and the replay check, on their own threads.")


def by_thread_summary(r: dict) -> str:
    threads = r.get("cpu_ms_per_request_by_thread_median")
    if not threads:
        return ""
    p, b = threads["peerbot"], threads["bare"]
    return (f"Per thread (`/proc/PID/task`, medians over the repeats, ms a request): peerbot's event loop "
            f"{p['event_loop']}, its core thread (the answers) {p['busiest_other_thread']}, the rest (the replay "
            f"check's thread, executors) {p['rest']}; the bare app's event loop {b['event_loop']}, the rest "
            f"{round(b['busiest_other_thread'] + b['rest'], 3)}.")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = asyncio.run(measure())
    print(json.dumps(result, indent=2))
    report.write("slack_cpu", TITLE, summary(result), result, started)
