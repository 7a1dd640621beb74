"""Every setting peerbot reads, declared once with its default and help text.

Read from the environment and from `.env` (pydantic-settings); nothing is read at import time.
Secrets are `SecretStr`, so they never show in a repr, a log line or `peerbot doctor`.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    db: str = Field("peerbot.db", validation_alias=AliasChoices("PEERBOT_DB"),
                    description="SQLite database file (created when missing).")
    content_dir: Path = Field(ROOT / "content", validation_alias=AliasChoices("PEERBOT_CONTENT"),
                              description="Folder of content files.")
    timezone: str = Field("America/Toronto", validation_alias=AliasChoices("PEERBOT_TIMEZONE"),
                          description="Default IANA time zone for channels that have not set one.")
    grace_minutes: int = Field(60, validation_alias=AliasChoices("PEERBOT_GRACE_MINUTES"),
                               description="A scheduled post missed by less than this is still posted once.")
    lease_seconds: int = Field(60, ge=1, validation_alias=AliasChoices("PEERBOT_LEASE_SECONDS"),
                               description="How long a worker holds a post it is sending without renewing; "
                                           "another worker takes over a dead worker's posts after this.")
    reveal_minutes: int = Field(20, validation_alias=AliasChoices("PEERBOT_REVEAL_MINUTES"),
                                description="Default delay before a scenario's responses are revealed.")
    region: str = Field("CA", validation_alias=AliasChoices("PEERBOT_REGION"),
                        description="Default region for crisis lines (CA, US, UK, IE, AU, NZ).")
    holidays: str = Field("", validation_alias=AliasChoices("PEERBOT_HOLIDAYS"),
                          description="Default public-holiday calendar for schedules: a province or state of "
                                      "PEERBOT_REGION's country (ON, BC), a full code (US-NY, UK-SCT, AU-NSW, IE, NZ), "
                                      "or off. Empty: PEERBOT_REGION's country-wide holidays.")
    support_contact: str = Field("", validation_alias=AliasChoices("PEERBOT_SUPPORT_CONTACT"),
                                 description="Whom the bot may let know, only when a person asks it to: a user id "
                                             "(sent as a direct message) or a channel id; prefix @ for a person, # for a "
                                             "channel, and slack: or discord: when running both, comma-separated.")
    support_contact_name: str = Field("your support contact", validation_alias=AliasChoices("PEERBOT_SUPPORT_CONTACT_NAME"),
                                      description="How the crisis reply names that contact (\"the on-call supervisor\").")
    retention_days: int = Field(90, validation_alias=AliasChoices("PEERBOT_RETENTION_DAYS"),
                                description="Days to keep closed tallies and delivery records.")
    log_level: str = Field("INFO", validation_alias=AliasChoices("PEERBOT_LOG_LEVEL"),
                           description="Logging level.")
    slack_bot_token: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_BOT_TOKEN"),
                                              description="Slack bot token (xoxb-…).")
    slack_app_token: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_APP_TOKEN"),
                                              description="Slack app-level token for Socket Mode (xapp-…).")
    slack_signing_secret: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET"),
                                                   description="Slack signing secret (HTTP mode).")
    slack_facilitator_group: str = Field("", validation_alias=AliasChoices("SLACK_FACILITATOR_GROUP"),
                                         description="Handle of a Slack user group whose members are facilitators.")
    slack_api_url: str = Field("https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"),
                               description="Where the Slack Web API is: Slack's own, or a Slack-compatible "
                                           "endpoint (a company proxy, a test server).")
    port: int = Field(3000, validation_alias=AliasChoices("PORT"),
                      description="Port for Slack HTTP mode.")
    discord_token: SecretStr | None = Field(None, validation_alias=AliasChoices("DISCORD_TOKEN"),
                                            description="Discord bot token.")
    discord_facilitator_role: str = Field("", validation_alias=AliasChoices("DISCORD_FACILITATOR_ROLE"),
                                          description="Name of a Discord role whose members are facilitators.")
    teams_app_id: str = Field("", validation_alias=AliasChoices("TEAMS_APP_ID"),
                              description="Microsoft Teams: the Azure Bot's Microsoft App ID (a GUID).")
    teams_app_password: SecretStr | None = Field(None, validation_alias=AliasChoices("TEAMS_APP_PASSWORD"),
                                                 description="Microsoft Teams: the app registration's client secret; "
                                                             "empty with TEAMS_APP_ID set means managed identity.")
    teams_tenant_id: str = Field("", validation_alias=AliasChoices("TEAMS_TENANT_ID"),
                                 description="Microsoft Teams: the Entra tenant (directory) ID of the single-tenant bot.")
    teams_facilitator_group: str = Field("", validation_alias=AliasChoices("TEAMS_FACILITATOR_GROUP"),
                                         description="Microsoft Teams: object ID of an Entra ID group whose members "
                                                     "are facilitators.")
    teams_port: int = Field(3978, validation_alias=AliasChoices("TEAMS_PORT"),
                            description="Microsoft Teams: port of the messaging endpoint (/api/messages).")

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        # slack-sdk joins method names onto the base URL, so it must end with a slash.
        value = value.strip() or "https://slack.com/api/"
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"SLACK_API_URL={value}: give a full URL, such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _known_holidays(self) -> "Settings":
        # An unknown calendar is the operator's configuration error: refuse to start, in one line.
        if self.holidays.strip():
            from bot.calendar_days import default_country, resolve  # noqa: PLC0415
            from bot.errors import NotUnderstood  # noqa: PLC0415

            try:
                resolve(self.holidays, default_country(self.region))
            except NotUnderstood as e:
                raise ValueError(f"PEERBOT_HOLIDAYS={self.holidays}: {e}") from None
        return self
