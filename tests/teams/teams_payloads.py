"""Activities as Teams sends them to a bot: a mention in a channel (top level or in a thread), a
message in a group chat or a personal chat, a card's submit button, and the bot's installation."""
from __future__ import annotations

import itertools
from typing import Any

from testing.fake_teams import BOT, GENERAL, TEAM_AAD, TEAM_ID, TENANT  # noqa: F401 - re-exported for tests

ANA = ("29:1ana-participant", "aad-ana-0001", "Ana Ortiz")  # a participant
FARAH = ("29:1farah-facilitator", "aad-farah-0002", "Farah Haddad")  # in the facilitator group
OWEN = ("29:1owen-owner", "aad-owen-0003", "Owen Park")  # a team owner

_ids = itertools.count(1710000000001)


def person(who: tuple[str, str, str]) -> dict[str, Any]:
    return {"id": who[0], "aadObjectId": who[1], "name": who[2]}


def base(service_url: str, who, conversation: dict[str, Any], channel_data: dict[str, Any]) -> dict[str, Any]:
    return {"type": "message", "id": str(next(_ids)), "timestamp": "2026-12-07T15:00:00.000Z",
            "serviceUrl": service_url, "channelId": "msteams", "from": person(who), "conversation": conversation,
            "recipient": dict(BOT), "channelData": channel_data, "locale": "en-CA"}


def team_data(channel: str = GENERAL) -> dict[str, Any]:
    return {"tenant": {"id": TENANT}, "team": {"id": TEAM_ID, "name": "Peer team", "aadGroupId": TEAM_AAD},
            "channel": {"id": channel, "name": "General" if channel == GENERAL else "Reflection"}}


def mention(service_url: str, text: str, who=ANA, channel: str = GENERAL, thread: str | None = None) -> dict[str, Any]:
    """`@peerbot <text>` posted in a channel (a new post, or a reply in the thread `thread`)."""
    activity = base(service_url, who, {}, team_data(channel))
    root = thread or activity["id"]
    activity["conversation"] = {"id": f"{channel};messageid={root}", "conversationType": "channel",
                                "tenantId": TENANT, "isGroup": True}
    activity["text"] = f"<at>peerbot</at> {text}"
    activity["entities"] = [{"type": "mention", "text": "<at>peerbot</at>", "mentioned": dict(BOT)}]
    if thread:
        activity["replyToId"] = thread
    return activity


def group_mention(service_url: str, text: str, chat: str, who=ANA) -> dict[str, Any]:
    activity = base(service_url, who, {"id": chat, "conversationType": "groupChat", "tenantId": TENANT,
                                       "isGroup": True}, {"tenant": {"id": TENANT}})
    activity["text"] = f"<at>peerbot</at> {text}"
    activity["entities"] = [{"type": "mention", "text": "<at>peerbot</at>", "mentioned": dict(BOT)}]
    return activity


def personal(service_url: str, text: str, who=ANA) -> dict[str, Any]:
    activity = base(service_url, who, {"id": f"a:personal-{who[0]}", "conversationType": "personal",
                                       "tenantId": TENANT}, {"tenant": {"id": TENANT}})
    activity["text"] = text
    return activity


def submit(service_url: str, card_activity: dict[str, Any], data: dict[str, Any], who=ANA,
           values: dict[str, str] | None = None) -> dict[str, Any]:
    """Pressing a card's Action.Submit: a message with `value` in the card's conversation."""
    conversation = card_activity["conversation"]["id"]
    if conversation.startswith("a:"):
        conv = {"id": conversation, "conversationType": "personal", "tenantId": TENANT}
        data_ = {"tenant": {"id": TENANT}}
    elif "@thread.tacv2" in conversation:
        conv = {"id": conversation, "conversationType": "channel", "tenantId": TENANT, "isGroup": True}
        data_ = team_data(conversation.split(";")[0])
    else:
        conv = {"id": conversation, "conversationType": "groupChat", "tenantId": TENANT, "isGroup": True}
        data_ = {"tenant": {"id": TENANT}}
    activity = base(service_url, who, conv, data_)
    activity["replyToId"] = card_activity["id"]
    activity["value"] = {**data, **(values or {})}
    return activity


def installed(service_url: str, channel: str = GENERAL) -> dict[str, Any]:
    """peerbot added to the team: a conversationUpdate naming the bot in membersAdded."""
    return {"type": "conversationUpdate", "id": f"f:{next(_ids)}", "serviceUrl": service_url,
            "channelId": "msteams", "from": person(OWEN), "recipient": dict(BOT),
            "conversation": {"id": channel, "conversationType": "channel", "tenantId": TENANT, "isGroup": True},
            "channelData": {**team_data(channel), "eventType": "teamMemberAdded"},
            "membersAdded": [{"id": BOT["id"]}], "timestamp": "2026-12-07T14:00:00.000Z"}


def removed(service_url: str, channel: str = GENERAL) -> dict[str, Any]:
    activity = installed(service_url, channel)
    activity.pop("membersAdded")
    activity["membersRemoved"] = [{"id": BOT["id"]}]
    activity["channelData"]["eventType"] = "teamMemberRemoved"
    return activity
