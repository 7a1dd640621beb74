"""Start-up: the collector paused while the CLI imports and builds the bot (adapters.collector)."""
from __future__ import annotations

import gc

from adapters import collector


def test_the_collector_is_paused_inside_and_resumed_with_what_was_made_frozen():
    """Inside `paused()` the cyclic collector is off; afterwards it is on again, and the objects made
    inside are frozen (never walked again); a nested pause leaves turning it on to the outer one."""
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        with collector.paused():
            assert not gc.isenabled()
            made = [[i] for i in range(1000)]
            with collector.paused():
                pass
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(made)
    finally:
        gc.enable()


def test_the_collector_stays_off_after_a_pause_when_it_was_off_before():
    """Code that had turned the collector off keeps it off after a pause."""
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
