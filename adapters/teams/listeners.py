"""`TeamsAdapter`: the SDK's activity handlers, one request from Teams answered end to end.

A message (a mention in a channel or group chat, anything in a personal chat, or a card's submit
button) becomes a core request (`inbound`), with the sender's role (`roles`); the core's answer
(`Bot.handle`) goes back at once (`respond`), and the outcome's posts are handed to the outbox in
a background task, which may wait out rate limits as long as it needs. Installing peerbot in a
team or group chat (a `conversationUpdate` or `installationUpdate`) and every message there keep
the conversation reference scheduled posts need; removing it forgets the reference.

Nothing that goes wrong here reaches Teams as an error: the person gets an apology with a short
reference, and the failure is logged with it.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from typing import Any

from microsoft_teams.api import ConversationUpdateActivity, InstallUpdateActivity, MessageActivity
from microsoft_teams.apps import ActivityContext

from adapters import core_worker
from adapters.background import BackgroundWork
from adapters.teams import carry, inbound
from adapters.teams.inbound import Origin
from adapters.teams.references import ConversationBook, Reference
from adapters.teams.reply import Responder
from adapters.teams.roles import TeamsRoles
from bot.app import Bot
from bot.delivery import reach
from bot.delivery.outbox import Outbox
from bot.messages import Command, Post, Press, Reply, Role

log = logging.getLogger("peerbot.teams")
SORRY = ("Sorry, something went wrong on my side. If it keeps happening, mention reference {ref} "
         "to whoever runs me.")


class Names:
    """Display names of people who spoke to peerbot lately (bounded, memory only), so a shared
    answer can say "Shared by <at>name</at>" as a real Teams mention."""

    def __init__(self, size: int = 5000):
        self.size = size
        self._names: OrderedDict[str, str] = OrderedDict()

    def saw(self, user_id: str, name: str) -> None:
        if user_id and name:
            self._names[user_id] = name
            self._names.move_to_end(user_id)
            while len(self._names) > self.size:
                self._names.popitem(last=False)

    def __call__(self, user_id: str) -> str:
        return self._names.get(user_id, "")


def dump(activity: Any) -> dict:
    return activity.model_dump(by_alias=True, exclude_none=True, mode="json")


class TeamsAdapter(BackgroundWork):
    platform_name = "Teams"

    def __init__(self, bot: Bot, outbox: Outbox | None, book: ConversationBook, roles: TeamsRoles, names: Names,
                 tenant: str = ""):
        self.bot = bot
        self.core = core_worker.for_bot(bot)  # the core runs on its own thread, off the event loop
        self.tenant = tenant
        self.outbox = outbox
        self.book = book
        self.roles = roles
        self.names = names
        self.tasks: set[asyncio.Task] = set()
        self.sleep = asyncio.sleep  # how replies wait out a short 429 (tests pass a fake)

    def register(self, app: Any) -> None:
        app.on_message(self.on_message)
        app.on_conversation_update(self.on_conversation_update)
        app.on_installation_update(self.on_installation_update)

    # -- handlers ------------------------------------------------------------------------------
    def remember(self, activity: dict) -> None:
        """Keep the reference of a team channel or group chat (never a personal chat) of our tenant."""
        tenant = inbound.tenant_of(activity)
        if inbound.scope_of(activity) == "personal" or (self.tenant and tenant and tenant != self.tenant):
            return
        where = inbound.where_of(activity)
        conversation = (activity.get("conversation") or {}).get("id", "").split(";", 1)[0]
        self.book.remember(where.channel_key, Reference(conversation, activity.get("serviceUrl", ""),
                                                        inbound.tenant_of(activity)))

    async def on_conversation_update(self, ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        activity = dump(ctx.activity)
        bot_id = (activity.get("recipient") or {}).get("id")
        if any(m.get("id") == bot_id for m in activity.get("membersAdded") or []):
            self.remember(activity)
            if inbound.scope_of(activity) == "channel":  # a team install also names its General channel
                team = ((activity.get("channelData") or {}).get("team") or {}).get("id")
                log.info("peerbot added to a team%s", "" if team else " (no team id)")
        if any(m.get("id") == bot_id for m in activity.get("membersRemoved") or []):
            self.book.forget(inbound.where_of(activity).channel_key)

    async def on_installation_update(self, ctx: ActivityContext[InstallUpdateActivity]) -> None:
        activity = dump(ctx.activity)
        if str(activity.get("action", "")).startswith("add"):
            self.remember(activity)
        elif str(activity.get("action", "")).startswith("remove"):
            self.book.forget(inbound.where_of(activity).channel_key)

    async def on_message(self, ctx: ActivityContext[MessageActivity]) -> None:
        activity = dump(ctx.activity)
        origin = inbound.origin_of(activity)
        try:
            request = inbound.request_of(activity)
            if request is None:
                return
            if self.tenant and origin.tenant_id and origin.tenant_id != self.tenant:
                # A single-tenant bot answers its own organization only.
                log.warning("ignoring a Teams message from another tenant")
                return
            self.names.saw(origin.user_id, origin.user_name)
            for entity in activity.get("entities") or []:  # people mentioned, to name them back
                if entity.get("type") == "mention":
                    self.names.saw((entity.get("mentioned") or {}).get("id", ""),
                                   (entity.get("mentioned") or {}).get("name", ""))
            self.remember(activity)
            request, origin = self._carried(request, origin, activity)
            role = await self.roles.role(origin)
            if role != Role.PARTICIPANT:
                request = _with_role(request, role)
            outcome = await self.core.call(self.bot.handle, request)
            responder = Responder(ctx.api, origin, request.where, self.names, self.bot.store.secret(),
                                  sleep=self.sleep, note=isinstance(request, Command))
            # "Posted …" waits until Teams took the posts; with no posts there is nothing to wait for.
            later = [r for r in outcome.replies if r.after_posts] if outcome.posts else []
            await responder.answer([r for r in outcome.replies if r not in later])
            if outcome.posts:
                self.spawn(self._deliver(outcome.posts, later, responder))
        except Exception:  # noqa: BLE001 - logged with a reference; the person is told
            ref = secrets.token_hex(3)
            log.exception("answering a Teams message failed (ref %s)", ref)
            try:
                await ctx.send(SORRY.format(ref=ref))
            except Exception:  # noqa: BLE001
                log.warning("could not even apologise (ref %s)", ref)

    def _carried(self, request: Command | Press, origin: Origin, activity: dict) -> tuple[Command | Press, Origin]:
        """A press on a private card in personal chat acts for the channel the card answered."""
        if not (isinstance(request, Press) and origin.is_personal):
            return request, origin
        found = carry.unstamp(activity.get("value"), self.bot.store.secret(), inbound.PLATFORM)
        if found is None:
            return request, origin
        where, conversation = found
        # Roles belong to the team the channel is in; the workspace of a team channel is its group id.
        team = where.workspace if inbound.is_channel(conversation) else ""
        origin = Origin(**{**origin.__dict__, "public": conversation, "team_aad": team,
                           "channel_key": where.channel_key})
        return Press(request.action, request.who, where, request.values), origin

    async def _deliver(self, posts: list[Post], later: list[Reply], responder: Responder) -> None:
        """Deliver, then tell whoever asked what happened, privately: the confirmation only once Teams
        took every post; a refusal with what to do about it."""
        if self.outbox is None:
            log.error("%d post(s) with no outbox to deliver them", len(posts))
            return
        results = await self.outbox.send_claimed(posts)  # claimed by the core (Bot.handle)
        failed = [r for r in results if r.status == "failed"]
        if failed:
            text = reach.refused_now(failed[0].reason or reach.OTHER, "teams", posts[0].where.channel)
            await responder.answer([Reply(text, private=True)])
        elif any(r.status == "pending" for r in results):
            await responder.answer([Reply(reach.still_trying(), private=True)])
        elif later:
            await responder.answer(later)


def _with_role(request: Command | Press, role: Role) -> Command | Press:
    from dataclasses import replace

    return replace(request, who=replace(request.who, role=role))
