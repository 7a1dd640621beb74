"""Can the bot post in a channel? What to tell a person when the platform said no.

A freshly installed bot is in no channel yet: Slack refuses its posts (`not_in_channel`), Discord
answers 403 Missing Access. The adapters turn each platform's refusal into one of `REASONS` (see
`adapters/slack/refusals.py`, `adapters/discord/refusals.py`); this module words it for people,
plainly and with the one thing to do about it, on each platform:

- at the moment of asking (`/peer reflect`, `/peer checkin`, Share): `refused_now`, privately;
- when a schedule is made in a channel the bot cannot post in: `schedule_warning`;
- when a scheduled post is refused: `schedule_line` in `/peer schedules`, and `told_creator`, once,
  in a direct message to the facilitator who made the schedule.

A channel archived or deleted will not come back by itself, so its schedules pause (`PAUSES`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.records import Schedule

NOT_IN_CHANNEL, NO_ACCESS, ARCHIVED, GONE, OTHER = "not_in_channel", "no_access", "archived", "gone", "other"
REASONS = (NOT_IN_CHANNEL, NO_ACCESS, ARCHIVED, GONE, OTHER)
PAUSES = {ARCHIVED, GONE}  # nothing will ever post there again without a person's doing

# Short, for a line in `/peer schedules` ("last post failed: not in the channel").
SHORT = {NOT_IN_CHANNEL: "not in the channel", NO_ACCESS: "no permission to post there",
         ARCHIVED: "the channel is archived", GONE: "the channel was deleted or I can't see it",
         OTHER: "the platform refused it"}
PAUSED_WHY = {ARCHIVED: "paused: the channel is archived", GONE: "paused: the channel was deleted or I can't see it"}


def channel_ref(channel: str) -> str:
    """A link to the channel that both Slack and Discord show as its name (`<#C123>`, `<#123>`)."""
    return f"<#{channel}>"


def what_to_do(reason: str, platform: str, channel: str) -> str:
    """The one thing a person can do so that the bot can post in `channel`."""
    where = channel_ref(channel)
    if platform == "discord":
        if reason in (NOT_IN_CHANNEL, NO_ACCESS):
            return (f"Ask someone who manages the server to give me View Channel and Send Messages in {where} "
                    "(the channel's settings, Permissions, add peerbot).")
        if reason == ARCHIVED:
            return f"{where} is archived: unarchive it, or use another channel."
        if reason == GONE:
            return f"I can't find {where} any more: it may have been deleted, or I can't see it."
        return "Check that I can see this channel and send messages there."
    if platform == "teams":
        if reason in (NOT_IN_CHANNEL, NO_ACCESS):
            return ("Add peerbot to this team (Apps, then Add to a team), or ask a team owner to, and mention "
                    "@peerbot in the channel once.")
        if reason == GONE:
            return "I can't find this channel or chat any more: it may have been deleted, or peerbot removed."
        return "Check that peerbot is still added to this team or chat."
    if reason == NOT_IN_CHANNEL:
        return f"Invite me with /invite @peerbot in {where}."
    if reason == NO_ACCESS:
        return f"{where} only lets some people post: a workspace admin can let me post there."
    if reason == ARCHIVED:
        return f"{where} is archived: unarchive it, or use another channel."
    if reason == GONE:
        return (f"I can't see {where}: if it's a private channel, invite me with /invite @peerbot there; "
                "otherwise it may have been deleted.")
    return "Check that I'm in this channel and allowed to post there."


def refused_now(reason: str, platform: str, channel: str) -> str:
    """Told privately to whoever asked for a post the platform refused: nothing went out."""
    return f"I couldn't post that: {SHORT.get(reason, SHORT[OTHER])}, so nothing went out. " \
           f"{what_to_do(reason, platform, channel)} Then try again."


def still_trying() -> str:
    return ("The platform isn't answering right now, so I haven't been able to post that yet. I'll keep "
            "trying for a while; nothing has gone out so far.")


def schedule_warning(reason: str, platform: str, channel: str) -> str:
    """Said when a schedule is made in a channel the bot cannot post in."""
    return (f"Heads up: I can't post in {channel_ref(channel)} yet ({SHORT.get(reason, SHORT[OTHER])}), so this "
            f"schedule's posts would fail. {what_to_do(reason, platform, channel)}")


def schedule_line(schedule: "Schedule") -> str:
    """What `/peer schedules` adds for a schedule whose last post was refused ("" when all is well)."""
    failure = schedule.last_failure
    return f"last post failed: {SHORT.get(failure, SHORT[OTHER])}" if failure else ""


def told_creator(schedule_id: int, summary: str, reason: str, platform: str, channel: str) -> str:
    """The one direct message to the facilitator who made a schedule whose post was refused."""
    paused = " I've paused it, since nothing could post there now." if reason in PAUSES else \
        " I'll try again at its next time; I won't message you about it again unless it works and then fails."
    return (f"Schedule #{schedule_id} ({summary}) couldn't post in {channel_ref(channel)}: "
            f"{SHORT.get(reason, SHORT[OTHER])}. {what_to_do(reason, platform, channel)}{paused}")
