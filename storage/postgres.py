"""The PostgreSQL store: the same `bot.ports.Store` as `storage.sqlite.SqliteStore`, for several workers.

Chosen by `PEERBOT_DATABASE_URL=postgresql://…` (`adapters.bootstrap.open_store`). psycopg 3 with its
connection pool: each call outside a transaction borrows a connection and commits on its own (as a
SQLite statement does in autocommit mode); `transaction()` pins one connection to the calling
thread until the outermost block ends, and nested blocks are savepoints, so every store call inside
it runs in that transaction. Threads do not share a connection, so unlike SQLite no store-wide lock
is needed: the core's thread and the event loop each get their own.

What makes several workers on one database safe is the database's own guarantees, not any process:
- a post is sent only by the worker whose `INSERT … ON CONFLICT DO NOTHING` on its key inserted the
  row (`claim_delivery`); a second claim of the key, concurrent or years later, inserts nothing;
- the work a tick hands out (`due_schedules`, `runs_due`, `rounds_open_before`) is read with
  `FOR UPDATE SKIP LOCKED`: inside the caller's transaction the rows stay locked until it commits,
  and another worker ticking meanwhile skips them instead of waiting for them or taking them too
  (`bot.schedules.chat.tick` holds one transaction for the whole tick, then waits for the rows it
  skipped and runs those still due: see `due_schedules`);
- upserts are one `INSERT … ON CONFLICT … DO UPDATE` statement: no probe, nothing to cache wrongly;
- the schema is migrated once under an advisory lock (`storage.postgres_schema`);
- the Discord gateway is one worker's through an advisory lock on a session of its own, which the
  server lets go of when that worker's process dies (`try_lock`).
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import secrets
import threading
from collections.abc import Iterator
from datetime import UTC
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from bot.ports import Clock, SystemClock
from bot.records import AuditEntry, Closure, ConversationRef, Delivery, Round, Run, Schedule
from storage import postgres_schema
from storage import rows as convert

# Connections one worker keeps at most: the core's thread and the event loop's calls, plus headroom
# for a transaction held while the other side reads.
POOL_SIZE = 5
# Seconds to wait for a connection (the server starting, the pool busy) before saying so.
CONNECT_TIMEOUT = 10.0
# The first half of every named lock's advisory key (the second is the name's hash): "peer" in ASCII.
# Two-part keys never meet the migrations' one-part key (storage.postgres_schema.MIGRATION_LOCK).
LOCK_CLASS = 0x70656572

log = logging.getLogger("peerbot.storage")

# Tables `everything` leaves out: the vote key is a secret, and the migration record is not state.
NOT_EXPORTED = {"meta", "peerbot_migrations", "installations", "oauth_states"}  # secrets: never exported


def redacted(url: str) -> str:
    """The URL to show a person: user, host, port and database, never the password."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "(a PostgreSQL URL that cannot be read)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "")
    port = f":{parts['port']}" if parts.get("port") else ""
    if host.startswith("/"):  # a Unix socket's folder
        return f"postgresql://{user}/{parts.get('dbname', '')}?host={host}"
    return f"postgresql://{user}{host}{port}/{parts.get('dbname', '')}"


def _value(value: Any) -> Any:
    # Flags are integer columns (as in SQLite, where True is 1); PostgreSQL will not store a boolean
    # in an integer column without a cast.
    return int(value) if isinstance(value, bool) else value


class PostgresStore:
    # Seconds a tick's second look waits for the due schedules another worker's tick holds (a tick
    # holds them while it works out their runs, about a second for a thousand).
    HELD_WAIT = 15.0

    def __init__(self, url: str, clock: Clock | None = None, *, pool_size: int = POOL_SIZE,
                 timeout: float = CONNECT_TIMEOUT):
        self.url = url
        self.clock = clock or SystemClock()
        self._secret: bytes | None = None
        self._local = threading.local()
        self._timeout = timeout
        # Named locks: a session of its own per lock and holder, and which of them hold their lock.
        self._lock_sessions: dict[tuple[str, str], psycopg.Connection[Any]] = {}
        self._locks_held: set[tuple[str, str]] = set()
        self._lock_guard = threading.Lock()
        # Migrate on a connection of its own first: an unreachable server or a refused password fails
        # here, in one psycopg error, before any pool thread starts retrying in the background.
        with psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)),
                             application_name="peerbot") as conn:
            postgres_schema.apply(conn)
        self.pool = ConnectionPool(url, min_size=1, max_size=max(1, pool_size), timeout=timeout, open=True,
                                   name="peerbot", check=ConnectionPool.check_connection,
                                   kwargs={"autocommit": True, "row_factory": dict_row,
                                           "application_name": "peerbot"})

    def close(self) -> None:
        with self._lock_guard:
            for name, holder in list(self._lock_sessions):
                self._drop_lock_session(name, holder)
            self._locks_held.clear()
        self.pool.close()

    def _now(self) -> str:
        return self.clock.now().astimezone(UTC).isoformat(timespec="seconds")

    # -- connections and transactions -----------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """All the writes inside commit together, or not at all; nested, a savepoint."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with conn.transaction():
                yield conn
            return
        with self.pool.connection() as conn:
            self._local.conn = conn
            try:
                with conn.transaction():
                    yield conn
            finally:
                self._local.conn = None

    @contextlib.contextmanager
    def _conn(self) -> Iterator[psycopg.Connection]:
        """This thread's transaction's connection, or one from the pool for a single statement."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self.pool.connection() as conn:
            yield conn

    def _rows(self, query: Any, params: Any = ()) -> list[dict[str, Any]]:
        with self._conn() as conn:
            return conn.execute(query, params).fetchall()

    def _one(self, query: Any, params: Any = ()) -> dict[str, Any] | None:
        rows = self._rows(query, params)
        return rows[0] if rows else None

    def _exec(self, query: Any, params: Any = ()) -> int:
        """Run a statement; how many rows it changed."""
        with self._conn() as conn:
            return conn.execute(query, params).rowcount

    def _insert(self, table: str, row: dict[str, Any], returning: str | None = None) -> Any:
        columns = list(row)
        query = sql.SQL("insert into {} ({}) values ({})").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)))
        if returning:
            query += sql.SQL(" returning {}").format(sql.Identifier(returning))
        with self._conn() as conn:
            cur = conn.execute(query, [_value(row[c]) for c in columns])
            return cur.fetchone()[returning] if returning else None

    def _upsert(self, table: str, row: dict[str, Any], pk: tuple[str, ...]) -> None:
        """Insert `row`, or update the row with the same key: one INSERT … ON CONFLICT DO UPDATE."""
        columns = list(row)
        rest = [c for c in columns if c not in pk] or [pk[0]]
        query = sql.SQL("insert into {} ({}) values ({}) on conflict ({}) do update set {}").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)), sql.SQL(", ").join(map(sql.Identifier, pk)),
            sql.SQL(", ").join(sql.SQL("{0} = excluded.{0}").format(sql.Identifier(c)) for c in rest))
        self._exec(query, [_value(row[c]) for c in columns])

    def _update(self, table: str, key: Any, changes: dict[str, Any]) -> None:
        if not changes:
            return
        query = sql.SQL("update {} set {} where id = %s").format(
            sql.Identifier(table), sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in changes))
        self._exec(query, [*map(_value, changes.values()), key])

    # -- flows ---------------------------------------------------------------------------
    def get_flow(self, owner: str, kind: str) -> dict[str, Any] | None:
        row = self._one("select state from flows where owner = %s and kind = %s", [owner, kind])
        return json.loads(row["state"]) if row else None

    def save_flow(self, owner: str, kind: str, state: dict[str, Any]) -> None:
        self._upsert("flows", {"owner": owner, "kind": kind, "state": json.dumps(state),
                               "updated_at": self._now()}, pk=("owner", "kind"))

    def end_flow(self, owner: str, kind: str) -> None:
        self._exec("delete from flows where owner = %s and kind = %s", [owner, kind])

    # -- deliveries ----------------------------------------------------------------------
    def claim_delivery(self, key: str, channel: str, payload: str = "", at: str = "") -> bool:
        # The primary key decides: exactly one claimant ever inserts the row. A concurrent claim of
        # the same key waits for the first to commit or roll back, then inserts nothing or the row.
        return self._exec("insert into deliveries (key, channel, status, claimed_at, sent_at, ref, attempts, payload) "
                          "values (%s, %s, 'claimed', %s, '', '', 0, %s) on conflict (key) do nothing",
                          [key, channel, at or self._now(), payload]) == 1

    def claim_deliveries(self, claims: list[tuple[str, str, str]], at: str = "") -> list[bool]:
        # One transaction, as in SQLite. Inserted in key order: two workers claiming overlapping
        # keys then wait on each other in the same order instead of deadlocking.
        won: dict[str, bool] = {}
        with self.transaction():
            for key, channel, payload in sorted(claims, key=lambda c: c[0]):
                if key not in won:
                    won[key] = self.claim_delivery(key, channel, payload, at)
        # The answer in the caller's order; a key given twice wins at most once, as in SQLite.
        seen: set[str] = set()
        out = []
        for key, _, _ in claims:
            out.append(won[key] and key not in seen)
            seen.add(key)
        return out

    def finish_delivery(self, key: str, status: str, ref: str = "") -> None:
        # Once sent, the payload has done its job: drop it so the table holds only keys and refs.
        self._exec("update deliveries set status = %s, ref = %s, sent_at = %s, attempts = attempts + 1, "
                   "payload = case when %s = 'claimed' then payload else '' end where key = %s",
                   [status, ref, self._now(), status, key])

    def delivery(self, key: str) -> Delivery | None:
        row = self._one("select * from deliveries where key = %s", [key])
        return convert.delivery_from_row(row) if row else None

    def unfinished_deliveries(self, since: str) -> list[Delivery]:
        return [convert.delivery_from_row(r) for r in self._rows(
            "select * from deliveries where status = 'claimed' and claimed_at >= %s order by claimed_at", [since])]

    # -- channels, roles, audit ----------------------------------------------------------
    def channel_timezone(self, channel: str) -> str | None:
        row = self._one("select timezone from channels where channel = %s", [channel])
        return row["timezone"] if row and row["timezone"] else None

    def set_channel_timezone(self, channel: str, tz: str) -> None:
        with self.transaction():
            self._upsert("channels", {"channel": channel, "timezone": tz, "updated_at": self._now()}, pk=("channel",))
            # The channel's schedules now fall due at other instants: the next tick works them out.
            self._exec("update schedules set next_due = '' where channel = %s", [channel])

    def facilitators(self, workspace: str) -> list[str]:
        return [r["user_id"] for r in self._rows(
            "select user_id from facilitators where workspace = %s order by added_at, user_id", [workspace])]

    def add_facilitator(self, workspace: str, user_id: str) -> bool:
        return self._exec("insert into facilitators (workspace, user_id, added_at) values (%s, %s, %s) "
                          "on conflict do nothing", [workspace, user_id, self._now()]) == 1

    def remove_facilitator(self, workspace: str, user_id: str) -> bool:
        return self._exec("delete from facilitators where workspace = %s and user_id = %s", [workspace, user_id]) == 1

    def audit(self, workspace: str, actor: str, action: str, detail: str) -> None:
        self._insert("audit", {"at": self._now(), "workspace": workspace, "actor": actor, "action": action,
                               "detail": detail})

    def audit_log(self, workspace: str, limit: int = 50) -> list[AuditEntry]:
        return [convert.audit_from_row(r) for r in self._rows(
            "select at, actor, action, detail from audit where workspace = %s order by id desc limit %s",
            [workspace, limit])]

    # -- schedules and rotation ----------------------------------------------------------
    def add_schedule(self, schedule: Schedule) -> int:
        row = convert.schedule_to_row(schedule)
        return self._insert("schedules", {**row, "created_at": row["created_at"] or self._now()}, returning="id")

    def schedule(self, schedule_id: int) -> Schedule | None:
        row = self._one("select * from schedules where id = %s", [schedule_id])
        return convert.schedule_from_row(row) if row else None

    def schedules(self, channel: str | None = None, workspace: str | None = None) -> list[Schedule]:
        if channel is not None:
            found = self._rows("select * from schedules where channel = %s order by id", [channel])
        elif workspace is not None:
            found = self._rows("select * from schedules where platform || ':' || workspace = %s order by id",
                               [workspace])
        else:
            found = self._rows("select * from schedules order by id")
        return [convert.schedule_from_row(r) for r in found]

    def update_schedule(self, schedule_id: int, **changes: Any) -> None:
        # Any change may move when the schedule is next due; unless the caller says, the next tick
        # works it out again.
        self._update("schedules", schedule_id, convert.schedule_columns({"next_due": "", **changes}))

    def note_schedule_post(self, schedule_id: int, **changes: Any) -> None:
        """Record how a schedule's post went without touching when it is next due."""
        self._update("schedules", schedule_id, convert.schedule_columns(changes))

    def due_schedules(self, now: str, after: int = 0, limit: int | None = None,
                      wait: bool = False) -> list[Schedule]:
        """Active schedules due at `now` (a UTC ISO instant), or whose next time is not known yet.

        Claimed: inside the caller's transaction the rows stay locked until it commits, and a worker
        ticking at the same time skips them (SKIP LOCKED) rather than running them twice. Asked for in
        batches (`after`, `limit`), workers ticking together share the due schedules between them.

        Skipping is right when the holder ticks the same minute, but a schedule whose next time is
        not known yet is taken by every tick, whatever its time: a worker ticking 10:00 that holds a
        schedule due at 10:01 works that out and leaves the run, while a worker ticking 10:01 has
        skipped it. With `wait` (the tick's second look, after its own claims are committed) the
        rows are waited for instead, in id order, and PostgreSQL checks each again once its holder
        lets go: it comes back only if it is still due at `now`. The wait is bounded (`HELD_WAIT`):
        a holder stuck that long leaves its rows to the next tick."""
        query = ("select * from schedules where paused = 0 and (next_due = '' or next_due <= %s) "
                 "and id > %s order by id limit %s for update")
        params = [now, after, limit]
        if not wait:
            return [convert.schedule_from_row(r) for r in self._rows(query + " skip locked", params)]
        try:
            # A savepoint: a wait that ends in a timeout (or a deadlock, should the caller's transaction
            # hold rows of its own) undoes only this, and the caller's transaction goes on.
            with self.transaction() as conn:
                before = conn.execute("select current_setting('lock_timeout') as v").fetchone()["v"]
                conn.execute("select set_config('lock_timeout', %s, true)", [f"{int(self.HELD_WAIT * 1000)}ms"])
                rows = conn.execute(query, params).fetchall()
                conn.execute("select set_config('lock_timeout', %s, true)", [before])
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected) as e:
            log.warning("due schedules another worker holds were left to the next tick: %s", type(e).__name__)
            return []
        return [convert.schedule_from_row(r) for r in rows]

    def count_schedules(self) -> int:
        return self._one("select count(*) as n from schedules")["n"]

    def delete_schedule(self, schedule_id: int) -> None:
        self._exec("delete from schedules where id = %s", [schedule_id])

    def used_prompts(self, channel: str) -> set[str]:
        return {r["prompt_id"] for r in self._rows("select prompt_id from prompt_uses where channel = %s", [channel])}

    def use_prompt(self, channel: str, prompt_id: str, theme: str) -> None:
        self._upsert("prompt_uses", {"channel": channel, "prompt_id": prompt_id, "theme": theme,
                                     "used_at": self._now()}, pk=("channel", "prompt_id"))

    def reset_prompts(self, channel: str, prompt_ids: list[str]) -> None:
        self._exec("delete from prompt_uses where channel = %s and prompt_id = any(%s)", [channel, list(prompt_ids)])

    # -- anonymous rounds ----------------------------------------------------------------
    def open_round(self, round_id: str, channel: str, kind: str, choices: list[str]) -> None:
        self._exec("insert into rounds (id, channel, kind, choices, open, counts, opened_at, closed_at) "
                   "values (%s, %s, %s, %s, 1, '{}', %s, '') on conflict do nothing",
                   [round_id, channel, kind, json.dumps(choices), self._now()])

    def round(self, round_id: str) -> Round | None:
        row = self._one("select * from rounds where id = %s", [round_id])
        return convert.round_from_row(row) if row else None

    def record_vote(self, round_id: str, voter: str, choice: str) -> None:
        # One row per (round, voter hash): voting again changes the vote instead of adding one.
        self._upsert("votes", {"round_id": round_id, "voter": voter, "choice": choice}, pk=("round_id", "voter"))

    def tally(self, round_id: str) -> dict[str, int]:
        found = self.round(round_id)
        if found and not found.open:
            return found.counts
        return {r["choice"]: r["n"] for r in self._rows(
            "select choice, count(*) as n from votes where round_id = %s group by choice", [round_id])}

    def close_round(self, round_id: str) -> dict[str, int]:
        with self.transaction():
            # The round's row locked first: a second worker closing it too waits here, then finds it
            # closed and returns the counts the first one kept.
            row = self._one("select open from rounds where id = %s for update", [round_id])
            counts = self.tally(round_id)
            if row and row["open"]:
                self._exec("update rounds set open = 0, counts = %s, closed_at = %s where id = %s",
                           [json.dumps(counts), self._now(), round_id])
            # From here nothing links a person to an answer: only the counts remain.
            self._exec("delete from votes where round_id = %s", [round_id])
        return counts

    def rounds_open_before(self, before: str) -> list[str]:
        return [r["id"] for r in self._rows("select id from rounds where open = 1 and opened_at < %s "
                                            "order by id for update skip locked", [before])]

    def secret(self) -> bytes:
        # The key for voter hashes, made once by whichever worker asks first (the insert that loses
        # the race does nothing, and everyone reads the winner's key).
        if self._secret is None:
            self._exec("insert into meta (key, value) values ('vote_key', %s) on conflict do nothing",
                       [secrets.token_bytes(32).hex()])
            self._secret = bytes.fromhex(self._one("select value from meta where key = 'vote_key'")["value"])
        return self._secret

    # -- scenario runs -------------------------------------------------------------------
    def save_run(self, run: Run) -> None:
        self._upsert("scenario_runs", convert.run_to_row(run), pk=("id",))

    def run(self, run_id: str) -> Run | None:
        row = self._one("select * from scenario_runs where id = %s", [run_id])
        return convert.run_from_row(row) if row else None

    def active_run(self, channel: str) -> Run | None:
        row = self._one("select * from scenario_runs where channel = %s and state in ('running', 'paused', 'revealed') "
                        "order by started_at desc limit 1", [channel])
        return convert.run_from_row(row) if row else None

    def runs_due(self, now: str) -> list[Run]:
        return [convert.run_from_row(r) for r in self._rows(
            "select * from scenario_runs where state = 'running' and reveal_at != '' "
            "and reveal_at <= %s order by id for update skip locked", [now])]

    def scenarios_run(self, channel: str) -> set[str]:
        return {r["scenario_id"] for r in self._rows(
            "select scenario_id from scenario_history where channel = %s", [channel])}

    def mark_scenario_run(self, channel: str, scenario_id: str) -> None:
        self._upsert("scenario_history", {"channel": channel, "scenario_id": scenario_id, "run_at": self._now()},
                     pk=("channel", "scenario_id"))

    def forget_vote(self, round_id: str, voter: str) -> None:
        self._exec("delete from votes where round_id = %s and voter = %s", [round_id, voter])

    # -- what is kept about a person, forgetting, retention -----------------------------
    def _person_filters(self, platform: str, user_id: str, workspace: str | None) -> dict[str, tuple[str, list]]:
        """Per table: the rows that name this person (ids are per platform, so the platform scopes them).

        LIKE patterns carry `escape ''` so that only `%` is special, as in SQLite: a backslash in an
        id matches itself."""
        ws = [f"{platform}:{workspace}"] if workspace is not None else []
        in_ws = " and platform || ':' || workspace = %s" if workspace is not None else ""
        ws_col = " and workspace = %s" if workspace is not None else " and workspace like %s escape ''"
        ws_val = ws or [f"{platform}:%"]
        # strpos/right rather than LIKE on the id itself: "_" and "%" in an id must match only themselves.
        flows = (("owner = %s", [f"{platform}:{workspace}:{user_id}"]) if workspace is not None else
                 ("owner like %s escape '' and right(owner, %s) = %s", [f"{platform}:%", len(user_id) + 1,
                                                                         f":{user_id}"]))
        return {
            "flows": flows,
            "facilitators": ("user_id = %s" + ws_col, [user_id, *ws_val]),
            "audit": ("(actor = %s or strpos(' ' || detail || ' ', %s) > 0)" + ws_col,
                      [user_id, f" {user_id} ", *ws_val]),
            "schedules": ("created_by = %s and platform = %s" + in_ws, [user_id, platform, *ws]),
            "scenario_runs": ("facilitator = %s and platform = %s" + in_ws, [user_id, platform, *ws]),
            # A post naming them that has not gone out yet: once sent, a delivery keeps only its key
            # and reference, so only claimed ones can name anyone.
            "deliveries": ("status = 'claimed' and strpos(payload, %s) > 0 and channel like %s escape ''",
                           [f"<@{user_id}>", f"{platform}:{workspace}:%" if workspace is not None else f"{platform}:%"]),
        }

    def about_person(self, platform: str, user_id: str, workspace: str | None = None) -> dict[str, list[dict]]:
        """Every row that names this person, table by table (for "export" and "forget me")."""
        out: dict[str, list[dict]] = {}
        for table, (where, params) in self._person_filters(platform, user_id, workspace).items():
            rows = self._rows(f"select * from {table} where {where}", params)
            if rows:
                out[table] = rows
        return out

    def forget_person(self, platform: str, user_id: str, voter_hashes: dict[str, str],
                      workspace: str | None = None) -> dict[str, int]:
        """Delete or blank every row naming this person; returns how many rows each table lost.

        Rows others still need (a schedule they made, a scenario they ran, a configuration change in
        the audit log) are kept with the person's id blanked, so the channel loses nothing."""
        changed: dict[str, int] = {}
        filters = self._person_filters(platform, user_id, workspace)
        with self.transaction():
            for table in ("flows", "facilitators", "deliveries"):
                where, params = filters[table]
                changed[table] = self._exec(f"delete from {table} where {where}", params)
            where, params = filters["audit"]
            changed["audit"] = self._exec(
                "update audit set actor = case when actor = %s then 'forgotten' else actor end, "
                "detail = trim(replace(' ' || detail || ' ', %s, ' (forgotten) ')) "
                f"where {where}", [user_id, f" {user_id} ", *params])
            where, params = filters["schedules"]
            changed["schedules"] = self._exec(f"update schedules set created_by = '' where {where}", params)
            where, params = filters["scenario_runs"]
            changed["scenario_runs"] = self._exec(f"update scenario_runs set facilitator = '' where {where}", params)
            changed["votes"] = sum(self._exec("delete from votes where round_id = %s and voter = %s", [round_id, voter])
                                   for round_id, voter in voter_hashes.items())
        return {table: n for table, n in changed.items() if n}

    def voters(self, round_id: str) -> set[str]:
        return {r["voter"] for r in self._rows("select voter from votes where round_id = %s", [round_id])}

    def open_rounds(self, channel_prefix: str) -> list[Round]:
        # left(), not LIKE: "_" and "%" in a key must match only themselves.
        return [convert.round_from_row(r) for r in self._rows(
            "select * from rounds where open = 1 and left(channel, %s) = %s", [len(channel_prefix), channel_prefix])]

    def prune(self, before: str) -> dict[str, int]:
        """Drop what has served its purpose and is older than `before` (an ISO instant)."""
        with self.transaction():
            counts = {
                "rounds": self._exec("delete from rounds where open = 0 and closed_at != '' and closed_at < %s",
                                     [before]),
                # Sent (or given-up) posts only: a claimed one may still need recovering.
                "deliveries": self._exec("delete from deliveries where status != 'claimed' and sent_at != '' "
                                         "and sent_at < %s", [before]),
                "scenario_runs": self._exec(
                    "delete from scenario_runs where (state = 'ended' and ended_at != '' and ended_at < %s) "
                    "or (state != 'ended' and started_at < %s)", [before, before]),
                "flows": self._exec("delete from flows where updated_at < %s", [before]),
                "closures": self._exec('delete from closures where "end" < substr(%s, 1, 10)', [before]),
            }
        return {table: n for table, n in counts.items() if n}

    def everything(self) -> dict[str, list[dict]]:
        """Every table's rows, for an operator's export (the vote key excepted: it is a secret)."""
        names = [r["name"] for r in self._rows(
            "select c.relname as name from pg_class c where c.relkind = 'r' "
            "and c.relnamespace = current_schema()::regnamespace order by c.oid")]
        return {name: self._rows(sql.SQL("select * from {}").format(sql.Identifier(name)))
                for name in names if name not in NOT_EXPORTED}

    # -- conversation references (Teams posts proactively with these) -----------------------
    def conversation(self, channel: str) -> ConversationRef | None:
        row = self._one("select * from teams_conversations where channel = %s", [channel])
        return convert.conversation_from_row(row) if row else None

    def remember_conversation(self, channel: str, ref: ConversationRef) -> None:
        ref = dataclasses.replace(ref, service_url=ref.service_url.rstrip("/"))
        with self.transaction():
            # Written only when it changed: every message in a channel brings its reference again.
            if self.conversation(channel) != ref:
                self._upsert("teams_conversations", convert.conversation_to_row(channel, ref, self._now()),
                             pk=("channel",))

    def forget_conversation(self, channel: str) -> None:
        self._exec("delete from teams_conversations where channel = %s", [channel])

    def conversation_under(self, channel_prefix: str) -> ConversationRef | None:
        row = self._one("select * from teams_conversations where left(channel, %s) = %s limit 1",
                        [len(channel_prefix), channel_prefix])
        return convert.conversation_from_row(row) if row else None

    def conversation_in_tenant(self, tenant_id: str) -> ConversationRef | None:
        row = self._one("select * from teams_conversations where tenant_id = %s limit 1", [tenant_id])
        return convert.conversation_from_row(row) if row else None

    # -- requests already seen (replay protection) ----------------------------------------
    def first_sighting(self, key: str, expires_at: str, now: str) -> bool:
        """Remember `key` until `expires_at`; True the first time, False while it is remembered.

        The insert decides, so two workers given the same retried request never both act on it."""
        with self.transaction():
            self._exec("delete from seen_requests where expires_at < %s", [now])
            return self._exec("insert into seen_requests (key, expires_at) values (%s, %s) on conflict do nothing",
                              [key, expires_at]) == 1

    # -- crisis-line region and answers per workspace ----------------------------------------
    def workspace_region(self, workspace: str) -> str | None:
        row = self._one("select region from workspaces where workspace = %s", [workspace])
        return row["region"] if row and row["region"] else None

    def set_workspace_region(self, workspace: str, region: str) -> None:
        self._upsert("workspaces", {"workspace": workspace, "region": region, "updated_at": self._now()},
                     pk=("workspace",))

    def workspace_answers(self, workspace: str) -> str | None:
        row = self._one("select answers from workspaces where workspace = %s", [workspace])
        return row["answers"] if row and row["answers"] else None

    def set_workspace_answers(self, workspace: str, mode: str) -> None:
        self._upsert("workspaces", {"workspace": workspace, "answers": mode, "updated_at": self._now()},
                     pk=("workspace",))

    # -- holidays and closures (bot.schedules.calendar_days) -------------------------------------------
    def channel_holidays(self, channel: str) -> str | None:
        row = self._one("select holidays from channels where channel = %s", [channel])
        return row["holidays"] if row and row["holidays"] else None

    def set_channel_holidays(self, channel: str, code: str) -> None:
        with self.transaction():
            self._upsert("channels", {"channel": channel, "holidays": code, "updated_at": self._now()},
                         pk=("channel",))
            self._exec("update schedules set next_due = '' where channel = %s", [channel])

    def closures(self, channel: str) -> list[Closure]:
        return [convert.closure_from_row(r) for r in self._rows(
            'select id, start, "end", label from closures where channel = %s order by start, id', [channel])]

    def add_closure(self, channel: str, start: str, end: str, label: str) -> int:
        with self.transaction():
            pk = self._insert("closures", {"channel": channel, "start": start, "end": end, "label": label,
                                           "created_at": self._now()}, returning="id")
            self._exec("update schedules set next_due = '' where channel = %s", [channel])
        return pk

    def remove_closure(self, channel: str, closure_id: int) -> Closure | None:
        with self.transaction():
            row = self._one('delete from closures where id = %s and channel = %s returning id, start, "end", label',
                            [closure_id, channel])
            if row is not None:
                self._exec("update schedules set next_due = '' where channel = %s", [channel])
        return convert.closure_from_row(row) if row else None

    # -- installations (Slack for many workspaces; the port is bot.ports.Installations) ------
    UNINSTALLED = "uninstalled"  # a schedule's `paused_why` while its workspace has no installation

    def save_installation(self, platform: str, workspace: str, data: dict[str, Any]) -> None:
        with self.transaction():
            self._upsert("installations", {"platform": platform, "workspace": workspace,
                                           "data": json.dumps(data, default=str), "installed_at": self._now()},
                         pk=("platform", "workspace"))
            # Installed again: what the uninstall stopped carries on from now (missed runs are not made up).
            self._exec("update schedules set paused = 0, paused_why = '', failure_told = 0, next_due = '', "
                       "last_fired_at = %s where platform = %s and workspace = %s and paused = 1 "
                       "and paused_why = %s", [self._now(), platform, workspace, self.UNINSTALLED])

    def installation(self, platform: str, workspace: str) -> dict[str, Any] | None:
        row = self._one("select data from installations where platform = %s and workspace = %s", [platform, workspace])
        return json.loads(row["data"]) if row else None

    def installed_workspaces(self, platform: str) -> list[str]:
        return [r["workspace"] for r in self._rows(
            "select workspace from installations where platform = %s order by workspace", [platform])]

    def remove_installation(self, platform: str, workspace: str) -> bool:
        with self.transaction():
            removed = self._exec("delete from installations where platform = %s and workspace = %s",
                                 [platform, workspace])
            # A person's own pause (paused_why '') is kept, so a reinstall does not resume it.
            self._exec("update schedules set paused = 1, paused_why = %s where platform = %s and workspace = %s "
                       "and paused = 0", [self.UNINSTALLED, platform, workspace])
        return removed > 0

    def forget_workspace(self, platform: str, workspace: str) -> dict[str, int]:
        """Every row kept for one workspace, table by table, deleted."""
        with self.transaction():
            counts = {table: self._exec(sql.SQL("delete from {} where ").format(sql.Identifier(table))
                                        + sql.SQL(clause), params)
                      for table, (clause, params) in convert.workspace_rows(platform, workspace, "%s").items()}
        return {table: n for table, n in counts.items() if n}

    def issue_oauth_state(self, state: str, expires_at: str) -> None:
        with self.transaction():
            self._exec("delete from oauth_states where expires_at < %s", [self._now()])
            self._exec("insert into oauth_states (state, expires_at) values (%s, %s)", [state, expires_at])

    def consume_oauth_state(self, state: str, now: str) -> bool:
        # One delete decides: of two callbacks with the same state (two workers), only one removes the row.
        return self._exec("delete from oauth_states where state = %s and expires_at >= %s", [state, now]) == 1

    # -- leases: which worker is sending a claimed post, and until when (bot.delivery.outbox) -------
    def hold_deliveries(self, keys: list[str], worker: str, until: str) -> set[str]:
        """Make `worker` the sender of these claimed posts until `until`; the keys it now holds."""
        if not keys:
            return set()
        return {r["key"] for r in self._rows(
            "update deliveries set worker = %s, lease_until = %s where key = any(%s) and status = 'claimed' "
            "and (worker = '' or worker = %s) returning key", [worker, until, list(keys), worker])}

    def renew_leases(self, worker: str, until: str) -> int:
        """Extend every lease `worker` holds to at least `until` (never shortens one)."""
        return self._exec("update deliveries set lease_until = greatest(lease_until, %s) "
                          "where worker = %s and status = 'claimed'", [until, worker])

    def release_deliveries(self, keys: list[str], worker: str, at: str) -> None:
        """Let the lease on these posts run out now, so the next sweep (any worker's) finishes them."""
        if keys:
            self._exec("update deliveries set lease_until = %s where key = any(%s) and worker = %s "
                       "and status = 'claimed'", [at, list(keys), worker])

    def take_over_deliveries(self, worker: str, now: str, stale_before: str, since: str,
                             until: str) -> list[Delivery]:
        """Claimed posts whose lease ran out, now held by `worker`: the rows are locked and skipped by
        any other worker sweeping at the same moment, so no post goes to two workers."""
        rows = self._rows(
            "update deliveries set worker = %s, lease_until = %s where key in ("
            "select key from deliveries where status = 'claimed' and payload != '' and claimed_at >= %s "
            "and ((lease_until != '' and lease_until <= %s) or (lease_until = '' and claimed_at <= %s)) "
            "for update skip locked) returning *", [worker, until, since, now, stale_before])
        return [convert.delivery_from_row(r) for r in sorted(rows, key=lambda r: r["claimed_at"])]

    def advance_schedule(self, schedule_id: int, seen: tuple[str, str], **changes: Any) -> bool:
        """Claim one run of a due schedule: apply `changes` only if it still has what the tick read."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(Schedule)}
        if unknown:
            raise ValueError(f"not fields of a schedule: {sorted(unknown)}")
        sets = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in changes)
        query = sql.SQL("update schedules set {} where id = %s and next_due = %s and last_fired_at = %s").format(sets)
        return self._exec(query, [*map(_value, changes.values()), schedule_id, *seen]) == 1

    def claim_reveal(self, run_id: str, reveal_at: str) -> bool:
        """Mark a running scenario revealed, if its timer is still the one read; one caller wins."""
        return self._exec("update scenario_runs set state = 'revealed', reveal_at = '' where id = %s "
                          "and state = 'running' and reveal_at = %s", [run_id, reveal_at]) == 1

    # -- named locks (one process at a time, e.g. the Discord gateway) ---------------------
    # On PostgreSQL a named lock is a session-level advisory lock, held on a connection of its own
    # (outside the pool) for as long as its holder keeps it: the server lets go of it the moment that
    # session ends, so when a holder's process dies (even kill -9) a standby gets the lock at its next
    # try instead of after a lease. A holder that is alive keeps the lock however long it is frozen,
    # so two processes never hold it at once; the lease the caller gives is only written beside the
    # holder in `locks`, for people reading the table. A holder whose session was lost (the server
    # restarted, the network dropped) tries for the lock again on a new one, and gets it only if no
    # other worker took it meanwhile.
    def _lock_session(self, name: str, holder: str) -> psycopg.Connection[Any]:
        conn = self._lock_sessions.get((name, holder))
        if conn is None or conn.closed:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=max(1, int(self._timeout)),
                                   application_name=f"peerbot lock {name}"[:63])
            self._lock_sessions[(name, holder)] = conn
        return conn

    def _drop_lock_session(self, name: str, holder: str) -> None:
        conn = self._lock_sessions.pop((name, holder), None)
        if conn is not None:
            conn.close()  # the server releases whatever advisory lock the session held

    def try_lock(self, name: str, holder: str, now: str, until: str) -> bool:
        """Take or keep the lock `name` for `holder`; False while another holder's session has it."""
        with self._lock_guard:
            key = (name, holder)
            try:
                if key in self._locks_held:
                    # The session is alive, so the lock is still ours (only unlock or the session's end
                    # lets go of it).
                    self._lock_session(name, holder).execute("select 1")
                    got = True
                else:
                    row = self._lock_session(name, holder).execute(
                        "select pg_try_advisory_lock(%s, hashtext(%s))", [LOCK_CLASS, name]).fetchone()
                    got = bool(row and row[0])
            except psycopg.OperationalError:
                # The session was lost, and the lock with it: try once on a new one. A holder that
                # cannot get one does not hold the lock any more, and must hear so (another worker
                # may have it by now), not an error it would ride out as a busy database.
                was_held = key in self._locks_held
                self._locks_held.discard(key)
                self._drop_lock_session(name, holder)
                try:
                    row = self._lock_session(name, holder).execute(
                        "select pg_try_advisory_lock(%s, hashtext(%s))", [LOCK_CLASS, name]).fetchone()
                except psycopg.OperationalError:
                    if was_held:
                        return False
                    raise
                got = bool(row and row[0])
            if not got:
                self._locks_held.discard(key)
                return False
            self._locks_held.add(key)
        self._exec("insert into locks (name, holder, lease_until) values (%s, %s, %s) "
                   "on conflict (name) do update set holder = excluded.holder, lease_until = excluded.lease_until",
                   [name, holder, until])
        return True

    def unlock(self, name: str, holder: str) -> None:
        with self._lock_guard:
            if (name, holder) in self._locks_held:
                self._locks_held.discard((name, holder))
                try:  # at once, not when the server gets round to ending a closed session
                    self._lock_session(name, holder).execute("select pg_advisory_unlock(%s, hashtext(%s))",
                                                             [LOCK_CLASS, name])
                except psycopg.OperationalError:  # the session is gone, and the lock with it
                    self._drop_lock_session(name, holder)
        self._exec("update locks set holder = '', lease_until = '' where name = %s and holder = %s", [name, holder])
