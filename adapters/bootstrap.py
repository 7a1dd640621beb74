"""The composition root: `build_bot` wires settings, content, store and clock into a `Bot`.

Production and tests both call it; tests pass their own store path and a fixed clock.
"""
from __future__ import annotations

from adapters.settings import AppSettings
from bot.app import Bot
from bot.catalog import Catalog, load_catalog
from bot.ports import Clock, Store, SystemClock
from bot.settings import Settings
from storage.sqlite import SqliteStore


def build_bot(settings: Settings | None = None, *, store: Store | None = None, clock: Clock | None = None,
              catalog: Catalog | None = None) -> Bot:
    settings = settings or AppSettings()
    clock = clock or SystemClock()
    return Bot(catalog=catalog or load_catalog(settings.content_dir),
               store=store if store is not None else SqliteStore(settings.db, clock),
               clock=clock, settings=settings)
