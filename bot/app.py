"""The bot: content, answerers, store and clock together behind one entry point.

`Bot.handle` is the one entry point for every request from every adapter. A command's role is
checked here, once, from its row in the command table (`bot.router.COMMANDS`), inside the safety
screen so that crisis words are answered whoever typed them. It never lets an exception reach a
person: a `UserError` becomes a private, kind reply; anything else is logged
with a short reference and the person gets an apology with that reference.
"""
from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot import bounds, roles, router, safety, schedules, sharing
from bot.actions import Expired, decode
from bot.answerer import Answerer
from bot.catalog import Catalog
from bot.commands import Row, help_lines
from bot.errors import UserError, storage_problem
from bot.messages import Command, Outcome, Post, Press, Reply
from bot.outbox import claim_posts
from bot.ports import Clock, Store
from bot.resources import Resources, load_resources
from bot.settings import Settings
from bot.topics import TopicFinder

log = logging.getLogger("peerbot")
# A message with only a file or an image: the same short answer on every platform, not the help.
ONLY_FILES = ("I can only read text, so I haven't opened what you attached (and I don't keep it). Type your "
              "question as a message, or \"/peer help\" to see what I can do.")


def _checked(row: Row) -> Callable[..., list]:
    """The row's handler behind the row's role check (the one place a command's role is checked)."""
    def run(bot: "Bot", req: Command, text: str) -> list:
        roles.check(bot, req, row.need(text))
        return row.handler(bot, req, text)
    return run


@dataclass
class Bot:
    catalog: Catalog
    store: Store
    clock: Clock
    settings: Settings
    answerer: Answerer = field(init=False)
    finder: TopicFinder = field(init=False)
    support: Resources = field(init=False)  # crisis lines and local services (content/support/)

    def __post_init__(self) -> None:
        self.answerer = Answerer(self.catalog, cache=self.settings.content_dir / ".cache")
        self.finder = TopicFinder(self.catalog)
        self.support = load_resources(self.settings.content_dir, self.settings.region)

    def claim(self, posts: list[Post]) -> list[Post]:
        """Claim posts for delivery; returns those nobody claimed before (at most once)."""
        return claim_posts(self.store, self.clock, posts)

    def tick(self, now: datetime | None = None, only: int | None = None) -> list[Post]:
        """Everything due at `now` (schedules, scenario timers), already claimed."""
        now = now or self.clock.now()
        posts = schedules.tick(self, now, only)
        if only is None:
            for job in router.TIMERS:
                posts += job(self, now)
        return posts

    def visible_schedules(self, platform: str, workspace: str) -> list[dict]:
        now = self.clock.now()
        return [schedules.describe(self, row, now) for row in self.store.schedules(workspace=f"{platform}:{workspace}")]

    @property
    def help_lines(self) -> list[str]:
        """`/peer help`'s list of commands, from the command table."""
        return help_lines(router.COMMANDS)

    def handle(self, request: Command | Press) -> Outcome:
        # Cut to length before any pattern runs, the safety screen's included (bot.bounds).
        original = request
        request, cut = bounds.bound(request)
        # What was cut is still read for crisis language, and for nothing else.
        beyond = bounds.cut_off(original, request) if cut is not None else ""
        try:
            # Every request passes the safety screen (crisis language, identifying details) on its way.
            if isinstance(request, Command) and request.files and not request.text.strip():
                messages = [Reply(ONLY_FILES, private=True)]
            elif isinstance(request, Command):
                row, rest = router.route(request)
                handler = _checked(row)
                # A question asked by slash command in a channel is answered privately (bot.sharing).
                if sharing.asked_quietly(self, request, router.split(request.text)[0]):
                    handler = sharing.privately(handler)
                messages = safety.screened(self, request, rest, lambda text: handler(self, request, text), beyond)
            else:
                messages = safety.screened(self, request, "", lambda _: self._pressed(request), beyond)
        except UserError as e:
            messages = [Reply(str(e), private=True)]
        except Exception as e:
            ref = secrets.token_hex(3)
            problem = storage_problem(e)
            if problem:  # a full disk, a lock held too long: say that storage is the cause
                log.error("request failed (ref %s, %s): storage %s (%s)", ref, type(request).__name__, problem, e)
                messages = [Reply(f"Sorry, I couldn't do that: my storage {problem}, so nothing was saved. Please "
                                  f"try again later, and tell whoever runs me (reference {ref}).", private=True)]
            else:
                log.exception("request failed (ref %s, %s)", ref, type(request).__name__)
                messages = [Reply(f"Sorry, something went wrong on my side. If it keeps happening, "
                                  f"mention reference {ref} to whoever runs me.", private=True)]
        if cut is not None:
            messages = [*messages, cut]
        return Outcome(tuple(messages))

    def _pressed(self, request: Press) -> list:
        verb, args = decode(request.action)
        handler = router.ACTIONS.get(verb)
        if handler is None:
            raise Expired()
        return handler(self, request, args)
