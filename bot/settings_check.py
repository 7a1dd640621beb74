"""Settings that cannot work, said in one line that names the setting, before anything starts.

`load()` reads the settings as `Settings()` does and turns pydantic's validation error (a
traceback from every `peerbot` command when, say, `PEERBOT_RETENTION_DAYS=abc`) into
`SettingsProblem`; `problems()` then finds values that parse but cannot work: an empty
`PEERBOT_DB` (SQLite would quietly use a temporary database that vanishes on exit), a path that
loops through symlinks or is a folder, a port outside 0-65535, an unknown log level, negative
durations. `peerbot doctor` lists them all; every other command stops at the first.
"""
from __future__ import annotations

import errno
import logging
import os
from typing import Any

from pydantic import ValidationError

from bot.settings import Settings

# The environment variable for each field, to name it the way the person set it.
ENV = {name: field.validation_alias.choices[0] for name, field in Settings.model_fields.items()
       if field.validation_alias is not None}


class SettingsProblem(Exception):
    """A setting that cannot work; the message is one line that names it."""


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:40] + "…")


def load(**overrides: Any) -> Settings:
    """The settings, or `SettingsProblem` naming the first one that does not parse."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        first = e.errors()[0]
        if first["type"] == "value_error":
            # A validator's own message already names the setting and what would work: say it as written.
            raise SettingsProblem(str(first["msg"]).removeprefix("Value error, ")) from None
        name = str(first["loc"][0]) if first["loc"] else "a setting"
        name = ENV.get(name, name)
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
    if not 0 <= settings.port <= 65535:
        found.append(f"PORT={settings.port} cannot be used: a port is a number from 1 to 65535.")
    if not isinstance(logging.getLevelName(settings.log_level.upper()), int):
        found.append(f"PEERBOT_LOG_LEVEL={_shown(settings.log_level)} cannot be used: it should be DEBUG, INFO, "
                     "WARNING or ERROR.")
    for name in ("grace_minutes", "reveal_minutes", "retention_days"):
        if getattr(settings, name) < (1 if name == "retention_days" else 0):
            found.append(f"{ENV[name]}={getattr(settings, name)} cannot be used: it should be a positive number.")
    return found


def checked(**overrides: Any) -> Settings:
    """The settings, or `SettingsProblem` with the first problem `load` or `problems` finds."""
    settings = load(**overrides)
    found = problems(settings)
    if found:
        raise SettingsProblem(found[0])
    return settings
