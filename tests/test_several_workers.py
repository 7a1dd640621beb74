"""`PEERBOT_DATABASE_URL` and `peerbot run` started three times, end to end (README, "PostgreSQL:
several workers on one database"): three real `peerbot run` processes share one throwaway PostgreSQL
database and serve two Slack workspaces (a distributed app in HTTP mode, installed by OAuth through
the processes, posting to the fake Slack Web API on 127.0.0.1) and a Discord server (discord.py
against the fake Discord's REST API and gateway on 127.0.0.1), while one is killed with SIGKILL in
the middle of delivering and started again.

Time: every process runs under `testing.held_clock`, whose wall clock stands where the test wrote it
and moves when the test says, waking the minute sweep; so 10:00, 10:01 and 10:02 fall due when the
test makes them, never by waiting for them. Every other wait is on what the fakes or the database
show, within a deadline.
"""
from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.records import Schedule
from bot.schedules.spec import parse_rule
from storage.postgres import PostgresStore
from testing import discord_payloads
from testing.fake_discord import GUILD_ID, Channel, FakeDiscord
from testing.fake_slack import FakeSlack

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parent.parent
MONDAY = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 10:00 in Toronto, peerbot's default time zone
MINUTES = ("10:00", "10:01", "10:02")
LEASE = 30  # seconds: a dead worker's posts are free again by the next minute's sweep
CLIENT_SECRET = "client-secret-for-workers-7c1e"
TOKENS = {"T1": "xoxb-T1-workspace-one", "T2": "xoxb-T2-workspace-two"}
SLACK = {team: [f"C{team}{n}" for n in range(4)] for team in TOKENS}  # four channels in each workspace
DISCORD = [810000000000000101, 810000000000000102]  # two channels of the Discord server


@dataclass
class Peerbot:
    """One `peerbot run` process, seen from outside: its HTTP port, its log, its worker id."""

    process: asyncio.subprocess.Process
    port: int
    log: list[str] = field(default_factory=list)
    worker: str = ""
    reader: asyncio.Task | None = None  # reads its log as it comes

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def said(self, text: str) -> bool:
        return any(text in line for line in self.log)

    @property
    def sweeps(self) -> int:
        """Minute sweeps it has finished (APScheduler logs each job run; a run still going when the
        clock next moves would make APScheduler skip that minute in this process)."""
        return sum('Job "Registrar.sweep' in line and "executed successfully" in line for line in self.log)


class HeldClock:
    """The wall clock of every peerbot process (testing.held_clock): a file, and SIGUSR1 to read it."""

    def __init__(self, path: Path, at: datetime):
        self.path = path
        self._write(at)

    def _write(self, at: datetime) -> None:
        part = self.path.with_suffix(".part")
        part.write_text(at.isoformat())
        part.replace(self.path)  # whole, never half-written

    def move(self, at: datetime, *processes: Peerbot) -> None:
        self._write(at)
        for peerbot in processes:
            peerbot.process.send_signal(signal.SIGUSR1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def start(env: dict[str, str], clock: HeldClock, cwd: Path, timeout: float = 30.0) -> Peerbot:
    """Start `peerbot run` and return once it has started every platform and its minute sweep."""
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "testing.held_clock", str(clock.path), "run", cwd=cwd, env={**env, "PORT": str(port)},
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    peerbot = Peerbot(process, port)
    ready = asyncio.get_running_loop().create_future()

    async def read() -> None:  # all along, so the pipe never fills; the log helps when a test fails
        assert process.stderr is not None
        while line := (await process.stderr.readline()).decode(errors="replace"):
            peerbot.log.append(line)
            if (found := re.search(r"loaded \d+ schedule\(s\); worker (\S+)", line)) and not ready.done():
                ready.set_result(found[1])
        if not ready.done():
            ready.set_exception(AssertionError("peerbot exited before it was ready:\n" + "".join(peerbot.log)))
    peerbot.reader = asyncio.create_task(read())
    peerbot.worker = await asyncio.wait_for(ready, timeout)
    return peerbot


async def until(condition, timeout: float = 20.0, what: str = "") -> None:
    """Poll another process's progress (in the database) briefly, within a deadline."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what or condition}"
        await asyncio.sleep(0.05)


async def install(start_on: Peerbot, finish_on: Peerbot, slack: FakeSlack, team: str) -> int:
    """Someone in `team` adds the app: the install page on one process, Slack's redirect to another."""
    slack.codes[f"code-{team}"] = (team, TOKENS[team])
    async with aiohttp.ClientSession() as browser:
        async with browser.get(f"{start_on.url}/slack/install") as page:
            assert page.status == 200
            state = page.cookies["slack-app-oauth-state"].value
        async with browser.get(f"{finish_on.url}/slack/oauth_redirect", params={"code": f"code-{team}", "state": state},
                               headers={"Cookie": f"slack-app-oauth-state={state}"}) as redirect:
            await redirect.read()
            return redirect.status


def schedules(url: str) -> None:
    """A reflection every Monday in each channel: at 10:00, 10:01 and 10:02 (three schedules a channel)."""
    store = PostgresStore(url)
    created = (MONDAY - timedelta(days=60)).isoformat(timespec="seconds")
    places = [("slack", team, channel) for team, channels in SLACK.items() for channel in channels]
    places += [("discord", str(GUILD_ID), str(channel)) for channel in DISCORD]
    with store.transaction():
        for platform, workspace, channel in places:
            for at in MINUTES:
                store.add_schedule(Schedule(
                    channel=f"{platform}:{workspace}:{channel}", platform=platform, workspace=workspace,
                    channel_id=channel, kind="reflection", recurrence=parse_rule(f"every monday {at}").rrule_text(),
                    created_by="UFAC", created_at=created, last_fired_at=(MONDAY - timedelta(minutes=1)).isoformat()))
    store.close()


def gateway_holder(url: str) -> str:
    """The pid of the process holding the Discord gateway lock, from its worker id (host:pid:random)."""
    store = PostgresStore(url)
    try:
        [row] = [r for r in store.everything()["locks"] if r["name"] == "discord-gateway"]
        return row["holder"].split(":")[1]
    finally:
        store.close()


def unfinished(url: str) -> int:
    store = PostgresStore(url)
    try:
        return len(store.unfinished_deliveries(""))
    finally:
        store.close()


async def ask_on_discord(discord: FakeDiscord) -> str:
    """Someone uses /peer help in the server; returns the interaction's id once it has been answered."""
    payload = discord_payloads.slash("help")
    await discord.dispatch("INTERACTION_CREATE", payload)
    await discord.callback(payload["id"], timeout=15)
    return payload["id"]


def on_slack(slack: FakeSlack) -> Counter:
    """How many times each scheduled post (by its key) is on Slack."""
    return Counter(m["metadata"]["event_payload"]["key"] for m in slack.messages if m["metadata"])


def on_discord(discord: FakeDiscord) -> Counter:
    """How many times each scheduled post (by its message's nonce, made from its key) is on Discord."""
    return Counter(m["nonce"] for channel in DISCORD for m in discord.channel_posts(channel))


@pytest.fixture
async def fakes():
    slack = await FakeSlack().start()
    discord = await FakeDiscord().start()
    for channel in DISCORD:
        discord.channels[channel] = Channel(channel, name=f"circle-{channel % 1000}")
    yield slack, discord
    await discord.stop()
    await slack.stop()


async def test_three_peerbot_run_processes_post_every_schedule_once_through_a_kill_and_a_restart(
        postgres_url, tmp_path, fakes):
    """Three `peerbot run` on one PostgreSQL database serve two Slack workspaces and a Discord server:
    over three minutes every scheduled post reaches Slack (with its workspace's token) or Discord
    exactly once, though the process on Discord's gateway is killed while Slack holds its posts
    and is started again; only one process is ever on the gateway, and a standby takes it over and
    answers the server's /peer."""
    slack, discord = fakes
    schedules(postgres_url)
    clock = HeldClock(tmp_path / "clock", MONDAY - timedelta(seconds=30))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "PEERBOT_", "TEAMS_"))}
    env.update(SLACK_CLIENT_ID="1111.2222", SLACK_CLIENT_SECRET=CLIENT_SECRET, SLACK_SIGNING_SECRET="signing-secret",
               SLACK_API_URL=slack.api_url, DISCORD_TOKEN="fake-discord-token", PEERBOT_DATABASE_URL=postgres_url,
               PEERBOT_LEASE_SECONDS=str(LEASE), PEERBOT_LOG_LEVEL="INFO", PEERBOT_DB=str(tmp_path / "unused.db"),
               PEERBOT_TEST_DISCORD=f"http://127.0.0.1:{discord.port}", PYTHONPATH=str(ROOT))
    running: list[Peerbot] = []
    started: list[Peerbot] = []  # every process, killed or not, for their logs if the test fails
    try:
        running += await asyncio.gather(*(start(env, clock, tmp_path) for _ in range(3)))
        started += running
        a, b, c = running
        assert await install(a, b, slack, "T1") == 200
        assert await install(b, c, slack, "T2") == 200

        # One process is on Discord's gateway; the two others stand by.
        await discord.wait_for(lambda: discord.sessions == 1, timeout=15)
        [holder] = [p for p in running if str(p.pid) == gateway_holder(postgres_url)]
        standbys = [p for p in running if p is not holder]
        assert all(p.said("stands by") for p in standbys) and not holder.said("stands by")
        asked = [await ask_on_discord(discord)]

        # 10:00 in every process: each post due goes out once, whichever process's sweep claims it.
        clock.move(MONDAY + timedelta(seconds=20), *running)
        await slack.wait_until(lambda: len(on_slack(slack)) == 8, timeout=15)
        await discord.wait_for(lambda: len(on_discord(discord)) == 2, timeout=15)
        await until(lambda: all(p.sweeps == 1 for p in running), what="every process's 10:00 sweep")

        # 10:01 in the gateway holder first: it claims the minute's posts, and Slack holds them (and
        # will take five of the eight, answering no one) when the holder is killed.
        posting = slack.hold("chat.postMessage")
        clock.move(MONDAY + timedelta(minutes=1, seconds=20), holder)
        await slack.wait_until(lambda: slack.waiting["chat.postMessage"] == 8, timeout=15)
        holder.process.send_signal(signal.SIGKILL)
        await holder.process.wait()
        running.remove(holder)
        assert unfinished(postgres_url) >= 8  # claimed under the dead worker's lease, not confirmed
        slack.fail_next("chat.postMessage", 503, times=3)
        posting.set()
        await slack.wait_until(lambda: slack.waiting["chat.postMessage"] == 0 and
                               len(slack.called("chat.postMessage")) == 16, timeout=15)
        assert len(on_slack(slack)) == 8 + 5

        # A standby gets the gateway once the holder's session has ended, never while it lived.
        await discord.wait_for(lambda: discord.sessions == 2 and len(discord.sockets) == 1, timeout=15)
        assert gateway_holder(postgres_url) in {str(p.pid) for p in standbys}
        asked.append(await ask_on_discord(discord))  # the standby now answers the server
        restarted = await start(env, clock, tmp_path)  # as a supervisor restarts it
        running.append(restarted)
        started.append(restarted)
        assert restarted.said("stands by")

        # 10:02 everywhere: the minute's posts, and the dead worker's, whose lease has run out,
        # checked against Slack's history and Discord's channels before anything is sent again.
        clock.move(MONDAY + timedelta(minutes=2, seconds=20), *running)
        await until(lambda: unfinished(postgres_url) == 0, what="every post sent")
        await slack.wait_until(lambda: len(on_slack(slack)) == 24, timeout=15)
        await discord.wait_for(lambda: len(on_discord(discord)) == 6, timeout=15)
        assert set(on_slack(slack).values()) == {1} and set(on_discord(discord).values()) == {1}
        assert slack.called("conversations.history")
        for team, channels in SLACK.items():
            sent = [c for c in slack.called("chat.postMessage") if c.args["channel"] in channels]
            assert sent and {c.token for c in sent} == {TOKENS[team]}
        assert discord.most_connected == 1 and discord.sessions == 2
        assert [len(discord.requests("POST", f"/interactions/{i}/")) for i in asked] == [1, 1]  # answered once

        for peerbot in running:  # as a supervisor stops them: each finishes cleanly
            peerbot.process.send_signal(signal.SIGTERM)
        assert [await asyncio.wait_for(p.process.wait(), 15) for p in running] == [0, 0, 0]
    except BaseException:
        for peerbot in started:  # shown by pytest with the failure
            print(f"-- peerbot run, pid {peerbot.pid}:\n" + "".join(
                line for line in peerbot.log if " discord." not in line and " slack_bolt." not in line))
        raise
    finally:
        for peerbot in running:
            if peerbot.process.returncode is None:
                peerbot.process.send_signal(signal.SIGTERM)
        for peerbot in running:
            await asyncio.wait_for(peerbot.process.wait(), 15)
