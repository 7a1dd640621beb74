"""What happens around every request addressed to the bot: crisis language first, then identifying
details. `Bot.handle` sends each request through `screened` on its way to its handler.

Only text written to the bot is read: a command's words, a mention, a direct message, a form's
fields. Button presses without a form carry nothing to read. Nothing read here is stored or logged.

- **Crisis** (`bot.crisis` reads it so): the person gets support first, privately (`bot.support`).
  If the rest of what they wrote asks a question the bot can answer with confidence, the answer
  follows, privately too, so the question is not lost; an unsure "I don't know that one" is left
  out rather than set beside crisis lines. Any other command in the same message is not carried
  out: its words are read as someone reaching out, and they can run it again.
- **Harm to someone else** ("I'm going to hurt him tonight"): a private reply in the same calm
  voice with the emergency number and the lines (`support.harm_reply`), and nothing else.
- **A note** (hopelessness alone, about someone else, a worker asking how to help, a denial, a
  past experience): the usual answer, then a short private note with the main line. Never the
  full crisis reply: nobody is alarmed.
- **Identifying details** (`bot.confidentiality`): the usual answer, then a private reminder. Not
  added to a crisis reply: that is not the moment.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import asking, confidentiality, crisis, router, support
from bot.actions import decode
from bot.choosing import choose
from bot.errors import PeerbotError
from bot.messages import Command, Message, Press, Reply

if TYPE_CHECKING:
    from bot.app import Bot

log = logging.getLogger("peerbot.safety")

QUESTION_VERBS = {"ask", "task", "asked"}  # free text and /peer ask, /peer task, the "Ask peerbot" form
# Used only if the support content itself fails at the worst moment: never a bare apology.
FALLBACK = ("I'm a bot, not a crisis service, and I want you to reach a person now. In an emergency call 911 "
            "(Canada, US), 999 (UK), 112 (Ireland, Europe), 000 (Australia) or 111 (New Zealand). In Canada and "
            "the US call or text 9-8-8; in the UK and Ireland call Samaritans on 116 123; in Australia call "
            "Lifeline on 13 11 14; in New Zealand call or text 1737.")


def written(request: Command | Press, text: str) -> str:
    """The words the person wrote: a command's text after its command word, or a form's fields."""
    if isinstance(request, Command):
        return text
    return "\n".join(value for _, value in request.values)


def _verb(request: Command | Press) -> str:
    if isinstance(request, Command):
        return router.split(request.text)[0]
    try:
        return decode(request.action)[0]
    except PeerbotError:
        return ""


def _private(messages: list[Message]) -> list[Message]:
    return [replace(m, private=True) for m in messages if isinstance(m, Reply)]


def screened(bot: "Bot", request: Command | Press, text: str, run: Callable[[str], list[Message]],
             beyond: str = "") -> list[Message]:
    """Answer `request` through `run(text)`, with crisis support and reminders where they belong.
    `beyond` is what `bot.bounds` cut off the message: read for crisis language only."""
    said = written(request, text)
    if not said.strip() and not beyond.strip():
        return run(text)
    verb = _verb(request)
    reading = crisis.read_long(said, beyond) if beyond else crisis.read(said)
    if reading.level == crisis.CRISIS:
        return _crisis(bot, request, verb, reading.rest, reading.towards)
    messages = run(text)
    # The note is left out when the answer already carries the lines (`show_lines` content).
    if reading.level == crisis.NOTE and verb != "support" and not any(map(support.carries_lines, messages)):
        messages = [*messages, support.note_reply(bot, request)]
    finding = confidentiality.identifying(said)
    if finding:
        messages = [*messages, Reply(confidentiality.reminder(finding), private=True)]
    return messages


def _crisis(bot: "Bot", request: Command | Press, verb: str, rest: str, towards: str = "self") -> list[Message]:
    if towards == "others":
        # No work answer beside it: set next to that reply, it would read as shrugging it off.
        return [_first(lambda: support.harm_reply(bot, request))]
    answer: list[Message] = []
    if verb in QUESTION_VERBS and len(rest.split()) >= 3:
        try:
            kind, _ = choose(bot, rest)
            if kind in ("task", "topic"):
                answer = _private(asking.ask(bot, request, rest) if verb != "task" else asking.task(bot, request, rest))
                # The crisis reply gives the lines already; the answer's own copy would repeat them.
                answer = [m for m in answer if not support.carries_lines(m)]
        except Exception:  # noqa: BLE001 - the answer is a courtesy; support must go out regardless
            log.exception("answering the rest of a message after crisis support failed")
            answer = []
    return [_first(lambda: support.crisis_reply(bot, request, answered=bool(answer))), *answer]


def _first(make: Callable[[], Reply]) -> Reply:
    try:
        return make()
    except Exception:  # noqa: BLE001 - never leave someone in crisis with an apology
        log.exception("the crisis reply failed; sending the built-in lines")
        return Reply(FALLBACK, private=True)
