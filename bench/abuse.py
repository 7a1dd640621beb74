"""The abuse run (issue 18): what one person or bad luck can do to everyone else, measured.

`.venv/bin/python -m bench.abuse` (or `make abuse`) rewrites the "abuse" section of docs/benchmarks.md:

1. **Long messages under load**: peerbot's real Slack HTTP endpoint in a process of its own; six
   people send `/peer` questions one after another and their ack times are recorded, while a
   seventh sends signed 1 MB bodies and 40,000-character messages (Slack's most). Target: every
   other person's ack under 3 s (Slack's limit); the large ones refused (413) or cut, kindly.
2. **Per-message time at Slack's maximum**: every command word with 40,000 characters of ordinary
   words, random printable text and the shapes that once stalled the bot, through `Bot.handle`
   in-process. Target: p99 under 50 ms.
3. **Replay**: signed slash commands and button presses each sent twice with the same signature.
4. **Malformed bodies**: signed and unsigned; the statuses, and any traceback or 500.
5. **The log**: the server's log (INFO, as `peerbot run`) searched for the user ids and words sent.
6. **A lock held past the timeout**: another program holds the write lock for 6 s while a person
   starts a guided check and a `peerbot tick` runs; then a new person starts a check.
7. **A full disk**: a 1 MB tmpfs (when this process may mount one) holding the database, filled up;
   a person schedules something, then the disk gets room again.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import random
import shutil
import sqlite3
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from bench.report import load, table, write
from bench.slack_rig import ROOT, SECRET, Server, bench_env, fake_web_api, signed, slash

OTHERS = 6
ROUND_SECONDS = 20.0
USER_MARK, TEXT_MARK = "U9ABUSEMARK", "zqxabusemarker"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def signature_headers(body: bytes, content_type: str, when: int | None = None, secret: str = SECRET) -> dict:
    stamp = str(int(time.time()) if when is None else when)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest}


async def timed_post(session: aiohttp.ClientSession, url: str, body: bytes, headers: dict) -> tuple[int, float]:
    started = time.perf_counter()
    async with session.post(url, data=body, headers=headers) as response:
        await response.read()
        return response.status, time.perf_counter() - started


# -- 1. long messages while others ask --------------------------------------------------------------
async def long_messages(work: Path) -> dict:
    api = await fake_web_api().start()
    server = await Server("peerbot", api.api_url, work).started()
    acks: list[float] = []
    big: dict[str, list] = {"1MB": [], "40kB": []}
    stop = asyncio.Event()
    n = [0]

    async def person(i: int) -> None:
        async with aiohttp.ClientSession() as session:
            while not stop.is_set():
                n[0] += 1
                body, headers = signed(slash(random.choice(["help", "topics", "ask what is co-reflection?",
                                                            "task driving someone to court"]),
                                             user=f"U{i}", channel=f"C{i}", n=n[0]))
                status, took = await timed_post(session, server.url, body, headers)
                if status == 200:
                    acks.append(took)

    async def abuser() -> None:
        async with aiohttp.ClientSession() as session:
            k = 0
            while not stop.is_set():
                k += 1
                n[0] += 1
                if k % 3 == 0:  # a signed body of about 1 MB
                    body, headers = signed(slash("ask " + "a" * 1_000_000, user=USER_MARK, channel="CX", n=n[0]))
                    big["1MB"].append(await timed_post(session, server.url, body, headers))
                else:  # Slack's longest message, of the shape that was slowest (a run of word characters)
                    text = "ask " + random.choice(["a" * 40_000, ("Jane Smith " * 4_000)[:40_000],
                                                   ("is it ok to drive someone to court " * 1200)[:40_000]])
                    body, headers = signed(slash(text, user=USER_MARK, channel="CX", n=n[0]))
                    big["40kB"].append(await timed_post(session, server.url, body, headers))

    tasks = [asyncio.create_task(person(i)) for i in range(OTHERS)] + [asyncio.create_task(abuser())]
    await asyncio.sleep(ROUND_SECONDS)
    stop.set()
    await asyncio.gather(*tasks)
    memory = await server.stop()
    await api.stop()
    log = server.log.read_text(errors="replace")
    return {
        "seconds": ROUND_SECONDS, "others": OTHERS, "other_acks": len(acks),
        "other_ack_p50_ms": round(pct(acks, 0.5) * 1000, 1), "other_ack_p99_ms": round(pct(acks, 0.99) * 1000, 1),
        "other_ack_max_ms": round(max(acks) * 1000, 1), "other_acks_over_3s": sum(a > 3 for a in acks),
        "big_1MB": {"sent": len(big["1MB"]), "statuses": sorted({s for s, _ in big["1MB"]}),
                    "max_ms": round(max((t for _, t in big["1MB"]), default=0) * 1000, 1)},
        "big_40kB": {"sent": len(big["40kB"]), "statuses": sorted({s for s, _ in big["40kB"]}),
                     "max_ms": round(max((t for _, t in big["40kB"]), default=0) * 1000, 1)},
        "replies_to_the_40kB_sender": api.counts["chat.postEphemeral"],
        "server_memory": memory,
        "log_lines_with_user_id_or_text": sum(USER_MARK in line or "aaaaaaaaaa" in line for line in log.splitlines()),
        "log_bytes": len(log),
    }


# -- 2. time per message at Slack's maximum --------------------------------------------------------
def per_message() -> dict:
    from adapters.bootstrap import build_bot
    from bot import router
    from bot.messages import Command, Role, Where, Who
    from bot.settings import Settings

    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as tmp:
        bot = build_bot(Settings(_env_file=None, db=f"{tmp}/p.db"))
        who, where = Who("U1", Role.FACILITATOR), Where("slack", "T1", "C1")
        shapes = {
            "words": lambda: ("is it ok to drive someone I support to court " * 1000)[:40_000],
            "printable": lambda: "".join(rng.choice(string.printable) for _ in range(40_000)),
            "letters": lambda: "a" * 40_000, "digits": lambda: "1" * 40_000, "angles": lambda: "<" * 40_000,
            "names": lambda: ("Jane Smith " * 4000)[:40_000], "health": lambda: ("Jane relapse " * 4000)[:40_000],
            "dots": lambda: "a." * 20_000, "mailto": lambda: "<mailto:" * 5000,
        }
        times: dict[str, list[float]] = {name: [] for name in shapes}
        for _ in range(3):
            for verb in sorted(router.COMMANDS) + [""]:
                for name, make in shapes.items():
                    text = f"{verb} {make()}"[:40_000]
                    started = time.perf_counter()
                    bot.handle(Command(text, who, where))
                    times[name].append(time.perf_counter() - started)
        bot.store.close()
    every = [t for ts in times.values() for t in ts]
    return {"messages": len(every), "chars": 40_000,
            "p50_ms": round(pct(every, 0.5) * 1000, 1), "p99_ms": round(pct(every, 0.99) * 1000, 1),
            "max_ms": round(max(every) * 1000, 1),
            "by_shape_p99_ms": {name: round(pct(ts, 0.99) * 1000, 1) for name, ts in times.items()}}


# -- 3-5. replay, malformed bodies, the log ---------------------------------------------------------
async def replay_and_malformed(work: Path) -> dict:
    api = await fake_web_api().start()
    server = await Server("peerbot", api.api_url, work).started()
    statuses: dict[str, list[int]] = {}
    async with aiohttp.ClientSession() as session:
        for i in range(20):  # each signed command sent twice, same signature
            body, headers = signed(slash(f"ask {TEXT_MARK} what is mutuality {i}?", user=USER_MARK,
                                         channel=f"CR{i}", n=10_000 + i))
            for _ in range(2):
                statuses.setdefault("replayed command", []).append((await timed_post(session, server.url, body,
                                                                                     headers))[0])
        for i in range(10):  # a button press sent twice
            payload = {"type": "block_actions", "user": {"id": USER_MARK, "team_id": "T1"}, "team": {"id": "T1"},
                       "trigger_id": f"t{i}", "channel": {"id": f"CB{i}"}, "response_url": "http://127.0.0.1:9/r",
                       "container": {"type": "message", "channel_id": f"CB{i}", "message_ts": "1.1"},
                       "actions": [{"action_id": "v1:topics", "value": "v1:topics", "type": "button"}]}
            body = urlencode({"payload": json.dumps(payload)}).encode()
            headers = signature_headers(body, "application/x-www-form-urlencoded")
            for _ in range(2):
                statuses.setdefault("replayed button", []).append((await timed_post(session, server.url, body,
                                                                                    headers))[0])
        await asyncio.sleep(2)  # the answers go out after the acks
        replies_after_replay = api.replies
        malformed = {
            "unsigned form": (b"command=%2Fpeer&text=" + TEXT_MARK.encode() + b"&user_id=" + USER_MARK.encode(), None),
            "bad signature": (b"command=%2Fpeer&text=help&user_id=" + USER_MARK.encode(), "bad"),
            "stale timestamp": (b"command=%2Fpeer&text=" + TEXT_MARK.encode() + b"&user_id=" + USER_MARK.encode(),
                                "stale"),
            "raw newline, unsigned": (b"text=x\nINFO forged line&user_id=" + USER_MARK.encode(), None),
            "invalid UTF-8": (b"command=%2Fpeer&text=\xff\xfe&user_id=U1&channel_id=C1", "ok"),
            "payload not JSON": (b"payload=%7Bnope", "ok"),
            "payload a list": (b"payload=%5B%5D", "ok"),
            "actions missing": (urlencode({"payload": json.dumps({"type": "block_actions", "user": {"id": "U1"}})})
                                .encode(), "ok"),
            "user a number": (urlencode({"payload": json.dumps({"type": "block_actions", "user": 7,
                                                                "actions": [{"action_id": "x"}]})}).encode(), "ok"),
            "view missing": (urlencode({"payload": json.dumps({"type": "view_submission", "user": {"id": "U1"}})})
                             .encode(), "ok"),
            "event missing": (json.dumps({"type": "event_callback", "event_id": "Ev1"}).encode(), "ok"),
            "event a list": (json.dumps({"type": "event_callback", "event_id": "Ev2", "event": []}).encode(), "ok"),
            "command without user": (b"command=%2Fpeer&text=help&channel_id=C1", "ok"),
            "JSON string": (b'"x"', "ok"),
            "empty": (b"", "ok"),
        }
        for name, (body, how) in malformed.items():
            content_type = "application/json" if body.startswith((b"{", b'"')) else "application/x-www-form-urlencoded"
            headers = signature_headers(body, content_type, int(time.time()) - (600 if how == "stale" else 0),
                                        "wrong" if how == "bad" else SECRET)
            if how is None:
                del headers["X-Slack-Signature"]
            statuses[name] = [(await timed_post(session, server.url, body, headers))[0]]
    await server.stop()
    await api.stop()
    log = server.log.read_text(errors="replace")
    return {"statuses": statuses, "replies_to_40_requests_sent_twice": replies_after_replay,
            "http_500": sum(s == 500 for v in statuses.values() for s in v),
            "tracebacks_in_log": log.count("Traceback"),
            "log_lines_with_user_id_or_text": sum(USER_MARK in line or TEXT_MARK in line or "forged" in line
                                                  for line in log.splitlines()),
            "log_bytes": len(log)}


# -- 6. a lock held past the timeout ----------------------------------------------------------------
def peerbot(args: list[str], db: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**bench_env(), "PEERBOT_DB": db, "PEERBOT_LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "adapters.cli", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def lock_held(work: Path) -> dict:
    from adapters.bootstrap import build_bot
    from bot.messages import Command, Press, Role, Where, Who
    from bot.settings import Settings

    db = str(work / "locked.db")
    bot = build_bot(Settings(_env_file=None, db=db))
    where = Where("slack", "T1", "C1")
    release = threading.Event()

    def holder() -> None:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        release.wait(6.0)
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=holder)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    first = bot.handle(Command("check", Who("U-first", Role.PARTICIPANT), where)).messages[-1].text
    waited_chat = time.monotonic() - started
    tick = peerbot(["tick"], db)
    thread.join()
    newcomer = bot.handle(Command("check", Who("U-new", Role.PARTICIPANT), where)).messages
    button = newcomer[0].choices[0].action if newcomer[0].choices else ""
    pressed = bot.handle(Press(button, Who("U-new", Role.PARTICIPANT), where)).messages[0].text if button else ""
    bot.store.close()
    # Two ticks at once with the lock held for 2 s by a third program: both wait and succeed.
    release2 = threading.Event()

    def holder2() -> None:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        release2.wait(2.0)
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=holder2)
    thread.start()
    time.sleep(0.2)
    env = {**bench_env(), "PEERBOT_DB": db, "PEERBOT_LOG_LEVEL": "WARNING"}
    procs = [subprocess.Popen([sys.executable, "-m", "adapters.cli", "tick"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    codes = [p.wait(60) for p in procs]
    thread.join()
    return {"chat_reply_while_locked": first, "chat_waited_s": round(waited_chat, 1),
            "tick_while_locked_6s": {"exit": tick.returncode, "says": tick.stderr.strip().splitlines()[-1:]},
            "new_persons_check_after": "works" if pressed and "finished or was stopped" not in pressed else
            f"BROKEN: {pressed[:80]}",
            "two_ticks_with_a_2s_lock": codes}


# -- 7. a full disk ----------------------------------------------------------------------------------
def full_disk(work: Path) -> dict:
    if os.geteuid() != 0:
        return {"skipped": "not root: a small tmpfs cannot be mounted here"}
    mount = work / "tmpfs"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if done.returncode:
        return {"skipped": f"mount refused: {done.stderr.strip()}"}
    try:
        from adapters.bootstrap import build_bot
        from bot.messages import Command, Role, Where, Who
        from bot.settings import Settings

        db = str(mount / "full.db")
        bot = build_bot(Settings(_env_file=None, db=db))
        filler = mount / "filler"
        with filler.open("wb", buffering=0) as f:  # unbuffered: nothing left to write when the disk is full
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        facilitator = Who("U-fac", Role.FACILITATOR)
        replies = []
        for minute in range(30):
            text = bot.handle(Command(f"schedule reflection every monday 10:{minute:02d}", facilitator,
                                      Where("slack", "T1", "C1"))).messages[-1].text
            replies.append(text)
            if "storage" in text:
                break
        filler.unlink()
        after = bot.handle(Command("schedule reflection every tuesday 10:00", facilitator,
                                   Where("slack", "T1", "C1"))).messages[-1].text
        integrity = bot.store.db.execute("PRAGMA integrity_check").fetchone()[0]
        bot.store.close()
        return {"reply_when_full": replies[-1], "after_room_again": after[:60], "integrity": integrity}
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def main() -> None:
    started_load = load()
    work = Path(tempfile.mkdtemp(prefix="peerbot-abuse-"))
    (work / "long").mkdir()
    (work / "replay").mkdir()
    try:
        raw = {"long_messages": asyncio.run(long_messages(work / "long")),
               "per_message": per_message(),
               "replay_malformed_log": asyncio.run(replay_and_malformed(work / "replay")),
               "lock_held": lock_held(work), "full_disk": full_disk(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lm, pm, rm = raw["long_messages"], raw["per_message"], raw["replay_malformed_log"]
    lock, disk = raw["lock_held"], raw["full_disk"]
    ok_acks = lm["other_acks_over_3s"] == 0
    rows = [
        ["others' /peer acks while one person sends 1 MB and 40 kB messages",
         f"{lm['other_acks']} acks from {OTHERS} people in {lm['seconds']:.0f} s: p50 {lm['other_ack_p50_ms']} ms, "
         f"p99 {lm['other_ack_p99_ms']} ms, max {lm['other_ack_max_ms']} ms; over 3 s: {lm['other_acks_over_3s']}",
         "all under 3 s" + (" ✓" if ok_acks else " ✗")],
        ["the 1 MB bodies", f"{lm['big_1MB']['sent']} sent, status {lm['big_1MB']['statuses']}, slowest "
                            f"{lm['big_1MB']['max_ms']} ms", "refused before parsing"],
        ["the 40,000-character messages", f"{lm['big_40kB']['sent']} sent, status {lm['big_40kB']['statuses']}, "
                                          f"slowest ack {lm['big_40kB']['max_ms']} ms; "
                                          f"{lm['replies_to_the_40kB_sender']} private replies",
         "answered, cut, told"],
        ["time per message at 40,000 characters (every command × 9 shapes × 3)",
         f"{pm['messages']} messages: p50 {pm['p50_ms']} ms, p99 {pm['p99_ms']} ms, max {pm['max_ms']} ms",
         "p99 under 50 ms" + (" ✓" if pm["p99_ms"] < 50 else " ✗")],
        ["replay: 20 commands and 10 button presses, each sent twice",
         f"{rm['replies_to_40_requests_sent_twice']} replies", "30 (each acted on once)"],
        ["malformed bodies (15 kinds, signed and unsigned)",
         ", ".join(f"{k}: {v[0]}" for k, v in rm["statuses"].items() if not k.startswith("replayed")) +
         f"; HTTP 500: {rm['http_500']}; tracebacks in the log: {rm['tracebacks_in_log']}", "400/401, no 500"],
        ["user ids or text in the server's log (INFO)",
         f"{lm['log_lines_with_user_id_or_text'] + rm['log_lines_with_user_id_or_text']} lines", "0"],
        ["a lock held 6 s (past the 5 s timeout)",
         f"chat: \"{lock['chat_reply_while_locked'][:70]}…\" after {lock['chat_waited_s']} s; tick exit "
         f"{lock['tick_while_locked_6s']['exit']}: {' '.join(lock['tick_while_locked_6s']['says'])[:160]}; "
         f"a new person's check afterwards: {lock['new_persons_check_after']}; two ticks beside a 2 s lock: exits "
         f"{lock['two_ticks_with_a_2s_lock']}", "one true line; nothing poisoned"],
        ["a full disk (1 MB tmpfs)",
         disk.get("skipped") or f"\"{disk['reply_when_full'][:90]}…\"; with room again: "
                                f"\"{disk['after_room_again']}…\"; integrity {disk['integrity']}",
         "storage named as the cause"],
    ]
    summary = table(rows, ["case", "measured", "expected"])
    from bot.bounds import MAX_CHARS

    summary += (f"\n\nThe 40,000-character messages are cut to `bot.bounds.MAX_CHARS` ({MAX_CHARS:,}) before any "
                "pattern runs; per shape, p99 ms: " + ", ".join(f"{k} {v}" for k, v in pm["by_shape_p99_ms"].items()) + ".")
    write("abuse", "Abuse run (issue 18)", summary, raw, started_load)
    print(summary)
    sys.exit(0 if ok_acks else 1)


if __name__ == "__main__":
    main()
