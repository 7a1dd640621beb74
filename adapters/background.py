"""Work an adapter starts after it has answered the platform: deliveries, follow-ups, late replies.

Slack and Teams both answer first (an ack, an HTTP 200) and then keep working. Each such task is
kept until it ends, so that a failure is logged instead of lost and `drain` (used at shutdown and
by the tests) can wait for everything started so far, including what those tasks start themselves.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

log = logging.getLogger("peerbot")


class BackgroundWork:
    """A mixin: `spawn` a coroutine, `drain` them all. Subclasses name themselves in `platform_name`."""

    platform_name = "platform"
    tasks: set[asyncio.Task]

    def spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self.tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background %s work failed", self.platform_name, exc_info=task.exception())

    async def drain(self) -> None:
        """Wait for every answer and delivery started so far (and any they start)."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)
