"""`/peer`: one slash-command group with a subcommand for every command the core's router knows.

The subcommands are read from `bot.router.COMMANDS` when the client is built, so a command added
to the core appears here after the next `peerbot discord sync`. Each takes one free-text option,
`text`, and becomes the core command `"<name> <text>"`, exactly as if typed in a chat; a command
that takes nothing (`help`, `topics`…) has no option at all.
"""
from __future__ import annotations

import logging
import re
from typing import Awaitable, Callable, Iterable

import discord
from discord import app_commands

from adapters.discord import limits as L
from adapters.discord.complete import SOURCES, suggestions
from bot.catalog import Catalog

log = logging.getLogger("peerbot.discord")

OnCommand = Callable[[discord.Interaction, str, str], Awaitable[None]]
NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
GROUP_DESCRIPTION = "peerbot: peer-role questions, co-reflection and scenario discussions"
# What each command does, and what its text option is for (None: the command takes no text, so
# Discord shows no option at all rather than an optional one that does nothing); commands missing
# here still work, with a free-text option.
DESCRIPTIONS: dict[str, tuple[str, str | None]] = {
    "help": ("What peerbot can do", None),
    "task": ("Is this a peer task? Describe what you've been asked to do", "The task, e.g. driving someone to the food bank"),
    "ask": ("Ask about the peer role: words, topics, supervision", "Your question"),
    "topics": ("Everything peerbot can talk about", None),
    "check": ("Talk a task through, one question at a time", "The task (or self-disclosure)"),
    "facilitators": ("List, add or remove facilitators (admins)", "list, add @someone or remove @someone"),
    "audit": ("Recent configuration changes (admins)", None),
    "schedule": ("Schedule prompts or check-ins in this channel (facilitators)",
                 "e.g. reflection every monday 10:00; leave empty for a form"),
    "schedules": ("This channel's schedules", None),
    "timezone": ("Show or set this channel's time zone", "e.g. America/Toronto"),
    "reflect": ("Post a co-reflection prompt now (facilitators)", "A theme (optional)"),
    "checkin": ("Post a community-of-practice check-in now (facilitators)", None),
    "holidays": ("Which public holidays this channel's schedules skip (facilitators change it)",
                 "A calendar, e.g. ON, US-NY, UK-SCT, IE, off or default"),
    "closed": ("Closures this channel's schedules skip (facilitators mark them)",
               "e.g. 2026-12-24 to 2027-01-02 winter closure; list; remove 1"),
    "scenario": ("Start a scenario discussion (facilitators)", "A scenario id or tag; add timer 10 or no timer"),
    "scenarios": ("The scenarios you can run", None),
    "support": ("Crisis lines and where to find support", "A region (optional), e.g. CA"),
    "region": ("Which region's crisis lines this server sees (facilitators change it)", "A region, e.g. UK, or default"),
    "privacy": ("What peerbot keeps, and what it doesn't", None),
    "forget-me": ("Delete what peerbot keeps about you", None),
    "answers": ("Who sees answers to /peer questions here (admins change it)", "public or private"),
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
