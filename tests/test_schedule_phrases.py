"""Schedule phrases a facilitator might type, scored: understood as meant, or a correct "did you mean".

The phrases in tests/data/schedule_phrases.toml were written by someone who had not seen the
parser, each with the schedule it means (`kind`, `freq`, `weekdays`, `interval`, `nth`/`monthday`,
`time`). Each is typed to the real bot by a facilitator in a channel of its own:

- right: a schedule is made with the meant kind and the meant fire times over the next 60 days
  (every-n-weeks: in any phase), or the bot answers "did you mean …?" and pressing its button makes
  exactly that schedule;
- misread: a schedule is made that differs from what was meant (the one outcome never allowed);
- anything else (not understood, a suggestion that is not what was meant) is neither.

Run on another file: `python -m tests.test_schedule_phrases PATH` prints "right N/M, misread K".
"""
from __future__ import annotations

import sys
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule, weekday

DATA = Path(__file__).resolve().parent / "data" / "schedule_phrases.toml"
START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday
TZ = ZoneInfo("America/Toronto")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HORIZON = timedelta(days=60)


@dataclass
class Outcome:
    text: str
    result: str  # right | misread | suggested-wrong | not-understood
    said: str  # the bot's first reply, shortened


def expected(phrase: dict) -> list[set[datetime]]:
    """The fire times the phrase means over the horizon; several sets when any phase will do."""
    hour, minute = (int(x) for x in phrase["time"].split(":"))
    local_start = START.astimezone(TZ).replace(tzinfo=None)
    at = {"byhour": hour, "byminute": minute, "bysecond": 0}
    freq = phrase["freq"]
    days = [DAYS.index(d) for d in phrase.get("weekdays", [])]
    if freq == "daily":
        rules = [rrule(DAILY, dtstart=local_start.replace(hour=0, minute=0), **at)]
    elif freq == "weekly":
        rules = [rrule(WEEKLY, byweekday=days, dtstart=local_start.replace(hour=0, minute=0), **at)]
    elif freq == "every-n-weeks":
        n = phrase["interval"]
        monday = (local_start - timedelta(days=local_start.weekday())).replace(hour=0, minute=0)
        rules = [rrule(WEEKLY, interval=n, byweekday=days, dtstart=monday + timedelta(weeks=k), wkst=0, **at)
                 for k in range(n)]
    elif freq == "monthly-weekday":
        rules = [rrule(MONTHLY, byweekday=weekday(days[0], phrase["nth"]),
                       dtstart=local_start.replace(day=1, hour=0, minute=0), **at)]
    elif freq == "monthly-day":
        rules = [rrule(MONTHLY, bymonthday=phrase["monthday"], dtstart=local_start.replace(day=1, hour=0, minute=0), **at)]
    else:
        raise ValueError(f"unknown freq {freq!r}")
    out = []
    for r in rules:
        times = {w.replace(tzinfo=TZ) for w in r.between(local_start - timedelta(days=1),
                                                         local_start + HORIZON + timedelta(days=1), inc=True)}
        out.append({t for t in times if START < t <= START + HORIZON})
    return out


def made(bot, channel_key: str) -> tuple[str, set[datetime]] | None:
    """The kind and fire times of the schedule made in this channel, if one was."""
    from bot.schedules.spec import fire_times

    rows = bot.store.schedules(channel=channel_key)
    if not rows:
        return None
    row = rows[-1]
    fires = fire_times(row.recurrence, TZ, START, START + HORIZON, datetime.fromisoformat(row.created_at))
    return row.kind, set(fires)


def score(path: Path = DATA) -> list[Outcome]:
    from adapters.bootstrap import build_bot
    from bot.content.catalog import load_catalog
    from bot.messages import Role, Where
    from bot.ports import FixedClock
    from bot.settings import Settings
    from tests.conftest import ROOT, Chat

    phrases = tomllib.loads(path.read_text(encoding="utf-8"))["phrase"]
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "phrases.db"), timezone="America/Toronto", _env_file=None)
        bot = build_bot(settings, clock=FixedClock(START), catalog=load_catalog(ROOT / "content"))
        for i, phrase in enumerate(phrases):
            where = Where("test", "team", f"c-{i}")
            fay = Chat(bot, "u-fay", Role.FACILITATOR, where)
            replies = fay.say(phrase["text"])
            first = replies[0].text if replies else ""
            meant = [(phrase["kind"], times) for times in expected(phrase)]
            got = made(bot, where.channel_key)
            if got is not None:
                result = "right" if got in meant else "misread"
            elif any(c.label == "Yes, schedule that" for r in replies for c in getattr(r, "choices", ())):
                fay.press("Yes, schedule that")
                result = "right" if made(bot, where.channel_key) in meant else "suggested-wrong"
            else:
                result = "not-understood"
            outcomes.append(Outcome(phrase["text"], result, first[:160]))
        bot.store.close()
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    right = sum(o.result == "right" for o in outcomes)
    misread = sum(o.result == "misread" for o in outcomes)
    return f"right {right}/{len(outcomes)}, misread {misread}"


def test_phrases_are_understood_as_meant_or_met_with_the_right_did_you_mean():
    """At least 95% of the phrases are right, and none is understood as something other than meant."""
    outcomes = score()
    wrong = "\n".join(f"{o.result}: {o.text!r} -> {o.said!r}" for o in outcomes if o.result != "right")
    right = sum(o.result == "right" for o in outcomes)
    assert not [o for o in outcomes if o.result == "misread"], wrong
    assert right >= 0.95 * len(outcomes), f"{summary(outcomes)}\n{wrong}"


if __name__ == "__main__":
    results = score(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    for o in results:
        if o.result != "right" or "-v" in sys.argv:
            print(f"{o.result}: {o.text!r} -> {o.said!r}")
    print(summary(results))
