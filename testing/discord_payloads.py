"""Gateway payloads as Discord sends them: slash commands, autocomplete, button presses, modal
submissions and messages, in a server or a DM, from a participant, a facilitator or an admin.

Shapes from Discord's API documentation (discord.com/developers/docs/interactions/receiving-and-
responding, "Interaction Object"): peerbot is installed to servers only, so
`authorizing_integration_owners` maps GUILD_INSTALL ("0") to the server's id, and to "0" in a DM with
the bot ("Authorizing Integration Owners Object"; discord/discord-api-docs#6730 confirms the string);
an interaction in a server carries the partial `guild` object (id, locale, features); `app_permissions`
is the bot's permissions in the channel, here what the invite link grants (`BOT_GRANTED`); a pressed
button's data carries its numeric component `id` (Components reference, "Anatomy of a Component")."""
from __future__ import annotations

import itertools
from typing import Any

from testing.fake_discord import APP_ID, BOT_USER, FACILITATOR_ROLE, GENERAL, GUILD_ID

ANA = 700000000000000001  # a participant
FARAH = 700000000000000002  # a facilitator, by role
ADMIN = 700000000000000003  # a server administrator
DM_CHANNEL = 830000000000000001
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
BASIC = (1 << 10) | (1 << 11)  # view channel, send messages
# What the README's invite link grants the bot (permissions=309237730304): View Channels, Send
# Messages, Send Messages in Threads, Create Public Threads, Embed Links, Read Message History.
BOT_GRANTED = 309237730304

_ids = itertools.count(1)
PEOPLE = {ANA: ("ana", [], BASIC), FARAH: ("farah", [FACILITATOR_ROLE], BASIC),
          ADMIN: ("sam", [], BASIC | ADMINISTRATOR)}


def user(user_id: int) -> dict[str, Any]:
    name = PEOPLE.get(user_id, ("someone", [], BASIC))[0]
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name.title(),
            "avatar": None, "bot": False, "flags": 0}


def member(user_id: int, permissions: int | None = None) -> dict[str, Any]:
    _, roles, perms = PEOPLE.get(user_id, ("someone", [], BASIC))
    return {"user": user(user_id), "roles": [str(r) for r in roles], "nick": None, "avatar": None,
            "joined_at": "2026-01-01T00:00:00+00:00", "premium_since": None, "deaf": False, "mute": False,
            "pending": False, "flags": 0, "permissions": str(perms if permissions is None else permissions)}


def _base(kind: int, data: dict[str, Any], *, who: int, channel: int, dm: bool,
          permissions: int | None = None, thread_of: int | None = None,
          app_permissions: int = BOT_GRANTED) -> dict[str, Any]:
    n = next(_ids)
    payload: dict[str, Any] = {
        "id": str(950000000000000000 + n), "application_id": str(APP_ID), "type": kind, "data": data,
        "token": f"token-{n}", "version": 1, "channel_id": str(channel), "locale": "en-US",
        "app_permissions": str(app_permissions), "entitlements": [], "attachment_size_limit": 8388608,
        "authorizing_integration_owners": {"0": str(GUILD_ID)} if not dm else {"0": "0"},
        "context": 1 if dm else 0,
    }
    if dm:
        payload["user"] = user(who)
        payload["channel"] = {"id": str(channel), "type": 1, "recipients": [user(who)], "flags": 0}
    else:
        payload.update(guild_id=str(GUILD_ID), guild_locale="en-US", member=member(who, permissions),
                       guild={"id": str(GUILD_ID), "locale": "en-US", "features": []})
        payload["channel"] = {"id": str(channel), "type": 11 if thread_of else 0, "guild_id": str(GUILD_ID),
                              "name": "general", "position": 0, "permission_overwrites": [], "nsfw": False,
                              "parent_id": str(thread_of) if thread_of else None, "flags": 0,
                              **({"owner_id": BOT_USER["id"], "last_message_id": None, "rate_limit_per_user": 0,
                                  "message_count": 2, "member_count": 1,
                                  "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                                      "archive_timestamp": "2026-01-01T00:00:00+00:00",
                                                      "locked": False}} if thread_of else {})}
    return payload


def slash(sub: str, text: str | None = None, *, who: int = ANA, channel: int = GENERAL, dm: bool = False,
          permissions: int | None = None, thread_of: int | None = None,
          app_permissions: int = BOT_GRANTED) -> dict[str, Any]:
    """`/peer <sub> text:<text>`."""
    options = [{"type": 3, "name": "text", "value": text}] if text is not None else []
    data = {"id": "960000000000000001", "name": "peer", "type": 1,
            "options": [{"type": 1, "name": sub, "options": options}]}
    return _base(2, data, who=who, channel=channel, dm=dm, permissions=permissions, thread_of=thread_of,
                 app_permissions=app_permissions)


def autocomplete(sub: str, current: str, *, who: int = ANA) -> dict[str, Any]:
    data = {"id": "960000000000000001", "name": "peer", "type": 1,
            "options": [{"type": 1, "name": sub, "options": [{"type": 3, "name": "text", "value": current,
                                                               "focused": True}]}]}
    return _base(4, data, who=who, channel=GENERAL, dm=False)


def press(message: dict[str, Any], label: str, *, who: int = ANA, dm: bool = False,
          thread_of: int | None = None) -> dict[str, Any]:
    """Pressing the button labelled `label` on `message` (as the fake stored it); `thread_of` names
    the parent channel when the message is in a thread."""
    custom_id = next(b["custom_id"] for row in message["components"] for b in row["components"] if b["label"] == label)
    return press_id(message, custom_id, who=who, dm=dm, thread_of=thread_of)


def press_id(message: dict[str, Any], custom_id: str, *, who: int = ANA, dm: bool = False,
             thread_of: int | None = None) -> dict[str, Any]:
    number = next((b.get("id") for row in message.get("components") or [] for b in row.get("components", [])
                   if b.get("custom_id") == custom_id), None)
    data = {"custom_id": custom_id, "component_type": 2, **({"id": number} if number is not None else {})}
    payload = _base(3, data, who=who, channel=int(message["channel_id"]), dm=dm, thread_of=thread_of)
    payload["message"] = message
    return payload


def submit(custom_id: str, values: dict[str, str], *, who: int = ANA, message: dict[str, Any] | None = None,
           channel: int = GENERAL) -> dict[str, Any]:
    """Submitting a modal; Discord wraps each text input in its label."""
    components = [{"type": 18, "id": i, "component": {"type": 4, "id": i + 10, "custom_id": k, "value": v}}
                  for i, (k, v) in enumerate(values.items(), 1)]
    payload = _base(5, {"custom_id": custom_id, "components": components}, who=who, channel=channel, dm=False)
    if message is not None:
        payload["message"] = message
    return payload


def attachment(name: str = "notes.png") -> dict[str, Any]:
    """An attachment as a MESSAGE_CREATE carries it (Discord docs, "Attachment Object")."""
    return {"id": "880000000000000001", "filename": name, "size": 92582, "content_type": "image/png",
            "url": f"https://cdn.discordapp.com/attachments/1/2/{name}",
            "proxy_url": f"https://media.discordapp.net/attachments/1/2/{name}", "width": 1134, "height": 362,
            "flags": 0}


def channel_message(text: str, *, who: int = ANA, channel: int = GENERAL, mention_bot: bool = True,
                    dm: bool = False, attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A MESSAGE_CREATE: a mention of the bot in a channel, or a direct message."""
    n = next(_ids)
    payload: dict[str, Any] = {
        "id": str(970000000000000000 + n), "channel_id": str(channel), "author": user(who), "content": text,
        "timestamp": "2026-01-01T00:00:00+00:00", "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [BOT_USER] if mention_bot and not dm else [],
        "mention_roles": [], "attachments": attachments or [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
        "components": [],
    }
    if not dm:
        m = member(who)
        payload.update(guild_id=str(GUILD_ID), member={k: v for k, v in m.items() if k not in ("user", "permissions")})
    return payload
