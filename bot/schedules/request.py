"""Reading a whole request to schedule something: which kind, when, and an optional theme.

`/peer schedule reflection every monday 10:00` names the kind first; people also write "schedule a
check-in every friday at 3pm please", "set up a fortnightly supervision session on wednesdays at 11"
or "I'd like a checkin each morning at 8:30", with or without `/peer`. `looks_like_request` picks out
such free text before it reaches the answerer (only when it asks for a schedule outright, names a
kind and says when); `split_request` finds the kind wherever it is and leaves the rest for
`bot.schedules.words`.
"""
from __future__ import annotations

import re

from bot.answering.courtesy import question_after_courtesy
from bot.patterns import lazy

# The longest first: "supervision session" is a session, "co-reflection session" too, "co-reflection" a prompt.
KIND_PATTERNS = (
    (r"(?:(?:structured|supervision|group|peer|co-?reflection|reflection|reflective)\s+)?sessions?", "session"),
    (r"check[- ]?ins?|checkins?|pulse(?: checks?)?", "checkin"),
    (r"(?:co-?reflection|reflection|reflective)(?:\s+prompts?)?|prompts?|reflections|reflect", "reflection"),
)
KINDS = lazy(r"\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(KIND_PATTERNS)) + r")\b",
                   re.IGNORECASE)
ASKS = lazy(
    r"^(?:(?:please|pls|kindly|ok|okay|so)\s+)*(?:(?:can|could|would|will)\s+(?:you|u|we)\s+(?:please\s+)?"
    r"|(?:i|we)(?:'?d| would)\s+(?:like|love)\s+(?:you\s+to\s+)?|(?:i|we)\s+(?:want|need)\s+(?:you\s+to\s+)?"
    r"|let'?s\s+)?"
    r"(?:schedule|set\s*up|setup|set|add|create|make|have|get|start|book|put\s+in|post|send|run|arrange|organi[sz]e"
    r"|plan|remind\s+(?:us|me|everyone|the\s+team|people|the\s+group)(?:\s+to)?|a|an)\b", re.IGNORECASE)
WHEN = lazy(r"\b(?:every|each|daily|weekly|monthly|fortnightly|bi-?weekly|weekdays?|mon|tue|wed|thu|fri|sat|sun"
                  r"|\w+days?|month|morning|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b", re.IGNORECASE)
# "…a check-in every week with someone I support" is about the peer role, not the channel's rhythm.
ABOUT_A_PERSON = lazy(r"\bwith (?:someone|somebody|the person|a person|him|her|them|my|a participant|a client"
                            r"|people)\b|\bi support\b|\bsupport (?:him|her|them)\b", re.IGNORECASE)
THEME = lazy(r"\s+(?:with\s+(?:the\s+)?)?theme\s+(.+)$", re.IGNORECASE)


def kind_in(text: str) -> tuple[str | None, str]:
    """The kind named in `text` and the text without it."""
    m = KINDS.search(text)
    if not m:
        return None, text
    kind = next(KIND_PATTERNS[int(name[1:])][1] for name, value in m.groupdict().items() if value)
    return kind, (text[:m.start()] + " " + text[m.end():]).strip()


def looks_like_request(text: str) -> bool:
    """Free text that asks outright for a schedule: a request, a kind and when."""
    body = question_after_courtesy(text).strip()
    if not ASKS.match(body) or ABOUT_A_PERSON.search(body):
        return False
    kind, rest = kind_in(body)
    return kind is not None and bool(WHEN.search(rest))


def split_request(text: str) -> tuple[str | None, str, str]:
    """(kind, when, theme) from "reflection every monday 10:00 theme hope" or a whole sentence."""
    body = question_after_courtesy(text).strip()
    theme = ""
    m = THEME.search(body)
    if m:
        theme = m.group(1).strip().lower().replace(" ", "-")
        body = body[:m.start()]
    kind, rest = kind_in(body)
    # The request's own words ("can you schedule a", "I'd like a") are left to the reader's filler list,
    # except the verbs, which are taken off the front here.
    rest = re.sub(r"^(?:(?:please|pls|kindly|ok|okay|so|can|could|would|will|you|u|we|we'?d|i'?d|i|would|like|love|want"
                  r"|need|to|let'?s)\s+)*(?:schedule|set\s*up|setup|set|add|create|make|have|get|start|book|put\s+in|post"
                  r"|send|run|arrange|organi[sz]e|plan|remind\s+(?:us|me|everyone|the\s+team|people|the\s+group)"
                  r"(?:\s+to)?)?\b", "",
                  rest.strip(), flags=re.IGNORECASE)
    return kind, rest.strip(), theme
