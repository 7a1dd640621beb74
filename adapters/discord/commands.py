"""`/peer`: one slash-command group with a subcommand for every command the core's router knows.

The subcommands, their descriptions and their option hints are read from the core's command table
(`bot.router.COMMANDS`), so a command added to the core appears here after the next `peerbot discord
sync`. Each takes one free-text option, `text`, and becomes the core command `"<name> <text>"`,
exactly as if typed in a chat; a command that takes nothing (`help`, `topics`…) has no option at all.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Iterable

import discord
from discord import app_commands

from adapters.discord import limits as L
from adapters.discord.complete import SOURCES, suggestions
from bot import router
from bot.content.catalog import Catalog

log = logging.getLogger("peerbot.discord")

OnCommand = Callable[[discord.Interaction, str, str], Awaitable[None]]
NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
GROUP_DESCRIPTION = "peerbot: peer-role questions, co-reflection and scenario discussions"
# What each command does, and what its text option is for, from the core's command table (None: the
# command takes no text, so Discord shows no option at all rather than an optional one that does nothing).
DESCRIPTIONS: dict[str, tuple[str, str | None]] = {
    name: (row.described()[:1].upper() + row.described()[1:], row.hint or None)
    for name, row in router.COMMANDS.items()
}


def command_names(commands: Iterable[str]) -> list[str]:
    """The router's commands that Discord accepts as subcommand names, at most 25."""
    names = []
    for name in commands:
        if not NAME.match(name):
            log.warning("/peer %s: not a valid Discord subcommand name; left out", name)
        elif len(names) == 25:
            log.warning("/peer %s: Discord allows 25 subcommands; left out", name)
        else:
            names.append(name)
    return names


def peer_group(commands: Iterable[str], on_command: OnCommand, catalog: Callable[[], Catalog]) -> app_commands.Group:
    group = app_commands.Group(
        name="peer", description=GROUP_DESCRIPTION,
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=False),
        allowed_installs=app_commands.AppInstallationType(guild=True, user=False))
    for name in command_names(commands):
        group.add_command(_subcommand(name, on_command, catalog))
    return group


def _subcommand(name: str, on_command: OnCommand, catalog: Callable[[], Catalog]) -> app_commands.Command:
    description, hint = DESCRIPTIONS.get(name, (f"peerbot {name}", "Details"))
    if hint is None:
        async def bare(interaction: discord.Interaction) -> None:
            await on_command(interaction, name, "")

        return app_commands.Command(name=name, description=L.clip(description, L.COMMAND_DESCRIPTION), callback=bare)

    @app_commands.describe(text=L.clip(hint, L.COMMAND_DESCRIPTION))
    async def run(interaction: discord.Interaction, text: str = "") -> None:
        await on_command(interaction, name, text)

    command = app_commands.Command(name=name, description=L.clip(description, L.COMMAND_DESCRIPTION), callback=run)
    if name in SOURCES:
        @command.autocomplete("text")
        async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=shown, value=value)
                    for shown, value in suggestions(catalog(), name, current)]
    return command
