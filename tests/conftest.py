"""Shared fixtures: a real bot on a temporary SQLite file, a clock that only moves when told, and
`Chat`, a conversation driver over the real core (the console adapter's way of talking to it)."""
from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from adapters.bootstrap import build_bot
from bot.app import Bot
from bot.content.catalog import Catalog, load_catalog
from bot.messages import Command, Post, Press, Reply, Role, Where, Who
from bot.ports import FixedClock
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# Generated tests are derandomized, so the suite is the same on every run and machine; `make fuzz`
# explores with fresh random examples, many more of them (findings become fixed examples or fixes).
hypothesis_settings.register_profile("suite", derandomize=True, database=None, max_examples=150, deadline=None)
hypothesis_settings.register_profile("explore", max_examples=3000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(ROOT / "content")


@pytest.fixture
def settings(tmp_path, request) -> Settings:
    # PEERBOT_TEST_STORE=postgres runs the conversation tests on PostgreSQL instead (each on a fresh
    # database): the whole core over the other store. Tests that open the SQLite file themselves
    # do not apply there.
    extra = {}
    if os.environ.get("PEERBOT_TEST_STORE") == "postgres":
        extra["database_url"] = request.getfixturevalue("postgres_url")
    return Settings(db=str(tmp_path / "peerbot.db"), timezone="America/Toronto", _env_file=None, **extra)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


# What people typed to the bot in each test, by database file: after the test the file is searched
# for it (see `assert_no_user_text`), so every conversation in the suite checks that nothing a
# person wrote was stored.
SAID: dict[str, list[str]] = {}


@pytest.fixture
def bot(settings, clock, catalog) -> Bot:
    made = build_bot(settings, clock=clock, catalog=catalog)
    yield made
    said = SAID.pop(settings.db, [])
    if settings.database_url is not None:  # PEERBOT_TEST_STORE=postgres: the same search, in PostgreSQL
        from adapters.bootstrap import open_store

        made.store.close()  # its pool's connections and threads, before the database is dropped
        store = open_store(settings, clock)  # a restart in the test may have closed the first one
        try:
            assert_not_in_rows(store.everything(), said)
        finally:
            store.close()
    else:
        assert_no_user_text(settings.db, said)


def remembered(text: str) -> str | None:
    """The part of a message that would betray it if stored: the words after the command word."""
    from bot.router import split

    verb, rest = split(text)
    rest = rest if verb != "ask" else text
    return rest.strip() if len(rest.strip()) >= 12 and " " in rest.strip() else None


def assert_not_in_rows(tables: dict[str, list[dict]], said: list[str]) -> None:
    """`assert_no_user_text` over a store's export (`Store.everything`), for stores that are not a file."""
    needles = {r for r in map(remembered, said) if r}
    for table, rows in tables.items():
        for row in rows:
            for value in row.values():
                if isinstance(value, str):
                    found = [n for n in needles if n.lower() in value.lower()]
                    assert not found, f"user text stored in {table}: {found}"


def assert_no_user_text(path: str, said: list[str]) -> None:
    import sqlite3

    needles = {r for r in map(remembered, said) if r}
    if not needles or not Path(path).exists():
        return
    conn = sqlite3.connect(path)
    try:
        for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
            for row in conn.execute(f"select * from [{table}]"):
                for value in row:
                    if isinstance(value, str):
                        found = [n for n in needles if n.lower() in value.lower()]
                        assert not found, f"user text stored in {table}: {found}"
    finally:
        conn.close()


HERE = Where("test", "team", "c-general")  # where a Chat talks unless told otherwise


class FakeSleep:
    """Stands in for `asyncio.sleep` in the outbox and the platforms' retries: records how long it was
    asked to wait, and waits not at all."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


class Chat:
    """One person in one channel, talking to the bot."""

    def __init__(self, bot: Bot, user: str = "u-ana", role: Role = Role.PARTICIPANT,
                 where: Where = HERE):
        self.bot = bot
        self.who = Who(user, role, user)
        self.where = where
        self.log: list[Reply | Post] = []

    def as_(self, user: str, role: Role = Role.PARTICIPANT) -> "Chat":
        other = Chat(self.bot, user, role, self.where)
        other.log = self.log
        return other

    def say(self, text: str) -> list[Reply | Post]:
        SAID.setdefault(self.bot.settings.db, []).append(text)
        out = list(self.bot.handle(Command(text, self.who, self.where)).messages)
        self.log += out
        return out

    def press(self, label: str, values: dict[str, str] | None = None) -> list[Reply | Post]:
        """Press the most recent button with this label."""
        for message in reversed(self.log):
            reply = message.reply if isinstance(message, Post) else message
            for choice in reply.choices:
                if choice.label == label:
                    return self.press_action(choice.action, values)
        raise AssertionError(f"no button {label!r} in the conversation")

    def press_action(self, action: str, values: dict[str, str] | None = None) -> list[Reply | Post]:
        SAID.setdefault(self.bot.settings.db, []).extend((values or {}).values())
        out = list(self.bot.handle(Press(action, self.who, self.where, tuple((values or {}).items()))).messages)
        self.log += out
        return out

    @property
    def last(self) -> Reply:
        return next(m for m in reversed(self.log) if isinstance(m, Reply))

    @property
    def posts(self) -> list[Post]:
        return [m for m in self.log if isinstance(m, Post)]


@pytest.fixture
def chat(bot) -> Chat:
    return Chat(bot)


@pytest.fixture
def facilitator(bot) -> Chat:
    return Chat(bot, "u-fay", Role.FACILITATOR)


def reopen(bot: Bot, settings: Settings, clock, catalog) -> Bot:
    """The same database, a fresh process: what a restart looks like."""
    from adapters.bootstrap import open_store

    bot.store.close()
    return build_bot(settings, clock=clock, catalog=catalog, store=open_store(settings, clock))


def pytest_collection_modifyitems(config, items):
    # PEERBOT_TEST_STORE=postgres: a test that opens the SQLite file itself has nothing to look at.
    if os.environ.get("PEERBOT_TEST_STORE") == "postgres":
        skip = pytest.mark.skip(reason="opens the SQLite file itself; PEERBOT_TEST_STORE=postgres keeps none")
        for item in items:
            if item.get_closest_marker("sqlite_file"):
                item.add_marker(skip)


# -- PostgreSQL (tests marked `postgres`) ------------------------------------------------------
@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session: PEERBOT_TEST_DATABASE_URL's, or a throwaway cluster on a
    Unix socket started here and removed at the end (tests/postgres_server.py). Tests skip, saying
    why, only when no server can be had; with PEERBOT_REQUIRE_POSTGRES=1 (set by .ci/run) they fail."""
    from tests.postgres_server import Cluster, Databases, NoServer

    url, cluster = os.environ.get("PEERBOT_TEST_DATABASE_URL", "").strip(), None
    try:
        if not url:
            cluster = Cluster()
            url = cluster.start()
        databases = Databases(url)
        databases.prepare()
    except (NoServer, OSError, ImportError) as e:
        if cluster is not None:
            cluster.stop()
        _no_postgres(f"no PostgreSQL server for the tests marked postgres: {e}")
    except Exception as e:  # psycopg's: a server named by PEERBOT_TEST_DATABASE_URL that refused us
        if cluster is not None:
            cluster.stop()
        _no_postgres(f"the PostgreSQL server at PEERBOT_TEST_DATABASE_URL cannot be used: {e}")
    yield databases
    try:
        databases.close()
    finally:
        if cluster is not None:
            cluster.stop()


def _no_postgres(reason: str):
    if os.environ.get("PEERBOT_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A database with peerbot's schema and nothing in it, for this test (emptied before each test)."""
    return postgres_server.fresh()
