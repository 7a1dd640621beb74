"""discord.py objects from the JSON `render` produces: embeds, a view of buttons, a modal.

Views and modals are stopped before they are sent, so discord.py does not keep them in its view
store: every button press is answered by the one dynamic item in `client.py` (which also works after
a restart), and every modal submission by `on_interaction`; a stored copy would answer twice.
"""
from __future__ import annotations

from typing import Any

import discord

from adapters.discord.render import EPHEMERAL, Json

NO_MENTIONS = discord.AllowedMentions.none()


def view(rows: list[Json]) -> discord.ui.View | None:
    if not rows:
        return None
    built = discord.ui.View(timeout=None)
    for r, row in enumerate(rows):
        for b in row["components"]:
            built.add_item(discord.ui.Button(style=discord.ButtonStyle(b["style"]), label=b["label"],
                                             custom_id=b["custom_id"], disabled=b.get("disabled", False), row=r))
    built.stop()
    return built


def modal(data: Json) -> discord.ui.Modal:
    built = discord.ui.Modal(title=data["title"], custom_id=data["custom_id"], timeout=None)
    for label in data["components"]:
        field = label["component"]
        built.add_item(discord.ui.Label(text=label["label"], component=discord.ui.TextInput(
            custom_id=field["custom_id"], style=discord.TextStyle(field["style"]), required=field["required"],
            max_length=field["max_length"], placeholder=field.get("placeholder"))))
    built.stop()
    return built


def send_kwargs(message: Json) -> dict[str, Any]:
    """Keyword arguments for `Messageable.send`, `InteractionResponse.send_message` and `Webhook.send`;
    callers add `ephemeral` where it applies (`is_private`)."""
    kwargs: dict[str, Any] = {"content": message.get("content"), "allowed_mentions": NO_MENTIONS}
    if message.get("embeds"):
        kwargs["embeds"] = [discord.Embed.from_dict(e) for e in message["embeds"]]
    built = view(message.get("components", []))
    if built is not None:
        kwargs["view"] = built
    return kwargs


def edit_kwargs(message: Json) -> dict[str, Any]:
    """Keyword arguments that replace a message's content, embeds and buttons entirely."""
    kwargs = send_kwargs(message)
    kwargs.setdefault("embeds", [])
    kwargs.setdefault("view", None)
    return kwargs


def is_private(message: Json) -> bool:
    return bool(message.get("flags", 0) & EPHEMERAL)
