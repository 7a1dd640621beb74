"""The core's settings, declared once with their defaults and help text.

Read from the environment and from `.env` (`EnvSettings`, below); nothing is read at import time.
Each platform's settings (tokens, ports, facilitator groups) live with its adapter and are read
together with these by `adapters.settings.AppSettings`; secrets there are `SecretStr`, so they never
show in a repr, a log line or `peerbot doctor`.

The content folder defaults to the `content` package's files, found through `importlib.resources`:
the checkout's `content/` when run from one, the installed package data otherwise.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator


def packaged_content() -> Path:
    """The content that ships with peerbot (package data of `content`, see pyproject.toml)."""
    return Path(str(resources.files("content")))


class EnvSettings(BaseModel):
    """Settings read, highest first, from keyword arguments, environment variables, the `.env` file
    (`_env_file`; None reads none) and the defaults, each field from the variable its
    `validation_alias` names (or its own name), matched whatever its case; extra variables ignored.

    This is the precedence and matching pydantic-settings gives, for the kinds of field peerbot
    has (strings, numbers, paths, secrets: none parsed as JSON), without importing pydantic-settings:
    it brings asyncio, ssl and its sources, 60 ms of every start, `peerbot ask`'s included.
    Validation is pydantic's own, so errors and validators are unchanged."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    def __init__(self, _env_file: str | Path | None = ".env", **values: Any) -> None:
        super().__init__(**_gathered(type(self), _env_file, values))


def _variables(cls: type[BaseModel]) -> dict[str, str]:
    """Each environment variable a field reads (lower case) and the field's name."""
    names: dict[str, str] = {}
    for name, field in cls.model_fields.items():
        alias = field.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias if alias is not None else name]
        for choice in choices:
            if isinstance(choice, str):
                names.setdefault(choice.lower(), name)
    return names


def _gathered(cls: type[BaseModel], env_file: str | Path | None, given: dict[str, Any]) -> dict[str, Any]:
    names = _variables(cls)
    found: dict[str, Any] = {}
    if env_file is not None and Path(env_file).expanduser().is_file():
        from dotenv import dotenv_values  # noqa: PLC0415 (only when there is a .env to read)

        for key, value in dotenv_values(Path(env_file).expanduser(), encoding="utf-8").items():
            if value is not None and key.lower() in names:  # a bare KEY line sets nothing
                found[names[key.lower()]] = value
    for key, value in os.environ.items():
        if key.lower() in names:
            found[names[key.lower()]] = value
    for key, value in given.items():  # by field name, or by the variable's name
        found[key if key in cls.model_fields else names.get(key.lower(), key)] = value
    return found


class Settings(EnvSettings):

    db: str = Field("peerbot.db", validation_alias=AliasChoices("PEERBOT_DB"),
                    description="SQLite database file (created when missing).")
    database_url: SecretStr | None = Field(
        None, validation_alias=AliasChoices("PEERBOT_DATABASE_URL"),
        description="A PostgreSQL database (postgresql://user:password@host/dbname) instead of the SQLite file, "
                    "for several workers sharing one database. Empty: SQLite (PEERBOT_DB).")
    content_dir: Path = Field(default_factory=packaged_content, validation_alias=AliasChoices("PEERBOT_CONTENT"),
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

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        # The default zone is the operator's setting: an unknown one stops start-up in one line here,
        # rather than surfacing later as a facilitator's "unknown time zone".
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

        name = value.strip()
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"PEERBOT_TIMEZONE={name}: not a time zone this machine knows; give an IANA name "
                             "such as America/Toronto, Europe/London or Australia/Sydney") from None
        return name

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        # Only the scheme is checked here (the URL may hold a password, so it is never echoed back);
        # whether the server answers is for the first connection to say.
        if value is None or not value.get_secret_value().strip():
            return None
        url = value.get_secret_value().strip()
        if not url.startswith(("postgresql://", "postgres://")):
            raise ValueError("PEERBOT_DATABASE_URL must be a PostgreSQL URL starting with postgresql:// "
                             "(such as postgresql://peerbot:secret@db.internal/peerbot); leave it empty for SQLite")
        return SecretStr(url)

    @model_validator(mode="after")
    def _known_holidays(self) -> "Settings":
        # An unknown calendar is the operator's configuration error: refuse to start, in one line.
        if self.holidays.strip():
            from bot.errors import NotUnderstood  # noqa: PLC0415
            from bot.schedules.calendar_days import default_country, resolve  # noqa: PLC0415

            try:
                resolve(self.holidays, default_country(self.region))
            except NotUnderstood as e:
                raise ValueError(f"PEERBOT_HOLIDAYS={self.holidays}: {e}") from None
        return self
