"""The ports the core talks through: a store for state and a clock for time.

Production plugs in `storage.sqlite.SqliteStore` (or `storage.postgres.PostgresStore` when
PEERBOT_DATABASE_URL names a PostgreSQL database) and `SystemClock`; tests use the same stores (on a
temporary SQLite file, or a throwaway PostgreSQL server) and a `FixedClock` they move by hand, so
nothing ever sleeps on real time.

The store is split by capability, one small protocol each, so a feature names what it needs
(`schedules.tick` needs `Schedules`, `Deliveries` and `Transactions`; the outbox only `Deliveries`),
and `Store` is their union, which a store implementation provides whole. Methods take and return the
frozen records of `bot.records`, never rows: what a column is called is the store's business.

    Transactions   one unit of work (and a savepoint when nested)
    Flows          guided checks and forms in progress
    Deliveries     at-most-once claims of posts, and how they went
    Channels       a channel's time zone and holiday calendar
    Closures       days a channel's schedules skip
    Workspaces     a workspace's crisis-line region and who sees answers
    People         facilitators
    Audit          who changed which configuration
    Schedules      schedules, and which prompts each channel has had
    Rounds         anonymous rounds and their votes, and the key for voter hashes
    Runs           scenario runs and which scenarios a channel has run
    PersonalData   what is kept about a person, forgetting them, retention
    Requests       requests already seen (replay protection)
    Conversations  stored references for proactive posts (Teams)
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bot.records import AuditEntry, Closure, ConversationRef, Delivery, Round, Run, Schedule


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: datetime):
        self.at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at += timedelta(**kwargs)

    def set(self, at: datetime) -> None:
        self.at = at.astimezone(UTC)


class Transactions(Protocol):
    def transaction(self) -> "AbstractContextManager[Any]":
        """All the writes inside commit together, or not at all; nested, a savepoint."""
        ...


class Flows(Protocol):
    """Guided checks and other open conversations, keyed by owner (platform:workspace:user). The
    state is the feature's own small JSON document (steps, button choices), never free text."""

    def get_flow(self, owner: str, kind: str) -> dict[str, Any] | None: ...
    def save_flow(self, owner: str, kind: str, state: dict[str, Any]) -> None: ...
    def end_flow(self, owner: str, kind: str) -> None: ...


class Deliveries(Protocol):
    """Posts claimed before sending: at most once by key, across restarts and processes."""

    def claim_delivery(self, key: str, channel: str, payload: str = "", at: str = "") -> bool:
        """Take the right to send the post `key`; False if anyone ever took it before."""
        ...
    def claim_deliveries(self, claims: list[tuple[str, str, str]], at: str = "") -> list[bool]:
        """`claim_delivery` for several (key, channel, payload) at once, in one transaction, so a
        crash never leaves some of them claimed and the rest not."""
        ...
    def finish_delivery(self, key: str, status: str, ref: str = "") -> None: ...
    def delivery(self, key: str) -> Delivery | None: ...
    def unfinished_deliveries(self, since: str) -> list[Delivery]: ...
    # leases: which worker sends a claimed post, until when (see bot.delivery.outbox)
    def hold_deliveries(self, keys: list[str], worker: str, until: str) -> set[str]:
        """Mark claimed posts as `worker`'s until `until`; the keys it now holds (not another's)."""
        ...
    def renew_leases(self, worker: str, until: str) -> int: ...
    def release_deliveries(self, keys: list[str], worker: str, at: str) -> None: ...
    def take_over_deliveries(self, worker: str, now: str, stale_before: str, since: str,
                             until: str) -> list[Delivery]:
        """Claimed posts whose lease ran out, now held by `worker`; never the same post to two workers."""
        ...


class Channels(Protocol):
    """Per-channel settings. Changing either makes the channel's schedules work out anew when they
    are next due."""

    def channel_timezone(self, channel: str) -> str | None: ...
    def set_channel_timezone(self, channel: str, tz: str) -> None: ...
    def channel_holidays(self, channel: str) -> str | None: ...
    def set_channel_holidays(self, channel: str, code: str) -> None: ...


class Closures(Protocol):
    """Closures facilitators mark per channel (see bot.schedules.calendar_days)."""

    def closures(self, channel: str) -> list[Closure]: ...
    def add_closure(self, channel: str, start: str, end: str, label: str) -> int: ...
    def remove_closure(self, channel: str, closure_id: int) -> Closure | None: ...


class Workspaces(Protocol):
    """Per-workspace settings: the crisis-line region (bot.safety.support) and who sees answers to
    questions asked by slash command in a channel (bot.people.sharing)."""

    def workspace_region(self, workspace: str) -> str | None: ...
    def set_workspace_region(self, workspace: str, region: str) -> None: ...
    def workspace_answers(self, workspace: str) -> str | None: ...
    def set_workspace_answers(self, workspace: str, mode: str) -> None: ...


class People(Protocol):
    def facilitators(self, workspace: str) -> list[str]: ...
    def add_facilitator(self, workspace: str, user_id: str) -> bool: ...
    def remove_facilitator(self, workspace: str, user_id: str) -> bool: ...


class Audit(Protocol):
    def audit(self, workspace: str, actor: str, action: str, detail: str) -> None: ...
    def audit_log(self, workspace: str, limit: int = 50) -> list[AuditEntry]:
        """The newest entries first."""
        ...


class Schedules(Protocol):
    """Schedules, and the rotation of prompts per channel."""

    def add_schedule(self, schedule: Schedule) -> int:
        """Save a new schedule (its `id` is ignored); returns its id."""
        ...
    def schedule(self, schedule_id: int) -> Schedule | None: ...
    def schedules(self, channel: str | None = None, workspace: str | None = None) -> list[Schedule]: ...
    def update_schedule(self, schedule_id: int, **changes: Any) -> None:
        """Change fields of `Schedule` by name. Unless `next_due` is among them, the next tick works
        out when the schedule is next due."""
        ...
    def note_schedule_post(self, schedule_id: int, **changes: Any) -> None:
        """Record how a post went (`last_failure`, `failure_told`, `paused_why`, `paused`), leaving
        `next_due` as it is."""
        ...
    def due_schedules(self, now: str, after: int = 0, limit: int | None = None,
                      wait: bool = False) -> list[Schedule]:
        """Active schedules due at `now` (a UTC ISO instant), or whose next time is not known yet, by
        id: those with an id above `after`, at most `limit` of them. Inside a transaction a store
        shared by several workers holds them for this one until it commits, and hands the others
        the rest (see storage.postgres). With `wait`, it waits (within a bound) for the ones another
        worker holds instead of skipping them, and returns those still due once it lets go."""
        ...
    def advance_schedule(self, schedule_id: int, seen: tuple[str, str], **changes: Any) -> bool:
        """Claim a due run: apply `changes` only if (next_due, last_fired_at) are still `seen`, so of
        several workers ticking at once exactly one goes on to post it."""
        ...
    def count_schedules(self) -> int: ...
    def delete_schedule(self, schedule_id: int) -> None: ...
    def used_prompts(self, channel: str) -> set[str]: ...
    def use_prompt(self, channel: str, prompt_id: str, theme: str) -> None: ...
    def reset_prompts(self, channel: str, prompt_ids: list[str]) -> None: ...


class Rounds(Protocol):
    """Anonymous rounds (check-in pulses, scenario polls). Votes are held by a keyed hash of the
    voter while a round is open; closing it deletes them and keeps only the counts."""

    def open_round(self, round_id: str, channel: str, kind: str, choices: list[str]) -> None: ...
    def round(self, round_id: str) -> Round | None: ...
    def record_vote(self, round_id: str, voter: str, choice: str) -> None: ...
    def forget_vote(self, round_id: str, voter: str) -> None: ...
    def tally(self, round_id: str) -> dict[str, int]: ...
    def close_round(self, round_id: str) -> dict[str, int]: ...
    def rounds_open_before(self, before: str) -> list[str]: ...
    def open_rounds(self, channel_prefix: str) -> list[Round]: ...
    def voters(self, round_id: str) -> set[str]: ...
    def secret(self) -> bytes:
        """The key for voter hashes (and other keyed hashes), made once and kept with the data."""
        ...


class Runs(Protocol):
    """Scenario runs, and which scenarios a channel has run."""

    def save_run(self, run: Run) -> None:
        """Insert or replace the run with this id."""
        ...
    def run(self, run_id: str) -> Run | None: ...
    def active_run(self, channel: str) -> Run | None:
        """The channel's latest run that is running, paused or revealed."""
        ...
    def runs_due(self, now: str) -> list[Run]:
        """Running runs whose reveal timer is up at `now`."""
        ...
    def claim_reveal(self, run_id: str, reveal_at: str) -> bool:
        """Claim a timed reveal: True for exactly one caller while the run still waits for `reveal_at`."""
        ...
    def scenarios_run(self, channel: str) -> set[str]: ...
    def mark_scenario_run(self, channel: str, scenario_id: str) -> None: ...


class PersonalData(Protocol):
    """What is kept about a person, forgetting, retention (see bot.people.privacy). These deal in raw rows
    by table on purpose: an export shows exactly what is stored."""

    def about_person(self, platform: str, user_id: str, workspace: str | None = None) -> dict[str, list[dict[str, Any]]]: ...
    def forget_person(self, platform: str, user_id: str, voter_hashes: dict[str, str],
                      workspace: str | None = None) -> dict[str, int]: ...
    def prune(self, before: str) -> dict[str, int]:
        """Drop closed rounds, sent deliveries, ended runs and idle flows older than `before`."""
        ...
    def everything(self) -> dict[str, list[dict[str, Any]]]: ...


class Requests(Protocol):
    """Requests already seen, for replay protection in the adapters (keys are hashes and event ids)."""

    def first_sighting(self, key: str, expires_at: str, now: str) -> bool:
        """True the first time `key` is seen; False while it is remembered (until `expires_at`)."""
        ...


class Locks(Protocol):
    """Named locks: one holder at a time (the Discord gateway), until it unlocks or stops. SQLite keeps
    a lease the holder renews, taken over once it runs out; PostgreSQL an advisory lock on a session
    of the holder's, taken over as soon as that session ends (the lease is then only recorded)."""

    def try_lock(self, name: str, holder: str, now: str, until: str) -> bool:
        """Take or renew `name` for `holder` until `until`; False while another holder has it."""
        ...
    def unlock(self, name: str, holder: str) -> None: ...


class Conversations(Protocol):
    """References for posting proactively, by channel key, for platforms that need one (Teams).
    Team channels and group chats only, never a person's personal chat."""

    def conversation(self, channel: str) -> ConversationRef | None: ...
    def remember_conversation(self, channel: str, ref: ConversationRef) -> None:
        """Keep `ref` for `channel` (writing only when it changed)."""
        ...
    def forget_conversation(self, channel: str) -> None: ...
    def conversation_under(self, channel_prefix: str) -> ConversationRef | None:
        """Some reference whose channel key starts with `channel_prefix` (a team's channels)."""
        ...
    def conversation_in_tenant(self, tenant_id: str) -> ConversationRef | None: ...


class Installations(Protocol):
    """Where a platform app is installed, and the life of each installation: install (OAuth), uninstall
    (its schedules stop), and forgetting the workspace on request. Slack's multi-workspace mode uses it
    (`adapters.slack.installs`); a store that offers it keeps a workspace's token beside its settings.

    `workspace` is the platform's own id (a Slack team id); `data` is whatever the adapter needs to
    act for that workspace (for Slack, slack_sdk's `Installation` as a dict, bot token included), so
    a store keeping installations must be protected like the tokens it holds."""

    def save_installation(self, platform: str, workspace: str, data: dict[str, Any]) -> None:
        """Remember (or replace) the installation; schedules it stopped at uninstall resume."""
        ...
    def installation(self, platform: str, workspace: str) -> dict[str, Any] | None: ...
    def installed_workspaces(self, platform: str) -> list[str]: ...
    def remove_installation(self, platform: str, workspace: str) -> bool:
        """Forget the installation and pause the workspace's schedules (no more posts there);
        True if there was one. The workspace's other data stays until `forget_workspace`."""
        ...
    def forget_workspace(self, platform: str, workspace: str) -> dict[str, int]:
        """Delete every row kept for the workspace (its installation too); how many each table lost."""
        ...

    # OAuth states in flight: issued when someone starts an install, consumed once at the callback
    def issue_oauth_state(self, state: str, expires_at: str) -> None: ...
    def consume_oauth_state(self, state: str, now: str) -> bool:
        """True once for a state issued and not expired; False for anything else."""
        ...


class Store(Transactions, Flows, Deliveries, Channels, Closures, Workspaces, People, Audit, Schedules, Rounds,
            Runs, PersonalData, Requests, Locks, Conversations, Installations, Protocol):
    """State the bot keeps: every capability at once. Never message text: see README "What peerbot
    keeps"."""
