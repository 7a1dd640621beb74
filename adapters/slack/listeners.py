"""The Bolt app: which Slack requests peerbot listens to, and the order it answers them in.

Every listener acknowledges first (Slack wants an answer within 3 seconds) and only then works:
who is asking (`SlackRoles`), the core's answer (`bot.handle`, on the core's own thread, so a
database that waits for a lock never delays an acknowledgement), the replies (`answer`), and posts
handed to the outbox in a background task; a reply that says "Posted" waits for Slack to take the
posts, and a refusal is told instead (`bot.delivery.reach`). A form button opens its form before anything
else, inside Slack's trigger window. Bolt runs with `process_before_response=True`: the listeners
only acknowledge and hand off, so the ack goes out as soon as they return rather than on Bolt's
10 ms poll. At most `max_in_flight` answers are under way at once; over that, the ack still goes
out and the person is told kindly that peerbot is busy (a slash command's busy reply rides on the
ack itself), so an overload cannot grow memory without limit. Slack retries an event it thinks was
lost; its `event_id`, remembered in the database for an hour (`adapters.slack.gate.remember_event`),
drops the repeats before any listener sees them, across a restart too.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters import core_worker
from adapters.background import BackgroundWork
from adapters.core_worker import CoreWorker
from adapters.slack import inbound, refusals
from adapters.slack.gate import BUSY, DEDUPE_WAIT, remember_event
from adapters.slack.inbound import Origin
from adapters.slack.render import FORM_CALLBACK, OPEN_FORM, load_form, to_home, to_modal
from adapters.slack.reply import answer
from adapters.slack.roles import SlackRoles
from adapters.slack.transport import error_code
from bot.app import Bot
from bot.delivery import reach
from bot.delivery.outbox import Outbox
from bot.messages import Command, Post, Press, Reply, Who

log = logging.getLogger("peerbot.slack")
FORM_SLOW = ("Slack didn't let me open that form in time (it only allows a few seconds after a press). "
             "Press the button again and it should open.")
FORM_GONE = "That form has expired or I couldn't read it, so nothing was saved. Ask me again for a fresh one."
MAX_IN_FLIGHT = 64


class SlackAdapter(BackgroundWork):
    """The listeners, holding the core, the roles lookup and the outbox."""

    platform_name = "Slack"

    def __init__(self, bot: Bot, outbox: Outbox, roles: SlackRoles, *, max_in_flight: int = MAX_IN_FLIGHT):
        self.bot = bot
        self.outbox = outbox
        self.roles = roles
        self.core = core_worker.for_bot(bot)
        # The repeat checks in front of an ack get a thread of their own: queued behind the core's
        # answers they waited out DEDUPE_WAIT under load (the store's lock keeps the two apart).
        self.door = CoreWorker("peerbot-slack-door")
        self.tasks: set[asyncio.Task] = set()
        self.max_in_flight = max_in_flight
        self.in_flight = 0  # answers under way (deliveries they started are not counted)
        self.busy_in_flight = 0  # busy replies under way: bounded too

    @property
    def full(self) -> bool:
        return self.in_flight >= self.max_in_flight

    def admit(self, work: Callable[[], Awaitable[Any]]) -> None:
        """Start an answer (`work` makes its coroutine; made only once admitted)."""
        self.in_flight += 1

        async def counted() -> None:
            try:
                await work()
            finally:
                self.in_flight -= 1
        self.spawn(counted())

    def busy(self, body: dict, client: AsyncWebClient) -> None:
        """Tell the person of an event or a button press that peerbot is busy; if even the busy
        replies are backed up, drop it with a log line (nothing else to do under such a load)."""
        if self.busy_in_flight >= self.max_in_flight:
            log.warning("overloaded: a Slack request was acknowledged but not answered")
            return
        self.busy_in_flight += 1

        async def tell() -> None:
            try:
                event = body.get("event") or {}
                channel = event.get("channel") or (body.get("channel") or {}).get("id")
                user = event.get("user") or (body.get("user") or {}).get("id")
                if event.get("channel_type") == "im":
                    await client.chat_postMessage(channel=channel, text=BUSY)
                elif channel and user:
                    await client.chat_postEphemeral(channel=channel, user=user, text=BUSY)
            finally:
                self.busy_in_flight -= 1
        self.spawn(tell())


    async def run(self, request: Command | Press, origin: Origin, client: AsyncWebClient) -> None:
        outcome = await self.core.call(self.bot.handle, request)
        # "Posted …" waits until Slack took the posts; with no posts there is nothing to wait for.
        later = [r for r in outcome.replies if r.after_posts] if outcome.posts else []
        if outcome.posts:
            self.spawn(self._deliver(outcome.posts, later, origin, client))
        await answer(client, origin, [r for r in outcome.replies if r not in later])
        if any(r.check_channel for r in outcome.replies):
            reason = await refusals.can_post(client, origin.channel)
            if reason is not None:
                await answer(client, origin, [Reply(reach.schedule_warning(reason, "slack", origin.channel),
                                                    private=True)])

    async def _deliver(self, posts: list[Post], later: list[Reply], origin: Origin, client: AsyncWebClient) -> None:
        """Deliver, then tell whoever asked what happened: the confirmation only once Slack took every
        post; a refusal, privately, with what to do about it."""
        results = await self.outbox.send_claimed(posts)  # claimed by the core (Bot.handle)
        failed = [r for r in results if r.status == "failed"]
        if failed:
            text = reach.refused_now(failed[0].reason or reach.OTHER, "slack", posts[0].where.channel)
            await answer(client, origin, [Reply(text, private=True)])
        elif any(r.status == "pending" for r in results):
            await answer(client, origin, [Reply(reach.still_trying(), private=True)])
        elif later:
            await answer(client, origin, later)

    # -- middleware and listeners ----------------------------------------------------------
    async def drop_retries(self, body: dict, next: Any) -> BoltResponse | None:
        event_id = body.get("event_id")
        # Before the acknowledgement, so bounded: a database busy past DEDUPE_WAIT lets the event
        # through (a rare repeat) rather than miss the ack (which makes Slack send it again anyway).
        if isinstance(event_id, str) and event_id and not await self.door.within(
                DEDUPE_WAIT, remember_event, self.bot.store, self.bot.clock, event_id, otherwise=True):
            log.info("dropping a repeated delivery of Slack event %s", event_id)
            return BoltResponse(status=200, body="")
        return await next()

    # Each listener acknowledges (events are acknowledged by Bolt) and hands the work to a task of
    # its own: an exception after ack() inside a Bolt listener would undo the acknowledgement.
    async def on_command(self, ack: Any, body: dict, client: AsyncWebClient) -> None:
        if self.full:
            await ack(text=BUSY)  # shown to the asker alone, with no extra call to Slack
            return
        await ack()
        self.admit(lambda: self._command(body, client))

    async def on_mention(self, body: dict, client: AsyncWebClient, context: Any) -> None:
        if self.full:
            return self.busy(body, client)
        self.admit(lambda: self._mention(body, client, context.bot_user_id))

    async def on_message(self, body: dict, client: AsyncWebClient) -> None:
        if inbound.is_person_dm(body):
            if self.full:
                return self.busy(body, client)
            self.admit(lambda: self._dm(body, client))

    async def on_action(self, ack: Any, body: dict, client: AsyncWebClient) -> None:
        await ack()
        if self.full:
            return self.busy(body, client)
        self.admit(lambda: self._action(body, client))

    async def on_submission(self, ack: Any, body: dict, client: AsyncWebClient) -> None:
        # Always taken, over the bound too: a form someone filled in is never turned away (forms
        # come from a modal peerbot opened, so they cannot flood in faster than answers).
        await ack()
        self.admit(lambda: self._submission(body, client))

    async def on_home(self, event: dict, body: dict, client: AsyncWebClient) -> None:
        if event.get("tab", "home") == "home" and not self.full:  # the home tab is drawn on the next visit
            self.admit(lambda: self._home(event["user"], inbound.team_of(body), client))

    # -- the work ----------------------------------------------------------------------------
    async def _command(self, body: dict, client: AsyncWebClient) -> None:
        who = await self.roles.who(client, inbound.user_of(body))
        await self.run(*inbound.from_command(body, who), client)

    async def _mention(self, body: dict, client: AsyncWebClient, bot_user_id: str | None) -> None:
        who = await self.roles.who(client, inbound.user_of(body))
        await self.run(*inbound.from_mention(body, who, bot_user_id), client)

    async def _dm(self, body: dict, client: AsyncWebClient) -> None:
        who = await self.roles.who(client, inbound.user_of(body))
        await self.run(*inbound.from_dm(body, who), client)

    async def _action(self, body: dict, client: AsyncWebClient) -> None:
        if body["actions"][0]["action_id"] == OPEN_FORM:
            # Opening a form needs nobody's role: open it first, inside Slack's 3-second trigger
            # window, rather than after up to three Web API calls of role look-up.
            await self._open_form(body, client)
            return
        who = await self.roles.who(client, inbound.user_of(body))
        await self.run(*inbound.from_action(body, who), client)

    async def _open_form(self, body: dict, client: AsyncWebClient) -> None:
        press, origin = inbound.from_action(body, Who(inbound.user_of(body)))
        try:
            form = load_form(json.loads(press.action))
        except (ValueError, KeyError, TypeError):
            await answer(client, origin, [Reply(FORM_GONE, private=True)])
            return
        try:
            await client.views_open(trigger_id=origin.trigger_id,
                                    view=to_modal(form, inbound.form_metadata(form.submit, origin)))
        except SlackApiError as e:  # expired_trigger_id: Slack was slow, or the press was too long ago
            log.info("could not open a form (%s); telling the person", error_code(e))
            await answer(client, origin, [Reply(FORM_SLOW, private=True)])

    async def _submission(self, body: dict, client: AsyncWebClient) -> None:
        who = await self.roles.who(client, inbound.user_of(body))
        try:
            request, origin = inbound.from_submission(body, who)
        except inbound.BadForm as e:  # metadata that is not ours (not JSON): answer kindly, lose nothing
            await answer(client, e.origin, [Reply(FORM_GONE, private=True)])
            return
        await self.run(request, origin, client)

    async def _home(self, user: str, team: str, client: AsyncWebClient) -> None:
        reply = await self.core.call(self.bot.home, inbound.PLATFORM, team)
        await client.views_publish(user_id=user, view=to_home(reply))


def build_app(adapter: SlackAdapter, client: AsyncWebClient, signing_secret: str,
              oauth: AsyncOAuthSettings | None = None) -> AsyncApp:
    """With `oauth` (multi-workspace mode), Bolt finds each workspace's token in the installations,
    serves the install pages, and an uninstall or a revoked bot token removes the installation
    (which pauses that workspace's schedules: `adapters.slack.installs`)."""
    # Verification stays on even without a secret: HTTP requests then all fail it (Socket Mode
    # requests skip it, the socket being authenticated instead).
    app = AsyncApp(client=client, signing_secret=signing_secret, name="peerbot", process_before_response=True,
                   oauth_settings=oauth)
    app.middleware(adapter.drop_retries)
    if oauth is not None:
        app.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked: slack-bolt's own
    app.command("/peer")(adapter.on_command)
    app.event("app_mention")(adapter.on_mention)
    app.event("message")(adapter.on_message)
    app.event("app_home_opened")(adapter.on_home)
    app.action(re.compile(".+"))(adapter.on_action)
    app.view(FORM_CALLBACK)(adapter.on_submission)
    return app
