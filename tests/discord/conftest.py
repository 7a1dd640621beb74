"""Fixtures for the Discord tests: the fake Discord on 127.0.0.1 with discord.py pointed at it, the
real bot on a temporary SQLite file, and `DiscordChat`, which plays a person using Discord.

`start_peerbot()` is one process start: a new bot on the same database, a new outbox and a new
discord.py client that logs in and connects to the fake gateway; call it twice for a restart.
The outbox's sleep is fake (it records the waits), so rate-limit tests never wait on the clock.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl

from adapters.bootstrap import build_bot
from adapters.discord.platform import DiscordPlatform
from adapters.settings import AppSettings as Settings
from bot.delivery.outbox import Outbox
from testing import discord_payloads as P
from testing.fake_discord import FakeDiscord
from tests.conftest import FakeSleep, assert_no_user_text
from tests.golden import goldens

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
async def fake(monkeypatch):
    server = await FakeDiscord().start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url))
    yield server
    await server.stop()


@pytest.fixture(autouse=True)
def secrets_stay_out_of_logs(caplog):
    """Every Discord test runs with every logger at DEBUG and ends by searching what was logged for
    the bot token: it may never appear, whatever happened (discord.py logs a lot at DEBUG)."""
    caplog.set_level(logging.DEBUG)
    yield
    # In teardown `caplog.records` holds only teardown's records: read every phase explicitly.
    records = [r for phase in ("setup", "call", "teardown") for r in caplog.get_records(phase)]
    logged = " ".join(f"{logging.Formatter().format(r)} {r.args}" for r in records)  # with tracebacks
    assert "fake-token" not in logged, "the bot token was logged"


@pytest.fixture
def discord_settings(tmp_path) -> Settings:
    # By alias: Settings(db=...) is silently ignored (the field's alias is PEERBOT_DB), which would
    # put every test on ./peerbot.db.
    settings = Settings(PEERBOT_DB=str(tmp_path / "t.db"), DISCORD_TOKEN="fake-token",
                        DISCORD_FACILITATOR_ROLE="Facilitators", _env_file=None)
    assert settings.db == str(tmp_path / "t.db")
    return settings


@pytest.fixture
def sleeps() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
async def start_peerbot(fake, discord_settings, catalog, clock, sleeps):
    running: list[DiscordPlatform] = []

    async def start() -> DiscordPlatform:
        for platform in running:  # a restart: the previous process is gone
            await platform.stop()
        bot = build_bot(discord_settings, clock=clock, catalog=catalog)
        outbox = Outbox(bot.store, {}, bot.clock, sleep=sleeps)
        platform = DiscordPlatform(bot, discord_settings, outbox, ready_timeout=10, guild_ready_timeout=0.05)
        await platform.start()
        running.append(platform)
        return platform

    yield start
    for platform in running:
        await platform.stop()


class DiscordChat:
    """A person on the fake Discord: sends interactions through the gateway, reads what came back."""

    def __init__(self, fake: FakeDiscord, who: int = P.ANA):
        self.fake = fake
        self.who = who
        self.typed: list[str] = []  # what people typed, to search the database for afterwards

    async def slash(self, sub: str, text: str | None = None, **kw: Any) -> dict[str, Any]:
        """`/peer sub text`; returns the interaction response peerbot sent."""
        self.typed.append(text or "")
        return await self.send(P.slash(sub, text, who=kw.pop("who", self.who), **kw))

    async def press(self, message: dict[str, Any], label: str, **kw: Any) -> dict[str, Any]:
        return await self.send(P.press(message, label, who=kw.pop("who", self.who), **kw))

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        self.typed.extend(typed_in_modal(payload.get("data", {})))
        await self.fake.dispatch("INTERACTION_CREATE", payload)
        call = await self.fake.callback(payload["id"])
        self.last = payload
        return call.json

    async def followups(self, payload: dict[str, Any] | None = None, count: int = 1) -> list[dict[str, Any]]:
        """The first `count` follow-up messages sent for an interaction (the last one by default)."""
        token = (payload or self.last)["token"]
        calls = await self.fake.wait_for(lambda: (c := self.fake.requests("POST", f"/webhooks/\\d+/{token}$"))
                                         and len(c) >= count and c)
        return [c.json for c in calls]


def typed_in_modal(data: Any) -> list[str]:
    """The values of a modal submission's text inputs, however deeply Discord wraps them."""
    if isinstance(data, list):
        return [v for item in data for v in typed_in_modal(item)]
    if not isinstance(data, dict):
        return []
    own = [data["value"]] if data.get("type") == 4 and isinstance(data.get("value"), str) else []
    return own + [v for key in ("components", "component") if key in data for v in typed_in_modal(data[key])]


@pytest.fixture
def chat(fake, discord_settings) -> DiscordChat:
    person = DiscordChat(fake)
    yield person
    # Nothing a person typed in the test's conversation may be in the database afterwards.
    assert_no_user_text(discord_settings.db, person.typed)


@pytest.fixture
def golden():
    """Compare a value with tests/discord/golden/<name>.json (`tests.golden` says how to rewrite them)."""
    return goldens(GOLDEN)
