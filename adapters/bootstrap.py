"""The composition root: `build_bot` wires settings, content, store and clock into a `Bot`.

Production and tests both call it; tests pass their own store path and a fixed clock. The store is
SQLite (`PEERBOT_DB`) unless `PEERBOT_DATABASE_URL` names a PostgreSQL database (`open_store`).
"""
from __future__ import annotations

from adapters.settings import AppSettings
from bot.app import Bot
from bot.content.catalog import Catalog, load_catalog
from bot.ports import Clock, Store, SystemClock
from bot.settings import Settings
from storage.sqlite import SqliteStore


def open_store(settings: Settings, clock: Clock | None = None) -> Store:
    """The store the settings name: PostgreSQL for PEERBOT_DATABASE_URL, else the SQLite file."""
    if settings.database_url is not None:
        from storage.postgres import PostgresStore  # psycopg only when PostgreSQL is used

        return PostgresStore(settings.database_url.get_secret_value(), clock)
    return SqliteStore(settings.db, clock)


def build_bot(settings: Settings | None = None, *, store: Store | None = None, clock: Clock | None = None,
              catalog: Catalog | None = None) -> Bot:
    settings = settings or AppSettings()
    clock = clock or SystemClock()
    return Bot(catalog=catalog or load_catalog(settings.content_dir),
               store=store if store is not None else open_store(settings, clock),
               clock=clock, settings=settings)
