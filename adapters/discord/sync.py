"""`peerbot discord sync [--guild ID]`: register `/peer` with Discord, explicitly.

Commands are registered on request, never on every start (Discord rate-limits registration, and a
global change can take a while to reach every server). With a server id the commands are registered
for that server only and show up at once, which is the quick way to try a change.
"""
from __future__ import annotations

import discord
from discord import app_commands

from adapters.discord.commands import peer_group
from adapters.discord.platform import client_options
from adapters.discord.settings import DiscordSettings
from bot import router


async def _not_running(interaction: discord.Interaction, name: str, text: str) -> None:
    raise RuntimeError("this client only registers commands")


async def sync_commands(settings: DiscordSettings, guild_id: int | None = None) -> list[str]:
    """Register `/peer` and its subcommands; returns what Discord now has, as "/peer help" lines."""
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise ValueError("DISCORD_TOKEN is not set; `peerbot doctor` says what Discord needs.")
    client = discord.Client(**client_options())
    tree = app_commands.CommandTree(client)
    tree.add_command(peer_group(list(router.COMMANDS), _not_running, lambda: None))  # type: ignore[arg-type,return-value]
    try:
        await client.login(token)
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
        else:
            synced = await tree.sync()
    finally:
        await client.close()
    return [f"/{c.name} {o.name}" for c in synced for o in c.options] or [f"/{c.name}" for c in synced]
