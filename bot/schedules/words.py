"""Reading when a schedule should fire from the words a facilitator types.

"every weekday at 9", "fortnightly on wednesday 10:00", "every 2 weeks on friday at 3pm", "every
monday at noon", "half past nine", "9 in the morning", "last friday of the month", "the 1st of every
month", "every mon and thu", "Mon-Fri", typos in day names, and the filler around them ("a", "the",
"please", "at", "can you"). The reading is hand-written and deliberately plain: recognise the
pieces (a time, days, how often), take them out, and accept the phrase only when nothing but filler
is left. Anything else raises:

- `DidYouMean` when the bot can say what would work: a phrase that leaves something open ("every
  month" with no day, "every friday afternoon" with no time, "at 7" without am or pm, "biweekly",
  which some read as twice a week) or has a word it does not know but a close one it does. It
  carries the suggested `Rule`; the adapters offer it as a button. Never a silent guess.
- `NotUnderstood` when it cannot, saying what it did understand and what it expected.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.errors import NotUnderstood
from bot.safety.quoting import quote
from bot.schedules.spec import DAY_NAMES, EVERY_DAY, ORDINAL_WORDS, WEEKDAYS, Rule

DAY_WORDS = {name.lower(): i for i, name in enumerate(DAY_NAMES)}
DAY_WORDS.update({n.lower() + "s": i for i, n in enumerate(DAY_NAMES)})
DAY_WORDS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                  "sat": 5, "sun": 6, "mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6})
# Two-letter abbreviations are read only inside a list or range ("mo-fr"), never alone ("we", "th").
SHORT = {"mo", "tu", "we", "th", "fr", "sa", "su"}
DAY = r"(?:" + "|".join(sorted((w for w in DAY_WORDS if w not in SHORT), key=len, reverse=True)) + r")"
ANY_DAY = r"(?:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + r")"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
HOUR = r"(\d{1,2}|" + "|".join(NUMBERS) + r")"
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
            "final": -1}
ORDINAL = r"(" + "|".join(ORDINALS) + r")"
INTERVALS = {"2": 2, "two": 2, "second": 2, "2nd": 2, "other": 2, "alternate": 2, "3": 3, "three": 3, "third": 3,
             "3rd": 3, "4": 4, "four": 4, "fourth": 4, "4th": 4, "5": 5, "five": 5, "6": 6, "six": 6}
DAYPARTS = {"mornings": "morning", "afternoons": "afternoon", "evenings": "evening", "nights": "night"}
DAYPART_HOUR = {"morning": 9, "afternoon": 14, "evening": 18, "night": 20}
# Words that carry no meaning of their own around a schedule.
FILLER = frozenset("""
every each on at the a an and of in from starting please pls plz thanks thank you ty cheers can could would
will we i us me it for to by around about just also ok okay then there schedule set up so that this be
is are time times day days o clock week weeks sharp local our exactly hrs
""".split())
EXAMPLES = ("every monday 10:00", "every other tuesday 14:30", "first wednesday of the month 09:30",
            "every weekday 09:00", "every day 08:30", "the 1st of every month 12:00", "every 3 weeks on friday 15:00")


class DidYouMean(NotUnderstood):
    """Not read as it stands, but `rule` is very likely what was meant."""

    def __init__(self, message: str, rule: Rule):
        super().__init__(message)
        self.rule = rule


@dataclass
class Reading:
    """What was recognised in a phrase, before it is turned into a rule."""

    days: list[int] = field(default_factory=list)
    interval: int = 0
    daily: bool = False
    weekly: bool = False
    monthly: bool = False
    nth: int = 0
    monthday: int = 0
    hour: int | None = None
    minute: int = 0
    half: str = ""  # am | pm, when said
    bare: bool = False  # an hour said without minutes or am/pm ("at 9", "half past two")
    daypart: str = ""
    unsure: list[str] = field(default_factory=list)  # why it needs a "did you mean"
    unsupported: list[str] = field(default_factory=list)  # rhythms schedules cannot keep, said plainly
    every_nth: str = ""  # "every second monday" without "of the month"
    no_weekends: bool = False
    excluded: list[int] = field(default_factory=list)
    monthly_words: bool = False
    leftover: list[str] = field(default_factory=list)


def _number(word: str) -> int:
    return NUMBERS[word] if word in NUMBERS else int(word)


def normalise(text: str) -> str:
    t = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", t)
    t = t.replace("&", " and ").replace("@", " at ")
    t = re.sub(r"\b(\d{1,2})[.h](\d{2})(?!\d)", r"\1:\2", t)
    t = re.sub(r"\b(\d{1,2}) (\d{2}) ?(am|pm)\b", r"\1:\2\3", t)  # "4 30 pm"
    t = re.sub(r"\b(\d{1,2}(?::\d{2})?(?:am|pm)?)ish\b", r"\1 ish", t)
    t = re.sub(r"\b(\d{1,2}(?::\d{2})?)\s+(am|pm)\b", r"\1\2", t)
    t = re.sub(r"\bo'?\s?clock\b", " oclock", t)
    t = re.sub(r"\b(\d{1,2})h\b", r"\1:00", t)  # "15h"
    t = re.sub(r"\b(?<!:)([01]\d|2[0-3])([0-5]\d)\b(?! ?(?:st|nd|rd|th)\b)", r"\1:\2", t)  # "0930", "1430"
    t = re.sub(r"\bat ([1-9])([0-5]\d)\b", r"at \1:\2", t)  # "at 930"
    t = re.sub(r"\bbi-weekly\b", "biweekly", t)
    t = re.sub(r"\bevery\s*day\b|\beveryday\b", "daily", t)
    t = re.sub(r"\b(?:week ?days?|work(?:ing)? ?days?|business days?)\b", "weekdays", t)
    t = re.sub(r"\b(" + ANY_DAY + r")\s*-\s*(" + ANY_DAY + r")\b", r"\1 to \2", t)  # "mon-fri"
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # "mid-month", "forty-five"
    t = re.sub(r"[,;!?()\"/]|(?<!\d)\.|\.(?!\d)", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _fix_typos(text: str) -> str:
    """A day name one slip away ("wednseday", "thrusday") is read as that day, and said so."""
    names = [n.lower() for n in DAY_NAMES] + [n.lower() + "s" for n in DAY_NAMES]
    words = []
    for w in text.split():
        if len(w) >= 5 and w.isalpha() and w not in DAY_WORDS and w not in VOCABULARY:
            from rapidfuzz import fuzz, process  # here: a start that reads no schedule skips it

            found = process.extract(w, names, scorer=fuzz.ratio, score_cutoff=85, limit=2)
            # Only a clear winner: "funday" is as close to Sunday as to Monday, so it is not read as either.
            if found and (len(found) == 1 or found[0][1] - found[1][1] >= 5):
                w = found[0][0]
        words.append(w)
    return " ".join(words)


def _take(pattern: str, text: str, each: Callable[[re.Match[str]], object]) -> str:
    """Call `each(match)` for every match of `pattern` and blank the matches out."""
    def sub(m: re.Match[str]) -> str:
        each(m)
        return " "
    return re.sub(pattern, sub, text)


def _set_time(r: Reading, hour: int, minute: int = 0, half: str = "", bare: bool = False) -> None:
    if r.hour is not None:
        r.unsupported.append("two times: a schedule posts at one time (make a second schedule for the other)")
    r.hour, r.minute, r.half, r.bare = hour, minute, half, bare


def read(text: str) -> Reading:
    r = Reading()
    t = _fix_typos(normalise(text))

    # -- the time --------------------------------------------------------------------------
    def noon(m: re.Match[str]) -> None:
        _set_time(r, 12)
        if "lunch" in m.group(1):
            r.unsure.append("\"lunch\" could be any time around noon")
    t = _take(r"\b(?:at |around )?(?:12 )?(noon|midday|mid day|lunchtime|lunch time|lunch)\b", t, noon)
    t = _take(r"\b(?:at )?midnight\b", t, lambda m: _set_time(r, 0))

    def word_time(m: re.Match[str]) -> None:
        hour, kind = _number(m.group(3)), m.group(1)
        minute = {"half": 30, "quarter": 15}[kind]
        if m.group(2) in ("to", "before", "til", "till"):
            hour, minute = (hour - 1) % 12 or 12, 60 - minute
        _set_time(r, hour, minute, m.group(4) or "", bare=not m.group(4))
    t = _take(r"\b(?:at )?(half|quarter) (past|after|to|before|til|till) " + HOUR + r"(am|pm)?\b", t, word_time)
    t = _take(r"\b(?:at )?half " + HOUR + r"\b(?! (?:past|to|after|before))", t,
              lambda m: _set_time(r, _number(m.group(1)), 30, bare=True))  # "half nine" is 9:30
    t = _take(r"\b(?:at )?" + HOUR + r" (fifteen|thirty|forty[- ]five)(am|pm)?\b", t,
              lambda m: _set_time(r, _number(m.group(1)), {"fifteen": 15, "thirty": 30}.get(m.group(2), 45),
                                  m.group(3) or "", bare=not m.group(3)))
    t = _take(r"\b(?:at )?(\d{1,2}):(\d{2})(am|pm)?\b", t,
              lambda m: _set_time(r, int(m.group(1)), int(m.group(2)), m.group(3) or ""))
    t = _take(r"\b(?:at )?" + HOUR + r"(am|pm)\b", t, lambda m: _set_time(r, _number(m.group(1)), 0, m.group(2)))
    t = _take(r"\b(?:at )?" + HOUR + r" oclock\b", t, lambda m: _set_time(r, _number(m.group(1)), bare=True))
    t = _take(r"\b(?:at |around |about |by )+" + HOUR + r"\b(?! ?(?:st|nd|rd|th)\b)", t, lambda m: _set_time(r, _number(m.group(1)), bare=True))

    # -- how often -------------------------------------------------------------------------
    def unsupported(m: re.Match[str]) -> None:
        r.unsupported.append(f"\"{m.group(0).strip()}\": schedules repeat by weekday, every few weeks, or by the month")
    t = _take(r"\b(?:every (?:other|second|2nd|few|couple of|\d+|two|three|four|five|six|seven|ten) (?:days|day|months|month)"
              r"|twice a (?:week|month|day)|three times a (?:week|month|day)|(?:every )?quarter(?:ly)?(?! (?:past|to|after|before))"
              r"|yearly|annually|every year|each year|once a year)\b", t, unsupported)
    def month_edge(m: re.Match[str]) -> None:
        r.monthday, r.monthly = (1 if m.group(1) in ("first", "1st") else -1), True
    t = _take(r"\b(?:on )?(?:the )?(first|1st|last)(?: day)? of (?:the|each|every|this) month\b", t, month_edge)

    def month_part(m: re.Match[str]) -> None:
        word = m.group(1)
        r.monthday = -1 if word == "end" else 15 if word in ("middle", "mid") else 1
        r.monthly = True
        r.unsure.append(f"\"{m.group(0).strip()}\" as the {'last day' if r.monthday == -1 else f'{r.monthday}th' if r.monthday == 15 else '1st'}")
    t = _take(r"\b(?:at |on |by )?(?:the )?(end|start|beginning|middle|mid)(?: of)?(?: (?:the|each|every|this))? ?month\b",
              t, month_part)
    def interval(m: re.Match[str]) -> None:
        r.interval = INTERVALS[m.group(1)]
    t = _take(r"\b(?:once )?every (other|alternate|second|2nd|third|3rd|fourth|4th) weeks?\b", t, interval)
    t = _take(r"\b(?:once )?every (2|two|3|three|4|four|5|five|6|six) weeks\b", t, interval)
    t = _take(r"\b(?:on )?(alternate) weeks?\b", t, interval)
    t = _take(r"\bevery (other|alternate)\b", t, interval)
    t = _take(r"\b(?:fortnightly|every fortnight|once a fortnight|each fortnight)\b", t,
              lambda m: setattr(r, "interval", 2))

    def biweekly(m: re.Match[str]) -> None:
        r.interval = 2
        r.unsure.append("\"biweekly\" can mean every two weeks or twice a week")
    t = _take(r"\bbiweekly\b", t, biweekly)

    def daily(m: re.Match[str]) -> None:
        r.daily = True
        if m.group(1):
            r.daypart = DAYPARTS.get(m.group(1), m.group(1))
    t = _take(r"\b(?:every|each) (morning|afternoon|evening|night)s?\b", t, daily)
    t = _take(r"\b(?:daily|each day|once a day|every single day)()\b", t, daily)

    t = _take(r"\b" + ORDINAL + r" and (?:the )?" + ORDINAL + r"\b", t, lambda m: r.unsupported.append(
        "two weeks of the month: a schedule keeps one (make a second schedule for the other)"))

    def nth_weekday(m: re.Match[str]) -> None:
        if r.nth:
            r.unsupported.append("two weeks of the month: a schedule keeps one (make a second schedule for the other)")
        r.nth, r.monthly = ORDINALS[m.group(2)], True
        r.days.append(DAY_WORDS[m.group(3)])
        if m.group(1) and m.group(2) in ("second", "2nd", "third", "3rd", "fourth", "4th"):
            r.every_nth = m.group(0).strip()  # "every second monday": of the month, or every other week?
    t = _take(r"\b(every )?(?:the |on the )?" + ORDINAL + r" (" + DAY + r")\b", t, nth_weekday)
    def month_words(m: re.Match[str]) -> None:
        r.monthly = r.monthly_words = True
    t = _take(r"\b(?:monthly|once a month|every month|each month|a month|per month|of (?:the|each|every|this) month"
              r"|of month|every calendar month)\b", t, month_words)
    t = _take(r"\b(?:weekly|every week|each week|once a week|a week|per week)\b", t, lambda m: setattr(r, "weekly", True))

    def monthday(m: re.Match[str]) -> None:
        r.monthday = int(m.group(1))
    t = _take(r"\b(?:the |on the |day )?(\d{1,2})(?:st|nd|rd|th)\b(?: day)?", t, monthday)
    t = _take(r"\b(?:on )?the (\d{1,2})\b(?!:| ?(?:am|pm)\b)", t, monthday)  # "monthly on the 15"

    # -- which days ------------------------------------------------------------------------
    def day_range(m: re.Match[str]) -> None:
        a, b = DAY_WORDS[m.group(1)], DAY_WORDS[m.group(2)]
        r.days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    t = _take(r"\b(?:from )?(" + ANY_DAY + r") (?:to|through|thru|until|till) (" + ANY_DAY + r")\b", t, day_range)
    t = _take(r"\b(?:except|excluding|but not|not on|apart from|other than)(?: on)? (?:the )?weekends?\b", t,
              lambda m: setattr(r, "no_weekends", True))

    def except_days(m: re.Match[str]) -> None:
        r.excluded.extend(DAY_WORDS[d] for d in re.findall(ANY_DAY, m.group(1)) if d in DAY_WORDS)
    t = _take(r"\b(?:except|excluding|but not|not on|apart from|other than)(?: on)? ((?:" + DAY + r")(?:(?: and | or | )"
              + DAY + r")*)\b", t, except_days)
    t = _take(r"\bweekdays\b", t, lambda m: r.days.extend(WEEKDAYS))
    t = _take(r"\bweekends?\b", t, lambda m: r.days.extend((5, 6)))
    t = _take(r"\b(" + DAY + r")\b", t, lambda m: r.days.append(DAY_WORDS[m.group(1)]))

    # -- a part of the day, said with or without a time ------------------------------------
    def daypart(m: re.Match[str]) -> None:
        r.daypart = DAYPARTS.get(m.group(1), m.group(1))
    t = _take(r"\b(?:in the |this |of a |on )?(mornings?|afternoons?|evenings?|nights?|tonight)\b", t, daypart)
    if r.daypart == "tonight":
        r.daypart = "night"

    # A bare hour at the very end ("every monday 10"), once no other time was said.
    if r.hour is None:
        t = _take(r"(?:^| )" + HOUR + r"\s*$", t, lambda m: _set_time(r, _number(m.group(1)), bare=True))
    if re.search(r"\bish\b", t):
        t = re.sub(r"\bish\b", " ", t)
        r.unsure.append("\"-ish\" as exactly on the hour")
    r.leftover = [w for w in t.split() if w not in FILLER]
    return r


def _resolve_time(r: Reading, said: str) -> tuple[int, int] | None:
    """The time of day meant, or None when it needs a "did you mean" (reasons added to `r.unsure`)."""
    if r.hour is None:
        r.unsure.append("no time of day was given")
        return DAYPART_HOUR.get(r.daypart, 9), 0
    hour, minute = r.hour, r.minute
    if r.half:
        if not 1 <= hour <= 12:
            raise NotUnderstood(f"\"{quote(said, 40)}\" isn't a time I can read: with am/pm the hour goes from 1 to 12.")
        return hour % 12 + (12 if r.half == "pm" else 0), minute
    if hour > 23 or minute > 59:
        raise NotUnderstood(f"\"{quote(said, 40)}\" has a time that isn't a time of day. Use 24-hour time like 14:30, "
                            "or 2:30pm.")
    later = r.daypart in ("afternoon", "evening", "night")
    if later and hour < 12:
        return hour + 12, minute
    if r.daypart == "morning" or not r.bare or hour == 0 or hour >= 12:
        return (0 if r.daypart == "morning" and hour == 12 else hour), minute
    # An hour said alone: 8 to 11 is the morning and 1 to 5 the afternoon, as in any working day;
    # 6 and 7 could be either, so they are asked about.
    if 8 <= hour <= 11:
        return hour, minute
    if 1 <= hour <= 5:
        return hour + 12, minute
    r.unsure.append(f"\"{hour}\" could be morning or evening")
    return (hour + 12 if hour == 6 else hour), minute


def _rule(r: Reading, said: str) -> Rule:
    """The rule the reading amounts to; `r.unsure` lists anything a person should confirm."""
    hour, minute = _resolve_time(r, said) or (9, 0)
    days = tuple(sorted(set(r.days)))
    if r.nth:
        if r.monthday:
            raise NotUnderstood(f"I couldn't tell which day of the month \"{quote(said)}\" means. Try \"first wednesday "
                                "of the month 9:30\" or \"the 1st of every month 9:00\".")
        if r.every_nth and not r.monthly_words and len(days) == 1:
            # "Every second monday" is most often every other week (as in Canada, the UK, Australia);
            # "every third thursday" the third of the month. Both are asked, never assumed.
            if r.nth == 2:
                r.unsure.append(f"\"{r.every_nth}\" as every other week (not the second of the month)")
                return Rule("weekly", days, hour, minute, 0, 2)
            r.unsure.append(f"\"{r.every_nth}\" as of the month (not every few weeks)")
        if len(days) != 1:
            raise NotUnderstood(f"I understood the {ORDINAL_WORDS.get(r.nth, '')} … of the month, but not which one day. "
                                "Try \"first wednesday of the month 9:30\".")
        return Rule("monthly", days, hour, minute, r.nth)
    if r.monthday:
        if not (1 <= r.monthday <= 31 or r.monthday == -1) or days:
            raise NotUnderstood(f"I couldn't read \"{quote(said)}\" as a day of the month. Try \"the 1st of every month 9:00\".")
        if not r.monthly:
            r.unsure.append("it wasn't clear this is every month")
        return Rule("monthday", (), hour, minute, r.monthday)
    if r.monthly:
        if days:
            r.unsure.append("no week of the month was given")
            return Rule("monthly", days[:1], hour, minute, 1)
        r.unsure.append("no day of the month was given")
        return Rule("monthday", (), hour, minute, 1)
    if r.daily and not days:
        days = EVERY_DAY
    if r.no_weekends:
        days = tuple(d for d in (days or EVERY_DAY) if d < 5)
    if r.excluded:
        days = tuple(d for d in (days or EVERY_DAY) if d not in r.excluded)
        if not days:
            raise NotUnderstood("That leaves no day to post on. Try \"every weekday 9:00\" or \"every monday 10:00\".")
    if not days:
        if not (r.interval or r.weekly):
            raise NotUnderstood(f"I couldn't read \"{quote(said)}\" as a time. I understand \"every monday 10:00\", "
                                "\"every other tuesday 14:30\" and \"first wednesday of the month 9:30\".")
        r.unsure.append("no day of the week was given")
        days = (0,)
    return Rule("weekly", days, hour, minute, 0, r.interval or 1)


VOCABULARY = frozenset(FILLER | set(DAY_WORDS) | set(NUMBERS) | set(ORDINALS) | set(INTERVALS) | {
    "noon", "midday", "midnight", "lunchtime", "half", "quarter", "past", "after", "before", "oclock", "am", "pm",
    "daily", "weekly", "monthly", "fortnightly", "biweekly", "fortnight", "weekdays", "weekend", "weekends",
    "month", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights", "tonight",
    "other", "alternate", "once", "single", "calendar"})


def _respelled(said: str, leftover: list[str]) -> str | None:
    """`said` with each unknown word replaced by the closest known one ("noonish" → "noon"), if any."""
    from rapidfuzz import fuzz, process  # here: a start that reads no schedule skips it

    out, changed = normalise(said), False
    for w in leftover:
        found = process.extractOne(w, sorted(VOCABULARY - FILLER), scorer=fuzz.WRatio, score_cutoff=85)
        if found and len(found[0]) >= 3 and found[0] != w:
            out, changed = re.sub(rf"\b{re.escape(w)}\b", found[0], out), True
    return out if changed else None


def parse(text: str, respell: bool = True) -> Rule:
    said = text.strip()
    if not said:
        raise NotUnderstood("Tell me when, for example \"every monday 10:00\", \"every other tuesday 14:30\" "
                            "or \"first wednesday of the month 9:30\".")
    r = read(said)
    if r.unsupported:
        raise NotUnderstood("I can't set that up: " + "; ".join(dict.fromkeys(r.unsupported)) + ". "
                            "For example \"every monday 10:00\", \"every 3 weeks on friday 15:00\" or \"the 1st of "
                            "every month 9:00\".")
    if r.leftover:
        raise _not_read(said, r, respell)
    rule = _rule(r, said)
    if r.unsure:
        raise DidYouMean("I'd rather check than guess: " + "; ".join(dict.fromkeys(r.unsure)) + ".", rule)
    return rule


def _not_read(said: str, r: Reading, respell: bool) -> NotUnderstood:
    """What to say about words left over: what was understood, what was not, and the nearest phrase
    that would work (a `DidYouMean` when a close spelling of the unknown words reads cleanly)."""
    understood, unknown = _understood(r), quote(" ".join(r.leftover), 40)
    if any(len(w) >= 5 and w.endswith("day") for w in r.leftover):
        message = f"I understood {understood or 'part of that'}, but not which day (\"{unknown}\")."
    elif r.hour is None and (r.days or r.daily or r.interval or r.monthly):
        message = f"I understood {understood}, but not the time \"{unknown}\"."
    else:
        message = f"I understood {understood}, but not \"{unknown}\"." if understood else ""
    respelled = _respelled(said, r.leftover) if respell else None
    if respelled is not None:
        try:
            return DidYouMean(message or f"I didn't understand \"{unknown}\".", parse(respelled, respell=False))
        except DidYouMean as e:
            return DidYouMean(message or f"I didn't understand \"{unknown}\".", e.rule)
        except NotUnderstood:
            pass
    if message:
        return NotUnderstood(message + " Give a time like 10:00, 9:30 or 2:30pm, and days like \"every monday\" "
                             "or \"first wednesday of the month\"." + _nearest(said))
    return NotUnderstood(f"I couldn't read \"{quote(said)}\" as a time. I understand \"every monday 10:00\", "
                         "\"every other tuesday 14:30\" and \"first wednesday of the month 9:30\"." + _nearest(said))


def _understood(r: Reading) -> str:
    bits = []
    if r.interval:
        bits.append(f"every {r.interval} weeks" if r.interval > 2 else "every other week")
    if r.days:
        bits.append(", ".join(DAY_NAMES[d] for d in sorted(set(r.days))))
    if r.daily:
        bits.append("every day")
    if r.monthly:
        bits.append("monthly")
    if r.hour is not None:
        bits.append(f"{r.hour}:{r.minute:02d}{r.half}")
    return " ".join(bits)


def _nearest(said: str) -> str:
    from rapidfuzz import fuzz, process  # here: a start that reads no schedule skips it

    found = process.extractOne(normalise(said), EXAMPLES, scorer=fuzz.token_set_ratio)
    return f" The nearest of those to what you wrote: \"{found[0]}\"." if found else ""
