"""Fault-injection runs (issue 9): kill -9 during a fan-out, platform outages, a locked or read-only
database, a corrupt content file or database. Slow (about four minutes), so not in the pytest suite.

1. **kill -9 during a fan-out** (`kill`). 60 schedules due in the same minute (30 reflections, 20
   check-ins, 10 six-part sessions: 110 posts in 12 channels) go out the way `peerbot run` sends
   them: every schedule's APScheduler job fires (`Registrar.fire`), through the real `Outbox`, to a
   fake platform that appends each message it receives to a file (a platform outside the process:
   what it took survives the kill, and `find_sent` reads it back, as Slack's history would be
   read). The delivering process is a real child process, killed with SIGKILL:
   - 50 times at a random moment of the fan-out (uniform over a clean run's duration), each time
     restarted as `peerbot run` restarts: `Outbox.recover`, then the minute sweep
     (`Registrar.sweep`: tick, deliver, recover). A third of the restarts are killed again.
   - at every operation boundary of a smaller fan-out (8 schedules, 18 posts, 3 channels): after
     each SQL statement and after each message the platform took, one kill and one restart each.
   - 5 times, restarted only after the grace period: nothing unsent may go out late, nothing twice.
   - 20 times, no kill: the minute sweep (whose recovery looks for claimed, unsent posts) runs in
     the same process at a random moment of the fan-out.
   - 20 times, `peerbot tick` (cron) killed at a random moment and run again: the second tick,
     taking over the dead one's posts once their lease has run out (bot.delivery.outbox), finishes them.
   The clock is held at the due minute plus 20 s (plus 2 h for the late restarts). The platform
   answers in 10 ms and paces at 0.02 s (2 ms and 0.002 s in the sweep) instead of Slack's 1 s, so
   that a fan-out takes a fraction of a second and 50 kills fit in a minute: time is scaled, the
   order of events is not. Children are forked from this process after it has loaded the content
   (so each start takes milliseconds, not the 0.8 s of a fresh interpreter); each child opens its
   own database connection and is a separate process the kernel kills outright.
   Counted: duplicates (a message the platform received twice), losses (a post never received),
   session steps posted outside their thread, and `PRAGMA integrity_check`.
2. **Platform 5xx and timeouts** (`outage`): 200 posts in 20 channels through the real
   `SlackTransport` and `Outbox` to a fake Slack Web API on 127.0.0.1 that fails a third of
   `chat.postMessage` calls (500 and 503, a proxy's HTML 502, 503 *after* posting, 429 with
   Retry-After, and answers held past the client's 0.5 s timeout, after posting or not) and a
   tenth of history look-ups; then a full outage followed by recovery. The outbox's backoff sleeps
   are recorded, not slept. Counted: duplicates, losses, exceptions that escaped.
3. **A locked database** (`locked`): another process holds `BEGIN EXCLUSIVE` on the file while
   `peerbot tick` runs; then again after it lets go. And the running bot's minute sweep under a lock.
4. **A read-only database** (`readonly`): the file cannot be written by the user peerbot runs as
   (as root, peerbot is run as `nobody` through `setpriv`; otherwise the file is chmod 444); and a
   database that turns read-only under the running bot (simulated with `PRAGMA query_only`).
5. **A corrupt content file** (`content`): ten kinds of damage to a copy of `content/`, each
   started with `peerbot run`: it must refuse to start, name the file and the field, and print no
   traceback. Also a database file that is not a database.

Run: `.venv/bin/python -m bench.faults [kill|outage|locked|readonly|content]` (all by default; or
`make bench`). Prints one JSON object; a complete run also writes its section of docs/benchmarks.md.
Exits 1 if any run missed its target.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.slack_rig import bench_env
from bot.records import Schedule

ROOT = Path(__file__).resolve().parent.parent
DUE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # Monday 10:00 America/Toronto
MONDAY_10 = "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0;BYSECOND=0"
SOON = DUE + timedelta(seconds=20)
LATE = DUE + timedelta(hours=2)


# == 1. kill -9 ===================================================================================
class FilePlatform:
    """A platform outside the delivering process: each message it takes is one line appended to a
    file (one `write` on an O_APPEND descriptor, so a kill never leaves half a line)."""

    def __init__(self, path: Path, latency: float, pace: float, on_taken=None):
        self.path = path
        self.latency = latency
        self.min_interval = pace
        self.on_taken = on_taken or (lambda: None)

    async def send(self, post, thread_ref):
        await asyncio.sleep(self.latency)
        line = json.dumps({"key": post.key, "channel": post.where.channel, "thread": thread_ref}) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode())
        finally:
            os.close(fd)
        self.on_taken()
        return f"m-{post.key}"

    async def find_sent(self, post, thread_ref):
        return f"m-{post.key}" if post.key in {m["key"] for m in read_messages(self.path)} else None


def read_messages(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def fanout_db(path: Path, reflections: int, checkins: int, sessions: int, channels: int) -> list[int]:
    """A database whose schedules are all due at DUE; returns their ids."""
    from storage.sqlite import SqliteStore

    store = SqliteStore(path)
    created = (DUE - timedelta(days=30)).isoformat(timespec="seconds")
    last = (DUE - timedelta(minutes=1)).isoformat(timespec="seconds")
    kinds = ["reflection"] * reflections + ["checkin"] * checkins + ["session"] * sessions
    ids = []
    for n, kind in enumerate(kinds):
        cid = f"C{n % channels:03d}"
        ids.append(store.add_schedule(Schedule(channel=f"slack:T1:{cid}", platform="slack", workspace="T1",
                                               channel_id=cid, kind=kind, recurrence=MONDAY_10, created_by="UFAC",
                                               created_at=created, last_fired_at=last)))
    store.close()
    return ids


class Killer:
    """Counts operation boundaries (SQL statements, messages the platform took) and SIGKILLs this
    process right after boundary number `at`."""

    def __init__(self, at: int | None):
        self.at = at
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.at is not None and self.count >= self.at:
            os.kill(os.getpid(), signal.SIGKILL)


def delivering_child(catalog, db: Path, record: Path, mode: str, clock_at: datetime, ids: list[int],
                     latency: float, pace: float, kill_at: int | None, count_to: Path | None) -> None:
    """One run of the delivering process (in a forked child): `first`, `restart` or `cron`."""
    from adapters.bootstrap import build_bot
    from adapters.scheduler import Registrar
    from bot.delivery.outbox import Outbox
    from bot.ports import FixedClock
    from bot.settings import Settings

    logging.disable(logging.CRITICAL)
    killer = Killer(kill_at)
    bot = build_bot(Settings(_env_file=None, PEERBOT_DB=str(db)), clock=FixedClock(clock_at), catalog=catalog)
    execute = bot.store.db.execute

    def counted(*args, **kwargs):
        result = execute(*args, **kwargs)
        killer.tick()
        return result

    bot.store.db.execute = counted
    # A restarted child knows its predecessor was killed: the dead one's leases count as run out at
    # once (in production they run out after PEERBOT_LEASE_SECONDS, and the next sweep takes over).
    lease = timedelta(0) if mode in ("restart", "cron") else timedelta(seconds=60)
    outbox = Outbox(bot.store, {"slack": FilePlatform(record, latency, pace, killer.tick)}, bot.clock, lease=lease)
    registrar = Registrar(bot, outbox)

    async def run() -> None:
        if mode == "first":  # every schedule's APScheduler job fires at the due minute
            await asyncio.gather(*(registrar.fire(sid) for sid in ids))
        elif mode == "restart":  # `peerbot run` starting: recover, then its minute sweep
            await outbox.recover(timedelta(minutes=bot.settings.grace_minutes))
            await registrar.sweep()
        else:  # "cron": what `peerbot tick` does (adapters/cli.py): tick, send, take over what ran out
            await outbox.send_claimed(bot.tick())
            await outbox.recover(timedelta(minutes=bot.settings.grace_minutes))

    asyncio.run(run())
    if count_to is not None:
        count_to.write_text(str(killer.count))


def fork_run(*args, kill_after: float | None = None) -> str:
    """Run `delivering_child(*args)` in a forked child; SIGKILL it after `kill_after` seconds if it
    is still running. Returns "killed" or "finished"."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:  # the child: never return into the parent's code
        code = 0
        try:
            delivering_child(*args)
        except BaseException:  # noqa: BLE001 - report any crash by exit status
            import traceback

            traceback.print_exc()
            code = 1
        os._exit(code)
    if kill_after is None:
        _, status = os.waitpid(pid, 0)
    else:
        deadline = time.monotonic() + kill_after
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() >= deadline:
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                break
            time.sleep(0.001)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return "killed"
    if os.WEXITSTATUS(status) != 0:
        raise RuntimeError(f"the delivering process crashed (exit {os.WEXITSTATUS(status)})")
    return "finished"


def check(db: Path, record: Path, expected: set[str]) -> dict:
    messages = read_messages(record)
    per_key = Counter(m["key"] for m in messages)
    misthreaded = sum(1 for m in messages if ":step" in m["key"]
                      and m["thread"] != f"m-{m['key'].rsplit(':step', 1)[0]}")
    with closing(sqlite3.connect(db)) as conn:  # closed before the next fork, not left to the GC
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
        unfinished = conn.execute("select count(*) from deliveries where status != 'sent'").fetchone()[0]
    return {"duplicates": sum(n - 1 for n in per_key.values() if n > 1), "lost": len(expected - set(per_key)),
            "unexpected": len(set(per_key) - expected), "misthreaded": misthreaded,
            "unfinished_claims": unfinished, "integrity": integrity}


class Fanout:
    """A fan-out database copied fresh for each trial, with the keys a clean run delivers."""

    def __init__(self, work: Path, name: str, catalog, kinds: tuple[int, int, int, int], shape: tuple[float, float]):
        self.work, self.catalog, self.shape = work, catalog, shape
        self.template = work / f"{name}.db"
        self.ids = fanout_db(self.template, *kinds)
        self.db, self.record = work / "run.db", work / "platform.jsonl"
        self.fresh()
        t = time.monotonic()
        self.run("first", SOON)
        self.clean_s = time.monotonic() - t
        self.expected = {m["key"] for m in read_messages(self.record)}

    def fresh(self) -> None:
        for p in (self.db, Path(f"{self.db}-wal"), Path(f"{self.db}-shm"), self.record):
            p.unlink(missing_ok=True)
        shutil.copy(self.template, self.db)

    def run(self, mode: str, at: datetime, kill_at: int | None = None, count_to: Path | None = None,
            kill_after: float | None = None) -> str:
        return fork_run(self.catalog, self.db, self.record, mode, at, self.ids, *self.shape, kill_at, count_to,
                        kill_after=kill_after)

    def check(self, expected: set[str] | None = None) -> dict:
        return check(self.db, self.record, self.expected if expected is None else expected)


def summed(results: list[dict]) -> dict:
    total = Counter()
    for r in results:
        total.update({k: v for k, v in r.items() if k != "integrity"})
        total["integrity_not_ok"] += r["integrity"] != "ok"
    return {k: total[k] for k in ("duplicates", "lost", "unexpected", "misthreaded", "unfinished_claims",
                                  "integrity_not_ok")}


def kill_runs(work: Path, catalog, rng: random.Random, n_random: int = 50) -> dict:
    out: dict = {}
    large = Fanout(work, "fanout", catalog, (30, 20, 10, 12), (10e-3, 0.02))
    # -- 50 kills at random moments, each restarted as `peerbot run` restarts -----------------------
    kills, out_when_killed, results = 0, [], []
    for _ in range(n_random):
        large.fresh()
        kills += large.run("first", SOON, kill_after=rng.uniform(0, large.clean_s)) == "killed"
        out_when_killed.append(len(read_messages(large.record)))
        while rng.random() < 1 / 3:  # kill the restart too, now and then
            kills += large.run("restart", SOON, kill_after=rng.uniform(0, large.clean_s / 2)) == "killed"
        large.run("restart", SOON)
        results.append(large.check())
    out_when_killed.sort()
    out["random_moments"] = {
        "trials": n_random, "kills": kills, "schedules": len(large.ids), "posts": len(large.expected),
        "clean_fanout_s": round(large.clean_s, 3),
        "messages_out_when_killed": {"none_yet": out_when_killed.count(0),
                                     "some": sum(0 < n < len(large.expected) for n in out_when_killed),
                                     "all": out_when_killed.count(len(large.expected)),
                                     "median": out_when_killed[len(out_when_killed) // 2]},
        **summed(results)}

    # -- a kill after every operation boundary of a small fan-out ---------------------------------
    small = Fanout(work, "small", catalog, (3, 3, 2, 3), (2e-3, 0.002))
    counter = work / "count.txt"
    small.fresh()
    small.run("first", SOON, count_to=counter)
    boundaries = int(counter.read_text())
    results, failing = [], []
    for at in range(1, boundaries + 1):
        small.fresh()
        assert small.run("first", SOON, kill_at=at) == "killed", f"boundary {at} of {boundaries} never came"
        small.run("restart", SOON)
        results.append(small.check())
        if any(results[-1][k] for k in ("duplicates", "lost", "unexpected", "misthreaded")):
            failing.append(at)
    out["every_boundary"] = {"boundaries": boundaries, "kills": boundaries, "schedules": len(small.ids),
                             "posts": len(small.expected), **summed(results), "failing_boundaries": failing}

    # -- restarted only after the grace period ---------------------------------------------------
    late = []
    for _ in range(5):
        large.fresh()
        large.run("first", SOON, kill_after=rng.uniform(0.3, 0.9) * large.clean_s)
        before = len(read_messages(large.record))
        large.run("restart", LATE)
        result = large.check(set())
        late.append({"out_before_kill": before, "out_after_late_restart": len(read_messages(large.record)) - before,
                     "duplicates": result["duplicates"], "claimed_left_unsent": result["unfinished_claims"],
                     "integrity": result["integrity"]})
    out["restart_after_grace"] = late

    # -- the minute sweep coming round during a fan-out (no kill: the race recover() had) ----------
    results = [asyncio.run(sweep_during_fanout(large, rng)) for _ in range(20)]
    out["sweep_during_fanout"] = {"trials": len(results), **summed(results)}

    # -- `peerbot tick` from cron, killed and run again ---------------------------------------------
    results = []
    for _ in range(20):
        large.fresh()
        large.run("cron", SOON, kill_after=rng.uniform(0, large.clean_s))
        large.run("cron", SOON)
        results.append(large.check())
    out["cron_tick_killed_then_rerun"] = {"trials": len(results), **summed(results)}
    return out


async def sweep_during_fanout(fanout: Fanout, rng: random.Random) -> dict:
    """The jobs fire; at a random moment of their delivery the minute sweep runs in the same process."""
    from adapters.bootstrap import build_bot
    from adapters.scheduler import Registrar
    from bot.delivery.outbox import Outbox
    from bot.ports import FixedClock
    from bot.settings import Settings

    logging.disable(logging.CRITICAL)
    fanout.fresh()
    bot = build_bot(Settings(_env_file=None, PEERBOT_DB=str(fanout.db)), clock=FixedClock(SOON), catalog=fanout.catalog)
    registrar = Registrar(bot, Outbox(bot.store, {"slack": FilePlatform(fanout.record, *fanout.shape)}, bot.clock))
    jobs = asyncio.gather(*(registrar.fire(sid) for sid in fanout.ids))
    await asyncio.sleep(rng.uniform(0, fanout.clean_s * 0.7))
    await registrar.sweep()
    await jobs
    bot.store.close()
    return fanout.check()


# == 2. platform 5xx and timeouts ===================================================================
class FlakySlack:
    """A fake Slack Web API that fails often and in every way a platform fails."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.messages: list[dict] = []
        self.down = False
        self.faults: Counter[str] = Counter()
        self.url = ""
        self._ts = 0

    async def start(self) -> "FlakySlack":
        from aiohttp import web

        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)  # history look-ups are GETs
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/api/"
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()

    def _post(self, args: dict) -> dict:
        self._ts += 1
        metadata = args.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        message = {"channel": args["channel"], "ts": f"1700000000.{self._ts:06d}", "thread_ts": args.get("thread_ts"),
                   "metadata": metadata}
        self.messages.append(message)
        return {"ok": True, "channel": args["channel"], "ts": message["ts"]}

    async def _api(self, request):
        from aiohttp import web

        method = request.match_info["method"]
        if request.method == "GET":
            args = dict(request.query)
        elif request.content_type == "application/json":
            args = await request.json()
        else:
            args = dict(await request.post())
        if self.down:
            self.faults["outage 503"] += 1
            return web.json_response({"ok": False, "error": "service_unavailable"}, status=503)
        roll = self.rng.random()
        if method == "chat.postMessage":
            for limit, fault in ((0.08, "500"),  # noqa: B007 (the fault is read after the break) (0.13, "503 after posting"), (0.17, "proxy 502 html"),
                                 (0.22, "429"), (0.26, "timeout after posting"), (0.30, "timeout, not posted")):
                if roll < limit:
                    break
            else:
                return web.json_response(self._post(args))
            self.faults[fault] += 1
            if fault == "500":
                return web.json_response({"ok": False, "error": "internal_error"}, status=500)
            if fault == "503 after posting":
                self._post(args)
                return web.json_response({"ok": False, "error": "service_unavailable"}, status=503)
            if fault == "proxy 502 html":
                return web.Response(status=502, text="<html>502 Bad Gateway</html>", content_type="text/html")
            if fault == "429":
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                         headers={"Retry-After": str(self.rng.randint(1, 3))})
            if fault == "timeout after posting":
                self._post(args)
            await asyncio.sleep(1.0)  # past the client's 0.5 s timeout
            return web.json_response({"ok": False, "error": "request_timeout"}, status=503)
        if method in ("conversations.history", "conversations.replies"):
            if roll < 0.10:
                self.faults["history 503"] += 1
                return web.json_response({"ok": False, "error": "service_unavailable"}, status=503)
            found = [m for m in self.messages if m["channel"] == args["channel"]
                     and (method == "conversations.history" and not m["thread_ts"]
                          or method == "conversations.replies" and (m["ts"] == args.get("ts")
                                                                    or m["thread_ts"] == args.get("ts")))]
            found = list(reversed(found))[: int(args.get("limit", 100))]
            return web.json_response({"ok": True, "messages": [{"type": "message", "ts": m["ts"],
                                                                "metadata": m["metadata"]} for m in found]})
        return web.json_response({"ok": True})


async def outage_runs(work: Path, rng: random.Random) -> dict:
    from adapters.slack.transport import SlackTransport, quiet_client
    from bot.delivery.outbox import Outbox
    from bot.messages import Post, Reply, Where
    from bot.ports import FixedClock
    from storage.sqlite import SqliteStore

    logging.disable(logging.CRITICAL)
    fake = await FlakySlack(rng).start()
    store = SqliteStore(work / "outage.db")
    slept: list[float] = []
    clock = {"now": 0.0}

    async def sleep(seconds: float) -> None:  # backoff and Retry-After are recorded, not slept
        slept.append(seconds)
        clock["now"] += seconds
        await asyncio.sleep(0)

    transport = SlackTransport(quiet_client("xoxb-faults", base_url=fake.url, timeout=0.5))
    outbox = Outbox(store, {"slack": transport}, FixedClock(SOON), sleep=sleep, monotonic=lambda: clock["now"])
    result: dict = {}
    escaped: list[str] = []
    try:
        for phase, posts_n, down in (("flaky", 200, False), ("full outage, then back", 40, True)):
            posts = [Post(Where("slack", "T1", f"C{i % 20:02d}"), Reply(f"{phase} post {i}"), key=f"{phase}:{i}")
                     for i in range(posts_n)]
            fake.down = down
            passes, statuses = 0, Counter()
            try:
                results = await outbox.deliver(posts)
                statuses.update(r.status for r in results)
                fake.down = False
                while any(r.status == "pending" for r in results) and passes < 20:
                    passes += 1  # what the minute sweep does: recover what is still claimed
                    results = await outbox.recover(timedelta(hours=1))
                    statuses.update(f"recovery {r.status}" for r in results)
            except Exception as e:  # noqa: BLE001 - counted: nothing may escape the outbox
                escaped.append(f"{type(e).__name__}: {e}")
            keys = Counter(m["metadata"]["event_payload"]["key"] for m in fake.messages
                           if m["metadata"] and m["metadata"]["event_payload"]["key"].startswith(phase))
            result[phase] = {"posts": posts_n, "first_pass_and_recovery": dict(statuses), "recovery_passes": passes,
                             "delivered": len(keys), "duplicates": sum(n - 1 for n in keys.values() if n > 1),
                             "lost": posts_n - len(keys)}
        result["faults_injected"] = dict(fake.faults)
        result["waits_recorded_s"] = round(sum(slept), 1)
        result["exceptions_escaped"] = escaped
    finally:
        store.close()
        await fake.stop()
    return result


# == 3-5. the command line against broken files ======================================================
def peerbot(args: list[str], work: Path, db: Path, content: Path | None = None, as_nobody: bool = False,
            timeout: float = 60) -> dict:
    env = {**bench_env(), "PEERBOT_DB": str(db), "PEERBOT_CONTENT": str(content or ROOT / "content"),
           "PEERBOT_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "adapters.cli", *args]
    if as_nobody:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    t = time.monotonic()
    done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=timeout)
    return {"exit": done.returncode, "stderr": done.stderr.strip(), "stdout": done.stdout,
            "seconds": round(time.monotonic() - t, 2), "traceback": "Traceback" in done.stderr}


def console_db(path: Path, schedules: int = 3) -> None:
    from storage.sqlite import SqliteStore

    store = SqliteStore(path)
    for n in range(schedules):
        store.add_schedule(Schedule(channel="console:local:console", platform="console", workspace="local",
                                    channel_id="console", kind="reflection",
                                    recurrence=f"RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE={n};BYSECOND=0",
                                    created_by="local", created_at=(DUE - timedelta(days=30)).isoformat(timespec="seconds"),
                                    last_fired_at=(DUE - timedelta(minutes=1)).isoformat(timespec="seconds")))
    store.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def posted(run: dict) -> int:
    return run["stdout"].count("peerbot> [#console]")


def short(run: dict) -> dict:
    """What a person would see: the exit status and the last line of the error."""
    lines = run["stderr"].splitlines()
    return {"exit": run["exit"], "said": lines[-1][:300] if lines else "", "traceback": run["traceback"],
            "seconds": run["seconds"]}


def locked_runs(work: Path) -> dict:
    db = work / "locked.db"
    console_db(db)
    at = SOON.isoformat()
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys, time\n"
                               "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                               "c.execute('begin exclusive'); print('locked', flush=True); time.sleep(float(sys.argv[2]))",
                               str(db), "25"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    under_lock = peerbot(["tick", "--at", at], work, db)
    listing = peerbot(["schedules"], work, db)
    holder.wait()
    after = peerbot(["tick", "--at", at], work, db)
    again = peerbot(["tick", "--at", at], work, db)
    return {"tick_while_locked": short(under_lock), "posts_while_locked": posted(under_lock),
            "schedules_while_locked_exit": listing["exit"],
            "tick_after_release_posts": posted(after), "same_tick_again_posts": posted(again),
            "integrity": integrity(db), "sweep_while_locked": asyncio.run(sweep_under(db, "locked"))}


async def sweep_under(db: Path, fault: str) -> dict:
    """The running bot's minute sweep while the database is locked by another process, or read-only;
    then the next sweep once the fault is gone."""
    from adapters.bootstrap import build_bot
    from adapters.console import ConsoleTransport
    from adapters.scheduler import Registrar
    from bot.delivery.outbox import Outbox
    from bot.ports import FixedClock
    from bot.settings import Settings

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logging.disable(logging.NOTSET)
    logging.getLogger().addHandler(keep := Keep())
    db = db.with_name(f"sweep-{fault}.db")
    console_db(db)
    bot = build_bot(Settings(_env_file=None, PEERBOT_DB=str(db)), clock=FixedClock(SOON))
    printed: list[str] = []
    registrar = Registrar(bot, Outbox(bot.store, {"console": ConsoleTransport(printed.append)}, bot.clock))
    holder = None
    if fault == "locked":
        holder = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('begin exclusive'); print('locked', flush=True); time.sleep(15)", str(db),
            stdout=asyncio.subprocess.PIPE)
        await holder.stdout.readline()
    else:
        bot.store.db.execute("pragma query_only = 1")
    raised = ""
    try:
        await registrar.sweep()
    except Exception as e:  # noqa: BLE001 - in `peerbot run`, APScheduler would catch and log this
        raised = f"{type(e).__name__}: {e}"
    if holder is not None:
        await holder.wait()
    else:
        bot.store.db.execute("pragma query_only = 0")
    during = len(printed)
    await registrar.sweep()
    await registrar.sweep()
    logging.getLogger().removeHandler(keep)
    errors = [r.getMessage()[:200] for r in records if r.levelno >= logging.ERROR]
    bot.store.close()
    return {"exception_escaped_the_sweep": raised, "error_logged": errors[:2], "posts_during_fault": during,
            "posts_next_sweeps": len(printed) - during, "integrity": integrity(db)}


def readonly_runs(work: Path) -> dict:
    folder = work / "ro"
    folder.mkdir()
    db = folder / "readonly.db"
    console_db(db)
    as_nobody = os.geteuid() == 0
    if as_nobody and not shutil.which("setpriv"):
        return {"skipped": "running as root without setpriv: root can write any file"}
    if as_nobody:
        os.chmod(folder, 0o755)
        os.chmod(db, 0o644)
        os.chmod(work, 0o755)
    else:
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
    before = digest(db)
    at = SOON.isoformat()
    runs = {name: peerbot(args, work, db, as_nobody=as_nobody)
            for name, args in (("tick", ["tick", "--at", at]), ("schedules", ["schedules"]), ("run", ["run"]))}
    os.chmod(folder, 0o755)
    os.chmod(db, 0o644)
    return {"how": "run as nobody via setpriv" if as_nobody else "chmod 444",
            **{name: short(run) for name, run in runs.items()},
            "posts": sum(posted(run) for run in runs.values()), "file_unchanged": digest(db) == before,
            "integrity": integrity(db), "sweep_when_it_turns_read_only": asyncio.run(sweep_under(db, "readonly"))}


CORRUPTIONS = {
    # name: (file under content/, how to damage it, the words the message must contain)
    "invalid TOML": ("prompts/hope.toml", lambda t: t + "\nid = [unclosed\n", ["prompts/hope.toml", "line"]),
    "file cut in half": ("rulings/handbook.toml", lambda t: t[: len(t) // 2], ["rulings/handbook.toml"]),
    "bad value": ("rulings/handbook.toml", lambda t: t.replace('verdict = "yes"', 'verdict = "maybe"', 1),
                  ["rulings/handbook.toml", "verdict"]),
    "missing field": ("rulings/handbook.toml", lambda t: t.replace("\ntask = ", "\n# task = ", 1),
                      ["rulings/handbook.toml", "task"]),
    "unknown field": ("rulings/handbook.toml", lambda t: t.replace('verdict = "yes"', 'verdict = "yes"\ncolour = "red"', 1),
                      ["rulings/handbook.toml", "colour"]),
    "empty file": ("prompts/hope.toml", lambda t: "", ["prompts/hope.toml"]),
    "not UTF-8 (a ruling)": ("rulings/handbook.toml", lambda t: "\udcff\udcfe" + t, ["rulings/handbook.toml"]),
    "not UTF-8 (a format)": ("formats/checkin.toml", lambda t: "\udcff\udcfe" + t, ["formats/checkin.toml"]),
    "wrong type": ("formats/checkin.toml", lambda t: t.replace("title = ", "title = 12 #", 1),
                   ["formats/checkin.toml", "title"]),
    "broken reference": ("topics/self-disclosure.toml", lambda t: t.replace("related = [", 'related = ["no-such-topic", ', 1),
                         ["topics/self-disclosure.toml", "related"]),
}


def content_runs(work: Path) -> dict:
    results = {}
    for name, (relative, damage, words) in CORRUPTIONS.items():
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(ROOT / "content", content)
        target = content / relative
        target.write_bytes(damage(target.read_text()).encode("utf-8", "surrogateescape"))
        db = work / "content.db"
        run = peerbot(["run"], work, db, content)
        said = run["stderr"]
        results[name] = {"exit": run["exit"], "started": db.exists() or "peerbot>" in run["stdout"],
                         "names_file_and_field": all(w in said for w in words), "traceback": run["traceback"],
                         "said": next((line for line in said.splitlines() if relative in line), said[-200:])[:240]}
        db.unlink(missing_ok=True)
    garbage = work / "garbage.db"
    garbage.write_bytes(random.Random(1).randbytes(8192))
    before = digest(garbage)
    run = peerbot(["tick", "--at", SOON.isoformat()], work, garbage)
    results["database file that is not a database"] = {**short(run), "file_unchanged": digest(garbage) == before}
    return results


# == the report ===================================================================================
def targets_met(report: dict) -> list[str]:
    """Every miss, in words (empty when all targets hold)."""
    misses = []
    for name in ("random_moments", "every_boundary", "cron_tick_killed_then_rerun"):
        found = report.get("kill", {}).get(name, {})
        for k in ("duplicates", "lost", "unexpected", "integrity_not_ok"):
            if found.get(k):
                misses.append(f"kill {name}: {k} {found[k]}")
    for run in report.get("kill", {}).get("restart_after_grace", []):
        if run["duplicates"] or run["out_after_late_restart"] or run["integrity"] != "ok":
            misses.append(f"kill restart_after_grace: {run}")
    for phase, found in report.get("outage", {}).items():
        if isinstance(found, dict) and (found.get("duplicates") or found.get("lost")):
            misses.append(f"outage {phase}: {found}")
    if report.get("outage", {}).get("exceptions_escaped"):
        misses.append("outage: exceptions escaped")
    for fault in ("locked", "readonly"):
        found = report.get(fault, {})
        for name, run in found.items():
            if isinstance(run, dict) and run.get("traceback"):
                misses.append(f"{fault} {name}: traceback instead of a clear error")
            if isinstance(run, dict) and "exception_escaped_the_sweep" in run and run["exception_escaped_the_sweep"]:
                misses.append(f"{fault} {name}: {run['exception_escaped_the_sweep']}")
        if found.get("integrity", "ok") != "ok":
            misses.append(f"{fault}: integrity {found['integrity']}")
    for name, run in report.get("content", {}).items():
        if run.get("traceback") or run.get("exit") in (0, None) or run.get("started") \
                or run.get("names_file_and_field") is False:
            misses.append(f"content {name}: {run}")
    return misses


def main(which: list[str] | None = None) -> dict:
    which = which or ["kill", "outage", "locked", "readonly", "content"]
    rng = random.Random(int(os.environ.get("PEERBOT_FAULT_SEED", "20261130")))
    report: dict = {}
    with tempfile.TemporaryDirectory(prefix="peerbot-faults-") as tmp:
        work = Path(tmp)
        if "kill" in which:
            from bot.content.catalog import load_catalog

            report["kill"] = kill_runs(work, load_catalog(ROOT / "content"), rng)
        if "outage" in which:
            report["outage"] = asyncio.run(outage_runs(work, rng))
        if "locked" in which:
            report["locked"] = locked_runs(work)
        if "readonly" in which:
            report["readonly"] = readonly_runs(work)
        if "content" in which:
            report["content"] = content_runs(work)
    report["misses"] = targets_met(report)
    return report


TITLE = "Fault-injection runs (`bench/faults.py`)"


def summary(r: dict) -> str:
    from bench.report import table

    rows = []

    def counts(d: dict) -> str:
        return (f"duplicates {d['duplicates']}, lost {d['lost']}, outside their thread {d['misthreaded']}, "
                f"integrity check failures {d['integrity_not_ok']}")

    if "kill" in r:
        k = r["kill"]
        rm, eb = k["random_moments"], k["every_boundary"]
        when = rm["messages_out_when_killed"]
        rows.append(["kill -9 at a random moment of a fan-out, restart as `peerbot run` does",
                     f"{rm['trials']} fan-outs of {rm['posts']} posts ({rm['schedules']} schedules, 12 channels), "
                     f"{rm['kills']} kills (restarts killed too); at the first kill {when['none_yet']} had sent nothing "
                     f"yet, {when['some']} part, {when['all']} all", counts(rm)])
        rows.append(["kill -9 after every operation boundary (each SQL statement, each message taken)",
                     f"{eb['kills']} kills of a fan-out of {eb['posts']} posts ({eb['schedules']} schedules)", counts(eb)])
        late = k["restart_after_grace"]
        rows.append(["kill -9, restart only after the grace period (2 h later)",
                     f"{len(late)} fan-outs", f"sent late: {sum(x['out_after_late_restart'] for x in late)}, duplicates "
                     f"{sum(x['duplicates'] for x in late)}; claimed but left unsent by policy: "
                     f"{[x['claimed_left_unsent'] for x in late]}"])
        sw = k["sweep_during_fanout"]
        rows.append(["the minute sweep runs during a fan-out (no kill)", f"{sw['trials']} fan-outs", counts(sw)])
        ct = k["cron_tick_killed_then_rerun"]
        rows.append(["`peerbot tick` (cron) killed at a random moment, then run again",
                     f"{ct['trials']} fan-outs", counts(ct) + ": the second tick takes over the killed one's posts "
                     "(their lease ran out) and finishes them"])
    if "outage" in r:
        o = r["outage"]
        flaky, down = o["flaky"], o["full outage, then back"]
        faults = ", ".join(f"{name} {n}" for name, n in o["faults_injected"].items())
        rows.append(["platform 5xx, proxy errors, 429s, timeouts (real `SlackTransport`, fake Slack on 127.0.0.1)",
                     f"{flaky['posts']} posts in 20 channels; injected: {faults}",
                     f"delivered {flaky['delivered']}, duplicates {flaky['duplicates']}, lost {flaky['lost']}; "
                     f"exceptions escaped: {len(o['exceptions_escaped'])}"])
        rows.append(["platform down for a whole delivery, then back", f"{down['posts']} posts",
                     f"first pass: {down['first_pass_and_recovery'].get('pending', 0)} left claimed for recovery, no "
                     f"crash; recovery delivered {down['delivered']}, duplicates {down['duplicates']}, lost {down['lost']}"])
    if "locked" in r:
        lk = r["locked"]
        t = lk["tick_while_locked"]
        rows.append(["database locked by another process (`BEGIN EXCLUSIVE`), `peerbot tick`",
                     "tick while locked, again after release, and once more",
                     f"exit {t['exit']} after {t['seconds']} s, traceback: {t['traceback']}: \"{t['said']}\"; then "
                     f"{lk['tick_after_release_posts']} post, then {lk['same_tick_again_posts']}; integrity {lk['integrity']}"])
        sw = lk["sweep_while_locked"]
        rows.append(["database locked during the running bot's minute sweep", "sweep, release, sweep",
                     f"logged: \"{(sw['error_logged'] or ['nothing'])[0]}\"; posts during the lock "
                     f"{sw['posts_during_fault']}, after {sw['posts_next_sweeps']}; integrity {sw['integrity']}"])
    if "readonly" in r and "skipped" not in r["readonly"]:
        ro = r["readonly"]
        rows.append([f"read-only database ({ro['how']}): `peerbot tick`, `schedules`, `run`", "each command",
                     f"exits {ro['tick']['exit']}/{ro['schedules']['exit']}/{ro['run']['exit']}, tracebacks: "
                     f"{sum(ro[c]['traceback'] for c in ('tick', 'schedules', 'run'))}: \"{ro['run']['said']}\"; "
                     f"file unchanged: {ro['file_unchanged']}; integrity {ro['integrity']}"])
        sw = ro["sweep_when_it_turns_read_only"]
        rows.append(["database turns read-only under the running bot (`PRAGMA query_only`)", "sweep, writable again, sweep",
                     f"logged: \"{(sw['error_logged'] or ['nothing'])[0]}\"; posts while read-only "
                     f"{sw['posts_during_fault']}, after {sw['posts_next_sweeps']}"])
    if "content" in r:
        for name, c in r["content"].items():
            if "names_file_and_field" in c:
                rows.append([f"content: {name}", "`peerbot run`",
                             f"exit {c['exit']}, started: {c['started']}, names file and field: {c['names_file_and_field']},"
                             f" traceback: {c['traceback']}: \"{c['said'].split('/content/')[-1]}\""])
            else:
                rows.append([f"{name}", "`peerbot tick`", f"exit {c['exit']}, traceback: {c['traceback']}, file "
                             f"unchanged: {c['file_unchanged']}: \"{c['said']}\""])
    verdict = ("Every target held." if not r["misses"] else "Missed: " + "; ".join(r["misses"]))
    return (table([[a, b, c.replace("|", "/")] for a, b, c in rows], ["fault", "runs", "result"])
            + f"\n\n{verdict} The targets: no duplicate and no loss within the grace period for `peerbot run`, "
            "no crash and no loss on platform failures, a clear error and no damage for a locked, read-only or "
            "broken database, and no start on broken content, with file and field named; the same for a killed "
            "`peerbot tick` run again from cron.")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main(sys.argv[1:])
    print(json.dumps(result, indent=2))
    if not sys.argv[1:]:  # only a complete run replaces the report's section
        report.write("faults", TITLE, summary(result), result, started)
    sys.exit(1 if result["misses"] else 0)
