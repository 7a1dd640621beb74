"""peerbot on Discord, through discord.py.

`inbound` (Discord → core requests) and `render` (core replies → Discord JSON) are pure; `respond`
answers interactions and messages; `transport` delivers the outbox's posts; `client` holds the
discord.py client, the `/peer` tree and the dynamic button, and `DiscordPlatform`, which the runner
starts; `sync` registers the commands (`peerbot discord sync`); `doctor` checks the configuration.

Nothing is imported here eagerly, so `peerbot doctor` does not load discord.py to check settings.
"""
from __future__ import annotations

from typing import Any

__all__ = ["DiscordPlatform", "sync_commands"]


def __getattr__(name: str) -> Any:
    if name == "DiscordPlatform":
        from adapters.discord.platform import DiscordPlatform

        return DiscordPlatform
    if name == "sync_commands":
        from adapters.discord.sync import sync_commands

        return sync_commands
    raise AttributeError(name)
