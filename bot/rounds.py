"""Anonymous rounds: check-in pulses and scenario polls, counted, never attributed.

While a round is open each voter is known only by a keyed hash (to stop double votes and let
people change their answer); closing the round deletes those hashes and keeps the counts. Counts
are shown only once at least three people have answered, so nobody's answer can be worked out.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from bot.errors import UserError
from bot.messages import Command, Press

if TYPE_CHECKING:
    from bot.app import Bot

SHOW_AT = 3


def voter_hash(bot: "Bot", round_id: str, req: Command | Press) -> str:
    return person_hash(bot, round_id, req.where.platform, req.where.workspace, req.who.user_id)


def person_hash(bot: "Bot", round_id: str, platform: str, workspace: str, user_id: str) -> str:
    person = f"{platform}:{workspace}:{user_id}"
    return hmac.new(bot.store.secret(), f"{round_id}|{person}".encode(), hashlib.sha256).hexdigest()[:32]


def vote(bot: "Bot", req: Press, round_id: str, choice: str) -> dict[str, int]:
    row = bot.store.round(round_id)
    if row is None:
        raise UserError("I can't find that round any more; it may have been cleared after it closed.")
    if not row["open"]:
        raise UserError("That round has closed, so answers aren't counted any more. Thanks all the same.")
    if choice not in row["choices"]:
        raise UserError("That isn't one of this round's choices.")
    bot.store.record_vote(round_id, voter_hash(bot, round_id, req), choice)
    return bot.store.tally(round_id)


def summary(counts: dict[str, int], labels: dict[str, str]) -> str:
    total = sum(counts.values())
    if total < SHOW_AT:
        return f"Counts show once at least {SHOW_AT} people have answered."
    return f"{total} answers: " + ", ".join(f"{labels.get(c, c)} {counts.get(c, 0)}" for c in labels)
