"""Fixtures for the Slack adapter: a fake Slack Web API, peerbot's real Bolt app on 127.0.0.1 in HTTP
mode in front of a real bot (real SQLite in a temporary folder), and an outbox whose sleeps are
recorded instead of slept.

People in the fake workspace: U1 and U2 are participants, UADMIN is a workspace admin, UFAC is in
the "facilitators" user group.
"""
from __future__ import annotations

import logging
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the helpers beside this file, whatever the import mode

from slack_harness import SECRET, FakeTime, slack_settings  # noqa: E402
from slack_workspace import Workspace  # noqa: E402

from adapters.bootstrap import build_bot  # noqa: E402
from adapters.slack import SlackPlatform  # noqa: E402
from bot.content.catalog import load_catalog  # noqa: E402
from bot.delivery.outbox import Outbox  # noqa: E402
from bot.ports import FixedClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from testing.fake_slack import FakeSlack  # noqa: E402
from tests.conftest import assert_no_user_text  # noqa: E402


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """No test here reaches past 127.0.0.1: resolving any other host fails the test loudly."""
    resolve = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise AssertionError(f"a Slack test tried to reach {host!r}")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture(autouse=True)
def secrets_stay_out_of_logs(caplog):
    """Every Slack test runs with every logger at DEBUG and ends by searching what was logged for
    the test's tokens and signing secret: none may appear, however a request went."""
    caplog.set_level(logging.DEBUG)
    yield
    # In teardown `caplog.records` holds only teardown's records: read every phase explicitly.
    records = [r for phase in ("setup", "call", "teardown") for r in caplog.get_records(phase)]
    logged = " ".join(f"{logging.Formatter().format(r)} {r.args}" for r in records)  # with tracebacks
    for secret in ("xoxb-test-token", SECRET, "xapp-1-A1-test"):
        assert secret not in logged, "a secret was logged"


@pytest.fixture
async def fake():
    slack = await FakeSlack(users={"UADMIN": {"is_admin": True, "profile": {"display_name": "Ada"}}},
                            groups={"S1": ("facilitators", ["UFAC"])}).start()
    yield slack
    await slack.stop()


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(scope="session")
def catalog():
    """The real content, loaded once for the whole run (it is frozen, so sharing it is safe)."""
    return load_catalog(Settings(_env_file=None).content_dir)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))  # a Monday


@pytest.fixture
async def platform(tmp_path, fake, fake_time, clock, catalog):
    """peerbot's Slack platform in HTTP mode, listening on a free port of 127.0.0.1."""
    settings = slack_settings(tmp_path)
    bot = build_bot(settings, clock=clock, catalog=catalog)
    outbox = Outbox(bot.store, {}, bot.clock, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    slack = SlackPlatform(bot, settings, outbox, base_url=fake.api_url, host="127.0.0.1")
    await slack.start()
    yield slack
    await slack.stop(grace=5)
    bot.store.close()


@pytest.fixture
async def socket_platform(tmp_path, fake, fake_time, catalog):
    """peerbot's Slack platform in Socket Mode, not connected: tests dispatch envelopes to its app."""
    settings = slack_settings(tmp_path, SLACK_APP_TOKEN="xapp-1-A1-test", SLACK_SIGNING_SECRET=None)
    bot = build_bot(settings, catalog=catalog)
    outbox = Outbox(bot.store, {}, bot.clock, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    slack = SlackPlatform(bot, settings, outbox, base_url=fake.api_url)
    yield slack
    await slack.stop(grace=5)
    bot.store.close()


@pytest.fixture
def ws(platform, fake, tmp_path) -> Workspace:
    workspace = Workspace(f"http://127.0.0.1:{platform.port}/slack/events", SECRET, fake)
    yield workspace
    # Nothing a person typed in the test's conversation may be in the database afterwards.
    assert_no_user_text(str(tmp_path / "t.db"), workspace.typed)
