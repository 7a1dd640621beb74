"""What happened to a schedule's post: kept on the schedule, and told once to whoever made it.

The outbox reports each post as sent, failed (with `bot.delivery.reach`'s reason) or pending. For a post
of a schedule (keys `s<id>:…`), `after_delivery` records the outcome: a refusal is kept as the
schedule's `last_failure`, shown by `/peer schedules` ("last post failed: not in the channel"),
and its maker gets one direct message saying what to do; further refusals stay quiet until a post
goes out again. A channel archived or deleted will not take posts however often we try, so the
schedule pauses itself and says why, instead of failing every week. A post that went out clears it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from bot.delivery import reach
from bot.messages import Post, Reply, Where
from bot.records import Schedule

if TYPE_CHECKING:
    from bot.context import Context

SCHEDULE_KEY = re.compile(r"^s(\d+):")


class Delivery(Protocol):  # the outbox's `Delivered`
    key: str
    status: str
    reason: str


def schedule_of(key: str) -> int | None:
    match = SCHEDULE_KEY.match(key)
    return int(match[1]) if match else None


def after_delivery(bot: Context, results: Iterable[Delivery]) -> list[Post]:
    """Record each schedule post's outcome; returns the direct messages to send to schedule makers
    (claimed, so each is sent at most once)."""
    notices: list[Post] = []
    for result in results:
        sid = schedule_of(result.key)
        row = bot.store.schedule(sid) if sid is not None else None
        if sid is None or row is None:  # (no id, no row: the first test only narrows the type)
            continue
        if result.status == "sent" and (row.last_failure or row.failure_told):
            bot.store.note_schedule_post(sid, last_failure="", failure_told=False)
        elif result.status == "failed":
            notices += _refused(bot, row, result)
    return bot.claim(notices) if notices else []


def _refused(bot: Context, row: Schedule, result: Delivery) -> list[Post]:
    from bot.schedules.chat import describe  # noqa: PLC0415 - schedules imports this module's callers

    reason = result.reason or reach.OTHER
    changes: dict[str, Any] = {"last_failure": reason}
    if reason in reach.PAUSES:
        changes.update(paused=True, paused_why=reason)
    tell = not row.failure_told and bool(row.created_by)
    if tell:
        changes["failure_told"] = True
    bot.store.note_schedule_post(row.id, **changes)
    if not tell:
        return []
    summary = describe(bot, row, bot.clock.now())["summary"]
    text = reach.told_creator(row.id, summary, reason, row.platform, row.channel_id)
    # A direct message to the maker ("@<user id>"), keyed by the refused post: told at most once.
    where = Where(row.platform, row.workspace, f"@{row.created_by}", None, True)
    return [Post(where, Reply(text), key=f"told:{result.key}")]
