"""`peerbot doctor`'s look at a PostgreSQL database (`PEERBOT_DATABASE_URL`): can it be reached, is
it migrated, and which schedules could not post there.

Read-only, like the rest of the doctor: it connects in a read-only session and migrates nothing. With
SQLite (no PEERBOT_DATABASE_URL) it says nothing; `adapters.doctor_reach` reads the file.
"""
from __future__ import annotations

from bot.settings import Settings

Row = tuple[str, bool, str]

REFUSED = ("select id, platform, channel_id, last_failure, paused_why from schedules "
           "where last_failure != '' or paused_why != '' order by platform, channel_id, id")


def _connect(url: str):
    import psycopg
    from psycopg.rows import dict_row

    conn = psycopg.connect(url, connect_timeout=5, row_factory=dict_row, autocommit=True,
                           application_name="peerbot doctor", options="-c default_transaction_read_only=on")
    return conn


def database_checks(settings: Settings) -> list[Row]:
    if settings.database_url is None:
        return []
    import psycopg

    from storage import postgres_schema
    from storage.postgres import redacted

    url = settings.database_url.get_secret_value()
    shown = redacted(url)
    try:
        with _connect(url) as conn:
            version = conn.execute("show server_version").fetchone()["server_version"]
            known = conn.execute("select to_regclass('peerbot_migrations') is not null as there").fetchone()["there"]
            done = {r["name"] for r in conn.execute("select name from peerbot_migrations")} if known else set()
    except psycopg.Error as e:
        return [("PostgreSQL database reachable", False,
                 f"{shown}: {' '.join(str(e).split())} (check PEERBOT_DATABASE_URL, and that the server is running)")]
    missing = [name for name, _ in postgres_schema.STEPS if name not in done]
    rows: list[Row] = [("PostgreSQL database reachable", True, f"{shown} (PostgreSQL {version})")]
    if missing:
        rows.append(("PostgreSQL schema", True, f"{len(missing)} migration(s) to apply; the first `peerbot` command "
                                                "applies them"))
    return rows


def refused_schedules_pg(url: str) -> list[dict]:
    """`adapters.doctor_reach.refused_schedules` for PostgreSQL: [] when it cannot be read."""
    import psycopg

    try:
        with _connect(url) as conn:
            return conn.execute(REFUSED).fetchall()
    except psycopg.Error:  # unreachable (database_checks says so) or not migrated yet
        return []
