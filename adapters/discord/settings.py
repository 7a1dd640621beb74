"""Discord's settings: the bot token and the facilitator role. Read from the environment with the
core's (`adapters.settings.AppSettings`)."""
from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr

from bot.settings import EnvSettings


class DiscordSettings(EnvSettings):
    discord_token: SecretStr | None = Field(None, validation_alias=AliasChoices("DISCORD_TOKEN"),
                                            description="Discord bot token.")
    discord_facilitator_role: str = Field("", validation_alias=AliasChoices("DISCORD_FACILITATOR_ROLE"),
                                          description="Name of a Discord role whose members are facilitators.")
