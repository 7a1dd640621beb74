"""Rows to records and back: the one place that knows both a table's columns and `bot.records`.

Plain functions over mappings of column name to value, so any store whose tables have the columns of
`storage.schema` (SQLite, and PostgreSQL's `storage.postgres_schema`) converts the same way. Flags are stored as 0/1
integers; JSON columns (a round's choices and counts) as text.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from bot.records import AuditEntry, Closure, ConversationRef, Delivery, Round, Run, RunState, Schedule

_SCHEDULE_FIELDS = tuple(f.name for f in dataclasses.fields(Schedule))
_SCHEDULE_FLAGS = ("paused", "failure_told")
_RUN_FIELDS = tuple(f.name for f in dataclasses.fields(Run))


def schedule_from_row(row: Mapping[str, Any]) -> Schedule:
    values = {name: row[name] for name in _SCHEDULE_FIELDS if name in row and row[name] is not None}
    for flag in _SCHEDULE_FLAGS:
        if flag in values:
            values[flag] = bool(values[flag])
    return Schedule(**values)


def schedule_columns(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Changes to a schedule, by `Schedule` field name, as column values; unknown names refused."""
    unknown = set(changes) - set(_SCHEDULE_FIELDS)
    if unknown:
        raise ValueError(f"a schedule has no field {', '.join(sorted(unknown))}")
    return {name: int(value) if name in _SCHEDULE_FLAGS else value for name, value in changes.items()}


def schedule_to_row(schedule: Schedule) -> dict[str, Any]:
    """A new schedule's columns (without its id, which the store gives it)."""
    row = schedule_columns({name: getattr(schedule, name) for name in _SCHEDULE_FIELDS})
    del row["id"]
    return row


def run_from_row(row: Mapping[str, Any]) -> Run:
    values = {name: row[name] for name in _RUN_FIELDS if name in row and row[name] is not None}
    return Run(**{**values, "state": RunState(row["state"])})


def run_to_row(run: Run) -> dict[str, Any]:
    return {**dataclasses.asdict(run), "state": run.state.value}


def round_from_row(row: Mapping[str, Any]) -> Round:
    return Round(row["id"], row["channel"], row["kind"], tuple(json.loads(row["choices"] or "[]")),
                 bool(row["open"]), json.loads(row["counts"] or "{}"), row["opened_at"] or "",
                 row["closed_at"] or "")


def delivery_from_row(row: Mapping[str, Any]) -> Delivery:
    return Delivery(row["key"], row["channel"], row["status"], row["claimed_at"] or "", row["sent_at"] or "",
                    row["ref"] or "", row["attempts"] or 0, row["payload"] or "",
                    row.get("worker") or "", row.get("lease_until") or "")


def closure_from_row(row: Mapping[str, Any]) -> Closure:
    return Closure(row["id"], row["start"], row["end"], row["label"])


def audit_from_row(row: Mapping[str, Any]) -> AuditEntry:
    return AuditEntry(row["at"], row["actor"], row["action"], row["detail"])


def conversation_from_row(row: Mapping[str, Any]) -> ConversationRef:
    return ConversationRef(row["conversation_id"], row["service_url"], row["tenant_id"])


def conversation_to_row(channel: str, ref: ConversationRef, at: str) -> dict[str, Any]:
    return {"channel": channel, "conversation_id": ref.conversation_id, "service_url": ref.service_url.rstrip("/"),
            "tenant_id": ref.tenant_id, "updated_at": at}


def workspace_rows(platform: str, workspace: str, mark: str = "?") -> dict[str, tuple[str, list[Any]]]:
    """Where each table keeps one workspace's rows, as (SQL condition, parameters) for `delete`, in the
    order to delete them (votes before their rounds). `mark` is the driver's placeholder (`?` for
    SQLite, `%s` for psycopg); `substr` is read the same by both."""
    prefix = f"{platform}:{workspace}:"
    starts = f"substr({{}}, 1, {len(prefix)}) = {mark}"  # no LIKE: "_" and "%" in an id match themselves
    under = (starts.format("channel"), [prefix])
    own = (f"platform = {mark} and workspace = {mark}", [platform, workspace])
    keyed = (f"workspace = {mark}", [f"{platform}:{workspace}"])
    return {
        "flows": (starts.format("owner"), [prefix]),
        "deliveries": under, "channels": under, "prompt_uses": under, "closures": under,
        "scenario_history": under, "teams_conversations": under,
        "votes": (f"round_id in (select id from rounds where {starts.format('channel')})", [prefix]),
        "rounds": under,
        "schedules": own, "scenario_runs": own,
        "facilitators": keyed, "audit": keyed, "workspaces": keyed,
        "installations": own,
    }
