"""`DiscordAdapter`: one request from Discord, answered end to end.

Who is asking and where (`inbound`), the core's answer (`Bot.handle`, on the core's own thread, so
a database waiting for a lock never stalls the gateway), the replies (`respond`), then the outcome's posts through the
outbox, which may wait out rate limits for as long as it needs since the interaction is already
answered. Discord wants an interaction answered within 3 seconds: when the core has not answered
within `DEFER_AFTER`, the interaction is deferred (Discord shows "thinking…", privately, since the
answer may be private) and the replies follow it. A form cannot open after that (a modal must be
the first response), so it comes as the button that opens it. Nothing that goes wrong here leaves an interaction unanswered: a failure is logged with a
short reference and the person gets an apology with that reference.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable

import discord

from adapters import core_worker
from adapters.discord import components, inbound, render, respond
from adapters.discord.forms import FormShelf
from adapters.discord.transport import DiscordTransport
from bot.app import Bot
from bot.messages import Command, Post, Press
from bot.outbox import NOT_POSTED, Outbox

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
            await respond.to_message(message, outcome.replies, self.forms)
            await self._deliver(outcome.posts)
        except Exception:  # noqa: BLE001 - logged with a reference; the person is told
            ref = secrets.token_hex(3)
            log.exception("answering message %s failed (ref %s)", message.id, ref)
            await respond.apologise_in_place(message, SORRY.format(ref=ref))

    async def _answer(self, interaction: discord.Interaction, request: Callable[[], Command | Press]) -> None:
        try:
            work = asyncio.ensure_future(self.core.call(self.bot.handle, request()))
            deferred = False
            if not (await asyncio.wait({work}, timeout=self.defer_after))[0]:
                await interaction.response.defer(ephemeral=True, thinking=True)
                deferred = True
            outcome = await work
            await respond.to_interaction(interaction, outcome.replies, self.forms)
            await self._deliver(outcome.posts, interaction)
            if not (deferred and outcome.replies):  # deferred and answered: the placeholder is the answer
                await respond.finish(interaction)
        except Exception:  # noqa: BLE001 - logged with a reference; the person is told
            ref = secrets.token_hex(3)
            log.exception("answering interaction %s failed (ref %s)", interaction.id, ref)
            await respond.apologise(interaction, SORRY.format(ref=ref))

    async def _deliver(self, posts: list[Post], interaction: discord.Interaction | None = None) -> None:
        if not posts:
            return
        if self.outbox is None:
            log.error("%d post(s) with no outbox to deliver them", len(posts))
            return
        results = await self.outbox.deliver(posts)
        for result in results:
            if result.status not in ("sent", "skipped"):
                log.warning("post %s: %s", result.key, result.status)
        if interaction is not None and any(r.status == "failed" for r in results):
            await respond.apologise(interaction, NOT_POSTED)  # privately, to whoever asked for the post
