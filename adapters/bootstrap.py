"""The composition root: `build_bot` wires settings, content, store and clock into a `Bot`.

Production and tests both call it; tests pass their own store path and a fixed clock. The store is
SQLite (`PEERBOT_DB`) unless `PEERBOT_DATABASE_URL` names a PostgreSQL database (`open_store`).
`build_bot(..., store_on_first_use=True)` opens it only when something first uses it (`peerbot ask`
answers from the content alone, and opening the store, sqlite-utils' import and the migrations,
was 45 ms of its start). `build_bot(..., numpy=False)` opens a SQLite store without letting
sqlite-utils import numpy (`open_store`).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, cast

from adapters.settings import AppSettings
from bot.app import Bot
from bot.content.catalog import Catalog, load_catalog
from bot.ports import Clock, Store, SystemClock
from bot.settings import Settings


def open_store(settings: Settings, clock: Clock | None = None, *, numpy: bool = True) -> Store:
    """The store the settings name: PostgreSQL for PEERBOT_DATABASE_URL, else the SQLite file.
    `numpy=False`: sqlite-utils is imported without numpy (`_sqlite_utils_without_numpy`)."""
    if settings.database_url is not None:
        from storage.postgres import PostgresStore  # psycopg only when PostgreSQL is used

        return PostgresStore(settings.database_url.get_secret_value(), clock)
    if not numpy:
        _sqlite_utils_without_numpy()
    from storage.sqlite import SqliteStore  # sqlite-utils only when the store is opened

    return SqliteStore(settings.db, clock)


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with `import numpy` failing for that moment. It imports numpy, when
    installed, only to map numpy's number types to column types (`sqlite_utils.db`), and peerbot
    stores none; numpy's import is 0.1 s, a quarter of a one-question `peerbot ask`, which answers
    without it (the retriever sums in plain Python, to the same floats). numpy imports as usual
    afterwards (a refit needs it); a process that has it loaded already is left as it is."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


class StoreOnFirstUse:
    """A store opened the first time anything reads an attribute of it (a method, a property), then
    that store itself for everything after. A database that cannot be used is still reported, as
    the command line's one line, when the store is first used, not at start."""

    def __init__(self, opener: Callable[[], Store]):
        self._opener = opener
        self._store: Store | None = None

    def __getattr__(self, name: str) -> Any:
        if self._store is None:
            self._store = self._opener()
        return getattr(self._store, name)


def build_bot(settings: Settings | None = None, *, store: Store | None = None, clock: Clock | None = None,
              catalog: Catalog | None = None, store_on_first_use: bool = False, numpy: bool = True) -> Bot:
    settings = settings or AppSettings()
    clock = clock or SystemClock()
    if store is None and store_on_first_use:
        # Stands in for the store (it has every attribute the store has, from the store itself).
        store = cast(Store, StoreOnFirstUse(lambda: open_store(settings, clock, numpy=numpy)))
    elif store is None:
        store = open_store(settings, clock, numpy=numpy)
    return Bot(catalog=catalog or load_catalog(settings.content_dir), store=store, clock=clock, settings=settings)
