"""Button ids as versioned data: `v1:verb:arg:arg`, at most 100 characters (Discord's limit).

A button on a week-old message must still work after a restart, so everything a press needs is in
its id or in the store, never in memory. An id from an unknown version gets a kind "this button has
expired" reply rather than a crash.
"""
from __future__ import annotations

from bot.errors import UserError

VERSION = "v1"
MAX_LENGTH = 100


class Expired(UserError):
    def __init__(self) -> None:
        super().__init__("That button has expired. Ask me again and I'll give you a fresh one.")


def encode(verb: str, *args: str | int) -> str:
    parts = [VERSION, verb, *(str(a) for a in args)]
    if any(":" in p for p in parts[1:]):
        raise ValueError(f"':' is not allowed in action parts: {parts}")
    action = ":".join(parts)
    if len(action) > MAX_LENGTH:
        raise ValueError(f"action id over {MAX_LENGTH} characters: {action}")
    return action


def decode(action: str) -> tuple[str, list[str]]:
    parts = action.split(":")
    if len(parts) < 2 or parts[0] != VERSION or not parts[1]:
        raise Expired()
    return parts[1], parts[2:]
