"""The bot: the one module that knows every feature, composing them behind one entry point.

`Bot.handle` is the one entry point for every request from every adapter. Every request passes the
safety screen (`bot.safety.screen.screen`, crisis language and identifying details) and `handle` composes
the crisis reply and the answer from what it heard. A command's role is checked here, once, from its
row in the command table (`bot.router.COMMANDS`), behind the screen so that crisis words are answered
whoever typed them. Handlers receive the frozen `Context` (`bot.context`), never the `Bot`. Every
post `handle` and `tick` return is already claimed for delivery (`Context.claim`): adapters only
send. It never lets an exception reach a person: a `UserError` becomes a private, kind reply;
anything else is logged with a short reference and the person gets an apology with that reference.
"""
from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from bot import bounds, router
from bot.actions import Expired, decode
from bot.answering import asking
from bot.answering.answerer import Answerer
from bot.answering.topics import TopicFinder
from bot.commands import Row, help_lines
from bot.content.catalog import Catalog
from bot.content.resources import load_resources
from bot.context import Context
from bot.errors import PeerbotError, UserError, storage_problem
from bot.home import home_reply
from bot.messages import Command, Message, Outcome, Post, Press, Reply
from bot.people import roles, sharing
from bot.ports import Clock, Store
from bot.safety import screen as safety
from bot.schedules import chat as schedules
from bot.schedules import outcomes as schedule_outcomes
from bot.settings import Settings

log = logging.getLogger("peerbot")
# A message with only a file or an image: the same short answer on every platform, not the help.
ONLY_FILES = ("I can only read text, so I haven't opened what you attached (and I don't keep it). Type your "
              "question as a message, or \"/peer help\" to see what I can do.")


def _checked(row: Row) -> Callable[..., list[Message]]:
    """The row's handler behind the row's role check (the one place a command's role is checked)."""
    def run(bot: Context, req: Command, text: str) -> list[Message]:
        roles.check(bot, req, row.need(text))
        return row.handler(bot, req, text)
    return run


@dataclass
class Bot:
    """Composes the features: builds the `Context` every handler receives, routes each request to
    its handler behind the safety screen and the role check, and claims the posts it hands out."""

    catalog: Catalog
    store: Store
    clock: Clock
    settings: Settings
    context: Context = field(init=False)

    def __post_init__(self) -> None:
        self.context = Context(
            catalog=self.catalog, store=self.store, clock=self.clock, settings=self.settings,
            answerer=Answerer(self.catalog, cache=self.settings.content_dir / ".cache"),
            finder=TopicFinder(self.catalog),
            support=load_resources(self.settings.content_dir, self.settings.region),
            help_lines=tuple(help_lines(router.COMMANDS)))

    # Read by tests, benchmarks and the command line; handlers get them from the context.
    answerer = property(lambda self: self.context.answerer)
    finder = property(lambda self: self.context.finder)
    support = property(lambda self: self.context.support)

    def claim(self, posts: list[Post]) -> list[Post]:
        """Claim posts for delivery (`Context.claim`, the one claim path)."""
        return self.context.claim(posts)

    def tick(self, now: datetime | None = None, only: int | None = None) -> list[Post]:
        """Everything due at `now` (schedules, scenario timers), already claimed."""
        now = now or self.clock.now()
        posts = schedules.tick(self.context, now, only)
        if only is None:
            for job in router.TIMERS:
                posts += job(self.context, now)
        return posts

    def delivered(self, results: Iterable[schedule_outcomes.Delivery]) -> list[Post]:
        """Record what became of scheduled posts; returns the notices to send their makers, claimed."""
        return schedule_outcomes.after_delivery(self.context, results)

    def home(self, platform: str, workspace: str) -> Reply:
        """The home view (Slack's App Home) with the workspace's schedules."""
        return home_reply(schedules.visible(self.context, platform, workspace))

    def handle(self, request: Command | Press) -> Outcome:
        """The answer to one request, its posts already claimed (adapters only send them)."""
        # Cut to length before any pattern runs, the safety screen's included (bot.bounds).
        original = request
        request, cut = bounds.bound(request)
        # What was cut is still read for crisis language, and for nothing else.
        beyond = bounds.cut_off(original, request) if cut is not None else ""
        try:
            messages = self._answer(request, beyond)
            posts = [m for m in messages if isinstance(m, Post)]
            if posts:
                ours = {p.key for p in self.context.claim(posts)}
                messages = [m for m in messages if not isinstance(m, Post) or m.key in ours]
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

    def _answer(self, request: Command | Press, beyond: str = "") -> list[Message]:
        ctx = self.context
        if isinstance(request, Command):
            if request.files and not request.text.strip():
                return [Reply(ONLY_FILES, private=True)]
            verb, rest = router.split(request.text)
            handler = _checked(router.COMMANDS[verb])
            # A question asked by slash command in a channel is answered privately (bot.people.sharing).
            if sharing.asked_quietly(ctx, request, verb):
                handler = sharing.privately(handler)
            return self.screened(request, verb, rest, lambda: handler(ctx, request, rest), beyond)
        try:
            verb = decode(request.action)[0]
        except PeerbotError:
            verb = ""
        return self.screened(request, verb, "", lambda: self._pressed(request), beyond)

    def screened(self, request: Command | Press, verb: str, text: str,
                 run: Callable[[], list[Message]], beyond: str = "") -> list[Message]:
        """`run()`'s answer to `request` (its command word `verb`, its words after it `text`) behind
        the safety screen: crisis support instead, or the answer with its note and reminder."""
        screening = safety.screen(safety.written(request, text), beyond)
        if screening.crisis:
            # Only a confident answer to a question follows the crisis reply; no other command runs.
            return safety.crisis_replies(self.context, request, screening,
                                         lambda: asking.confident(self.context, request, verb, screening.rest))
        return safety.annotated(self.context, request, verb, screening, run())

    def _pressed(self, request: Press) -> list[Message]:
        verb, args = decode(request.action)
        handler = router.ACTIONS.get(verb)
        if handler is None:
            raise Expired()
        return handler(self.context, request, args)
