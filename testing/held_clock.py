"""`peerbot` in a process whose wall clock a test holds, for end-to-end tests of `peerbot run`.

    python -m testing.held_clock CLOCK_FILE run

runs the real `peerbot run` (adapters.cli) with two things set from outside, as `peerbot tick --at`
sets the instant of one tick:
- **the time**: the wall clock (`datetime.now`, `time.time`) stands at the instant written in
  CLOCK_FILE (ISO 8601) and moves only when the test writes another there and sends the process
  SIGUSR1; the minute sweep's APScheduler is then woken to look at the new time at once, so a test
  makes a minute's schedules due in every process without waiting for that minute. (time-machine;
  the loop's monotonic timers, which pace posts and keep connections alive, run as usual.)
- **where Discord is**: with `PEERBOT_TEST_DISCORD=http://127.0.0.1:PORT` discord.py's REST and
  gateway URLs point at testing.fake_discord there (Discord itself has no setting for it).

Never used by peerbot itself (a test checks that nothing under bot/, adapters/ or storage/ imports
`testing`).
"""
from __future__ import annotations

import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from types import FrameType


def main(argv: list[str]) -> None:
    clock_file, args = Path(argv[0]), argv[1:]
    moves: list[object] = []  # a SIGUSR1 before the clock is set up is remembered, not fatal

    def early(signum: int, frame: FrameType | None) -> None:
        moves.append(signum)
    signal.signal(signal.SIGUSR1, early)

    import time_machine
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    def read() -> datetime:
        return datetime.fromisoformat(clock_file.read_text().strip())

    traveller = time_machine.travel(read(), tick=False).start()
    schedulers: list[AsyncIOScheduler] = []
    start = AsyncIOScheduler.start

    def started(self: AsyncIOScheduler, *a: object, **k: object) -> None:
        schedulers.append(self)
        start(self, *a, **k)
    AsyncIOScheduler.start = started  # type: ignore[method-assign]  # to wake it when the clock moves

    def move(signum: int, frame: FrameType | None) -> None:
        traveller.move_to(read())
        for scheduler in schedulers:
            if scheduler.running:
                scheduler.wakeup()  # thread-safe: it schedules itself on the scheduler's loop
    signal.signal(signal.SIGUSR1, move)
    if moves:
        move(signal.SIGUSR1, None)

    if fake := os.environ.get("PEERBOT_TEST_DISCORD"):
        import discord
        import yarl

        discord.http.Route.BASE = f"{fake}/api/v10"
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.replace("http://", "ws://") + "/gateway")

    from adapters.cli import main as peerbot

    peerbot.main(args=args, prog_name="peerbot")


if __name__ == "__main__":
    main(sys.argv[1:])
