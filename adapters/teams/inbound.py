"""Teams activities into core requests: mentions, personal-chat messages and card submits.

Pure functions over the Bot Framework activity JSON Teams sends (tested on recorded payloads).
Each returns the core request and an `Origin`: what Teams gave beyond the core's `Where` that the
answer needs (the conversation and thread to answer in, the service URL, the card a button was on).

Where: a team channel belongs to its team (the team's Entra group id, which is also what Graph
knows it by); a group chat and a personal chat belong to the tenant. A channel post's replies are
its thread, so a request in a thread carries the thread's root message id.

Via: in a channel or group chat everything written to the bot is seen by everyone there (Teams has
no private slash command), so a question asked there is treated like `/peer` on Slack: answered
privately, in personal chat, with a Share button (see `bot.people.sharing`). A personal chat is a DM.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from adapters.teams.render import ACTION_KEY
from bot.messages import Command, Press, Role, Where, Who

PLATFORM = "teams"
Json = dict[str, Any]
AT = re.compile(r"<at[^>]*>(.*?)</at>", re.S)
TAG = re.compile(r"</?[A-Za-z][^>]*>")  # HTML tags; the core's own "<@id>" mentions stay


@dataclass(frozen=True)
class Origin:
    """How to answer one request in Teams."""

    conversation_id: str  # as Teams gave it: a channel thread's id ends ";messageid=<root>"
    service_url: str
    tenant_id: str
    user_id: str
    user_name: str
    user_aad: str
    scope: str  # personal | channel | groupChat
    activity_id: str
    reply_to_id: str = ""  # the message a card button was on
    team_aad: str = ""  # the team's Entra group id, for who owns it
    channel_key: str = ""
    public: str = ""  # for a press on a private card: the channel thread it answers for

    @property
    def is_personal(self) -> bool:
        return self.scope == "personal"

    @property
    def base_conversation(self) -> str:
        return self.conversation_id.split(";", 1)[0]

    @property
    def thread_conversation(self) -> str:
        """The conversation id that answers in this message's thread (channels; elsewhere as is)."""
        if self.public:
            return self.public
        if self.scope != "channel" or ";messageid=" in self.conversation_id:
            return self.conversation_id
        root = self.reply_to_id or self.activity_id
        return f"{self.conversation_id};messageid={root}" if root.isdigit() and root != "0" else self.conversation_id


def is_channel(conversation_id: str) -> bool:
    """A team channel's conversation (threads allowed), not a group chat ("@thread.v2")."""
    base = conversation_id.split(";", 1)[0]
    return base.endswith(("@thread.tacv2", "@thread.skype"))


def safe(ident: str) -> str:
    """An id usable as a workspace: the core splits channel keys on ':'."""
    return ident.replace(":", "~")


def scope_of(activity: Json) -> str:
    conversation = activity.get("conversation") or {}
    kind = conversation.get("conversationType") or ""
    if kind in ("personal", "channel", "groupChat"):
        return kind
    return "groupChat" if conversation.get("isGroup") else "personal"


def tenant_of(activity: Json) -> str:
    data = activity.get("channelData") or {}
    return ((data.get("tenant") or {}).get("id") or (activity.get("conversation") or {}).get("tenantId") or "")


def where_of(activity: Json) -> Where:
    conversation_id = (activity.get("conversation") or {}).get("id", "")
    base, _, rest = conversation_id.partition(";")
    scope = scope_of(activity)
    tenant = safe(tenant_of(activity) or "tenant")
    if scope == "personal":
        return Where(PLATFORM, tenant, base, is_dm=True)
    if scope == "channel":
        data = activity.get("channelData") or {}
        team = data.get("team") or {}
        workspace = safe(team.get("aadGroupId") or team.get("id") or tenant)
        channel = (data.get("channel") or {}).get("id") or base
        root = rest.removeprefix("messageid=") if rest.startswith("messageid=") else ""
        thread = root if root and root != activity.get("id") else None
        return Where(PLATFORM, workspace, channel, thread)
    return Where(PLATFORM, tenant, base)


def origin_of(activity: Json) -> Origin:
    sender = activity.get("from") or {}
    team = ((activity.get("channelData") or {}).get("team") or {})
    return Origin(conversation_id=(activity.get("conversation") or {}).get("id", ""),
                  service_url=activity.get("serviceUrl", ""), tenant_id=tenant_of(activity),
                  user_id=sender.get("id", ""), user_name=sender.get("name", "") or "",
                  user_aad=sender.get("aadObjectId", "") or "", scope=scope_of(activity),
                  activity_id=str(activity.get("id", "")), reply_to_id=str(activity.get("replyToId", "") or ""),
                  team_aad=team.get("aadGroupId", "") or "", channel_key=where_of(activity).channel_key)


def mentions_bot(activity: Json) -> bool:
    bot_id = (activity.get("recipient") or {}).get("id")
    return any(e.get("type") == "mention" and (e.get("mentioned") or {}).get("id") == bot_id
               for e in activity.get("entities") or [])


def clean_text(activity: Json) -> str:
    """What the person typed: the bot's own mention removed, other people's mentions as `<@id>`
    (how the core writes a person), and the HTML Teams wraps text in taken off."""
    text = activity.get("text") or ""
    bot_id = (activity.get("recipient") or {}).get("id")
    people = {e.get("text"): (e.get("mentioned") or {}).get("id")
              for e in activity.get("entities") or [] if e.get("type") == "mention"}

    def swap(match: re.Match[str]) -> str:
        who = people.get(match[0])
        return " " if not who or who == bot_id else f"<@{who}>"

    text = AT.sub(swap, text)
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def who_of(activity: Json, role: Role = Role.PARTICIPANT) -> Who:
    sender = activity.get("from") or {}
    return Who(sender.get("id", ""), role, sender.get("name", "") or "")


def press_values(value: Any) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(action, form values) from a card submit's `value`; None when it is not one of ours."""
    if not isinstance(value, dict) or not isinstance(value.get(ACTION_KEY), str):
        return None
    values = tuple((str(k), str(v).strip()) for k, v in value.items()
                   if k not in (ACTION_KEY, "msteams", "from") and isinstance(v, (str, int, float)))
    return value[ACTION_KEY], values


def request_of(activity: Json, role: Role = Role.PARTICIPANT) -> Command | Press | None:
    """The core request for a message activity, or None for one peerbot should not answer
    (another bot, or a channel message that does not mention peerbot)."""
    if activity.get("type") != "message":
        return None
    sender = activity.get("from") or {}
    if sender.get("role") == "bot" or sender.get("id") == (activity.get("recipient") or {}).get("id"):
        return None
    who, where = who_of(activity, role), where_of(activity)
    pressed = press_values(activity.get("value"))
    if pressed is not None:
        return Press(action=pressed[0], who=who, where=where, values=pressed[1])
    if where.is_dm:
        return Command(text=clean_text(activity), who=who, where=where, via="dm")
    if not mentions_bot(activity):
        return None
    return Command(text=clean_text(activity), who=who, where=where, via="command")
