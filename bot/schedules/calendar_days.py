"""Days off: which dates a channel's schedules stay quiet on, and where a run on such a day goes.

A channel's days off are the public holidays of its calendar (from the `holidays` package: `CA-ON`
for Ontario, `US-NY`, `UK-SCT`, `IE`, `AU-NSW`, `NZ`; or none, "off") plus the closures its
facilitators marked. The calendar is the channel's own (`/peer holidays ON`), else the operator's
default (`PEERBOT_HOLIDAYS`, read with `PEERBOT_REGION`'s country).

A schedule's regular run on a day off is skipped (the default), or, with `on-holiday next-day`,
moved to the next working day (Monday to Friday, not a day off) at the same local time. A moved
run keeps the key of the regular run it stands for, so it is still posted at most once; and it is
dropped when it would land at or after that schedule's next regular run, so a moved run and the
schedule's next one never pile up (the regular run stands in for it).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.errors import NotUnderstood
from bot.records import Closure, Schedule
from bot.safety.quoting import quote
from bot.schedules.spec import next_fire, zone

if TYPE_CHECKING:
    from bot.context import Context

# The countries peerbot has crisis lines for, by the id PEERBOT_REGION uses, and the `holidays`
# package's code for each (the package says GB for the United Kingdom).
COUNTRIES = {"CA": "CA", "US": "US", "UK": "GB", "IE": "IE", "AU": "AU", "NZ": "NZ"}
ALIASES = {"GB": "UK"}
NAMES = {"CA": "Canada", "US": "the United States", "UK": "the United Kingdom", "IE": "Ireland", "AU": "Australia",
         "NZ": "New Zealand"}
OFF = "off"
POLICIES = ("skip", "next-day")
LABEL_LIMIT = 60
# How far back a tick looks for a regular run that was moved forward into the window it handles:
# a moved run lands before the schedule's next regular run, and no rule is further apart than this.
LOOKBACK = timedelta(days=40)
# How far ahead to look for a schedule's next run before saying "never" (every day could be off).
HORIZON = timedelta(days=800)


def _package() -> ModuleType:
    # Imported when first needed: the package takes longer to import than the rest of start-up's
    # schedule code, and a bot with no schedules never needs it.
    import holidays  # noqa: PLC0415

    return holidays


def _subdivisions(country: str) -> tuple[str, ...]:
    # Some entries are not codes ("NSW Western" in Australia): only plain codes are offered.
    return tuple(s for s in getattr(_package(), COUNTRIES[country]).subdivisions if s.isalnum())


def valid_codes() -> str:
    """Every calendar code, grouped by country, for an error message."""
    return "; ".join(f"{c} or {c}-" + "/".join(_subdivisions(c)) if _subdivisions(c) else c for c in COUNTRIES)


def default_country(region: str) -> str | None:
    region = ALIASES.get(region.strip().upper(), region.strip().upper())
    return region if region in COUNTRIES else None


def resolve(code: str, country: str | None) -> str:
    """The canonical form ("CA-ON", "IE", "off") of what someone typed ("ON", "on", "US-NY", "ie").

    A bare subdivision is read in `country` (PEERBOT_REGION's) first, then in whichever one country
    has it; anything else raises `NotUnderstood` listing the valid codes."""
    text = code.strip().upper().replace("_", "-")
    if text.lower() in ("off", "none"):
        return OFF
    head, _, tail = text.partition("-")
    head = ALIASES.get(head, head)
    if head in COUNTRIES and not tail:
        return head
    if head in COUNTRIES and tail in _subdivisions(head):
        return f"{head}-{tail}"
    if not tail:
        if country in COUNTRIES and head in _subdivisions(country):
            return f"{country}-{head}"
        owners = [c for c in COUNTRIES if head in _subdivisions(c)]
        if len(owners) == 1:
            return f"{owners[0]}-{head}"
        if owners:
            raise NotUnderstood(f"\"{quote(code, 20)}\" is in more than one country; say which: "
                                + " or ".join(f"{c}-{head}" for c in owners) + ".")
    raise NotUnderstood(f"I don't know the holiday calendar \"{quote(code, 20)}\". Use \"off\", or one of: "
                        f"{valid_codes()}.")


def name_of(code: str) -> str:
    """"Ontario (CA-ON)", "IE", "no public holidays"."""
    if code == OFF:
        return "no public holidays"
    country, _, sub = code.partition("-")
    if not sub:
        return f"{NAMES[country]} ({code})"
    aliases = getattr(_package(), COUNTRIES[country]).subdivisions_aliases
    name = next((n for n, c in aliases.items() if c == sub), "")
    return f"{name} ({code})" if name else code


@lru_cache(maxsize=64)
def _public(code: str, year: int) -> dict[date, str]:
    if code == OFF:
        return {}
    country, _, sub = code.partition("-")
    return dict(_package().country_holidays(COUNTRIES[country], subdiv=sub or None, years=year))


def default_calendar(bot: Context) -> str:
    """The operator's default: PEERBOT_HOLIDAYS (checked when settings load), else the country-wide
    holidays of PEERBOT_REGION, else none."""
    country = default_country(bot.settings.region)
    if bot.settings.holidays.strip():
        return resolve(bot.settings.holidays, country)
    return country or OFF


def calendar_of(bot: Context, channel: str) -> str:
    return bot.store.channel_holidays(channel) or default_calendar(bot)


@dataclass(frozen=True)
class DaysOff:
    """A channel's public holidays and closures."""

    calendar: str
    closures: tuple[Closure, ...] = ()

    def why(self, day: date) -> str | None:
        """Why `day` is off ("winter closure", "Family Day"), or None for an ordinary day."""
        iso = day.isoformat()
        for c in self.closures:
            if c.start <= iso <= c.end:
                return c.label
        return _public(self.calendar, day.year).get(day)

    def working(self, day: date) -> bool:
        return day.weekday() < 5 and self.why(day) is None


def days_off(bot: Context, channel: str) -> DaysOff:
    return DaysOff(calendar_of(bot, channel), tuple(bot.store.closures(channel)))


@dataclass(frozen=True)
class Run:
    """One post of a schedule: when it goes out, and the regular run it stands for (its key)."""

    at: datetime
    regular: datetime

    @property
    def moved(self) -> bool:
        return self.at != self.regular


@dataclass(frozen=True)
class Plan:
    """What a schedule does with days off, in its channel's zone."""

    recurrence: str  # RRULE text (see bot.schedules.spec)
    tz: ZoneInfo
    anchor: datetime
    off: DaysOff
    policy: str = "skip"

    def regular(self, after: datetime, until: datetime | None = None) -> Iterator[datetime]:
        """The rule's own fire times after `after`, holidays or not, one at a time (a tick computes
        no more of them than it needs), up to the horizon past `until`."""
        t, end, last_wall = after, max(after, until or after) + HORIZON, None
        while t < end:
            fire = next_fire(self.recurrence, self.tz, t, self.anchor)
            if fire is None:
                return
            if fire <= t:  # APScheduler 3 can lose the fold in the autumn change's repeated hour
                t += timedelta(hours=1)
                continue
            wall = fire.astimezone(self.tz).replace(tzinfo=None)
            if wall != last_wall:  # that repeated hour's 01:30 is one run, not two
                last_wall = wall
                yield fire
            t = fire

    def _moved(self, regular: datetime, following: datetime | None) -> Run | None:
        """The next working day at the same local time, unless that is at or after `following`."""
        local = regular.astimezone(self.tz)
        day = local.date() + timedelta(days=1)
        while not self.off.working(day):
            day += timedelta(days=1)
            if day - local.date() > HORIZON:
                return None
        at = datetime(day.year, day.month, day.day, local.hour, local.minute, tzinfo=self.tz)
        if following is not None and at >= following:
            return None  # the schedule's next regular run stands in for it
        return Run(at, regular)

    def _walk(self, after: datetime, until: datetime | None = None) -> Iterator[tuple[datetime, Run | None]]:
        """Each regular run (from far enough back that a run moved past `after` is seen) with where
        it goes: itself, moved, or None for skipped."""
        start = after - LOOKBACK if self.policy == "next-day" else after
        regs = self.regular(max(start, self.anchor), until)
        current = next(regs, None)
        while current is not None:
            if self.off.why(current.astimezone(self.tz).date()) is None:
                yield current, Run(current, current)
                current = next(regs, None)
            elif self.policy != "next-day":
                yield current, None
                current = next(regs, None)
            else:
                following = next(regs, None)  # read only when a run moves: it must land before this
                yield current, self._moved(current, following)
                current = following

    def due(self, after: datetime, until: datetime, limit: int = 500) -> tuple[list[Run], Run | None]:
        """The posts due in (after, until], in order (a moved run lands before the next regular
        one), and the first one after them, in one walk. At most `limit` at once: a tick far ahead
        works through the rest at the next tick."""
        out: list[Run] = []
        for _regular, run in self._walk(after, until):
            if run is None:
                continue
            if run.at > until or len(out) == limit:
                return out, run
            if run.at > after:
                out.append(run)
        return out, None

    def next_run(self, after: datetime) -> tuple[Run | None, list[tuple[datetime, str]]]:
        """The next post after `after`, and the regular runs skipped before it, with why."""
        skipped: list[tuple[datetime, str]] = []
        for regular, run in self._walk(after):
            if run is not None and run.at > after:
                return run, skipped
            if run is None and regular > after:
                skipped.append((regular, self.off.why(regular.astimezone(self.tz).date()) or "day off"))
        return None, skipped


def plan_for(bot: Context, schedule: Schedule, tz_name: str) -> Plan:
    return Plan(schedule.recurrence, zone(tz_name), datetime.fromisoformat(schedule.created_at),
                days_off(bot, schedule.channel), schedule.on_holiday or "skip")


def when(t: datetime, tz: ZoneInfo) -> str:
    return t.astimezone(tz).strftime("%a %Y-%m-%d %H:%M %Z")


def describe_next(run: Run | None, skipped: list[tuple[datetime, str]], plan: Plan) -> str:
    """"Wed 2027-01-06 09:30 EST; skipping Wed 2026-12-30, winter closure"."""
    if run is None:
        return "never"
    text = when(run.at, plan.tz)
    if run.moved:
        why = plan.off.why(run.regular.astimezone(plan.tz).date()) or "day off"
        text += f" (moved from {run.regular.astimezone(plan.tz):%a %Y-%m-%d}, {quote(why, LABEL_LIMIT)})"
        skipped = [s for s in skipped if s[0] != run.regular]
    if skipped:
        shown = [f"{t.astimezone(plan.tz):%a %Y-%m-%d}, {quote(why, LABEL_LIMIT)}" for t, why in skipped[:3]]
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        text += "; skipping " + "; ".join(shown) + more
    return text
