"""`DiscordAdapter`: one request from Discord, answered end to end.

Who is asking and where (`inbound`), the core's answer (`Bot.handle`, on the core's own thread, so
a database waiting for a lock never stalls the gateway), the replies (`respond`), then the outcome's posts through the
outbox, which may wait out rate limits for as long as it needs since the interaction is already
answered. A reply that says "Posted" is held back until Discord took the posts, and a refusal is
told instead, privately, with what to do (`bot.delivery.reach`); a schedule just made here is checked
against the bot's permissions in the channel (`refusals`). Discord wants an interaction answered within
3 seconds: when the core has not answered within `DEFER_AFTER`, the interaction is deferred (Discord
shows "thinking…", privately, since the answer may be private) and the replies follow it. A form
cannot open after that (a modal must be the first response), so it comes as the button that opens
it. Nothing that goes wrong here leaves an interaction unanswered: a failure is logged with a
short reference and the person gets an apology with that reference.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable

import discord

from adapters import core_worker
from adapters.discord import components, inbound, refusals, render
from adapters.discord import reply as respond
from adapters.discord.forms import FormShelf
from adapters.discord.transport import DiscordTransport
from bot.app import Bot
from bot.delivery import reach
from bot.delivery.outbox import Outbox
from bot.messages import Command, Outcome, Post, Press, Reply

log = logging.getLogger("peerbot.discord")
SORRY = ("Sorry, something went wrong on my side. If it keeps happening, mention reference {ref} "
         "to whoever runs me.")
# Well inside Discord's 3 seconds, leaving time for the deferral itself to reach Discord.
DEFER_AFTER = 2.0
FORM_GONE = "That form has expired. Ask me again and I'll give you a fresh one."


class DiscordAdapter:
    def __init__(self, bot: Bot, outbox: Outbox | None, transport: DiscordTransport, facilitator_role: str):
        self.bot = bot
        self.outbox = outbox
        self.transport = transport
        self.facilitator_role = facilitator_role
        self.forms = FormShelf(bot.store)
        self.core = core_worker.for_bot(bot)
        self.defer_after = DEFER_AFTER

    async def on_command(self, interaction: discord.Interaction, name: str, text: str) -> None:
        await self._answer(interaction, lambda: inbound.command(interaction, name, text, self.facilitator_role))

    async def on_press(self, interaction: discord.Interaction, action: str) -> None:
        await self._answer(interaction, lambda: inbound.press(interaction, action, self.facilitator_role))

    async def on_modal(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, lambda: inbound.submission(interaction, self.facilitator_role))

    async def on_form_button(self, interaction: discord.Interaction, token: str) -> None:
        form = self.forms.take(token)
        if form is None:
            await interaction.response.send_message(FORM_GONE, ephemeral=True)
        else:
            await interaction.response.send_modal(components.modal(render.to_modal(form)))

    async def on_message(self, message: discord.Message, me: int) -> None:
        if message.author.id == me:
            self.transport.saw(message)
            return
        request = inbound.message(message, me, self.facilitator_role)
        if request is None:
            return
        try:
            outcome = await self.core.call(self.bot.handle, request)
            now, later = split(outcome)
            await respond.to_message(message, now, self.forms)
            if any(r.check_channel for r in outcome.replies):
                await self._warn(refusals.for_message(message), request.where.channel,
                                 lambda warning: respond.to_message(message, [warning], self.forms))
            told = await self._deliver(outcome.posts, later)
            if told:
                await respond.to_message(message, told, self.forms)
        except Exception:  # noqa: BLE001 - logged with a reference; the person is told
            ref = secrets.token_hex(3)
            log.exception("answering message %s failed (ref %s)", message.id, ref)
            await respond.apologise_in_place(message, SORRY.format(ref=ref))

    async def _answer(self, interaction: discord.Interaction, request: Callable[[], Command | Press]) -> None:
        try:
            req = request()
            work = asyncio.ensure_future(self.core.call(self.bot.handle, req))
            deferred = False
            if not (await asyncio.wait({work}, timeout=self.defer_after))[0]:
                await interaction.response.defer(ephemeral=True, thinking=True)
                deferred = True
            outcome = await work
            now, later = split(outcome)
            await respond.to_interaction(interaction, now, self.forms)
            if any(r.check_channel for r in outcome.replies):
                await self._warn(refusals.for_interaction(interaction), req.where.channel,
                                 lambda warning: respond.later(interaction, [warning], self.forms))
            told = await self._deliver(outcome.posts, later)
            if told:
                await respond.later(interaction, told, self.forms)
            elif not (deferred and now):  # deferred and answered: the placeholder is the answer
                await respond.finish(interaction)
        except Exception:  # noqa: BLE001 - logged with a reference; the person is told
            ref = secrets.token_hex(3)
            log.exception("answering interaction %s failed (ref %s)", interaction.id, ref)
            await respond.apologise(interaction, SORRY.format(ref=ref))

    @staticmethod
    async def _warn(reason: str | None, channel: str, say) -> None:
        """A schedule was made here: if the bot may not post in this channel, say so now."""
        if reason is not None:
            await say(Reply(reach.schedule_warning(reason, "discord", channel), private=True))

    async def _deliver(self, posts: list[Post], later: list[Reply]) -> list[Reply]:
        """Deliver the posts; returns what to tell whoever asked: the held-back confirmation once
        Discord took every post, or, privately, why it did not and what to do."""
        if not posts:
            return later
        if self.outbox is None:
            log.error("%d post(s) with no outbox to deliver them", len(posts))
            return []
        results = await self.outbox.send_claimed(posts)  # claimed by the core (Bot.handle)
        for result in results:
            if result.status not in ("sent", "skipped"):
                log.warning("post %s: %s", result.key, result.status)
        failed = [r for r in results if r.status == "failed"]
        if failed:
            return [Reply(reach.refused_now(failed[0].reason or reach.OTHER, "discord", posts[0].where.channel),
                          private=True)]
        if any(r.status == "pending" for r in results):
            return [Reply(reach.still_trying(), private=True)]
        return later


def split(outcome: Outcome) -> tuple[list[Reply], list[Reply]]:
    """(replies to send now, replies held back until the posts are out): "Posted …" waits for the
    platform; with no posts there is nothing to wait for."""
    later = [r for r in outcome.replies if r.after_posts] if outcome.posts else []
    return [r for r in outcome.replies if r not in later], later
