"""Where a private card came from, carried in its buttons, signed.

Teams has no message only one person sees in a channel, so a private answer to something asked in
a channel goes to the asker's personal chat. Its buttons must still act for the channel (Share
posts there; a guided check belongs to it), so every button on such a card carries the channel and
thread it answers for, with an HMAC under the store's secret: a press whose `from` does not verify
is treated as pressed in the personal chat, so nobody can aim a button at a channel by editing it.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from bot.messages import Where

KEY = "from"


def _mac(secret: bytes, payload: str) -> str:
    return hmac.new(secret, f"teams-from|{payload}".encode(), hashlib.sha256).hexdigest()[:32]


def stamp(card_activity: dict, secret: bytes, where: Where, conversation: str) -> dict:
    """The activity with every Action.Submit's data carrying `where` and its public conversation."""
    payload = json.dumps([where.workspace, where.channel, where.thread or "", conversation], separators=(",", ":"))
    mark = {"p": payload, "s": _mac(secret, payload)}

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(v) for v in value]
        if not isinstance(value, dict):
            return value
        out = {k: walk(v) for k, v in value.items()}
        if out.get("type") == "Action.Submit" and isinstance(out.get("data"), dict):
            out["data"] = {**out["data"], KEY: mark}
        return out

    return walk(card_activity)


def unstamp(value: Any, secret: bytes, platform: str) -> tuple[Where, str] | None:
    """(the channel's Where, its conversation id) from a verified press, else None."""
    mark = value.get(KEY) if isinstance(value, dict) else None
    if not isinstance(mark, dict) or not isinstance(mark.get("p"), str) or not isinstance(mark.get("s"), str):
        return None
    if not hmac.compare_digest(_mac(secret, mark["p"]), mark["s"]):
        return None
    try:
        workspace, channel, thread, conversation = json.loads(mark["p"])
    except (ValueError, TypeError):
        return None
    return Where(platform, workspace, channel, thread or None), conversation
