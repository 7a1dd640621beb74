"""One worker on Discord's gateway at a time (adapters.gateway_lock): two peerbot workers on one
database, each with its own store and Discord client, against the fake Discord on 127.0.0.1. The
first connects; the second stands by, still able to post; when the first dies its lease runs out
and the second connects. The clock is a fixed one moved by the test; the standby's polling is short
and every wait has a deadline."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from adapters.bootstrap import build_bot
from adapters.discord.platform import DiscordPlatform
from adapters.gateway_lock import GatewayLock
from bot.delivery.outbox import Outbox
from storage.sqlite import SqliteStore

LEASE = timedelta(seconds=20)


def worker(settings, clock, catalog, name: str) -> DiscordPlatform:
    bot = build_bot(settings, clock=clock, catalog=catalog, store=SqliteStore(settings.db, clock))
    lock = GatewayLock(bot.store, clock, lease=LEASE, holder=name, every=0.02)
    return DiscordPlatform(bot, settings, Outbox(bot.store, {}, clock), ready_timeout=10, guild_ready_timeout=0.05,
                           gateway_lock=lock)


async def until(condition, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_a_lock_has_one_holder_until_its_lease_runs_out_or_it_is_released(settings, clock):
    """The second holder is refused while the first renews; it gets the lock once the first's lease
    has run out, and the first then finds it lost; a released lock is free at once."""
    store = SqliteStore(settings.db, clock)
    first, second = (GatewayLock(store, clock, lease=LEASE, holder=h) for h in ("w1", "w2"))
    assert first.acquire() and not second.acquire()
    clock.set(clock.now() + LEASE / 2)
    assert first.acquire() and not second.acquire()  # renewed: the lease runs from now
    clock.set(clock.now() + LEASE)  # the first missed its renewals (died, or froze)
    assert second.acquire() and not first.acquire()
    second.release()
    assert first.acquire()
    store.close()


async def test_a_standby_worker_connects_to_the_gateway_once_the_holder_has_died(fake, discord_settings, clock,
                                                                                  catalog):
    """The first worker connects and the second stands by with no gateway connection; when the first
    dies (its connection drops, its renewals stop), the second connects once the lease has run out."""
    first = worker(discord_settings, clock, catalog, "w1")
    await first.start()
    assert first.on_gateway and len(fake.sockets) == 1
    second = worker(discord_settings, clock, catalog, "w2")
    await second.start()
    assert not second.on_gateway and len(fake.sockets) == 1  # standing by
    await until(lambda: second.gateway_lock.store.db.execute(  # it has polled, and was refused
        "select holder from locks").fetchone()[0] == "w1" and not second.gateway_lock.held)

    first._keeper.cancel()  # the first worker dies: no more renewals, its connection drops
    await first._leave_gateway()
    await until(lambda: len(fake.sockets) == 0)
    fake.identified.clear()
    assert not second.on_gateway  # its lease has not run out yet
    clock.set(clock.now() + LEASE)
    await asyncio.wait_for(fake.identified.wait(), 10)
    await until(lambda: second.on_gateway and len(fake.sockets) == 1)
    await second.stop()
    await first.client.close()
