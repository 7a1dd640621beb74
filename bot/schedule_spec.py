"""Reading "every monday 10:00", "every other tuesday 14:30", "first wednesday of the month 9:30".

`parse_rule` turns the words a facilitator types into a `Rule`; anything it cannot read raises
`NotUnderstood` saying what it did understand and what it expected. A rule becomes an APScheduler 3
trigger in the channel's time zone with day *names*, never numbers: APScheduler 3 counts 0 as
Monday, unlike crontab, so numbers are a trap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import NotUnderstood
from bot.quoting import quote

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_WORDS = {name: i for i, name in enumerate(DAYS)}
DAY_WORDS.update({"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                  "sunday": 6, "tues": 1, "weds": 2, "thur": 3, "thurs": 3, "mondays": 0, "tuesdays": 1,
                  "wednesdays": 2, "thursdays": 3, "fridays": 4, "saturdays": 5, "sundays": 6})
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": -1}
NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}
TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")


@dataclass(frozen=True)
class Rule:
    """When a schedule fires, in the channel's local time."""

    cadence: str  # weekly | fortnightly | monthly
    days: tuple[int, ...]  # 0 = Monday
    hour: int
    minute: int
    nth: int = 0  # monthly: 1-4 or -1 for last

    def describe(self) -> str:
        names = ", ".join(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[d]
                          for d in self.days)
        at = f"{self.hour:02d}:{self.minute:02d}"
        if self.cadence == "weekly":
            return f"every {names} at {at}"
        if self.cadence == "fortnightly":
            return f"every other {names} at {at}"
        word = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}[self.nth]
        return f"the {word} {names} of the month at {at}"

    def encode(self) -> str:
        """A stable text form for the database."""
        days = ",".join(DAYS[d] for d in self.days)
        return f"{self.cadence} {days} {self.hour:02d}:{self.minute:02d} {self.nth}"

    @staticmethod
    def decode(text: str) -> "Rule":
        cadence, days, at, nth = text.split()
        hour, minute = at.split(":")
        return Rule(cadence, tuple(DAYS.index(d) for d in days.split(",")), int(hour), int(minute), int(nth))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        raise NotUnderstood(f"I don't know the time zone \"{quote(name)}\". Use an IANA name such as "
                            "America/Toronto, America/Vancouver, Europe/London or Australia/Sydney.") from None


def _time(words: list[str], understood: str) -> tuple[int, int]:
    text = " ".join(words).strip()
    m = TIME.match(text)
    if not m:
        raise NotUnderstood(f"I understood {understood}, but not the time \"{quote(text, 40)}\". "
                            "Give a time like 10:00, 9:30 or 2:30pm.")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise NotUnderstood(f"\"{quote(text, 40)}\" isn't a time I can read: with am/pm the hour goes from 1 to 12.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise NotUnderstood(f"\"{quote(text, 40)}\" isn't a time of day. Use 24-hour time like 14:30, or 2:30pm.")
    return hour, minute


def _days(words: list[str]) -> tuple[tuple[int, ...], list[str]]:
    """Leading day words ("monday", "mon and thu", "weekday", "day") and the words left over."""
    days: list[int] = []
    rest = list(words)
    while rest:
        w = rest[0].strip(",")
        if w in ("and", "&", ","):
            rest.pop(0)
            continue
        if w in ("weekday", "weekdays"):
            days += [0, 1, 2, 3, 4]
        elif w in ("day", "days", "daily"):
            days += list(range(7))
        elif w in DAY_WORDS:
            days.append(DAY_WORDS[w])
        elif "," in w and all(p in DAY_WORDS for p in w.split(",") if p):
            days += [DAY_WORDS[p] for p in w.split(",") if p]
        else:
            break
        rest.pop(0)
    return tuple(sorted(set(days))), rest


def parse_rule(text: str) -> Rule:
    words = [w for w in re.split(r"\s+", text.lower().strip()) if w]
    if not words:
        raise NotUnderstood("Tell me when, for example \"every monday 10:00\", \"every other tuesday 14:30\" "
                            "or \"first wednesday of the month 9:30\".")
    if words[0] in ORDINALS:
        nth = ORDINALS[words[0]]
        days, rest = _days(words[1:])
        if len(days) != 1:
            raise NotUnderstood(f"I understood \"{words[0]}\" but not which day. Try \"{words[0]} wednesday "
                                "of the month 9:30\".")
        if rest[:3] == ["of", "the", "month"]:
            rest = rest[3:]
        elif rest[:2] == ["of", "month"] or rest[:2] == ["each", "month"] or rest[:2] == ["every", "month"]:
            rest = rest[2:]
        understood = f"the {words[0]} {DAYS[days[0]]} of the month"
        hour, minute = _time(rest, understood)
        return Rule("monthly", days, hour, minute, nth)
    if words[0] == "every" or words[0] in DAY_WORDS or words[0] in ("weekday", "weekdays", "daily"):
        rest = words[1:] if words[0] == "every" else words
        cadence = "weekly"
        if rest[:1] == ["other"] or rest[:2] == ["second", "week"] or rest[:1] == ["alternate"]:
            cadence = "fortnightly"
            rest = rest[1:] if rest[0] != "second" else rest[2:]
        days, rest = _days(rest)
        if not days:
            raise NotUnderstood(f"I understood \"{quote(' '.join(words[:2]), 40)}\" but not which day. Try \"every monday "
                                "10:00\" or \"every other tuesday 14:30\".")
        if cadence == "fortnightly" and len(days) != 1:
            raise NotUnderstood("\"every other\" works with one day, like \"every other tuesday 14:30\".")
        understood = ("every other " if cadence == "fortnightly" else "every ") + ", ".join(DAYS[d] for d in days)
        hour, minute = _time(rest, understood)
        return Rule(cadence, days, hour, minute)
    raise NotUnderstood(f"I couldn't read \"{quote(text)}\" as a time. I understand \"every monday 10:00\", "
                        "\"every other tuesday 14:30\" and \"first wednesday of the month 9:30\".")


def trigger(rule: Rule, tz: ZoneInfo, anchor: datetime | None = None):
    """The APScheduler trigger for `rule`. Fortnightly rules count weeks from `anchor` (creation)."""
    from apscheduler.triggers.cron import CronTrigger  # noqa: PLC0415  (kept out of import time)

    days = ",".join(DAYS[d] for d in rule.days)
    if rule.cadence == "monthly":
        return CronTrigger(day=f"{NTH[rule.nth]} {days}", hour=rule.hour, minute=rule.minute, timezone=tz)
    return CronTrigger(day_of_week=days, hour=rule.hour, minute=rule.minute, timezone=tz)


def _after(trig, t: datetime) -> datetime | None:
    """The fire time after `t`. APScheduler 3 can hand back `t` itself inside the autumn change's
    repeated hour (it loses the fold), so step past that hour instead of looping on it."""
    n = trig.get_next_fire_time(t, t + timedelta(seconds=1))
    if n is not None and n <= t:
        n = trig.get_next_fire_time(t, t + timedelta(hours=1, seconds=1))
    return n


def fire_times(rule: Rule, tz: ZoneInfo, after: datetime, until: datetime, anchor: datetime,
               limit: int = 500) -> list[datetime]:
    """Every fire time in (after, until], in order, one per local wall-clock time: on the autumn
    change a 01:30 that happens twice counts once."""
    trig = trigger(rule, tz)
    out: list[datetime] = []
    seen_wall: set[tuple] = set()
    t = trig.get_next_fire_time(None, after + timedelta(seconds=1))
    while t is not None and t <= until and len(out) < limit:
        wall = (t.year, t.month, t.day, t.hour, t.minute)
        if wall not in seen_wall and _on_cycle(rule, t, anchor, tz):
            seen_wall.add(wall)
            out.append(t)
        t = _after(trig, t)
    return out


def next_fire(rule: Rule, tz: ZoneInfo, after: datetime, anchor: datetime) -> datetime | None:
    trig = trigger(rule, tz)
    t = trig.get_next_fire_time(None, after + timedelta(seconds=1))
    for _ in range(10):
        if t is None or _on_cycle(rule, t, anchor, tz):
            return t
        t = _after(trig, t)
    return None


def _on_cycle(rule: Rule, t: datetime, anchor: datetime, tz: ZoneInfo) -> bool:
    """Fortnightly rules fire on even weeks counted from the anchor's week."""
    if rule.cadence != "fortnightly":
        return True
    a = anchor.astimezone(tz).date()
    week0 = a - timedelta(days=a.weekday())
    d = t.astimezone(tz).date()
    return ((d - timedelta(days=d.weekday())) - week0).days // 7 % 2 == 0
