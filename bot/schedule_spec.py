"""When a schedule fires: the `Rule`, its text forms, and its fire times in a channel's time zone.

A `Rule` is what a facilitator meant ("every other tuesday 14:30", "the last friday of the month
15:00", "the 1st of every month 12:00"); `bot.schedule_words` reads it from people's words. The date
arithmetic is `dateutil.rrule`'s, over local wall-clock times, which are then placed in the zone:
so a 10:00 schedule stays at 10:00 across daylight-saving changes, a 01:30 that happens twice on the
autumn night fires once (its first occurrence), and a 02:30 that does not exist on the spring night
fires once, an hour later on the clock (03:30).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from bot.errors import NotUnderstood
from bot.quoting import quote

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
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
    month, -1 for the last) or `monthday` (day `nth` of each month, -1 for its last day). Old rows say `fortnightly`,
    which is weekly every 2 weeks."""

    cadence: str
    days: tuple[int, ...]  # 0 = Monday
    hour: int
    minute: int
    nth: int = 0
    interval: int = 1

    def __post_init__(self) -> None:
        if self.cadence == "fortnightly":
            object.__setattr__(self, "cadence", "weekly")
            object.__setattr__(self, "interval", 2)

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

    def encode(self) -> str:
        """A stable text form for the database (weekly every 2 weeks keeps its older name)."""
        days = ",".join(DAYS[d] for d in self.days) or "-"
        if self.cadence == "weekly" and self.interval == 2:
            return f"fortnightly {days} {self.at} 0"
        tail = f" {self.interval}" if self.interval != 1 else ""
        return f"{self.cadence} {days} {self.at} {self.nth}{tail}"

    @staticmethod
    def decode(text: str) -> "Rule":
        cadence, days, at, nth, *rest = text.split()
        hour, minute = at.split(":")
        return Rule(cadence, tuple(DAYS.index(d) for d in days.split(",")) if days != "-" else (),
                    int(hour), int(minute), int(nth), int(rest[0]) if rest else 1)

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
    """Read a rule from people's words (see `bot.schedule_words`)."""
    from bot.schedule_words import parse  # noqa: PLC0415  (that module builds on this one)

    return parse(text)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        raise NotUnderstood(f"I don't know the time zone \"{quote(name)}\". Use an IANA name such as "
                            "America/Toronto, America/Vancouver, Europe/London or Australia/Sydney.") from None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _recurrence(rule: Rule, tz: ZoneInfo, around: datetime, anchor: datetime) -> rrule:
    """The rule's local wall-clock times from a little before `around`. Every-n-weeks rules count
    their weeks from the week of `anchor` (when the schedule was made)."""
    local = around.astimezone(tz).date()
    at = {"byhour": rule.hour, "byminute": rule.minute, "bysecond": 0}
    if rule.cadence == "weekly":
        start = _monday(local) - timedelta(weeks=1)
        if rule.interval > 1:
            week0 = _monday(anchor.astimezone(tz).date())
            weeks = (start - week0).days // 7
            start = week0 + timedelta(weeks=weeks - weeks % rule.interval)
        return rrule(WEEKLY, interval=rule.interval, byweekday=rule.days, dtstart=datetime.combine(start, time()), **at)
    start = (local.replace(day=1) - timedelta(days=1)).replace(day=1)
    if rule.cadence == "monthly":
        return rrule(MONTHLY, byweekday=weekday(rule.days[0], rule.nth), dtstart=datetime.combine(start, time()), **at)
    return rrule(MONTHLY, bymonthday=rule.nth, dtstart=datetime.combine(start, time()), **at)


def _instants(rule: Rule, tz: ZoneInfo, after: datetime, anchor: datetime):
    """Fire instants after `after`, in order. Each wall-clock time is placed with fold=0: the first of
    a repeated hour, and the clock's later reading for a time the spring change skips."""
    rec = _recurrence(rule, tz, after, anchor)
    for wall in rec:
        t = wall.replace(tzinfo=tz)
        if t > after:
            yield t


def fire_times(rule: Rule, tz: ZoneInfo, after: datetime, until: datetime, anchor: datetime,
               limit: int = 500) -> list[datetime]:
    """Every fire time in (after, until], in order, one per local wall-clock time."""
    out: list[datetime] = []
    for t in _instants(rule, tz, after, anchor):
        if t > until or len(out) >= limit:
            break
        out.append(t)
    return out


def next_fire(rule: Rule, tz: ZoneInfo, after: datetime, anchor: datetime) -> datetime | None:
    return next(_instants(rule, tz, after, anchor), None)
