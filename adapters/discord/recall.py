"""Finding a post that may already be out: the outbox asks before sending again after a failure
left it unclear (a lost response, an outage, a crash).

Two places to look. The gateway shows the bot its own new messages with their nonces; the last
couple of thousand are remembered. After a restart that memory is empty, and Discord does not
return nonces in channel history, so the channel's recent messages are compared with what the
post renders to: the bot's own, since the post was due, with the same text, embed and buttons.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import discord

from adapters.discord.render import Json

HISTORY = 50  # messages to look back through
UNDATED = timedelta(hours=6)  # how far back to look for a post with no due time
Fingerprint = tuple[str, str, str, tuple[str, ...]]


def fingerprint(message: Json) -> Fingerprint:
    embed = (message.get("embeds") or [{}])[0]
    buttons = tuple(b["custom_id"] for row in message.get("components", []) for b in row["components"])
    return ((message.get("content") or "").strip(), embed.get("title", ""), embed.get("description", "")[:200],
            buttons)


def fingerprint_of(message: discord.Message) -> Fingerprint:
    embed = message.embeds[0] if message.embeds else None
    buttons = tuple(getattr(c, "custom_id", "") or "" for row in message.components
                    for c in getattr(row, "children", ()))
    return ((message.content or "").strip(), (embed.title or "") if embed else "",
            (embed.description or "")[:200] if embed else "", buttons)


class Recall:
    def __init__(self, remember: int = 2048):
        self.remember = remember
        self._seen: OrderedDict[str, int] = OrderedDict()  # nonce -> message id

    def saw(self, message: discord.Message) -> None:
        """Note one of our own messages the gateway showed us, by its nonce."""
        if message.nonce is not None:
            self._seen[str(message.nonce)] = message.id
            while len(self._seen) > self.remember:
                self._seen.popitem(last=False)

    def seen(self, nonces: list[str]) -> list[int | None]:
        return [self._seen.get(n) for n in nonces]

    async def in_history(self, client: discord.Client, channel: int, messages: list[Json],
                         due_at: str) -> list[int | None]:
        """The id of each message in `messages` found among the channel's recent ones, or None."""
        since = (datetime.fromisoformat(due_at) - timedelta(minutes=1) if due_at
                 else datetime.now(UTC) - UNDATED)
        wanted = [fingerprint(m) for m in messages]
        found: list[int | None] = [None] * len(messages)
        me = client.user.id if client.user else 0
        try:
            async for m in client.get_partial_messageable(channel).history(limit=HISTORY, after=since):
                if m.author.id != me:
                    continue
                mark = fingerprint_of(m)
                for i, w in enumerate(wanted):
                    if found[i] is None and w == mark:
                        found[i] = m.id
                        break
        except discord.NotFound:
            pass
        return found
