"""Settings that cannot work, said in one line that names the setting, before anything starts.

`load(cls)` reads the settings as `cls()` does (`adapters.settings.AppSettings` adds the
platforms' to the core's) and turns pydantic's validation error (a
traceback from every `peerbot` command when, say, `PEERBOT_RETENTION_DAYS=abc`) into
`SettingsProblem`; `problems()` then finds values that parse but cannot work: an empty
`PEERBOT_DB` (SQLite would quietly use a temporary database that vanishes on exit), a path that
loops through symlinks or is a folder, an unknown log level, negative durations (each platform's
adapter checks its own, such as Slack's port: `adapters.settings.problems`). `peerbot doctor` lists
them all; every other command stops at the first.
"""
from __future__ import annotations

import errno
import logging
import os
from typing import Any, TypeVar

from pydantic import AliasChoices, ValidationError

from bot.settings import Settings

S = TypeVar("S", bound=Settings)


def env_names(cls: type[Settings] = Settings) -> dict[str, str]:
    """The environment variable for each field, to name it the way the person set it."""
    names: dict[str, str] = {}
    for name, field in cls.model_fields.items():
        alias = field.validation_alias
        if alias is None:
            continue
        # Every field names its variable with AliasChoices("PEERBOT_..."): a plain string (bot/settings.py).
        assert isinstance(alias, AliasChoices) and isinstance(alias.choices[0], str)
        names[name] = alias.choices[0]
    return names


ENV = env_names()


class SettingsProblem(Exception):
    """A setting that cannot work; the message is one line that names it."""


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:40] + "…")


def load(cls: type[S], **overrides: Any) -> S:
    """The settings `cls` declares, or `SettingsProblem` naming the first one that does not parse."""
    try:
        return cls(**overrides)
    except ValidationError as e:
        first = e.errors()[0]
        if first["type"] == "value_error":
            # A validator's own message already names the setting and what would work: say it as written.
            raise SettingsProblem(str(first["msg"]).removeprefix("Value error, ")) from None
        name = str(first["loc"][0]) if first["loc"] else "a setting"
        name = env_names(cls).get(name, name)
        expected = {"int_parsing": "a whole number", "int_from_float": "a whole number",
                    "bool_parsing": "true or false"}.get(first["type"], first["msg"].lower())
        raise SettingsProblem(f"{name}={_shown(first.get('input', ''))} cannot be used: it should be {expected}.") \
            from None


def _db_problem(path: str) -> str | None:
    if path == ":memory:":
        return None
    if not path.strip():
        return ("PEERBOT_DB is set but empty; set it to a file such as peerbot.db (an empty value would "
                "use a temporary database that is lost on exit).")
    try:
        os.stat(path)
    except FileNotFoundError:
        return None  # created on first use (a missing folder is SQLite's one-line error)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return f"PEERBOT_DB={_shown(path)} cannot be used: its symbolic links loop back on themselves."
        return f"PEERBOT_DB={_shown(path)} cannot be used: {e.strerror}."
    if os.path.isdir(path):
        return f"PEERBOT_DB={_shown(path)} is a folder; give a file inside it, such as {os.path.join(path, 'peerbot.db')}."
    return None


def problems(settings: Settings) -> list[str]:
    """Every setting that parses but cannot work, one line each naming it; empty when all is well."""
    found = [p for p in [_db_problem(settings.db)] if p]
    if not isinstance(logging.getLevelName(settings.log_level.upper()), int):
        found.append(f"PEERBOT_LOG_LEVEL={_shown(settings.log_level)} cannot be used: it should be DEBUG, INFO, "
                     "WARNING or ERROR.")
    for name in ("grace_minutes", "reveal_minutes", "retention_days"):
        if getattr(settings, name) < (1 if name == "retention_days" else 0):
            found.append(f"{ENV[name]}={getattr(settings, name)} cannot be used: it should be a positive number.")
    return found
