"""What a handler is given: a frozen `Context` holding only what handlers may use.

Every command handler, button handler and scheduled job is called as `handler(ctx, request, …)` or
`job(ctx, now)`. The context carries the content (`catalog`), the store, the clock, the settings, the
answering index (`answerer` for task questions, `finder` for definitions and topics), the crisis
lines and local services (`support`) and `/peer help`'s list of commands, read from the command
table. It is built once by `Bot` (`bot.app`), which is the only module that knows every feature: a
feature imports this module, never `bot.app` nor (see tests/test_architecture.py) another feature.

Handlers still name the parameter `bot`: renaming it would touch every store call, which are being
retyped separately; the type says what it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.answering.answerer import Answerer
from bot.answering.topics import TopicFinder
from bot.content.catalog import Catalog
from bot.content.resources import Resources
from bot.messages import Post
from bot.ports import Clock, Store
from bot.settings import Settings


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    store: Store
    clock: Clock
    settings: Settings
    answerer: Answerer      # task questions: the answering index and the leaning drawn from it
    finder: TopicFinder     # definitions and topics
    support: Resources      # crisis lines and local services (content/support/)
    help_lines: tuple[str, ...] = ()  # `/peer help`'s list, one line per row of the command table

    def claim(self, posts: list[Post]) -> list[Post]:
        """Claim posts for delivery; returns those nobody claimed before (at most once).

        The one claim path (`bot.delivery.outbox.claim_posts`): scheduled work claims its runs here inside its
        own transaction, and `Bot.handle` claims the posts a request produced, so an adapter only
        ever sends posts already claimed."""
        # Imported here: the outbox brings asyncio (and ssl), 25 ms that `peerbot ask` never needs.
        from bot.delivery.outbox import claim_posts  # noqa: PLC0415

        return claim_posts(self.store, self.clock, posts)
