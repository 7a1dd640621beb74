"""Slack for many workspaces, through the real slack-bolt code: installs by OAuth against the fake Web
API, each workspace answered and posted to with its own token, uninstalls that stop a workspace's
schedules, and several HTTP workers on one database behaving as one.

"Workers" here are several `SlackPlatform`s in this one test process, each with its own bot and its
own connection to one shared SQLite file, each listening on its own port of 127.0.0.1: what several
`peerbot run` processes behind a load balancer share is the database, and nothing else.
"""
from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlencode

import aiohttp
import pytest
import slack_payloads as payloads
from slack_harness import SECRET, FakeTime, slack_settings
from slack_workspace import Workspace

from adapters.bootstrap import build_bot
from adapters.slack import SlackPlatform
from adapters.slack.oauth import SCOPES
from bot.delivery.outbox import Outbox
from storage.sqlite import SqliteStore
from testing.fake_slack import FakeSlack

CLIENT_SECRET = "client-secret-for-tests-3f9a"
TOKENS = {"T1": "xoxb-T1-workspace-one", "T2": "xoxb-T2-workspace-two"}
CHANNEL = {"T1": "C1", "T2": "C2"}  # one channel in each workspace


@pytest.fixture(autouse=True)
def workspace_secrets_stay_out_of_logs(caplog):
    """The client secret and every workspace's token stay out of the logs, however the test went."""
    yield
    records = [r for phase in ("setup", "call", "teardown") for r in caplog.get_records(phase)]
    logged = " ".join(f"{logging.Formatter().format(r)} {r.args}" for r in records)
    for secret in (CLIENT_SECRET, *TOKENS.values()):
        assert secret not in logged, "a secret was logged"


def scheduled(fake: FakeSlack, channel: str | None = None) -> list:
    """The posts the outbox made (they carry their key as metadata), not the answers to commands."""
    return [c for c in fake.called("chat.postMessage") if c.args.get("metadata")
            and channel in (None, c.args["channel"])]


def in_team(payload: dict, team: str) -> dict:
    """A payload of `slack_payloads` (all from T1) as workspace `team` would send it."""
    return json.loads(json.dumps(payload).replace('"T1"', f'"{team}"'))


class Worker:
    """One `peerbot run` in HTTP mode for many workspaces, on the shared database."""

    def __init__(self, platform: SlackPlatform, fake: FakeSlack):
        self.platform = platform
        self.url = f"http://127.0.0.1:{platform.port}"
        self.ws = Workspace(f"{self.url}/slack/events", SECRET, fake)
        self.bot = platform.adapter.bot
        self.outbox = platform.adapter.outbox

    async def command(self, team: str, text: str, user: str = "U1") -> int:
        body = urlencode(in_team(payloads.slash(text, user=user, channel=CHANNEL[team],
                                                response_url=self.ws.fake.response_url()), team)).encode()
        return await self.ws.send(body, "application/x-www-form-urlencoded")

    async def event(self, team: str, envelope: dict, **kwargs) -> int:
        return await self.ws.event(in_team(envelope, team), **kwargs)


@pytest.fixture
async def start(tmp_path, fake, clock, catalog):
    """`await start()` starts one more worker on the shared database file."""
    started: list[Worker] = []
    settings = slack_settings(tmp_path, SLACK_BOT_TOKEN=None, SLACK_CLIENT_ID="1111.2222",
                              SLACK_CLIENT_SECRET=CLIENT_SECRET)

    async def one() -> Worker:
        bot = build_bot(settings, clock=clock, catalog=catalog, store=SqliteStore(settings.db, clock))
        time = FakeTime()
        outbox = Outbox(bot.store, {}, bot.clock, sleep=time.sleep, monotonic=time.monotonic)
        platform = SlackPlatform(bot, settings, outbox, base_url=fake.api_url, host="127.0.0.1")
        await platform.start()
        started.append(Worker(platform, fake))
        return started[-1]

    yield one
    for worker in started:
        await worker.platform.stop(grace=5)
        worker.bot.store.close()


async def install(worker: Worker, fake: FakeSlack, team: str, finish_on: Worker | None = None) -> int:
    """Someone in `team` adds the app: the install page sets the state cookie, they approve in Slack,
    and Slack redirects their browser back with a code (to `finish_on`, another worker, if given)."""
    fake.codes[f"code-{team}"] = (team, TOKENS[team])
    async with aiohttp.ClientSession() as browser:
        async with browser.get(f"{worker.url}/slack/install") as page:
            assert page.status == 200 and "slack.com/oauth/v2/authorize" in await page.text()
            state = page.cookies["slack-app-oauth-state"].value
        back = (finish_on or worker).url
        async with browser.get(f"{back}/slack/oauth_redirect", params={"code": f"code-{team}", "state": state},
                               headers={"Cookie": f"slack-app-oauth-state={state}"}) as redirect:
            await redirect.read()
            return redirect.status


async def test_the_oauth_redirect_exchanges_the_code_and_keeps_the_installation(start, fake: FakeSlack):
    """An install started on one worker and finished on another exchanges the code with oauth.v2.access
    and keeps the workspace's bot token in the database (and nothing about who installed it)."""
    first, second = await start(), await start()
    assert await install(first, fake, "T2", finish_on=second) == 200
    [exchange] = fake.called("oauth.v2.access", code="code-T2")
    assert exchange.result["access_token"] == TOKENS["T2"]
    kept = first.bot.store.installation("slack", "T2")
    assert kept["bot_token"] == TOKENS["T2"] and kept["team_id"] == "T2" and kept["user_id"] is None
    assert first.bot.store.installed_workspaces("slack") == ["T2"]


async def test_a_redirect_with_a_state_never_issued_or_used_twice_installs_nothing(start, fake: FakeSlack):
    """Slack's redirect is honoured once per install started here: a made-up state, or the same state
    again, is refused and no code is exchanged for it."""
    worker = await start()
    assert await install(worker, fake, "T1") == 200
    fake.codes["code-again"] = ("T2", TOKENS["T2"])
    async with aiohttp.ClientSession() as browser:
        for state in ("made-up", "made-up"):
            async with browser.get(f"{worker.url}/slack/oauth_redirect", params={"code": "code-again", "state": state},
                                   headers={"Cookie": f"slack-app-oauth-state={state}"}) as redirect:
                assert redirect.status == 401
    assert len(fake.called("oauth.v2.access")) == 1 and worker.bot.store.installation("slack", "T2") is None


async def test_two_workspaces_are_each_answered_with_their_own_token(start, fake: FakeSlack):
    """/peer help from two workspaces: each answer goes to Slack with its own workspace's bot token."""
    worker = await start()
    for team in TOKENS:
        assert await install(worker, fake, team) == 200
    for team in TOKENS:
        assert await worker.command(team, "help") == 200
    for team, token in TOKENS.items():
        [answer] = await fake.wait_for("chat.postEphemeral", channel=CHANNEL[team])
        assert answer.token == token and answer.args["team_id"] == team


async def test_scheduled_posts_go_out_with_their_workspaces_token(start, fake: FakeSlack, clock):
    """A weekly reflection set up in each workspace is posted, when due, with that workspace's token."""
    worker = await start()
    for team in TOKENS:
        await install(worker, fake, team)
        assert await worker.command(team, "schedule reflection every monday 10:00", user="UFAC") == 200
        await worker.platform.drain()  # the answer is under way once Slack has its 200
    clock.advance(hours=3, minutes=1)  # Monday 15:01 UTC is 10:01 in Toronto
    assert len(worker.bot.store.schedules()) == 2
    results = await worker.outbox.send_claimed(worker.bot.tick())
    assert [r.status for r in results] == ["sent", "sent"]
    for team, token in TOKENS.items():
        [post] = scheduled(fake, CHANNEL[team])
        assert post.token == token


async def test_uninstalling_stops_that_workspaces_scheduled_posts_and_a_reinstall_resumes_them(
        start, fake: FakeSlack, clock):
    """After app_uninstalled from T2, its token is gone and its schedule posts nothing, while T1's
    still posts; installing again carries on from then."""
    worker = await start()
    for team in TOKENS:
        await install(worker, fake, team)
        await worker.command(team, "schedule reflection every monday 10:00", user="UFAC")
        await worker.platform.drain()
    assert await worker.event("T2", payloads.envelope({"type": "app_uninstalled"})) == 200
    assert worker.bot.store.installation("slack", "T2") is None
    clock.advance(hours=3, minutes=1)
    await worker.outbox.send_claimed(worker.bot.tick())
    assert [c.args["channel"] for c in scheduled(fake)] == ["C1"]
    [stopped] = worker.bot.store.schedules(workspace="slack:T2")
    assert stopped.paused and stopped.paused_why == "uninstalled"

    await install(worker, fake, "T2")
    clock.advance(days=7)
    await worker.outbox.send_claimed(worker.bot.tick())
    assert sorted(c.args["channel"] for c in scheduled(fake)) == ["C1", "C1", "C2"]


async def test_a_revoked_bot_token_removes_the_installation(start, fake: FakeSlack):
    """tokens_revoked naming the bot forgets that workspace's token like an uninstall; the other stays."""
    worker = await start()
    for team in TOKENS:
        await install(worker, fake, team)
    revoked = payloads.envelope({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}})
    assert await worker.event("T1", revoked) == 200
    assert worker.bot.store.installed_workspaces("slack") == ["T2"]


async def test_a_retry_reaching_another_worker_is_answered_once(start, fake: FakeSlack):
    """Slack retries an event to whichever worker the load balancer picks: two workers on one database
    answer it once."""
    first, second = await start(), await start()
    await install(first, fake, "T1")
    event = payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0ACROSS")
    assert await first.event("T1", event) == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert await second.event("T1", event, headers=retry) == 200
    await fake.wait_for("chat.postMessage")
    await second.ws.answer_to(second.event("T1", payloads.mention("<@UBOT> what is co-reflection?")))
    assert len(fake.called("chat.postMessage")) == 2  # the retry was not answered again


async def test_three_http_workers_answer_signed_requests_from_two_workspaces(start, fake: FakeSlack):
    """Three workers behind a round-robin balancer answer /peer from two workspaces: every request once,
    each with its own workspace's token, whichever worker took it."""
    workers = [await start() for _ in range(3)]
    await install(workers[0], fake, "T1")
    await install(workers[1], fake, "T2")
    sent = []
    for n in range(12):
        team, worker = ("T1", "T2")[n % 2], workers[n % 3]
        user = f"U{n:02d}"
        assert await worker.command(team, "help", user=user) == 200
        sent.append((team, user))
    answers = await fake.wait_for("chat.postEphemeral", count=len(sent))
    assert sorted((a.args["team_id"], a.args["user"]) for a in answers) == sorted(sent)
    assert all(a.token == TOKENS[a.args["team_id"]] for a in answers)


def test_the_oauth_scopes_are_the_manifests():
    """The install asks for exactly the bot scopes both manifests list (and README explains)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for name in ("slack-manifest.yml", "slack-manifest-distributed.yml"):
        text = (root / name).read_text(encoding="utf-8")
        bot = text.split("    bot:\n", 1)[1]
        listed = re.findall(r"^ {6}- ([a-z_:.]+)$", bot.split("\nsettings:", 1)[0], flags=re.MULTILINE)
        assert tuple(sorted(listed)) == tuple(sorted(SCOPES)), name


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def test_three_peerbot_run_processes_on_one_database_serve_two_workspaces(store, tmp_path, fake: FakeSlack,
                                                                                request):
    """Three real `peerbot run` processes in multi-workspace mode on one database (a SQLite file, or
    one PostgreSQL database): an install started on one finishes on another, every signed /peer from
    either workspace is answered once with that workspace's own token whichever process takes it,
    and an event retried to the two other processes is answered once."""
    import asyncio
    import os
    import signal

    from test_slack_run_process import PEERBOT, free_port, started

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "PEERBOT_", "TEAMS_"))}
    env.update(SLACK_CLIENT_ID="1111.2222", SLACK_CLIENT_SECRET=CLIENT_SECRET, SLACK_SIGNING_SECRET=SECRET,
               SLACK_API_URL=fake.api_url, PEERBOT_DB=str(tmp_path / "shared.db"), PEERBOT_LOG_LEVEL="INFO")
    if store == "postgres":
        env["PEERBOT_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    ports = [free_port() for _ in range(3)]
    processes = [await asyncio.create_subprocess_exec(
        str(PEERBOT), "run", cwd=tmp_path, env={**env, "PORT": str(port)},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE) for port in ports]
    try:
        await asyncio.gather(*(started(process, "HTTP mode") for process in processes))

        class Process(Worker):
            def __init__(self, port: int):  # a worker seen only from outside: its address
                self.url = f"http://127.0.0.1:{port}"
                self.ws = Workspace(f"{self.url}/slack/events", SECRET, fake)

        a, b, c = (Process(port) for port in ports)
        assert await install(a, fake, "T1", finish_on=b) == 200
        assert await install(b, fake, "T2", finish_on=c) == 200
        asked = []
        for n, worker in enumerate((a, b, c)):
            for team in TOKENS:
                user = f"U{team}{n}"
                assert await worker.command(team, "help", user=user) == 200
                asked.append((team, user))
        answers = await fake.wait_for("chat.postEphemeral", count=len(asked), timeout=15)
        assert sorted((x.args["team_id"], x.args["user"]) for x in answers) == sorted(asked)
        assert all(x.token == TOKENS[x.args["team_id"]] for x in answers)
        event = payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0PROCESSES")
        assert await a.event("T1", event) == 200
        for n, worker in enumerate((b, c), start=1):
            assert await worker.event("T1", event, headers={"X-Slack-Retry-Num": str(n)}) == 200
        await c.event("T2", payloads.mention("<@UBOT> what is co-reflection?", channel="C2"))
        [in_t2] = await fake.wait_for("chat.postMessage", channel="C2", timeout=15)
        [in_t1] = await fake.wait_for("chat.postMessage", channel="C1", timeout=15)
        assert (in_t1.token, in_t2.token) == (TOKENS["T1"], TOKENS["T2"])
        assert len(fake.called("chat.postMessage", channel="C1")) == 1  # the retries were not answered again
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), 15)
