"""Virtual time for delivery benchmarks: an asyncio loop whose clock jumps instead of waiting.

`VirtualLoop` is a real `SelectorEventLoop` (real tasks, locks, semaphores, `asyncio.sleep`) whose
`time()` is a number that moves only when nothing is runnable: then it jumps straight to the next
timer. So a delivery that would wait 1,000 real seconds on rate limits finishes in the time the CPU
work takes, and `loop.time()` at the end says how long it would have taken on a real clock, if the
CPU work took no time. CPU work itself (rendering, SQLite) does not move the virtual clock; the
benchmarks report the real wall time of the run next to the virtual one for that reason.

Only for code that never waits on real I/O: a virtual jump cannot wait for a socket.
"""
from __future__ import annotations

import asyncio
import selectors


class _JumpingSelector(selectors.DefaultSelector):
    def __init__(self, loop: "VirtualLoop"):
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None):
        events = super().select(0)
        if events:
            return events
        if timeout is None:
            raise RuntimeError("every task is waiting and no timer is set: nothing can ever move again")
        self._loop.now += timeout  # nothing runnable: jump to the next timer
        return events


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self.now = 0.0
        super().__init__(selector=_JumpingSelector(self))

    def time(self) -> float:
        return self.now


def run_virtual(coro):
    """Run `coro` to completion on a fresh `VirtualLoop`; returns (result, virtual seconds taken)."""
    loop = VirtualLoop()
    try:
        start = loop.time()
        result = loop.run_until_complete(coro)
        return result, loop.time() - start
    finally:
        loop.close()
