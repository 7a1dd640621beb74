"""`peerbot doctor`, the Discord part: is there a token, does it look like one, and how to invite the bot.

Offline and secret-free: the token is only described (set, and shaped like a bot token). Its first
segment is the bot's user id, which is public and is what the invite link needs. Without a token
there is nothing to check, and the section stays silent.
"""
from __future__ import annotations

import base64
import binascii
import re
from importlib import metadata

from adapters.discord.settings import DiscordSettings

Row = tuple[str, bool, str]
TOKEN = re.compile(r"^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")
# View Channels, Send Messages, Embed Links, Read Message History, Create Public Threads,
# Send Messages in Threads.
PERMISSIONS = sum(1 << bit for bit in (10, 11, 14, 16, 35, 38))


def bot_id(token: str) -> str | None:
    """The bot's user id, from the token's first segment (base64 of the id); None if it is not one."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return decoded if decoded.isdigit() else None


def invite_link(client_id: str) -> str:
    return (f"https://discord.com/oauth2/authorize?client_id={client_id}"
            f"&scope=bot+applications.commands&permissions={PERMISSIONS}")


def discord_checks(settings: DiscordSettings) -> list[Row]:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        # Nothing to check: a Slack-only or terminal-only setup is complete without Discord.
        return []
    rows: list[Row] = []
    client_id = bot_id(token) if TOKEN.match(token) else None
    if client_id is None:
        rows.append(("DISCORD_TOKEN looks like a bot token", False,
                     "set, but it is not shaped like a bot token (three dot-separated parts); copy it again from "
                     "the Developer Portal: your application, Bot, Reset Token"))
    else:
        rows.append(("DISCORD_TOKEN set", True, f"set, for the bot with id {client_id}"))
        rows.append(("Discord invite link", True, invite_link(client_id)))
    try:
        version = metadata.version("discord.py")
    except metadata.PackageNotFoundError:
        version = ""
    major_minor = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    rows.append(("discord.py installed", major_minor >= (2, 7),
                 f"discord.py {version}" if version else "not installed: run `make run` or pip install -e ."))
    role = settings.discord_facilitator_role.strip()
    rows.append(("Discord facilitators", True,
                 (f"members with the role {role!r}, " if role else "") + "members who can manage the channel, and "
                 "server administrators"))
    rows.append(("Discord commands", True, "registered only on request: run `peerbot discord sync` after changes "
                                           "(`--guild ID` to try them in one server at once)"))
    return rows
