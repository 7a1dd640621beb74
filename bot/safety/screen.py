"""The safety screen: what the words written to the bot ask of it, read before any handler runs.

`screen(text) -> Screening` is a pure function of the words the person wrote (a command's words
after its command word, a mention, a direct message, a form's fields); button presses without a
form carry nothing to read. It knows nothing of commands or answers: `Bot.handle` screens every
request, then composes the replies from the screening with the helpers below. Nothing read here is
stored or logged.

- **Crisis** (`bot.safety.crisis` reads it so): the person gets support first, privately (`bot.safety.support`,
  `crisis_replies`). If the rest of what they wrote is long enough to be a question
  (`Screening.answer_follows`) and asks one the bot can answer with confidence, `Bot.handle` sets
  the answer after it, privately too, so the question is not lost; an unsure "I don't know that
  one" is left out rather than set beside crisis lines. Any other command in the same message is
  not carried out: its words are read as someone reaching out, and they can run it again.
- **Harm to someone else** ("I'm going to hurt him tonight"): a private reply in the same calm
  voice with the emergency number and the lines (`support.harm_reply`), and nothing else.
- **A note** (hopelessness alone, about someone else, a worker asking how to help, a denial, a
  past experience): the usual answer, then a short private note with the main line (`annotated`).
  Never the full crisis reply: nobody is alarmed.
- **Identifying details** (`bot.safety.confidentiality`): the usual answer, then a private reminder. Not
  added to a crisis reply: that is not the moment.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.context import Context
from bot.messages import Command, Message, Press, Reply
from bot.safety import confidentiality, crisis, support

log = logging.getLogger("peerbot.safety")

# Used only if the support content itself fails at the worst moment: never a bare apology.
FALLBACK = ("I'm a bot, not a crisis service, and I want you to reach a person now. In an emergency call 911 "
            "(Canada, US), 999 (UK), 112 (Ireland, Europe), 000 (Australia) or 111 (New Zealand). In Canada and "
            "the US call or text 9-8-8; in the UK and Ireland call Samaritans on 116 123; in Australia call "
            "Lifeline on 13 11 14; in New Zealand call or text 1737.")
# Fewer words than this left beside crisis sentences are not a question worth answering there.
QUESTION_WORDS = 3


@dataclass(frozen=True)
class Screening:
    """What the screen heard in one message. `level` is `crisis.CRISIS`, `crisis.NOTE` or `crisis.NONE`;
    `why` names the signs heard and how each was read (never the text); `towards` is "others" for an
    intent to hurt someone else; `rest` is the text without its crisis sentences (the question, if
    any); `answer_follows` says whether that question may be answered after the crisis reply;
    `identifying` is what identifies a person supported, if anything (only read below crisis)."""

    level: str = crisis.NONE
    why: tuple[str, ...] = ()
    towards: str = "self"
    rest: str = ""
    answer_follows: bool = False
    identifying: confidentiality.Finding = confidentiality.Finding()

    @property
    def crisis(self) -> bool:
        return self.level == crisis.CRISIS


NOTHING = Screening()


def screen(text: str, beyond: str = "") -> Screening:
    """Read `text` (the words a person wrote to the bot) for crisis language and identifying details.
    `beyond` is what `bot.bounds` cut off a long message: read for crisis language only."""
    if not text.strip() and not beyond.strip():
        return NOTHING
    reading = crisis.read_long(text, beyond) if beyond else crisis.read(text)
    if reading.level == crisis.CRISIS:
        follows = reading.towards != "others" and len(reading.rest.split()) >= QUESTION_WORDS
        return Screening(reading.level, reading.why, reading.towards, reading.rest, follows)
    return Screening(reading.level, reading.why, reading.towards, reading.rest, identifying=confidentiality.identifying(text))


def written(request: Command | Press, text: str) -> str:
    """The words the person wrote: a command's text after its command word, or a form's fields."""
    if isinstance(request, Command):
        return text
    return "\n".join(value for _, value in request.values)


def crisis_replies(bot: Context, request: Command | Press, screening: Screening,
                   answer: Callable[[], list[Message]]) -> list[Message]:
    """Support first, then, when the screening lets it follow and `answer()` gives one, the answer
    to the question asked beside it, privately and without a second copy of the lines."""
    if screening.towards == "others":
        # No work answer beside it: set next to that reply, it would read as shrugging it off.
        return [_first(lambda: support.harm_reply(bot, request))]
    given: list[Message] = []
    if screening.answer_follows:
        try:
            given = [replace(m, private=True) for m in answer() if isinstance(m, Reply)]
            # The crisis reply gives the lines already; the answer's own copy would repeat them.
            given = [m for m in given if not support.carries_lines(m)]
        except Exception:  # noqa: BLE001 - the answer is a courtesy; support must go out regardless
            log.exception("answering the rest of a message after crisis support failed")
            given = []
    return [_first(lambda: support.crisis_reply(bot, request, answered=bool(given))), *given]


def annotated(bot: Context, request: Command | Press, verb: str, screening: Screening,
              messages: list[Message]) -> list[Message]:
    """The usual answer, with the note (crisis language that is not a crisis) and the reminder
    (identifying details) after it, privately."""
    # The note is left out when the answer already carries the lines (`show_lines` content).
    if screening.level == crisis.NOTE and verb != "support" and not any(map(support.carries_lines, messages)):
        messages = [*messages, support.note_reply(bot, request)]
    if screening.identifying:
        messages = [*messages, Reply(confidentiality.reminder(screening.identifying), private=True)]
    return messages


def _first(make: Callable[[], Reply]) -> Reply:
    try:
        return make()
    except Exception:  # noqa: BLE001 - never leave someone in crisis with an apology
        log.exception("the crisis reply failed; sending the built-in lines")
        return Reply(FALLBACK, private=True)
