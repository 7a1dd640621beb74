"""`peerbot run` with a Discord token: Discord and the scheduler share one event loop, and a platform
that cannot start stops the run, so a supervisor sees it fail."""
from __future__ import annotations

import asyncio

import pytest

from adapters import runner
from adapters.bootstrap import build_bot
from adapters.discord import platform as discord_client
from adapters.settings import AppSettings as Settings


@pytest.fixture(autouse=True)
def quick_ready(monkeypatch):
    # discord.py waits guild_ready_timeout (2 s) after the last server arrives before it is ready.
    options = discord_client.client_options
    monkeypatch.setattr(discord_client, "client_options", lambda: {**options(), "guild_ready_timeout": 0.05})


async def serve_until_connected(fake, settings, catalog, clock) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(runner.serve(build_bot(settings, clock=clock, catalog=catalog), settings, stop))
    identified = asyncio.create_task(fake.identified.wait())
    await asyncio.wait({task, identified}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    identified.cancel()
    if task.done():
        task.result()  # serve ended before Discord connected: raise why
    assert fake.identified.is_set(), "Discord did not connect"
    stop.set()
    await asyncio.wait_for(task, 10)


async def test_run_connects_discord_and_stops_cleanly(fake, discord_settings, catalog, clock):
    """The runner starts the Discord platform alongside the scheduler and stops it when told to."""
    await serve_until_connected(fake, discord_settings, catalog, clock)
    assert fake.sockets == []  # the gateway connection was closed on stop


async def test_a_slack_that_cannot_start_stops_the_run_with_its_reason(fake, tmp_path, catalog, clock):
    """Slack misconfigured (a bot token but no way to connect) ends `serve` with one line saying so,
    rather than a bot that runs on without Slack and exits 0 (issue 18, defect 6)."""
    settings = Settings(PEERBOT_DB=str(tmp_path / "t.db"), DISCORD_TOKEN="fake-token", SLACK_BOT_TOKEN="xoxb-1",
                        SLACK_APP_TOKEN=None, SLACK_SIGNING_SECRET=None, _env_file=None)
    with pytest.raises(runner.PlatformFailed, match="slack failed to start: Slack needs SLACK_APP_TOKEN"):
        await asyncio.wait_for(runner.serve(build_bot(settings, clock=clock, catalog=catalog), settings,
                                            asyncio.Event()), 10)
