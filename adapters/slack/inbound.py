"""Slack payloads into core requests: `/peer`, mentions, direct messages, buttons, modal submissions.

Pure functions over the payloads Slack sends (tested on recorded payloads). Each returns the core
request and an `Origin`: what Slack gave beyond the core's `Where` that the answer needs (the
message to thread under, the trigger that may open a modal, the response URL).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bot.messages import Command, Press, Where, Who

PLATFORM = "slack"


@dataclass(frozen=True)
class Origin:
    """How to answer one request in Slack."""

    channel: str
    user: str
    via: str  # command | mention | dm | button | form
    is_dm: bool = False
    thread_ts: str | None = None  # the thread the request was in, if any
    message_ts: str | None = None  # the message answered, or the one the button was on
    ephemeral: bool = False  # the button was on a message only this person sees
    from_home: bool = False  # the button was in App Home: answers go to the app's DM
    response_url: str | None = None
    trigger_id: str | None = None

    @property
    def answer_thread(self) -> str | None:
        """Where a threaded answer goes: the existing thread, else a new one under the message."""
        return self.thread_ts or self.message_ts


def unescape(text: str) -> str:
    """Slack sends typed `&`, `<`, `>` as entities; the core wants what the person typed.
    (Rendering escapes everything again, so this can never smuggle markup back out.)"""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def team_of(body: dict) -> str:
    team = body.get("team_id") or body.get("team")
    if isinstance(team, dict):
        team = team.get("id")
    return team or (body.get("user") or {}).get("team_id") or ""


def user_of(body: dict) -> str:
    """The person behind any payload: slash command, event callback, block action or view submission."""
    if "user_id" in body:
        return body["user_id"]
    if "event" in body:
        return body["event"].get("user", "")
    user = body.get("user") or {}
    return user.get("id", "") if isinstance(user, dict) else user


def from_command(body: dict, who: Who) -> tuple[Command, Origin]:
    channel = body.get("channel_id", "")
    is_dm = body.get("channel_name") == "directmessage" or channel.startswith("D")
    where = Where(PLATFORM, team_of(body), channel, None, is_dm)
    origin = Origin(channel, body.get("user_id", ""), "command", is_dm=is_dm,
                    response_url=body.get("response_url"), trigger_id=body.get("trigger_id"))
    return Command(unescape(body.get("text", "")).strip(), who, where, "command"), origin


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """Drop the leading mention of the bot (`<@UBOT>` or `<@UBOT|peerbot>`) and the punctuation after it."""
    pattern = rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>" if bot_user_id else r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>"
    return re.sub(r"\s+", " ", re.sub(pattern, " ", text, count=1)).strip(" ,:")


def from_mention(body: dict, who: Who, bot_user_id: str | None) -> tuple[Command, Origin]:
    event = body["event"]
    thread = event.get("thread_ts")
    where = Where(PLATFORM, team_of(body), event["channel"], thread, False)
    origin = Origin(event["channel"], event.get("user", ""), "mention", thread_ts=thread, message_ts=event.get("ts"))
    return Command(unescape(strip_mention(event.get("text", ""), bot_user_id)), who, where, "mention"), origin


# The subtypes of a message a person wrote: none, a file attached (`file_share`), or a thread reply
# "also sent to" the conversation (`thread_broadcast`). slack-bolt's own `app.message()` accepts the
# same (slack_bolt/app/async_app.py, `message`: subtype None, bot_message, thread_broadcast,
# file_share); edits, deletions, joins and bots' messages are left out.
PERSON_SUBTYPES = (None, "", "file_share", "thread_broadcast")


def is_person_dm(body: dict) -> bool:
    """A direct message a person wrote to the bot, with text or a file: not an edit, a join, a bot's
    own message."""
    event = body.get("event", {})
    return (event.get("channel_type") == "im" and event.get("subtype") in PERSON_SUBTYPES
            and not event.get("bot_id") and bool(event.get("user"))
            and (bool(event.get("text", "").strip()) or bool(event.get("files"))))


def from_dm(body: dict, who: Who) -> tuple[Command, Origin]:
    event = body["event"]
    thread = event.get("thread_ts")
    where = Where(PLATFORM, team_of(body), event["channel"], thread, True)
    origin = Origin(event["channel"], event.get("user", ""), "dm", is_dm=True, thread_ts=thread,
                    message_ts=event.get("ts"))
    return Command(unescape(event.get("text", "")).strip(), who, where, "dm", files=bool(event.get("files"))), origin


def from_action(body: dict, who: Who) -> tuple[Press, Origin]:
    action = body["actions"][0]
    container = body.get("container") or {}
    message = body.get("message") or {}
    user = user_of(body)
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    from_home = channel is None  # App Home buttons have no channel: answer in the app's DM
    thread = message.get("thread_ts") or container.get("thread_ts")
    is_dm = from_home or channel.startswith("D")
    where = Where(PLATFORM, team_of(body), channel or user, thread, is_dm)
    origin = Origin(channel or user, user, "button", is_dm=is_dm, thread_ts=thread,
                    message_ts=container.get("message_ts") or message.get("ts"),
                    ephemeral=bool(container.get("is_ephemeral")), from_home=from_home,
                    response_url=body.get("response_url"), trigger_id=body.get("trigger_id"))
    return Press(action.get("value") or action["action_id"], who, where), origin


def form_metadata(submit: str, origin: Origin) -> str:
    """What a modal must remember until it is submitted: the action and where to answer."""
    return json.dumps({"a": submit, "c": origin.channel, "t": origin.thread_ts, "d": origin.is_dm,
                       "h": origin.from_home}, separators=(",", ":"))


class BadForm(ValueError):
    """A submission whose metadata peerbot cannot read; `origin` is where to say so (the person's DM)."""

    def __init__(self, origin: Origin):
        super().__init__("unreadable form metadata")
        self.origin = origin


def from_submission(body: dict, who: Who) -> tuple[Press, Origin]:
    view = body["view"]
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
        if not isinstance(meta, dict):
            raise ValueError("not an object")
    except ValueError:
        user = user_of(body)
        raise BadForm(Origin(user, user, "form", is_dm=True, from_home=True)) from None
    values = []
    for actions in (view.get("state") or {}).get("values", {}).values():
        for action_id, state in actions.items():
            values.append((action_id, (state.get("value") or "").strip()))
    user = user_of(body)
    channel = meta.get("c") or user
    where = Where(PLATFORM, team_of(body), channel, meta.get("t"), bool(meta.get("d", True)))
    origin = Origin(channel, user, "form", is_dm=where.is_dm, thread_ts=meta.get("t"),
                    from_home=bool(meta.get("h", not meta.get("c"))), trigger_id=body.get("trigger_id"))
    return Press(meta.get("a", ""), who, where, tuple(values)), origin

