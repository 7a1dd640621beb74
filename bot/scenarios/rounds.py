"""Anonymous rounds: check-in pulses and scenario polls, counted, never attributed.

While a round is open each voter is known only by a keyed hash (to stop double votes and let
people change their answer); closing the round deletes those hashes and keeps the counts. Counts
are shown only once at least three people have answered, so nobody's answer can be worked out.

Rounds close on their own as well: a scenario's polls at its reveal or end, and any round still open
`OPEN_FOR` after it opened (a check-in pulse, a scenario nobody revealed) on the next tick, so no
voter hash outlives the week it was useful in.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.errors import UserError
from bot.messages import Command, Press

if TYPE_CHECKING:
    from bot.context import Context

log = logging.getLogger("peerbot.rounds")
SHOW_AT = 3
# A pulse is about this week: a weekly check-in's round closes as the next one is posted, and one
# posted by hand or by a monthly schedule doesn't keep hashes for a month.
OPEN_FOR = timedelta(days=7)


def voter_hash(bot: Context, round_id: str, req: Command | Press) -> str:
    return person_hash(bot, round_id, req.where.platform, req.where.workspace, req.who.user_id)


def person_hash(bot: Context, round_id: str, platform: str, workspace: str, user_id: str) -> str:
    person = f"{platform}:{workspace}:{user_id}"
    return hmac.new(bot.store.secret(), f"{round_id}|{person}".encode(), hashlib.sha256).hexdigest()[:32]


def vote(bot: Context, req: Press, round_id: str, choice: str) -> dict[str, int]:
    found = bot.store.round(round_id)
    if found is None:
        raise UserError("I can't find that round any more; it may have been cleared after it closed.")
    if not found.open:
        raise UserError("That round has closed, so answers aren't counted any more. Thanks all the same.")
    if choice not in found.choices:
        raise UserError("That isn't one of this round's choices.")
    bot.store.record_vote(round_id, voter_hash(bot, round_id, req), choice)
    return bot.store.tally(round_id)


def summary(counts: dict[str, int], labels: dict[str, str]) -> str:
    total = sum(counts.values())
    if total < SHOW_AT:
        return f"Counts show once at least {SHOW_AT} people have answered."
    return f"{total} answers: " + ", ".join(f"{labels.get(c, c)} {counts.get(c, 0)}" for c in labels)


def close_expired(bot: Context, now: datetime) -> list[str]:
    """Close every round opened `OPEN_FOR` or more before `now`: its hashes go, its counts stay."""
    # Stamps are whole seconds and the store asks "opened before", so one second more makes a round
    # opened exactly a week ago count: next Monday's 10:00 tick closes this Monday's 10:00 pulse.
    cutoff = now - OPEN_FOR + timedelta(seconds=1)
    expired = bot.store.rounds_open_before(cutoff.isoformat(timespec="seconds"))
    for round_id in expired:
        bot.store.close_round(round_id)
    if expired:
        log.info("closed %d round(s) open for more than %s", len(expired), OPEN_FOR)
    return expired
