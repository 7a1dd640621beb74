"""The chat commands for days off: `/peer holidays`, `/peer closed`, `/peer schedule N on-holiday`.

Both the holiday calendar and the closures belong to the channel, like its time zone (a workspace
can span provinces, and a group can close while the agency stays open). Anyone can read them;
only facilitators change them, and every change goes to the audit log. Bad input changes nothing.
What days off mean for a schedule is `bot.schedules.calendar_days`.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

from bot.commands import Need
from bot.errors import NotUnderstood, UserError
from bot.messages import Command, Message, Press, Reply, Role
from bot.people.roles import workspace_key
from bot.records import Closure, Schedule
from bot.safety.quoting import quote
from bot.schedules import calendar_days as cal
from bot.schedules.spec import zone

if TYPE_CHECKING:
    from bot.context import Context

Request = Command | Press
RANGE = re.compile(r"^(\S+)(?:\s+(?:to|until|through|thru|-|–)\s+(\S+))?\s*(.*)$", re.IGNORECASE | re.DOTALL)
QUOTES = "\"'“”‘’"


def _channel(req: Request) -> str:
    if req.where.is_dm:
        raise UserError("Holidays and closures belong to a channel: do this in the channel where the group meets.")
    return req.where.channel_key


def _today(bot: Context, channel: str) -> date:
    from bot.schedules.chat import channel_tz  # noqa: PLC0415  (schedules imports this module's sibling)

    return bot.clock.now().astimezone(zone(channel_tz(bot, channel))).date()


def _upcoming_holidays(code: str, today: date, n: int = 3) -> str:
    days = sorted((d, name) for year in (today.year, today.year + 1)
                  for d, name in cal._public(code, year).items() if d >= today)[:n]
    return ", ".join(f"{d:%a %Y-%m-%d} {name}" for d, name in days)


# -- /peer holidays ------------------------------------------------------------------------
def holidays_(bot: Context, req: Request, text: str) -> list[Message]:
    channel = _channel(req)
    wanted = text.strip()
    if not wanted:
        code = cal.calendar_of(bot, channel)
        own = bot.store.channel_holidays(channel) is not None
        coming = _upcoming_holidays(code, _today(bot, channel)) if code != cal.OFF else ""
        return [Reply(f"Schedules here skip the public holidays of {cal.name_of(code)}"
                      + ("" if own else " (the default)") + (f"; next: {coming}" if coming else "") + ". "
                      "Facilitators can change it with \"/peer holidays ON\" (or US-NY, UK-SCT, IE, AU-NSW, NZ, off, "
                      "default).", private=True)]
    if wanted.lower() == "default":
        code, stored = cal.default_calendar(bot), ""
    else:
        code = stored = cal.resolve(wanted, cal.default_country(bot.settings.region))
    bot.store.set_channel_holidays(channel, stored)
    bot.store.audit(workspace_key(req), req.who.user_id, "holidays", f"{channel} {stored or 'default'}")
    if code == cal.OFF:
        return [Reply("Schedules in this channel no longer skip public holidays (closures still count).")]
    coming = _upcoming_holidays(code, _today(bot, channel))
    return [Reply(f"Schedules in this channel now skip the public holidays of {cal.name_of(code)}"
                  + (f"; next: {coming}" if coming else "") + ".")]


# -- /peer closed --------------------------------------------------------------------------
def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NotUnderstood(f"\"{quote(text, 20)}\" isn't a date I can read as the {what}. Write dates as "
                            "YYYY-MM-DD, e.g. \"/peer closed 2026-12-24 to 2027-01-02 winter closure\".") from None


def _label(text: str) -> str:
    # The facilitator's own name for the closure: an agency closure, not about a person. Stored inert
    # and short, so quoting it back can never ping, link or flood.
    label = quote(text.strip().strip(QUOTES).strip(), cal.LABEL_LIMIT)
    return label or "closed"


def needs(rest: str) -> Need | None:
    """Anyone lists the closures; facilitators mark and remove them."""
    verb = rest.split()[0].lower() if rest.split() else "list"
    return None if verb in ("list", "show") else Need(Role.FACILITATOR, "mark closures")


def closed(bot: Context, req: Request, text: str) -> list[Message]:
    channel = _channel(req)
    words = text.split()
    verb = words[0].lower() if words else "list"
    if verb in ("list", "show"):
        return [_list(bot, channel)]
    if verb in ("remove", "delete"):
        number = words[1].lstrip("#") if len(words) > 1 else ""
        if not number.isdigit():
            raise NotUnderstood("Which closure? Give its number from \"/peer closed list\", e.g. \"/peer closed remove 2\".")
        gone = bot.store.remove_closure(channel, int(number))
        if gone is None:
            raise UserError(f"There's no closure #{number} in this channel. \"/peer closed list\" lists them.")
        bot.store.audit(workspace_key(req), req.who.user_id, "closure remove", _audited(gone, channel))
        return [Reply(f"Removed closure #{gone.id} ({_span(gone)}, {gone.label}). Schedules here post on those "
                      "days again.")]
    m = RANGE.match(text.strip())
    if m is None:
        raise NotUnderstood("Try \"/peer closed 2026-12-24 to 2027-01-02 winter closure\", \"/peer closed list\" or "
                            "\"/peer closed remove 1\".")
    start = _date(m.group(1), "start")
    end = _date(m.group(2), "end") if m.group(2) else start
    label = _label(m.group(3))
    if end < start:
        raise NotUnderstood(f"The closure ends ({end}) before it starts ({start}). Nothing was saved; give the start "
                            "first.")
    if (end - start).days >= 366:
        raise NotUnderstood(f"{start} to {end} is longer than a year. Nothing was saved; mark a closure of a year "
                            "or less (pausing the schedules may suit a longer break).")
    today = _today(bot, channel)
    if start < today:
        raise NotUnderstood(f"{start} is in the past (today here is {today}). Nothing was saved; a closure starts "
                            "today or later.")
    cid = bot.store.add_closure(channel, start.isoformat(), end.isoformat(), label)
    made = Closure(cid, start.isoformat(), end.isoformat(), label)
    bot.store.audit(workspace_key(req), req.who.user_id, "closure add", _audited(made, channel))
    return [Reply(f"Closure #{cid}: {_span(made)}, {label}. Schedules in this channel skip those days "
                  "(\"/peer schedules\" shows what posts next).")]


def _audited(closure: Closure, channel: str) -> str:
    # Dates and the stored (inert, capped) label, as fields: the audit log records the closure, not
    # the message that made it.
    return f"#{closure.id} {channel} {closure.start}..{closure.end} label \"{closure.label}\""


def _span(closure: Closure) -> str:
    start, end = date.fromisoformat(closure.start), date.fromisoformat(closure.end)
    return f"{start:%a %Y-%m-%d}" if start == end else f"{start:%a %Y-%m-%d} to {end:%a %Y-%m-%d}"


def _list(bot: Context, channel: str) -> Reply:
    today = _today(bot, channel).isoformat()
    rows = [r for r in bot.store.closures(channel) if r.end >= today]
    if not rows:
        return Reply("No closures marked in this channel. Facilitators can add one: "
                     "\"/peer closed 2026-12-24 to 2027-01-02 winter closure\".", private=True)
    return Reply("Closures here:\n" + "\n".join(f"• #{r.id} {_span(r)}: {r.label}" for r in rows), private=True)


# -- /peer schedule N on-holiday skip|next-day ---------------------------------------------
def on_holiday(bot: Context, req: Request, row: Schedule, words: list[str]) -> list[Message]:
    from bot.schedules.chat import describe  # noqa: PLC0415  (schedules calls this; import late)

    policy = words[0].lower() if words else ""
    if policy not in cal.POLICIES:
        raise NotUnderstood(f"On a holiday or closure, #{row.id} can \"skip\" or move to the \"next-day\" "
                            f"(the next working day), e.g. \"/peer schedule {row.id} on-holiday next-day\".")
    bot.store.update_schedule(row.id, on_holiday=policy)
    bot.store.audit(workspace_key(req), req.who.user_id, "schedule on-holiday", f"#{row.id} {policy}")
    nxt = describe(bot, dataclasses.replace(row, on_holiday=policy, next_due=""), bot.clock.now())["next"]
    does = "is skipped" if policy == "skip" else "moves to the next working day, with a session's steps"
    return [Reply(f"On a holiday or closure, a run of #{row.id} {does}. Next: {nxt}.", private=True)]

