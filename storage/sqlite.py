"""The SQLite store: every piece of state the bot keeps, behind intent-named methods.

One connection. Under `peerbot run` the core uses it on its own thread (`adapters.core_worker`)
while the outbox and the adapters' bookkeeping use it from the event loop, so it is opened for any
thread and every method holds the store's lock: one caller at a time, and a transaction is never
joined by another thread's statement halfway through. WAL and a busy timeout let a second process (an external `peerbot tick`, a second bot) share the file; the
unique keys in `deliveries` and `votes` are what make a post at-most-once and a vote one-per-person
even then. Schema changes are `sqlite_utils.Migrations` steps in `storage.schema`.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import inspect
import json
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.ports import Clock, SystemClock
from bot.records import AuditEntry, Closure, ConversationRef, Delivery, Round, Run, Schedule
from storage import rows as convert
from storage.schema import migrations

# Tables holding secrets (platform tokens, OAuth states in flight): never in an export.
SECRET_TABLES = ("installations", "oauth_states")
# How long a statement waits for another process's write lock before SQLite gives up.
BUSY_TIMEOUT = 5.0
# How often `first_sighting` drops expired keys.
PURGE_EVERY = timedelta(minutes=1)


class SqliteStore:
    def __init__(self, path: str | Path, clock: Clock | None = None, timeout: float | None = None):
        self.path = str(path)
        self.timeout = BUSY_TIMEOUT if timeout is None else timeout
        # Stamps come from the bot's clock, so retention and recovery follow the same time as the
        # schedules (and tests that move a fixed clock see rows age with it).
        self.clock = clock or SystemClock()
        self._secret: bytes | None = None
        self._scrub_after_commit = False  # deleted rows to fold out of the log once a transaction ends
        self._next_purge = ""  # when first_sighting next drops expired keys (a stamp like its `now`)
        self._lock = threading.RLock()
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        self.db = sqlite_utils.Database(conn)
        self.db.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
        if self.path != ":memory:":
            self._use_wal()
        self.db.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten, not just unlinked: a closed round's voter hashes and a
        # forgotten person's rows must not survive in free pages of the file.
        self.db.execute("PRAGMA secure_delete=ON")
        # Under the write lock, taken up front: when several processes start together on a new or
        # older file, one migrates while the others wait their turn (busy_timeout), then find nothing
        # left to do. Each step would otherwise read the schema first and ask for the lock when it
        # first writes, and SQLite refuses such a stale writer at once instead of letting it wait.
        with self.transaction():
            migrations.apply(self.db)

    def _use_wal(self) -> None:
        """Switch the file to WAL, retried until the busy timeout: processes opening a new file at
        the same moment race to switch it, and SQLite answers the loser "database is locked" at once,
        without its busy handler (1 in about 15 openings of three processes, even with the
        migrations below under the write lock)."""
        deadline = time.monotonic() + self.timeout
        pause = 0.01
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error).lower() or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.2)

    def _now(self) -> str:
        return self.clock.now().astimezone(UTC).isoformat(timespec="seconds")

    @contextlib.contextmanager
    def transaction(self):
        """All the writes inside commit together, or not at all; nested, a savepoint.

        The outermost level takes the write lock first (BEGIN IMMEDIATE). A deferred BEGIN reads,
        then asks for the lock when it first writes; if another process wrote in between, SQLite
        refuses at once instead of waiting (the snapshot is stale), so two simultaneous ticks failed
        immediately. Taking the lock up front makes the second writer wait its turn."""
        with self._lock:
            yield from self._transaction()

    def _transaction(self):
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            if self._scrub_after_commit:
                self._scrub_after_commit = False
                self._scrub()

    def _upsert(self, table: str, row: dict[str, Any], pk: tuple[str, ...]) -> None:
        """Insert `row`, or update the row with the same key: one plain SQLite upsert.

        Not sqlite-utils' `upsert`: it probes once per connection whether SQLite supports
        ON CONFLICT, caches a failed probe (a lock held too long, a full disk) for the life of the
        process, and its fallback then inserts only the key columns, which `flows.state NOT NULL`
        rejects and OR IGNORE drops silently. SQLite here has had upserts since 3.24."""
        columns = list(row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in pk) or f"{pk[0]} = excluded.{pk[0]}"
        self.db.execute(f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' for _ in columns)}) "
                        f"on conflict ({', '.join(pk)}) do update set {updates}", [row[c] for c in columns])

    def close(self) -> None:
        self.db.conn.close()

    # -- flows ---------------------------------------------------------------------------
    def get_flow(self, owner: str, kind: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select state from flows where owner = ? and kind = ?", [owner, kind]))
        return json.loads(rows[0]["state"]) if rows else None

    def save_flow(self, owner: str, kind: str, state: dict[str, Any]) -> None:
        self._upsert("flows", {"owner": owner, "kind": kind, "state": json.dumps(state),
                               "updated_at": self._now()}, pk=("owner", "kind"))

    def end_flow(self, owner: str, kind: str) -> None:
        self.db.execute("delete from flows where owner = ? and kind = ?", [owner, kind])

    # -- deliveries ----------------------------------------------------------------------
    def claim_delivery(self, key: str, channel: str, payload: str = "", at: str = "") -> bool:
        # INSERT OR IGNORE on the primary key: exactly one claimant wins, across processes too.
        cursor = self.db.execute(
            "insert or ignore into deliveries (key, channel, status, claimed_at, sent_at, ref, attempts, payload) "
            "values (?, ?, 'claimed', ?, '', '', 0, ?)", [key, channel, at or self._now(), payload])
        return cursor.rowcount == 1

    def claim_deliveries(self, claims: list[tuple[str, str, str]], at: str = "") -> list[bool]:
        # One transaction: a crash between two claims of one run (a session and its steps) would
        # otherwise leave the later parts unclaimed, and a restart, finding the run's first key
        # taken, would never send them.
        with self.transaction():
            return [self.claim_delivery(key, channel, payload, at) for key, channel, payload in claims]

    def finish_delivery(self, key: str, status: str, ref: str = "") -> None:
        # Once sent, the payload has done its job: drop it so the table holds only keys and refs.
        self.db.execute("update deliveries set status = ?, ref = ?, sent_at = ?, attempts = attempts + 1, "
                        "payload = case when ? = 'claimed' then payload else '' end where key = ?",
                        [status, ref, self._now(), status, key])

    def delivery(self, key: str) -> Delivery | None:
        rows = list(self.db.query("select * from deliveries where key = ?", [key]))
        return convert.delivery_from_row(rows[0]) if rows else None

    def unfinished_deliveries(self, since: str) -> list[Delivery]:
        return [convert.delivery_from_row(r) for r in self.db.query(
            "select * from deliveries where status = 'claimed' and claimed_at >= ? order by claimed_at", [since])]

    # -- leases: which worker is sending a claimed post, and until when (bot.delivery.outbox) -------
    def hold_deliveries(self, keys: list[str], worker: str, until: str) -> set[str]:
        """Make `worker` the sender of these claimed posts until `until`; returns the keys it now
        holds. A post another worker already took over (its claim's lease ran out) is not ours."""
        held: set[str] = set()
        with self.transaction():
            for key in keys:
                cursor = self.db.execute("update deliveries set worker = ?, lease_until = ? where key = ? "
                                         "and status = 'claimed' and (worker = '' or worker = ?)",
                                         [worker, until, key, worker])
                if cursor.rowcount == 1:
                    held.add(key)
        return held

    def renew_leases(self, worker: str, until: str) -> int:
        """Extend every lease `worker` holds to at least `until` (never shortens one)."""
        return self.db.execute("update deliveries set lease_until = max(lease_until, ?) "
                               "where worker = ? and status = 'claimed'", [until, worker]).rowcount

    def release_deliveries(self, keys: list[str], worker: str, at: str) -> None:
        """Let the lease on these posts run out now, so the next sweep (any worker's) finishes them."""
        with self.transaction():
            for key in keys:
                self.db.execute("update deliveries set lease_until = ? where key = ? and worker = ? "
                                "and status = 'claimed'", [at, key, worker])

    def take_over_deliveries(self, worker: str, now: str, stale_before: str, since: str,
                             until: str) -> list[Delivery]:
        """Claimed posts whose lease ran out (their worker died or gave up), claimed since `since`,
        now held by `worker` until `until`. A claim no sender ever held counts from its claim time
        (`stale_before`). One statement: two workers sweeping at once never take the same post."""
        rows = self.db.execute(
            "update deliveries set worker = ?, lease_until = ? where status = 'claimed' and payload != '' "
            "and claimed_at >= ? and ((lease_until != '' and lease_until <= ?) "
            "or (lease_until = '' and claimed_at <= ?)) returning *",
            [worker, until, since, now, stale_before])
        columns = [c[0] for c in rows.description]
        found = sorted((dict(zip(columns, r, strict=True)) for r in rows.fetchall()), key=lambda r: r["claimed_at"])
        return [convert.delivery_from_row(r) for r in found]

    # -- named locks with a lease (one process at a time, e.g. the Discord gateway) ---------
    def try_lock(self, name: str, holder: str, now: str, until: str) -> bool:
        """Take or renew the lock `name` for `holder` until `until`; False while another holder's
        lease has not run out at `now`."""
        with self.transaction():
            self.db.execute("insert or ignore into locks (name, holder, lease_until) values (?, '', '')", [name])
            return self.db.execute("update locks set holder = ?, lease_until = ? where name = ? "
                                   "and (holder = ? or holder = '' or lease_until <= ?)",
                                   [holder, until, name, holder, now]).rowcount == 1

    def unlock(self, name: str, holder: str) -> None:
        self.db.execute("update locks set holder = '', lease_until = '' where name = ? and holder = ?",
                        [name, holder])

    # -- channels, roles, audit ----------------------------------------------------------
    def _channel_row(self, channel: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from channels where channel = ?", [channel]))
        return rows[0] if rows else None

    def channel_timezone(self, channel: str) -> str | None:
        row = self._channel_row(channel)
        return row["timezone"] if row and row["timezone"] else None

    def set_channel_timezone(self, channel: str, tz: str) -> None:
        with self.transaction():
            self._upsert("channels", {"channel": channel, "timezone": tz, "updated_at": self._now()}, pk=("channel",))
            # The channel's schedules now fall due at other instants: the next tick works them out.
            self.db.execute("update schedules set next_due = '' where channel = ?", [channel])

    def facilitators(self, workspace: str) -> list[str]:
        return [r["user_id"] for r in self.db.query(
            "select user_id from facilitators where workspace = ? order by added_at, user_id", [workspace])]

    def add_facilitator(self, workspace: str, user_id: str) -> bool:
        cursor = self.db.execute("insert or ignore into facilitators (workspace, user_id, added_at) values (?, ?, ?)",
                                 [workspace, user_id, self._now()])
        return cursor.rowcount == 1

    def remove_facilitator(self, workspace: str, user_id: str) -> bool:
        return self.db.execute("delete from facilitators where workspace = ? and user_id = ?",
                               [workspace, user_id]).rowcount == 1

    def audit(self, workspace: str, actor: str, action: str, detail: str) -> None:
        self.db["audit"].insert({"at": self._now(), "workspace": workspace, "actor": actor, "action": action,
                                 "detail": detail})

    def audit_log(self, workspace: str, limit: int = 50) -> list[AuditEntry]:
        return [convert.audit_from_row(r) for r in self.db.query(
            "select at, actor, action, detail from audit where workspace = ? order by id desc limit ?",
            [workspace, limit])]

    # -- schedules and rotation ----------------------------------------------------------
    def add_schedule(self, schedule: Schedule) -> int:
        row = convert.schedule_to_row(schedule)
        return self.db["schedules"].insert({**row, "created_at": row["created_at"] or self._now()}).last_pk

    def schedule(self, schedule_id: int) -> Schedule | None:
        rows = list(self.db.query("select * from schedules where id = ?", [schedule_id]))
        return convert.schedule_from_row(rows[0]) if rows else None

    def schedules(self, channel: str | None = None, workspace: str | None = None) -> list[Schedule]:
        if channel is not None:
            found = self.db.query("select * from schedules where channel = ? order by id", [channel])
        elif workspace is not None:
            found = self.db.query("select * from schedules where platform || ':' || workspace = ? order by id",
                                  [workspace])
        else:
            found = self.db.query("select * from schedules order by id")
        return [convert.schedule_from_row(r) for r in found]

    def update_schedule(self, schedule_id: int, **changes: Any) -> None:
        # Any change may move when the schedule is next due; unless the caller says, the next tick
        # works it out again.
        self.db["schedules"].update(schedule_id, convert.schedule_columns({"next_due": "", **changes}))

    def note_schedule_post(self, schedule_id: int, **changes: Any) -> None:
        """Record how a schedule's post went (`last_failure`, `failure_told`, `paused_why`, `paused`)
        without touching when it is next due."""
        self.db["schedules"].update(schedule_id, convert.schedule_columns(changes))

    def advance_schedule(self, schedule_id: int, seen: tuple[str, str], **changes: Any) -> bool:
        """Claim one run of a due schedule: apply `changes` (its new `last_fired_at`, `next_due`) only
        if it still has the (`next_due`, `last_fired_at`) the tick read; False when another worker
        got there first, and that worker posts the run."""
        sets = ", ".join(f"{c} = ?" for c in changes)
        return self.db.execute(f"update schedules set {sets} where id = ? and next_due = ? and last_fired_at = ?",
                               [*changes.values(), schedule_id, *seen]).rowcount == 1

    def due_schedules(self, now: str, after: int = 0, limit: int | None = None,
                      wait: bool = False) -> list[Schedule]:
        """Active schedules due at `now` (a UTC ISO instant), or whose next time is not known yet.

        `wait` changes nothing here: a tick's transaction takes the write lock first (BEGIN
        IMMEDIATE), so ticks run one after the other and none holds rows another skips."""
        return [convert.schedule_from_row(r) for r in self.db.query(
            "select * from schedules where paused = 0 and (next_due = '' or next_due <= ?) and id > ? "
            "order by id limit ?", [now, after, -1 if limit is None else limit])]

    def count_schedules(self) -> int:
        return self.db["schedules"].count

    def delete_schedule(self, schedule_id: int) -> None:
        self.db.execute("delete from schedules where id = ?", [schedule_id])

    def used_prompts(self, channel: str) -> set[str]:
        return {r["prompt_id"] for r in self.db.query("select prompt_id from prompt_uses where channel = ?", [channel])}

    def use_prompt(self, channel: str, prompt_id: str, theme: str) -> None:
        self._upsert("prompt_uses", {"channel": channel, "prompt_id": prompt_id, "theme": theme,
                                     "used_at": self._now()}, pk=("channel", "prompt_id"))

    def reset_prompts(self, channel: str, prompt_ids: list[str]) -> None:
        with self.transaction():
            for pid in prompt_ids:
                self.db.execute("delete from prompt_uses where channel = ? and prompt_id = ?", [channel, pid])

    # -- anonymous rounds ----------------------------------------------------------------
    def open_round(self, round_id: str, channel: str, kind: str, choices: list[str]) -> None:
        self.db.execute("insert or ignore into rounds (id, channel, kind, choices, open, counts, opened_at, closed_at) "
                        "values (?, ?, ?, ?, 1, '{}', ?, '')", [round_id, channel, kind, json.dumps(choices), self._now()])

    def round(self, round_id: str) -> Round | None:
        rows = list(self.db.query("select * from rounds where id = ?", [round_id]))
        return convert.round_from_row(rows[0]) if rows else None

    def record_vote(self, round_id: str, voter: str, choice: str) -> None:
        # One row per (round, voter hash): voting again changes the vote instead of adding one.
        self._upsert("votes", {"round_id": round_id, "voter": voter, "choice": choice}, pk=("round_id", "voter"))

    def tally(self, round_id: str) -> dict[str, int]:
        found = self.round(round_id)
        if found and not found.open:
            return found.counts
        return {r["choice"]: r["n"] for r in self.db.query(
            "select choice, count(*) as n from votes where round_id = ? group by choice", [round_id])}

    def close_round(self, round_id: str) -> dict[str, int]:
        with self.transaction():
            # Counted inside the transaction: a second worker closing the same round waits, then
            # finds it closed and returns the counts the first one kept.
            counts = self.tally(round_id)
            self.db.execute("update rounds set open = 0, counts = ?, closed_at = ? where id = ? and open = 1",
                            [json.dumps(counts), self._now(), round_id])
            # From here nothing links a person to an answer: only the counts remain.
            self.db.execute("delete from votes where round_id = ?", [round_id])
        self._scrub()
        return counts

    def _scrub(self) -> None:
        """Fold the write-ahead log into the file and empty it, so deleted rows leave no old copy there.
        Best effort: with another process reading, SQLite checkpoints what it can and says busy."""
        if self.path == ":memory:":
            return
        if self.db.conn.in_transaction:  # inside a caller's transaction: once it commits
            self._scrub_after_commit = True
            return
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def rounds_open_before(self, before: str) -> list[str]:
        return [r["id"] for r in self.db.query("select id from rounds where open = 1 and opened_at < ?", [before])]

    def secret(self) -> bytes:
        # The key for voter hashes. It lives with the data it protects, so it only stops double
        # votes while a round is open; closing a round deletes the hashes themselves. Read once per
        # store: it never changes, and every vote (and every forget) hashes with it.
        if self._secret is None:
            self._secret = self._load_secret()
        return self._secret

    def _load_secret(self) -> bytes:
        rows = list(self.db.query("select value from meta where key = 'vote_key'"))
        if rows:
            return bytes.fromhex(rows[0]["value"])
        import secrets as _secrets

        key = _secrets.token_bytes(32)
        self.db.execute("insert or ignore into meta (key, value) values ('vote_key', ?)", [key.hex()])
        return bytes.fromhex(list(self.db.query("select value from meta where key = 'vote_key'"))[0]["value"])

    # -- scenario runs -------------------------------------------------------------------
    def save_run(self, run: Run) -> None:
        self._upsert("scenario_runs", convert.run_to_row(run), pk=("id",))

    def run(self, run_id: str) -> Run | None:
        rows = list(self.db.query("select * from scenario_runs where id = ?", [run_id]))
        return convert.run_from_row(rows[0]) if rows else None

    def active_run(self, channel: str) -> Run | None:
        rows = list(self.db.query("select * from scenario_runs where channel = ? and state in "
                                  "('running', 'paused', 'revealed') order by started_at desc limit 1", [channel]))
        return convert.run_from_row(rows[0]) if rows else None

    def runs_due(self, now: str) -> list[Run]:
        return [convert.run_from_row(r) for r in self.db.query(
            "select * from scenario_runs where state = 'running' and reveal_at != '' and reveal_at <= ?", [now])]

    def claim_reveal(self, run_id: str, reveal_at: str) -> bool:
        """Mark a running scenario revealed, if its timer is still the one read at `reveal_at`; False
        when another worker (or a facilitator's button) revealed, paused or ended it first."""
        return self.db.execute("update scenario_runs set state = 'revealed', reveal_at = '' where id = ? "
                               "and state = 'running' and reveal_at = ?", [run_id, reveal_at]).rowcount == 1

    def scenarios_run(self, channel: str) -> set[str]:
        return {r["scenario_id"] for r in self.db.query(
            "select scenario_id from scenario_history where channel = ?", [channel])}

    def mark_scenario_run(self, channel: str, scenario_id: str) -> None:
        self._upsert("scenario_history", {"channel": channel, "scenario_id": scenario_id, "run_at": self._now()},
                     pk=("channel", "scenario_id"))

    def forget_vote(self, round_id: str, voter: str) -> None:
        self.db.execute("delete from votes where round_id = ? and voter = ?", [round_id, voter])

    # -- what is kept about a person, forgetting, retention -----------------------------
    def _person_filters(self, platform: str, user_id: str, workspace: str | None) -> dict[str, tuple[str, list]]:
        """Per table: the rows that name this person (ids are per platform, so the platform scopes them)."""
        ws = [f"{platform}:{workspace}"] if workspace is not None else []
        in_ws = " and platform || ':' || workspace = ?" if workspace is not None else ""
        ws_col = " and workspace = ?" if workspace is not None else " and workspace like ?"
        ws_val = ws or [f"{platform}:%"]
        # instr/substr rather than LIKE on the id itself: "_" and "%" in an id must match only themselves.
        flows = (("owner = ?", [f"{platform}:{workspace}:{user_id}"]) if workspace is not None else
                 ("owner like ? and substr(owner, -?) = ?", [f"{platform}:%", len(user_id) + 1, f":{user_id}"]))
        return {
            "flows": flows,
            "facilitators": ("user_id = ?" + ws_col, [user_id, *ws_val]),
            "audit": ("(actor = ? or instr(' ' || detail || ' ', ?) > 0)" + ws_col, [user_id, f" {user_id} ", *ws_val]),
            "schedules": ("created_by = ? and platform = ?" + in_ws, [user_id, platform, *ws]),
            "scenario_runs": ("facilitator = ? and platform = ?" + in_ws, [user_id, platform, *ws]),
            # A post naming them that has not gone out yet (a "let my contact know" message): once
            # sent, a delivery keeps only its key and reference, so only claimed ones can name anyone.
            "deliveries": ("status = 'claimed' and instr(payload, ?) > 0 and channel like ?",
                           [f"<@{user_id}>", f"{platform}:{workspace}:%" if workspace is not None else f"{platform}:%"]),
        }

    def about_person(self, platform: str, user_id: str, workspace: str | None = None) -> dict[str, list[dict]]:
        """Every row that names this person, table by table (for "export" and "forget me")."""
        out: dict[str, list[dict]] = {}
        for table, (where, params) in self._person_filters(platform, user_id, workspace).items():
            rows = [dict(r) for r in self.db.query(f"select * from {table} where {where}", params)]
            if rows:
                out[table] = rows
        return out

    def forget_person(self, platform: str, user_id: str, voter_hashes: dict[str, str],
                      workspace: str | None = None) -> dict[str, int]:
        """Delete or blank every row naming this person; returns how many rows each table lost.

        Rows others still need (a schedule they made, a scenario they ran, a configuration change in
        the audit log) are kept with the person's id blanked, so the channel loses nothing.
        """
        changed: dict[str, int] = {}
        filters = self._person_filters(platform, user_id, workspace)
        with self.transaction():
            for table in ("flows", "facilitators", "deliveries"):
                where, params = filters[table]
                changed[table] = self.db.execute(f"delete from {table} where {where}", params).rowcount
            where, params = filters["audit"]
            changed["audit"] = self.db.execute(
                f"update audit set actor = case when actor = ? then 'forgotten' else actor end, "
                f"detail = trim(replace(' ' || detail || ' ', ?, ' (forgotten) ')) "
                f"where {where}", [user_id, f" {user_id} ", *params]).rowcount
            where, params = filters["schedules"]
            changed["schedules"] = self.db.execute(f"update schedules set created_by = '' where {where}",
                                                   params).rowcount
            where, params = filters["scenario_runs"]
            changed["scenario_runs"] = self.db.execute(f"update scenario_runs set facilitator = '' where {where}",
                                                       params).rowcount
            changed["votes"] = sum(self.db.execute("delete from votes where round_id = ? and voter = ?",
                                                   [round_id, voter]).rowcount
                                   for round_id, voter in voter_hashes.items())
        self._scrub()
        return {table: n for table, n in changed.items() if n}

    def voters(self, round_id: str) -> set[str]:
        return {r["voter"] for r in self.db.query("select voter from votes where round_id = ?", [round_id])}

    def open_rounds(self, channel_prefix: str) -> list[Round]:
        # instr/substr, not LIKE: "_" and "%" in a key must match only themselves.
        return [convert.round_from_row(r) for r in self.db.query(
            "select * from rounds where open = 1 and substr(channel, 1, ?) = ?", [len(channel_prefix), channel_prefix])]

    def prune(self, before: str) -> dict[str, int]:
        """Drop what has served its purpose and is older than `before` (an ISO instant)."""
        with self.transaction():
            counts = {
                "rounds": self.db.execute("delete from rounds where open = 0 and closed_at != '' and closed_at < ?",
                                          [before]).rowcount,
                # Sent (or given-up) posts only: a claimed one may still need recovering.
                "deliveries": self.db.execute("delete from deliveries where status != 'claimed' and sent_at != '' "
                                              "and sent_at < ?", [before]).rowcount,
                "scenario_runs": self.db.execute(
                    "delete from scenario_runs where (state = 'ended' and ended_at != '' and ended_at < ?) "
                    # A preview nobody confirmed, or a run nobody ended, is over by now too.
                    "or (state != 'ended' and started_at < ?)", [before, before]).rowcount,
                # A guided check nobody finished: its few button choices are not worth keeping.
                "flows": self.db.execute("delete from flows where updated_at < ?", [before]).rowcount,
                # A closure long over says nothing about the schedules any more (dates compare as text).
                "closures": self.db.execute("delete from closures where end < substr(?, 1, 10)", [before]).rowcount,
            }
        return {table: n for table, n in counts.items() if n}

    def everything(self) -> dict[str, list[dict]]:
        """Every table's rows, for an operator's export (the vote key excepted: it is a secret)."""
        return {name: [dict(r) for r in self.db[name].rows] for name in self.db.table_names()
                if name not in ("meta", "_sqlite_migrations", "sqlite_sequence", *SECRET_TABLES)}

    # -- requests already seen (replay protection) ----------------------------------------
    def first_sighting(self, key: str, expires_at: str, now: str) -> bool:
        """Remember `key` until `expires_at`; True the first time, False while it is remembered.

        Keys are hashes of signed request bodies and platform event ids: nothing a person wrote.
        One statement, committed before it returns (the check stays durable): a new key is
        inserted, an expired one taken afresh, a remembered one left alone. It runs in front of
        an acknowledgement, on a thread that must win the GIL back from the core after every
        statement, so it is one statement rather than four (BEGIN, DELETE, INSERT, COMMIT), which
        under load had requests queueing at this check. Expired keys are dropped at most once a
        minute (PURGE_EVERY), so the table holds only the last few minutes."""
        if now >= self._next_purge:  # stamps in one format (UTC, to the second): they sort as text
            self._next_purge = (datetime.fromisoformat(now) + PURGE_EVERY).isoformat(timespec="seconds")
            self.db.execute("delete from seen_requests where expires_at < ?", [now])
        return self.db.execute(
            "insert into seen_requests (key, expires_at) values (?, ?) on conflict (key) do update "
            "set expires_at = excluded.expires_at where seen_requests.expires_at < ?",
            [key, expires_at, now]).rowcount == 1

    # -- crisis-line region per workspace ------------------------------------------------
    def workspace_region(self, workspace: str) -> str | None:
        rows = list(self.db.query("select region from workspaces where workspace = ?", [workspace]))
        return rows[0]["region"] if rows and rows[0]["region"] else None

    def set_workspace_region(self, workspace: str, region: str) -> None:
        """Set the region (an id such as "UK"); an empty region goes back to the default."""
        # A blank, not a deleted row: the workspace's other settings (who sees answers) live beside it.
        self._upsert("workspaces", {"workspace": workspace, "region": region, "updated_at": self._now()},
                     pk=("workspace",))

    # -- who sees answers to slash-command questions, per workspace -----------------------
    def workspace_answers(self, workspace: str) -> str | None:
        rows = list(self.db.query("select answers from workspaces where workspace = ?", [workspace]))
        return rows[0]["answers"] if rows and rows[0]["answers"] else None

    def set_workspace_answers(self, workspace: str, mode: str) -> None:
        """"public" answers in the open; an empty mode goes back to the default (private)."""
        self._upsert("workspaces", {"workspace": workspace, "answers": mode, "updated_at": self._now()},
                     pk=("workspace",))

    # -- holidays and closures (bot.schedules.calendar_days) -------------------------------------------
    def channel_holidays(self, channel: str) -> str | None:
        row = self._channel_row(channel)
        return row["holidays"] if row and row.get("holidays") else None

    def set_channel_holidays(self, channel: str, code: str) -> None:
        """Set the channel's calendar ("CA-ON", "off"); an empty code goes back to the default."""
        with self.db.atomic():
            self._upsert("channels", {"channel": channel, "holidays": code, "updated_at": self._now()},
                         pk=("channel",))
            self.db.execute("update schedules set next_due = '' where channel = ?", [channel])

    def closures(self, channel: str) -> list[Closure]:
        return [convert.closure_from_row(r) for r in self.db.query(
            "select id, start, end, label from closures where channel = ? order by start, id", [channel])]

    def add_closure(self, channel: str, start: str, end: str, label: str) -> int:
        with self.db.atomic():
            pk = self.db["closures"].insert({"channel": channel, "start": start, "end": end, "label": label,
                                             "created_at": self._now()}).last_pk
            self.db.execute("update schedules set next_due = '' where channel = ?", [channel])
        return pk

    def remove_closure(self, channel: str, closure_id: int) -> Closure | None:
        with self.db.atomic():
            rows = list(self.db.query("select id, start, end, label from closures where id = ? and channel = ?",
                                      [closure_id, channel]))
            if not rows:
                return None
            self.db.execute("delete from closures where id = ?", [closure_id])
            self.db.execute("update schedules set next_due = '' where channel = ?", [channel])
        return convert.closure_from_row(rows[0])

    # -- conversation references (Teams posts proactively with these) -----------------------
    def conversation(self, channel: str) -> ConversationRef | None:
        rows = list(self.db.query("select * from teams_conversations where channel = ?", [channel]))
        return convert.conversation_from_row(rows[0]) if rows else None

    def remember_conversation(self, channel: str, ref: ConversationRef) -> None:
        ref = dataclasses.replace(ref, service_url=ref.service_url.rstrip("/"))
        with self.transaction():
            # Written only when it changed: every message in a channel brings its reference again.
            if self.conversation(channel) != ref:
                self._upsert("teams_conversations", convert.conversation_to_row(channel, ref, self._now()),
                             pk=("channel",))

    def forget_conversation(self, channel: str) -> None:
        self.db.execute("delete from teams_conversations where channel = ?", [channel])

    def conversation_under(self, channel_prefix: str) -> ConversationRef | None:
        rows = list(self.db.query("select * from teams_conversations where substr(channel, 1, ?) = ? limit 1",
                                  [len(channel_prefix), channel_prefix]))
        return convert.conversation_from_row(rows[0]) if rows else None

    def conversation_in_tenant(self, tenant_id: str) -> ConversationRef | None:
        rows = list(self.db.query("select * from teams_conversations where tenant_id = ? limit 1", [tenant_id]))
        return convert.conversation_from_row(rows[0]) if rows else None


    # -- installations (bot.ports.Installations): Slack for many workspaces ----------------
    # Below the Store's own methods, as a capability of its own: a store without it runs one
    # workspace per platform, as before.
    UNINSTALLED = "uninstalled"  # a schedule's `paused_why` while its workspace has no installation

    def save_installation(self, platform: str, workspace: str, data: dict[str, Any]) -> None:
        with self.transaction():
            self._upsert("installations", {"platform": platform, "workspace": workspace,
                                           "data": json.dumps(data, default=str), "installed_at": self._now()},
                         pk=("platform", "workspace"))
            # Installed again: what the uninstall stopped carries on from now (missed runs are not made up).
            self.db.execute("update schedules set paused = 0, paused_why = '', failure_told = 0, next_due = '', "
                            "last_fired_at = ? where platform = ? and workspace = ? and paused = 1 "
                            "and paused_why = ?", [self._now(), platform, workspace, self.UNINSTALLED])

    def installation(self, platform: str, workspace: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select data from installations where platform = ? and workspace = ?",
                                  [platform, workspace]))
        return json.loads(rows[0]["data"]) if rows else None

    def installed_workspaces(self, platform: str) -> list[str]:
        return [r["workspace"] for r in self.db.query(
            "select workspace from installations where platform = ? order by workspace", [platform])]

    def remove_installation(self, platform: str, workspace: str) -> bool:
        with self.transaction():
            removed = self.db.execute("delete from installations where platform = ? and workspace = ?",
                                      [platform, workspace]).rowcount
            # Paused in the database, so every process stops at its next tick; a person's own pause
            # (paused_why '') is kept as it is, so a reinstall does not resume what they paused.
            self.db.execute("update schedules set paused = 1, paused_why = ? where platform = ? and workspace = ? "
                            "and paused = 0", [self.UNINSTALLED, platform, workspace])
        return removed > 0

    def forget_workspace(self, platform: str, workspace: str) -> dict[str, int]:
        """Every row kept for one workspace, table by table, deleted (and overwritten: secure_delete)."""
        with self.transaction():
            counts = {table: self.db.execute(f"delete from {table} where {clause}", params).rowcount
                      for table, (clause, params) in convert.workspace_rows(platform, workspace).items()}
        return {table: n for table, n in counts.items() if n}

    def issue_oauth_state(self, state: str, expires_at: str) -> None:
        with self.transaction():
            self.db.execute("delete from oauth_states where expires_at < ?", [self._now()])
            self.db.execute("insert into oauth_states (state, expires_at) values (?, ?)", [state, expires_at])

    def consume_oauth_state(self, state: str, now: str) -> bool:
        # One delete decides: of two callbacks with the same state (two workers), only one removes the row.
        return self.db.execute("delete from oauth_states where state = ? and expires_at >= ?",
                               [state, now]).rowcount == 1


def _serialized(method):
    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return locked


# Every public method runs under the store's lock (see the module's docstring); `transaction`
# takes it itself for as long as the block lasts.
for _name, _method in list(vars(SqliteStore).items()):
    if not _name.startswith("_") and _name != "transaction" and inspect.isfunction(_method):
        setattr(SqliteStore, _name, _serialized(_method))
