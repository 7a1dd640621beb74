"""A throwaway PostgreSQL server for the tests: a fresh cluster on a Unix socket in a temporary folder.

`Cluster.start()` runs the Debian package's `initdb` and `pg_ctl` (found on PATH or under
/usr/lib/postgresql/*/bin); as root they run as the `postgres` user, since PostgreSQL refuses to run
as root. The server listens on no TCP port at all, only on the socket in its folder, trusts local
connections, and skips fsync: it holds nothing worth keeping. `stop()` stops it and removes the
folder. `Databases` makes one empty, migrated database per test by copying a template, which is
much faster than migrating each one.

`PEERBOT_TEST_DATABASE_URL` names a server someone else started instead (it must allow CREATE
DATABASE); then nothing is started or stopped here.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

TEMPLATE = "peerbot_template"


class NoServer(RuntimeError):
    """No PostgreSQL server could be had; the message says why, for the skip reason."""


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then the newest Debian install."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                      key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


class Cluster:
    def __init__(self) -> None:
        self.dir: Path | None = None
        self.bin = binaries()

    def _as_owner(self, *args: str) -> list[str]:
        # PostgreSQL will not run as root; the Debian package makes the `postgres` user for it.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def start(self) -> str:
        """Start the server; its URL (the `postgres` database, as the `postgres` superuser)."""
        if self.bin is None:
            raise NoServer("PostgreSQL is not installed (no initdb or pg_ctl on PATH or under /usr/lib/postgresql); "
                           "`make test` installs Debian's postgresql package, or set PEERBOT_TEST_DATABASE_URL")
        self.dir = Path(tempfile.mkdtemp(prefix="peerbot-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data, log = self.dir / "data", self.dir / "server.log"
        try:
            self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--locale=C", "--no-sync")
            options = (f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off -c max_connections=200")
            self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "30",
                      "start")
        except NoServer:
            self.stop()
            raise
        return f"postgresql://postgres@/postgres?host={quote(str(self.dir))}"

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._as_owner(*args), capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            log = self.dir / "server.log" if self.dir else None
            tail = log.read_text()[-800:] if log and log.exists() else ""
            raise NoServer(f"{Path(args[0]).name} failed ({done.returncode}): {(done.stderr or done.stdout).strip()} "
                           f"{tail}".strip())

    def stop(self) -> None:
        if self.dir is None:
            return
        if (self.dir / "data" / "postmaster.pid").exists():
            subprocess.run(self._as_owner(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",
                                          "-w", "stop"), capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


def with_database(url: str, name: str) -> str:
    """`url` (a postgresql:// URL, as PEERBOT_DATABASE_URL takes) pointed at another database on the same server."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise NoServer(f"PEERBOT_TEST_DATABASE_URL must be a postgresql:// URL, not {parts.scheme or 'key=value'} "
                       "settings")
    return urlunsplit(parts._replace(path="/" + quote(name)))


class Databases:
    """Databases on one server: one migrated database emptied before each test (`fresh`), and new
    ones copied from a migrated template (or empty) for tests that need a database of their own."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self._names = itertools.count(1)
        # Unique per session, so two test runs sharing PEERBOT_TEST_DATABASE_URL never collide.
        self.prefix = f"peerbot_t{os.getpid()}_"
        self.template = f"{TEMPLATE}_{os.getpid()}"
        self._shared: str | None = None

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(self.admin_url, autocommit=True)

    def prepare(self) -> None:
        """Make the template: an empty database with peerbot's schema applied."""
        from storage import postgres_schema

        with_database(self.admin_url, self.template)  # a URL we can point elsewhere, or NoServer now
        with self._admin() as conn:
            conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(self.template)))
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(self.template)))
        with psycopg.connect(with_database(self.admin_url, self.template), autocommit=True) as conn:
            postgres_schema.apply(conn)

    def fresh(self) -> str:
        """The shared test database, every table emptied and every id sequence restarted.

        Emptying (about 25 ms) is several times faster than copying the template and dropping the copy
        afterwards. Another session still connected (a store a failed test left open) is ended first,
        so it can hold no lock the emptying would wait for."""
        if self._shared is None:
            self._shared = self.create()
        with psycopg.connect(self._shared, autocommit=True) as conn:
            conn.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                         "where datname = current_database() and pid != pg_backend_pid()")
            tables = [name for (name,) in conn.execute(
                "select relname from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace "
                "and relname != 'peerbot_migrations'")]
            conn.execute(sql.SQL("truncate {} restart identity").format(
                sql.SQL(", ").join(map(sql.Identifier, tables))))
        return self._shared

    def create(self, migrated: bool = True) -> str:
        """A new database, migrated (a copy of the template) or empty; its URL."""
        name = f"{self.prefix}{next(self._names)}"
        with self._admin() as conn:
            query = sql.SQL("create database {}").format(sql.Identifier(name))
            if migrated:
                query += sql.SQL(" template {}").format(sql.Identifier(self.template))
            conn.execute(query)
        return with_database(self.admin_url, name)

    def drop(self, url: str) -> None:
        name = unquote(urlsplit(url).path.lstrip("/"))
        with self._admin() as conn:
            # FORCE: a store a failing test left open must not keep its database alive.
            conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))

    def close(self) -> None:
        with self._admin() as conn:
            rows = conn.execute("select datname from pg_database where datname like %s",
                                [self.prefix.replace("_", r"\_") + "%"]).fetchall()
            for (name,) in rows:
                conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(self.template)))
