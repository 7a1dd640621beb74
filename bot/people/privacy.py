"""What peerbot keeps, for how long, and how a person (or an operator) makes it forget them.

peerbot never stores message text. What it does keep is listed by `kept` and told to anyone who
asks `/peer privacy`. `/peer forget me` shows a person what names them and, once they confirm,
deletes it; rows the channel still needs (a schedule they set up, a configuration change in the
audit log) stay with the person's id blanked. `prune` runs on every tick and drops closed tallies,
delivery records, finished scenario runs and abandoned checks older than the retention period.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.actions import encode
from bot.messages import Choice, Command, Message, Post, Press, Reply
from bot.people import sharing
from bot.scenarios import rounds

if TYPE_CHECKING:
    from bot.context import Context

log = logging.getLogger("peerbot.privacy")

# The platforms a user id can belong to; an operator's "forget" without --platform covers them all.
PLATFORMS = ("slack", "discord", "teams", "console")

# What each table means to the person it names, in the words `/peer forget me` uses.
MEANING = {
    "flows": "a guided check you started and did not finish",
    "facilitators": "your place on the facilitator list",
    "audit": "configuration changes you made (the change stays, your name goes)",
    "schedules": "schedules you set up (the schedule stays, your name goes)",
    "scenario_runs": "scenario discussions you ran (the record stays, your name goes)",
    "votes": "your answer in a check-in or poll that is still open",
    "deliveries": "a message to your support contact that has not gone out yet",
}


def kept(days: int) -> str:
    return "\n".join([
        "What I keep, and for how long:",
        "• No message text, ever. I answer what you write and then drop it: questions, replies to "
        "prompts and thread conversations are never stored.",
        "• Settings: each channel's time zone and holiday calendar, the workspace's crisis-line region and who "
        "sees answers, the schedules facilitators set up (with who set them up), the closures they mark (dates "
        "and the closure's name, such as \"winter closure\": the one thing typed that I keep, so keep names of "
        f"people out of it; deleted {days} days after the closure ends) and the facilitator list. They stay "
        "until someone changes them.",
        "• Delivery records: which posts have gone out (scheduled posts, answers someone chose to share), so "
        "none goes out twice. A shared answer is recorded by a scrambled code that says neither who shared it "
        f"nor what it was. Kept {days} days.",
        "• Check-ins and polls: counts only. While a round is open, a scrambled code for each person stops "
        f"double answers; it is deleted when the round closes. Closed counts are kept {days} days.",
        f"• Guided checks you have not finished: which buttons you pressed, for up to {days} days.",
        "• A log of configuration changes (who changed a schedule or a role, and when), readable by admins.",
        "",
        "\"/peer forget me\" deletes what I keep about you. Nothing you write to me is used to train anything.",
    ])


def privacy(bot: Context, req: Command, rest: str) -> list[Message]:
    return [Reply(sharing.who_sees(bot, req) + "\n\n" + kept(bot.settings.retention_days), private=True)]


def _open_round_hashes(bot: Context, platform: str, user_id: str, workspace: str | None) -> dict[str, str]:
    """The voter hash this person would have in each open round (hashes are per round and workspace)."""
    prefix = f"{platform}:{workspace}:" if workspace is not None else f"{platform}:"
    hashes = {}
    for open_round in bot.store.open_rounds(prefix):
        round_workspace = open_round.channel.split(":")[1]
        hashes[open_round.id] = rounds.person_hash(bot, open_round.id, platform, round_workspace, user_id)
    return hashes


def about(bot: Context, platform: str, user_id: str, workspace: str | None = None) -> dict[str, list[dict[str, Any]]]:
    found = bot.store.about_person(platform, user_id, workspace)
    votes = [{"round_id": r} for r, h in _open_round_hashes(bot, platform, user_id, workspace).items()
             if h in bot.store.voters(r)]
    if votes:
        found["votes"] = votes
    return found


def forget(bot: Context, platform: str, user_id: str, workspace: str | None = None) -> dict[str, int]:
    hashes = _open_round_hashes(bot, platform, user_id, workspace)
    removed = bot.store.forget_person(platform, user_id, hashes, workspace)
    # The log line names no one: which tables changed, and how much, is enough to audit the deletion.
    log.info("forgot a person on %s: %s", platform, removed or "nothing was kept")
    return removed


def forget_me(bot: Context, req: Command, rest: str) -> list[Message]:
    found = about(bot, req.where.platform, req.who.user_id, req.where.workspace)
    if not found:
        return [Reply("I keep nothing about you here: no messages, no answers, no settings in your name.",
                      private=True)]
    lines = [f"• {MEANING[table]} ({len(rows)})" for table, rows in found.items()]
    return [Reply("Here is what I keep about you in this workspace:\n" + "\n".join(lines) +
                  "\nShall I forget it? This cannot be undone.", private=True,
                  choices=(Choice("Forget me", encode("forget", "yes"), "danger"),
                           Choice("Keep it", encode("forget", "no"))))]


def press_forget(bot: Context, req: Press, args: list[str]) -> list[Message]:
    # Whoever presses is whoever is forgotten: the button carries no id, so nobody can forget another.
    if args[:1] != ["yes"]:
        return [Reply("Nothing changed. You can ask again any time with \"/peer forget me\".", private=True,
                      replace=True)]
    removed = forget(bot, req.where.platform, req.who.user_id, req.where.workspace)
    what = ", ".join(MEANING[t].split(" (")[0] for t in removed) or "nothing was left to remove"
    return [Reply(f"Done. I have forgotten you here: {what}.", private=True, replace=True)]


def cutoff(bot: Context, now: datetime) -> str:
    return (now - timedelta(days=bot.settings.retention_days)).astimezone(UTC).isoformat(timespec="seconds")


def prune(bot: Context, now: datetime) -> list[Post]:
    """A tick job: drop what is older than the retention period. Posts nothing."""
    removed = bot.store.prune(cutoff(bot, now))
    if removed:
        log.info("retention: removed %s", removed)
    return []
