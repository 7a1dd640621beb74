"""How much of one message the bot reads: at most `MAX_CHARS` characters, cut before anything runs.

Slack allows 40,000 characters in a message; Discord 2,000. Every pattern the bot runs (the crisis
screen, the confidentiality guard, the answerer) takes time at least in proportion to what it
reads, and the bot answers everyone from one event loop, so one long message must cost little:
reading 40,000 characters of ordinary words took 0.14-0.4 s here, against a target of 50 ms per
message (p99 at 4,000 characters: 139 ms; at 2,000: 39 ms, measured by bench/abuse.py). A question
never needs more than Discord allows, so a longer request (a pasted document, a signed 1 MB body,
a form field stuffed by a script) is cut to `MAX_CHARS` before the safety screen or any pattern
sees it, and the person is told kindly that only the start was read and how to send the rest.
`Bot.handle` calls `bound` first thing. Raising the limit is one constant, once the crisis screen
and the answerer cost less per character (see docs/benchmarks.md, "Abuse run").

One reader sees past the cut: the crisis screen. Someone may paste a long text and say at its end
what matters most, so `cut_off` gives the part that was cut and the screen reads it for warning
signs only (`bot.safety.crisis.read_long`, linear in its length); nothing else is done with it.
"""
from __future__ import annotations

from dataclasses import replace

from bot.messages import Command, Press, Reply

MAX_CHARS = 2_000  # Discord's message limit; a twentieth of Slack's
FIELD_CHARS = 2_000  # per form field, the same reasoning (Slack's text inputs allow 3,000)


def cut_off(original: Command | Press, bounded: Command | Press) -> str:
    """The words `bound` left out of `bounded` (empty when nothing was cut): the crisis screen's alone."""
    if isinstance(original, Command) and isinstance(bounded, Command):
        return original.text[len(bounded.text):]
    if isinstance(original, Press) and isinstance(bounded, Press):
        kept = dict(bounded.values)
        return "\n".join(value[len(kept.get(key[:100], "")):] for key, value in original.values
                         if len(value) > len(kept.get(key[:100], "")))
    return ""


def bound(request: Command | Press) -> tuple[Command | Press, Reply | None]:
    """`request` cut to the bot's limits, and the private note to send when anything was cut."""
    if isinstance(request, Command):
        if len(request.text) <= MAX_CHARS:
            return request, None
        cut = replace(request, text=request.text[:MAX_CHARS])
        return cut, Reply(f"Your message was {len(request.text):,} characters long, so I read only the first "
                          f"{MAX_CHARS:,}. If the rest matters, send it in a shorter message.", private=True)
    action = request.action[:MAX_CHARS]
    values = tuple((key[:100], value[:FIELD_CHARS]) for key, value in request.values[:50])
    if action == request.action and values == request.values:
        return request, None
    return replace(request, action=action, values=values), Reply(
        f"Part of what you sent was longer than I read (each field up to {FIELD_CHARS:,} characters), so I used "
        "only the start of it.", private=True)
