"""Discord interactions and messages into core requests: `/peer`, button presses, modal submissions,
mentions and direct messages.

Who: server administrators are admins; members who can manage the channel, or who hold the role
named in `DISCORD_FACILITATOR_ROLE` (by name or id), are facilitators; everyone else participates.
Where: the server is the workspace (`dm` outside one); a thread is reported as its parent channel
plus the thread, as on Slack, so channel settings and schedules belong to the channel.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import discord

from bot.messages import Command, Press, Role, Where, Who

PLATFORM = "discord"
THREADS = {discord.ChannelType.public_thread, discord.ChannelType.private_thread, discord.ChannelType.news_thread}


def role_for(*, administrator: bool, manage_channels: bool, roles: Iterable[tuple[int, str]],
             facilitator_role: str) -> Role:
    """The core role for what Discord says about a member; `roles` are (id, name) pairs."""
    if administrator:
        return Role.ADMIN
    wanted = facilitator_role.strip()
    named = bool(wanted) and any(name == wanted or str(rid) == wanted for rid, name in roles)
    return Role.FACILITATOR if manage_channels or named else Role.PARTICIPANT


def where_for(guild_id: int | None, channel_id: int | None, channel: Any = None) -> Where:
    if guild_id is None:
        return Where(PLATFORM, "dm", str(channel_id), is_dm=True)
    if getattr(channel, "type", None) in THREADS and getattr(channel, "parent_id", None):
        return Where(PLATFORM, str(guild_id), str(channel.parent_id), thread=str(channel_id))
    return Where(PLATFORM, str(guild_id), str(channel_id))


def _member_roles(user: Any) -> list[tuple[int, str]]:
    # The server's roles are cached from GUILD_CREATE (the default intents include guilds).
    return [(r.id, r.name) for r in getattr(user, "roles", []) if not r.is_default()]


def who_for(user: Any, permissions: discord.Permissions | None, facilitator_role: str, *, in_guild: bool) -> Who:
    name = getattr(user, "display_name", "") or getattr(user, "name", "")
    if not in_guild or permissions is None:
        return Who(str(user.id), Role.PARTICIPANT, name)
    guild = getattr(user, "guild", None)
    owner = guild is not None and getattr(guild, "owner_id", None) == user.id
    role = role_for(administrator=permissions.administrator or owner, manage_channels=permissions.manage_channels,
                    roles=_member_roles(user), facilitator_role=facilitator_role)
    return Who(str(user.id), role, name)


def _from_interaction(interaction: discord.Interaction, facilitator_role: str) -> tuple[Who, Where]:
    in_guild = interaction.guild_id is not None
    who = who_for(interaction.user, interaction.permissions if in_guild else None, facilitator_role, in_guild=in_guild)
    return who, where_for(interaction.guild_id, interaction.channel_id, interaction.channel)


def command(interaction: discord.Interaction, name: str, text: str, facilitator_role: str) -> Command:
    """`/peer <name> <text>` as the core's command text."""
    who, where = _from_interaction(interaction, facilitator_role)
    return Command(text=f"{name} {text or ''}".strip(), who=who, where=where, via="command")


def press(interaction: discord.Interaction, action: str, facilitator_role: str) -> Press:
    who, where = _from_interaction(interaction, facilitator_role)
    return Press(action=action, who=who, where=where)


def form_values(components: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    """(field id, value) for every text input of a submitted modal, in order, whether Discord
    wrapped each in an action row or in a label."""
    values: list[tuple[str, str]] = []
    for component in components:
        if "value" in component and "custom_id" in component:
            values.append((component["custom_id"], str(component["value"]).strip()))
        inner = component.get("components") or ([component["component"]] if "component" in component else [])
        values.extend(form_values(inner))
    return tuple(values)


def submission(interaction: discord.Interaction, facilitator_role: str) -> Press:
    """A modal submission: its custom id is the form's `submit` action."""
    data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
    who, where = _from_interaction(interaction, facilitator_role)
    return Press(action=str(data.get("custom_id", "")), who=who, where=where,
                 values=form_values(list(data.get("components", []))))


def _strip_mentions(content: str, bot_id: int) -> str:
    return re.sub(rf"<@!?{bot_id}>", " ", content).strip()


def message(msg: discord.Message, bot_id: int, facilitator_role: str) -> Command | None:
    """A direct message, or a message that mentions the bot; None for anything else (including
    other bots, and the bot itself)."""
    if msg.author.bot or msg.author.id == bot_id:
        return None
    if msg.guild is None:
        where = where_for(None, msg.channel.id)
        return Command(text=msg.content.strip(), who=who_for(msg.author, None, facilitator_role, in_guild=False),
                       where=where, via="dm", files=bool(msg.attachments))
    if not any(u.id == bot_id for u in msg.mentions):
        return None
    permissions_for = getattr(msg.channel, "permissions_for", None)
    permissions = permissions_for(msg.author) if permissions_for and isinstance(msg.author, discord.Member) else None
    who = who_for(msg.author, permissions, facilitator_role, in_guild=True)
    return Command(text=_strip_mentions(msg.content, bot_id), who=who,
                   where=where_for(msg.guild.id, msg.channel.id, msg.channel), via="mention")


def peer_options(data: dict[str, Any] | None) -> tuple[str, str] | None:
    """(subcommand, text) straight from a `/peer` interaction's data, for a command Discord still
    shows but this version no longer registers (until the next `peerbot discord sync`)."""
    if not data or data.get("name") != "peer" or not data.get("options"):
        return None
    sub = data["options"][0]
    text = " ".join(str(o.get("value", "")) for o in sub.get("options", []) if o.get("type") == 3)
    return str(sub.get("name", "")), text
