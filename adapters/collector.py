"""Start-up without Python's cyclic garbage collector (issue 22).

A start allocates a few hundred thousand objects that all live as long as the process: modules,
classes, compiled patterns, the content, the search index. Python's collector, counting those
allocations, walks every tracked object several times during the start (a full pass over 45,000
objects is about 17 ms here) and once more at exit, and finds next to nothing: that was about
85 ms of a `peerbot ask` (0.42 -> 0.33 s, median of 14 alternating runs). So the imports and
the building of the bot run with the collector paused; what they made is then frozen (moved where
the collector never looks again, `gc.freeze`) and the collector resumed as it was, so a server
collects the garbage of each request as before, over a heap that no longer includes the start's.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The block runs with the cyclic collector off; afterwards every object then tracked is frozen
    and the collector is on again if it was on before (a nested pause leaves it to the outer one)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
