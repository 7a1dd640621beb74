"""Fixtures for the Teams tests: the fake Bot Connector on 127.0.0.1, the real Teams SDK app
pointed at it (inbound JWT validation relaxed by the one constructor argument only tests pass),
the real bot on a temporary SQLite file, and `TeamsChat`, which plays a person using Teams.

`start_peerbot()` is one process start: a new bot on the same database, a new outbox and a new
SDK app listening on a free port; call it twice for a restart. The outbox's sleep is fake (it
records the waits), so rate-limit tests never wait on the clock.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import aiohttp
import jwt
import pytest
import teams_payloads as P
from teams_limits import assert_within_teams_limits

from adapters.bootstrap import build_bot
from adapters.settings import AppSettings as Settings
from adapters.teams.platform import TeamsPlatform
from bot.delivery.outbox import Outbox
from testing.fake_teams import APP_ID, FACILITATOR_GROUP, TEAM_AAD, TENANT, FakeConnector, buttons_of, text_of
from tests.conftest import FakeSleep, assert_no_user_text

GOLDEN = Path(__file__).parent / "golden"
SECRET = "fake-teams-secret"


@pytest.fixture
async def fake():
    server = await FakeConnector().start()
    server.owners[TEAM_AAD] = [P.OWEN[1]]
    server.group_members[FACILITATOR_GROUP] = [P.FARAH[1]]
    yield server
    await server.stop()


@pytest.fixture(autouse=True)
def secrets_stay_out_of_logs(caplog):
    """Every Teams test ends by searching what was logged for the app password: never there."""
    caplog.set_level(logging.DEBUG)
    yield
    records = [r for phase in ("setup", "call", "teardown") for r in caplog.get_records(phase)]
    logged = " ".join(f"{logging.Formatter().format(r)} {r.args}" for r in records)
    assert SECRET not in logged, "the app password was logged"


@pytest.fixture
def teams_settings(tmp_path) -> Settings:
    settings = Settings(PEERBOT_DB=str(tmp_path / "t.db"), TEAMS_APP_ID=APP_ID, TEAMS_APP_PASSWORD=SECRET,
                        TEAMS_TENANT_ID=TENANT, TEAMS_PORT=0,
                        TEAMS_FACILITATOR_GROUP=FACILITATOR_GROUP, _env_file=None)
    assert settings.db == str(tmp_path / "t.db")
    return settings


@pytest.fixture
def sleeps() -> FakeSleep:
    return FakeSleep()


# The SDK reads the app token as a JWT (for its expiry): an unsigned-for-real one, never a secret.
APP_TOKEN = jwt.encode({"aud": "https://api.botframework.com", "exp": 4102444800, "appid": APP_ID},
                       "not-a-real-key-0123456789abcdef0123", algorithm="HS256")


def fake_token(scope: Any, tenant_id: str | None = None) -> str:
    return APP_TOKEN


@pytest.fixture
async def start_peerbot(fake, teams_settings, catalog, clock, sleeps):
    running: list[TeamsPlatform] = []

    async def start() -> TeamsPlatform:
        for platform in running:  # a restart: the previous process is gone
            await platform.stop()
        bot = build_bot(teams_settings, clock=clock, catalog=catalog)
        outbox = Outbox(bot.store, {}, bot.clock, sleep=sleeps)
        platform = TeamsPlatform(bot, teams_settings, outbox, token=fake_token, graph_url=fake.graph,
                                 service_url=fake.url, host="127.0.0.1", allow_unauthenticated_for_tests=True)
        platform.adapter.sleep = sleeps
        await platform.start()
        running.append(platform)
        return platform

    yield start
    for platform in running:
        await platform.stop()


class TeamsChat:
    """A person on the fake Teams: posts activities to peerbot's endpoint, reads what came back."""

    def __init__(self, fake: FakeConnector, who=P.ANA):
        self.fake = fake
        self.who = who
        self.platform: TeamsPlatform | None = None
        self.typed: list[str] = []

    def as_(self, who) -> "TeamsChat":
        other = TeamsChat(self.fake, who)
        other.platform, other.typed = self.platform, self.typed
        return other

    @property
    def endpoint(self) -> str:
        assert self.platform is not None, "start peerbot first (chat.platform = await start_peerbot())"
        return f"http://127.0.0.1:{self.platform.port}/api/messages"

    async def post(self, activity: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        async with aiohttp.ClientSession() as session:
            async with session.post(self.endpoint, json=activity, headers=headers or {}) as response:
                return response.status

    async def send(self, activity: dict[str, Any]) -> list[dict[str, Any]]:
        """Send an activity; returns what peerbot sent or updated in reply, once its work is done."""
        since = len(self.fake.calls)
        status = await self.post(activity)
        assert status in (200, 201, 202), status
        assert self.platform is not None
        await self.platform.adapter.drain()
        for call in self.fake.calls[since:]:
            if call.path.startswith("/v3/conversations/") and isinstance(call.json, dict):
                assert_within_teams_limits(call.json)
        return [c.json | {"conversation": {"id": c.path.split("/")[3]},
                          "id": c.path.split("/")[5] if c.method == "PUT" else self._id_of(c)}
                for c in self.fake.calls[since:] if c.path.startswith("/v3/conversations/")]

    def _id_of(self, call) -> str:
        for activity_id, activity in self.fake.sent.items():
            if activity.get("conversation", {}).get("id") == call.path.split("/")[3] and \
                    {k: v for k, v in activity.items() if k not in ("conversation", "id")} == call.json:
                return activity_id
        return ""

    async def mention(self, text: str, **kw: Any) -> list[dict[str, Any]]:
        self.typed.append(text)
        return await self.send(P.mention(self.fake.url, text, who=kw.pop("who", self.who), **kw))

    async def personal(self, text: str) -> list[dict[str, Any]]:
        self.typed.append(text)
        return await self.send(P.personal(self.fake.url, text, who=self.who))

    async def group(self, text: str, chat: str) -> list[dict[str, Any]]:
        self.typed.append(text)
        return await self.send(P.group_mention(self.fake.url, text, chat, who=self.who))

    async def press(self, card_activity: dict[str, Any], label: str, values: dict[str, str] | None = None,
                    ) -> list[dict[str, Any]]:
        buttons = buttons_of(card_activity)
        assert label in buttons, f"no button {label!r}; buttons: {list(buttons)}"
        self.typed.extend((values or {}).values())
        return await self.send(P.submit(self.fake.url, card_activity, buttons[label], who=self.who, values=values))


def find(activities: list[dict[str, Any]], needle: str) -> dict[str, Any]:
    """The last activity whose visible text contains `needle`."""
    for activity in reversed(activities):
        if needle.lower() in text_of(activity).lower():
            return activity
    raise AssertionError(f"nothing says {needle!r}; got: {[text_of(a)[:120] for a in activities]}")


@pytest.fixture
def chat(fake, teams_settings) -> TeamsChat:
    person = TeamsChat(fake)
    yield person
    assert_no_user_text(teams_settings.db, person.typed)


@pytest.fixture
def golden():
    """Compare a value with tests/teams/golden/<name>.json (PEERBOT_GOLDEN=update rewrites)."""
    def check(name: str, value: Any) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if os.environ.get("PEERBOT_GOLDEN") == "update":
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden file {path.name}; run with PEERBOT_GOLDEN=update to create it"
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), f"{path.name} differs"
    return check
