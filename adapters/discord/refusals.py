"""Discord's reasons for not posting, as the core's (`bot.delivery.reach`), and a look before posting.

Discord refuses a message with an HTTP status and a JSON error code (discord.com/developers/docs/
topics/opcodes-and-status-codes, "JSON Error Codes"): 403 with 50001 Missing Access (the bot cannot
see the channel) or 50013 Missing Permissions (it may see but not send), 404 with 10003 Unknown
Channel (deleted), 400 with 50083 (the thread is archived). `can_post` reads the bot's permissions in
a channel from what Discord already sent: an interaction's `app_permissions` (documented on the
Interaction object as the bot's permissions in the channel the interaction came from), or the
cached channel's permissions for the bot's member, so checking costs no request.
"""
from __future__ import annotations

import discord

from bot.delivery import reach

MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_CHANNEL, THREAD_ARCHIVED = 50001, 50013, 10003, 50083


def reason_for(error: discord.HTTPException) -> str | None:
    """The core's reason for a refusal; None when it is not about where the bot may post."""
    if error.status == 403 and error.code in (MISSING_ACCESS, MISSING_PERMISSIONS):
        return reach.NO_ACCESS
    if error.status == 404 and error.code == UNKNOWN_CHANNEL:
        return reach.GONE
    if error.code == THREAD_ARCHIVED:
        return reach.ARCHIVED
    return None


def can_post(permissions: discord.Permissions | None) -> str | None:
    """None when these permissions let the bot post (or are unknown), else the reason they do not."""
    if permissions is None:
        return None
    if not (permissions.view_channel and permissions.send_messages):
        return reach.NO_ACCESS
    return None


def for_interaction(interaction: discord.Interaction) -> str | None:
    if interaction.guild_id is None:
        return None  # a DM: the bot can always answer there
    return can_post(interaction.app_permissions)


def for_message(message: discord.Message) -> str | None:
    guild = message.guild
    if guild is None or guild.me is None or not hasattr(message.channel, "permissions_for"):
        return None
    return can_post(message.channel.permissions_for(guild.me))  # type: ignore[union-attr]
