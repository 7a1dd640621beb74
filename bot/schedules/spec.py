"""When a schedule fires: the `Rule`, its text forms, and its fire times in a channel's time zone.

A `Rule` is what a facilitator meant ("every other tuesday 14:30", "the last friday of the month
15:00", "the 1st of every month 12:00"); `bot.schedules.words` reads it from people's words. The date
arithmetic is `dateutil.rrule`'s, over local wall-clock times, which are then placed in the zone:
so a 10:00 schedule stays at 10:00 across daylight-saving changes, a 01:30 that happens twice on the
autumn night fires once (its first occurrence), and a 02:30 that does not exist on the spring night
fires once, an hour later on the clock (03:30).

The store keeps a schedule's recurrence as RFC 5545 RRULE text ("RRULE:FREQ=WEEKLY;INTERVAL=2;
BYDAY=TU;BYHOUR=14;BYMINUTE=30;BYSECOND=0"), and fire times are computed from that text with
`dateutil.rrule.rrulestr`. Its times are floating, that is wall-clock times in the channel's zone:
a channel that changes its zone keeps its 10:00. It carries no DTSTART: every-n-weeks rules count
their weeks from the week the schedule was made (its `created_at`, in the channel's zone), as they
always have, so the same text can be read by any store.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import NotUnderstood
from bot.safety.quoting import quote

if TYPE_CHECKING:  # imported where a rule is worked out: `peerbot ask` never does, and it is 3 ms of a start
    from dateutil.rrule import rrule

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
WEEKDAYS = (0, 1, 2, 3, 4)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


def nth_of_month(n: int) -> str:
    if n == -1:
        return "last day"
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@dataclass(frozen=True)
class Rule:
    """When a schedule fires, in the channel's local time.

    cadence `weekly` (every `interval` weeks on `days`), `monthly` (the `nth` of `days[0]` in each
    month, -1 for the last) or `monthday` (day `nth` of each month, -1 for its last day)."""

    cadence: str
    days: tuple[int, ...]  # 0 = Monday
    hour: int
    minute: int
    nth: int = 0
    interval: int = 1

    @property
    def at(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def _day_list(self, sep: str = ", ") -> str:
        return sep.join(DAY_NAMES[d] for d in self.days)

    def describe(self) -> str:
        if self.cadence == "monthly":
            return f"the {ORDINAL_WORDS[self.nth]} {DAY_NAMES[self.days[0]]} of the month at {self.at}"
        if self.cadence == "monthday":
            return f"the {nth_of_month(self.nth)} of every month at {self.at}"
        if self.interval == 1:
            if self.days == EVERY_DAY:
                return f"every day at {self.at}"
            if self.days == WEEKDAYS:
                return f"every weekday at {self.at}"
            return f"every {self._day_list()} at {self.at}"
        if self.interval == 2:
            return f"every other {self._day_list()} at {self.at}"
        return f"every {self.interval} weeks on {self._day_list()} at {self.at}"

    def phrase(self) -> str:
        """The rule in words `parse_rule` reads back as this same rule (for "did you mean …?")."""
        days = " and ".join(DAY_NAMES[d].lower() for d in self.days)
        if self.cadence == "monthly":
            return f"{ORDINAL_WORDS[self.nth]} {days} of the month {self.at}"
        if self.cadence == "monthday":
            return f"the {nth_of_month(self.nth)} of every month {self.at}".replace("the last day of every", "the last day of the")
        if self.interval == 1:
            if self.days == EVERY_DAY:
                return f"every day {self.at}"
            if self.days == WEEKDAYS:
                return f"every weekday {self.at}"
            return f"every {days} {self.at}"
        if self.interval == 2:
            return f"every other {days} {self.at}"
        return f"every {self.interval} weeks on {days} {self.at}"

    def recurrence(self, dtstart: datetime = datetime(2000, 1, 3)) -> rrule:
        """The rule as a `dateutil.rrule` over naive wall-clock times, from `dtstart` (a Monday)."""
        from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

        at: dict[str, Any] = {"byhour": self.hour, "byminute": self.minute, "bysecond": 0}
        if self.cadence == "weekly":
            return rrule(WEEKLY, interval=self.interval, byweekday=self.days, dtstart=dtstart, **at)
        if self.cadence == "monthly":
            return rrule(MONTHLY, byweekday=weekday(self.days[0], self.nth), dtstart=dtstart, **at)
        return rrule(MONTHLY, bymonthday=self.nth, dtstart=dtstart, **at)

    def rrule_text(self) -> str:
        """The RRULE text the store keeps (dateutil's own writing of it, without the DTSTART)."""
        return str(self.recurrence()).splitlines()[-1]

    @staticmethod
    def from_rrule(text: str) -> "Rule":
        """The rule an RRULE text means; ValueError for one no schedule could have been made with."""
        return _rule_of(text.strip())

    def code(self) -> str:
        """A short form without ':' or spaces, for a button id."""
        days = "".join(str(d) for d in self.days) or "x"
        cad = {"weekly": "w", "monthly": "n", "monthday": "d"}[self.cadence]
        return f"{cad}.{self.interval}.{days}.{self.hour:02d}{self.minute:02d}.{self.nth}"

    @staticmethod
    def from_code(code: str) -> "Rule":
        cad, interval, days, at, nth = code.split(".")
        cadence = {"w": "weekly", "n": "monthly", "d": "monthday"}[cad]
        rule = Rule(cadence, tuple(int(d) for d in days) if days != "x" else (), int(at[:2]), int(at[2:]),
                    int(nth), int(interval))
        rule.check()
        return rule

    def check(self) -> None:
        """Raise ValueError for a rule that cannot fire (used on button ids, which anyone can forge)."""
        ok = (0 <= self.hour <= 23 and 0 <= self.minute <= 59 and 1 <= self.interval <= 8
              and all(0 <= d <= 6 for d in self.days) and len(set(self.days)) == len(self.days))
        if self.cadence == "weekly":
            ok = ok and bool(self.days)
        elif self.cadence == "monthly":
            ok = ok and len(self.days) == 1 and self.nth in ORDINAL_WORDS
        else:
            ok = ok and (1 <= self.nth <= 31 or self.nth == -1) and not self.days
        if not ok:
            raise ValueError(f"not a rule that can fire: {self}")


def parse_rule(text: str) -> Rule:
    """Read a rule from people's words (see `bot.schedules.words`)."""
    from bot.schedules.words import parse  # noqa: PLC0415  (that module builds on this one)

    return parse(text)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        raise NotUnderstood(f"I don't know the time zone \"{quote(name)}\". Use an IANA name such as "
                            "America/Toronto, America/Vancouver, Europe/London or Australia/Sydney.") from None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@lru_cache(maxsize=4096)
def _rule_of(text: str) -> Rule:
    """Read back what `Rule.rrule_text` wrote (cached: every tick describes the same few texts)."""
    body = text.removeprefix("RRULE:")
    try:
        parts = dict(part.split("=", 1) for part in body.split(";"))
        freq, days = parts.pop("FREQ"), parts.pop("BYDAY", "")
        hour, minute = int(parts.pop("BYHOUR")), int(parts.pop("BYMINUTE"))
        interval, monthday = int(parts.pop("INTERVAL", "1")), parts.pop("BYMONTHDAY", "")
        if parts.pop("BYSECOND", "0") != "0" or parts:
            raise ValueError(f"parts a schedule never has: {sorted(parts)}")
        if freq == "WEEKLY":
            rule = Rule("weekly", tuple(RRULE_DAYS.index(d) for d in days.split(",")), hour, minute, 0, interval)
        elif freq == "MONTHLY" and days:
            rule = Rule("monthly", (RRULE_DAYS.index(days[-2:]),), hour, minute, int(days[:-2]), interval)
        elif freq == "MONTHLY":
            rule = Rule("monthday", (), hour, minute, int(monthday), interval)
        else:
            raise ValueError(f"frequency {freq}")
        rule.check()
    except (KeyError, ValueError) as e:
        raise ValueError(f"not a schedule's RRULE ({e}): {text!r}") from None
    return rule


@lru_cache(maxsize=4096)
def _template(text: str) -> tuple[rrule, Rule]:
    """The stored RRULE parsed by dateutil (from a placeholder start, moved per use), and its meaning."""
    from dateutil.rrule import rrule, rrulestr

    template = rrulestr(text, dtstart=datetime(2000, 1, 3))
    assert isinstance(template, rrule)  # one RRULE line, no forceset: dateutil gives a plain rrule
    return template, _rule_of(text)


def _recurrence(recurrence: str, tz: ZoneInfo, around: datetime, anchor: datetime) -> rrule:
    """The recurrence's local wall-clock times from a little before `around`. Every-n-weeks rules
    count their weeks from the week of `anchor` (when the schedule was made)."""
    template, rule = _template(recurrence)
    local = around.astimezone(tz).date()
    if rule.cadence == "weekly":
        start = _monday(local) - timedelta(weeks=1)
        if rule.interval > 1:
            week0 = _monday(anchor.astimezone(tz).date())
            weeks = (start - week0).days // 7
            start = week0 + timedelta(weeks=weeks - weeks % rule.interval)
    else:
        start = (local.replace(day=1) - timedelta(days=1)).replace(day=1)
    return template.replace(dtstart=datetime.combine(start, time()))


def _instants(recurrence: str, tz: ZoneInfo, after: datetime, anchor: datetime) -> Iterator[datetime]:
    """Fire instants after `after`, in order. Each wall-clock time is placed with fold=0: the first of
    a repeated hour, and the clock's later reading for a time the spring change skips."""
    rec = _recurrence(recurrence, tz, after, anchor)
    for wall in rec:
        t = wall.replace(tzinfo=tz)
        if t > after:
            yield t


def fire_times(recurrence: str, tz: ZoneInfo, after: datetime, until: datetime, anchor: datetime,
               limit: int = 500) -> list[datetime]:
    """Every fire time of the RRULE text `recurrence` in (after, until], in order, one per local
    wall-clock time."""
    out: list[datetime] = []
    for t in _instants(recurrence, tz, after, anchor):
        if t > until or len(out) >= limit:
            break
        out.append(t)
    return out


def next_fire(recurrence: str, tz: ZoneInfo, after: datetime, anchor: datetime) -> datetime | None:
    return next(_instants(recurrence, tz, after, anchor), None)
