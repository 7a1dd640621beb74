"""`CoreWorker`: the core (`Bot.handle`, `Bot.tick`) runs on one thread of its own, off the event loop.

The single-writer pattern of datasette: one thread does the core's database work, in order, and
the event loop only awaits the result. SQLite may wait for another process's lock (a second
`peerbot tick`, a backup) and the first sweep over many schedules takes seconds; on this thread
that wait holds up the next core call only, never a Slack ack, a Discord interaction or a Teams
reply, which the loop keeps answering meanwhile.

Every adapter of one bot shares one worker (`for_bot`), so the core's calls never run two at a
time. The connection itself is serialized by the store (`storage.sqlite`), since the outbox and the
adapters' small bookkeeping (a delivery's receipt, a Slack retry remembered) still use it from the
loop between core calls. The console and the CLI call the core inline: they have no loop to keep.
"""
from __future__ import annotations

import asyncio
import logging
import sys
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
SWITCH_INTERVAL_S = 0.0005  # how often a thread holding the interpreter's lock lets another have it
log = logging.getLogger("peerbot.core")


class CoreWorker:
    """One thread, a queue in front of it, and `await call(fn, *args)` to run work there."""

    def __init__(self, name: str = "peerbot-core"):
        # Two threads now share the interpreter's lock: the loop's, which wants it back after every
        # network wait (an ack), and this one computing answers. Python hands it over every 5 ms by
        # default, so an ack could wait 5 ms behind one answer, most of its budget; every 0.5 ms keeps
        # acks prompt under load (bench: ack p99 at 190 requests/s, median of 4 alternated runs,
        # 9.95 ms at 5 ms against 5.4 ms at 0.5 ms). Process-wide, and only lowered, never raised.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        # A single-thread executor is exactly "one thread and a queue"; its thread starts with the
        # first call and ends when the worker is closed or collected.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._thread: threading.Thread | None = None

    def _on_thread(self, fn: Callable[..., T], args: tuple) -> T:
        self._thread = threading.current_thread()
        return fn(*args)

    def on_worker(self) -> bool:
        return threading.current_thread() is self._thread

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(*args)` on the worker thread after the work queued before it; await its result."""
        if self.on_worker():  # already there (a core call that asks for another): no queueing behind itself
            return fn(*args)
        return await asyncio.wrap_future(self._executor.submit(self._on_thread, fn, args))

    async def within(self, seconds: float, fn: Callable[..., T], *args: Any, otherwise: T) -> T:
        """`call`, but give up waiting after `seconds` and return `otherwise` (the work still runs).

        For checks in front of an acknowledgement: an answer to Slack in time matters more than one
        check that the database cannot make just now."""
        work = asyncio.ensure_future(self.call(fn, *args))
        try:
            return await asyncio.wait_for(asyncio.shield(work), seconds)
        except TimeoutError:
            work.add_done_callback(_log_late_failure)
            return otherwise

    def close(self) -> None:
        """Finish the queued work and end the thread."""
        self._executor.shutdown(wait=True)


def _log_late_failure(work: asyncio.Future) -> None:
    if not work.cancelled() and work.exception() is not None:
        log.warning("a check given up on in favour of an answer in time failed later: %s", work.exception())


# One worker per bot, shared by every adapter and the scheduler that serve it. `Bot` is a dataclass
# and so unhashable: keyed by identity, and dropped (its thread let go) when the bot is collected,
# so tests that make a bot each do not pile up threads.
_workers: dict[int, CoreWorker] = {}
# Re-entrant: making a worker allocates, an allocation can run the garbage collector, and that can
# finalize an old bot, whose `_forget` takes this lock on the same thread. A plain Lock deadlocked there.
_lock = threading.RLock()


def _forget(key: int) -> None:
    with _lock:
        worker = _workers.pop(key, None)
    if worker is not None:
        worker._executor.shutdown(wait=False)


def for_bot(bot: Any) -> CoreWorker:
    """The worker that runs this bot's core (made on first use)."""
    with _lock:
        worker = _workers.get(id(bot))
        if worker is None:
            worker = _workers[id(bot)] = CoreWorker()
            weakref.finalize(bot, _forget, id(bot))
        return worker


def close_for(bot: Any) -> None:
    """Finish the bot's queued core work and end its thread (at the end of `peerbot run`)."""
    with _lock:
        worker = _workers.pop(id(bot), None)
    if worker is not None:
        worker.close()
