"""The records the store hands the core: frozen values, named fields, no row keys.

A store (`storage.sqlite`, or any other implementing `bot.ports.Store`) turns its rows into these at
its boundary (`storage.rows` holds the converters a second store can reuse), so the core reads
`schedule.paused`, never `row["paused"]`, and a renamed column is the store's business alone.

A scenario `Run` moves through its states only along `TRANSITIONS`; `Run.to` refuses anything else
with `IllegalTransition`, so a bug can never, say, restart an ended run. The handlers still check
first and tell the facilitator kindly ("That scenario has already started."): the table is the
guarantee behind those checks, not a replacement for them.
"""
from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bot.messages import Where
from bot.schedules.spec import Rule


@dataclass(frozen=True)
class Schedule:
    """A channel's schedule: what it posts (`kind`, `theme`), when (`recurrence`, RRULE text in the
    channel's wall-clock time; see `bot.schedules.spec`), and how its runs and posts have gone."""

    channel: str  # platform:workspace:channel, the key of every channel setting
    platform: str
    workspace: str
    channel_id: str
    kind: str  # reflection | checkin | session
    recurrence: str  # "RRULE:FREQ=WEEKLY;…", weeks counted from the week of `created_at`
    created_at: str  # UTC ISO; also the anchor of every-n-weeks rules
    id: int = 0  # 0 until the store saves it
    theme: str = ""
    paused: bool = False
    skip_next: str = ""  # ISO instant of the run to skip, or ""
    created_by: str = ""  # blanked when its maker is forgotten
    last_fired_at: str = ""
    next_due: str = ""  # UTC ISO, "never", or "" for "work it out at the next tick"
    on_holiday: str = "skip"  # skip | next-day
    last_failure: str = ""  # why its last post was refused (`bot.delivery.reach`), "" when it went out
    failure_told: bool = False  # whether its maker has been told of this run of failures
    paused_why: str = ""  # "archived", "gone" when it paused itself; "" when a person paused it

    @cached_property
    def rule(self) -> Rule:
        """What the recurrence means, for describing it ("every other Tuesday at 14:30")."""
        return Rule.from_rrule(self.recurrence)

    @property
    def where(self) -> Where:
        return Where(self.platform, self.workspace, self.channel_id)


class RunState(enum.StrEnum):
    PREVIEW = "preview"  # only the facilitator sees it; nothing posted yet
    RUNNING = "running"  # posted; the responses are hidden, the timer (if any) counts down
    PAUSED = "paused"  # the timer is stopped
    REVEALED = "revealed"  # the responses and the debrief are out
    ENDED = "ended"  # closed or cancelled; kept until retention drops it


# Where a run may go from each state. Anything else is a bug (`IllegalTransition`).
TRANSITIONS: dict[RunState, frozenset[RunState]] = {
    RunState.PREVIEW: frozenset({RunState.RUNNING, RunState.ENDED}),
    RunState.RUNNING: frozenset({RunState.PAUSED, RunState.REVEALED, RunState.ENDED}),
    RunState.PAUSED: frozenset({RunState.RUNNING, RunState.REVEALED, RunState.ENDED}),
    RunState.REVEALED: frozenset({RunState.ENDED}),
    RunState.ENDED: frozenset(),
}
LIVE = (RunState.RUNNING, RunState.PAUSED, RunState.REVEALED)


class IllegalTransition(ValueError):
    """A run was asked to move where `TRANSITIONS` does not allow: a bug, not a person's mistake."""

    def __init__(self, run_id: str, before: RunState, after: RunState):
        allowed = ", ".join(sorted(TRANSITIONS[before])) or "nowhere"
        super().__init__(f"scenario run {run_id} cannot go from {before} to {after} "
                         f"(from {before} it can go to {allowed})")
        self.before, self.after = before, after


@dataclass(frozen=True)
class Run:
    """One scenario discussion in a channel, from the facilitator's preview to its end."""

    id: str
    channel: str
    platform: str
    workspace: str
    channel_id: str
    scenario_id: str
    facilitator: str  # blanked when they are forgotten
    started_at: str
    state: RunState = RunState.PREVIEW
    reveal_minutes: int = 0  # 0: no timer, the facilitator reveals
    reveal_at: str = ""  # UTC ISO while the timer runs, else ""
    paused_left: int = 0  # seconds the timer had left when paused
    ended_at: str = ""

    def can_become(self, state: RunState) -> bool:
        return state in TRANSITIONS[self.state]

    def to(self, state: RunState, **changes: Any) -> "Run":
        """This run moved to `state` (with other fields changed too); refuses an illegal move."""
        if not self.can_become(state):
            raise IllegalTransition(self.id, self.state, state)
        return dataclasses.replace(self, state=state, **changes)

    @property
    def where(self) -> Where:
        return Where(self.platform, self.workspace, self.channel_id)


@dataclass(frozen=True)
class Round:
    """An anonymous round (a check-in pulse, a scenario poll): its choices and, once closed, counts."""

    id: str
    channel: str
    kind: str  # checkin | poll
    choices: tuple[str, ...]
    open: bool
    counts: dict[str, int] = field(default_factory=dict)  # kept at close; votes are deleted then
    opened_at: str = ""
    closed_at: str = ""


@dataclass(frozen=True)
class Delivery:
    """A post's claim: at most once by `key`; `ref` is the platform's id for it once sent."""

    key: str
    channel: str
    status: str  # claimed | sent | failed
    claimed_at: str = ""
    sent_at: str = ""
    ref: str = ""
    attempts: int = 0
    payload: str = ""  # the bot's own rendered post while claimed (never a person's text), then ""
    worker: str = ""  # the worker sending it (bot.delivery.outbox's leases), "" until one holds it
    lease_until: str = ""  # until when that worker holds it; another may take it over after


@dataclass(frozen=True)
class Closure:
    """Days a channel's schedules skip (an agency's own name for them, never about a person)."""

    id: int
    start: str  # ISO date
    end: str  # ISO date, inclusive
    label: str


@dataclass(frozen=True)
class AuditEntry:
    """Who changed which configuration, when."""

    at: str
    actor: str
    action: str
    detail: str


@dataclass(frozen=True)
class ConversationRef:
    """How to post to a channel proactively on a platform that needs a stored reference (Teams: the
    conversation, the Bot Connector's service URL for it, and the tenant)."""

    conversation_id: str  # the channel or chat, without any ";messageid=" thread part
    service_url: str
    tenant_id: str
