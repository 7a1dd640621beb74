"""Everything `peerbot` reads from the environment: the core's settings (`bot.settings.Settings`)
and each platform's, which live with their adapters (`adapters/slack/settings.py`,
`adapters/discord/settings.py`, `adapters/teams/settings.py`).

`AppSettings` is what the command line loads and hands to the platforms; the core only ever reads
the fields of `Settings`. `load`, `problems` and `checked` are `bot.settings_check`'s, over all of it.
"""
from __future__ import annotations

from typing import Any

from adapters.discord.settings import DiscordSettings
from adapters.slack import settings as slack
from adapters.slack.settings import SlackSettings
from adapters.teams.settings import TeamsSettings
from bot import settings_check
from bot.settings import Settings
from bot.settings_check import SettingsProblem


class AppSettings(Settings, SlackSettings, DiscordSettings, TeamsSettings):
    """The core's settings and every platform's (the core's `model_config`: `.env`, extra keys ignored)."""


def load(**overrides: Any) -> AppSettings:
    """All the settings, or `SettingsProblem` naming the first one that does not parse."""
    return settings_check.load(AppSettings, **overrides)


def problems(settings: AppSettings) -> list[str]:
    """Every setting that parses but cannot work, one line each naming it; empty when all is well."""
    return settings_check.problems(settings) + slack.problems(settings)


def checked(**overrides: Any) -> AppSettings:
    """All the settings, or `SettingsProblem` with the first problem `load` or `problems` finds."""
    settings = load(**overrides)
    found = problems(settings)
    if found:
        raise SettingsProblem(found[0])
    return settings
