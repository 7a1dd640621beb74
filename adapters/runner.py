"""`peerbot run` with platform tokens: every platform plus the scheduler in one event loop.

Every configured platform must start: one that cannot (its port taken, a token refused) stops the
others and `peerbot run` exits non-zero (status 4), so a supervisor restarts it or someone looks,
instead of a bot that says it is running while Slack gets no answer. A platform that is merely
unreachable at start-up is not a failure: it warns and connects when it can.
"""
from __future__ import annotations

import asyncio
import logging
import signal
from datetime import timedelta

from adapters import core_worker
from adapters.scheduler import Registrar
from adapters.settings import AppSettings
from bot.app import Bot
from bot.delivery.outbox import Outbox

log = logging.getLogger("peerbot.run")


class PlatformFailed(RuntimeError):
    """A configured platform could not start; the message says which and why, in one line."""


def platform_classes(settings: AppSettings) -> dict[str, type]:
    classes: dict[str, type] = {}
    if settings.slack_bot_token or settings.slack_many_workspaces:
        from adapters.slack.platform import SlackPlatform

        classes["slack"] = SlackPlatform
    if settings.discord_token:
        from adapters.discord.platform import DiscordPlatform

        classes["discord"] = DiscordPlatform
    if settings.teams_app_id.strip():
        from adapters.teams.platform import TeamsPlatform

        classes["teams"] = TeamsPlatform
    return classes


def platform_transports(bot: Bot, settings: AppSettings) -> dict:
    """Transports for delivering posts outside `run` (for `peerbot tick`)."""
    outbox = Outbox(bot.store, {}, bot.clock, lease=timedelta(seconds=settings.lease_seconds))
    transports = {}
    for name, cls in platform_classes(settings).items():
        transports[name] = cls(bot, settings, outbox).transport
    return transports


async def serve(bot: Bot, settings: AppSettings, stop: asyncio.Event) -> None:
    # Any number of `peerbot run` processes may share the database: each ticks, delivers and takes
    # over what a dead one left (bot.delivery.outbox's leases), with no leader and no lock.
    outbox = Outbox(bot.store, {}, bot.clock, lease=timedelta(seconds=settings.lease_seconds))
    platforms = {}
    for name, cls in platform_classes(settings).items():
        try:
            platform = cls(bot, settings, outbox)
            await platform.start()
        except Exception as e:  # noqa: BLE001 - said in one line, then the process exits non-zero
            log.error("%s failed to start: %s", name, e)
            for started in platforms.values():
                await started.stop()
            raise PlatformFailed(f"{name} failed to start: {e}") from None
        platforms[name] = platform
        outbox.transports[name] = platform.transport
        log.info("%s connected", name)
    registrar = Registrar(bot, outbox)
    log.info("loaded %d schedule(s); worker %s", registrar.load(), outbox.worker)
    registrar.start()
    await outbox.recover(timedelta(minutes=settings.grace_minutes))
    try:
        await stop.wait()
    finally:
        registrar.stop()
        for name, platform in platforms.items():
            try:
                await platform.stop()
            except Exception:  # noqa: BLE001
                log.exception("%s did not stop cleanly", name)
        core_worker.close_for(bot)  # the core's last call finishes before the process ends


def run_platforms(bot: Bot, settings: AppSettings) -> None:
    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(bot, settings, stop)

    asyncio.run(main())
