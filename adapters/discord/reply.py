"""Answering whoever asked, the way Discord people expect.

To an interaction (a slash command, a button, a modal): the first message is the interaction's
response and the rest are follow-ups; `private` replies are ephemeral; `replace` edits the message
the button was on (done first, since Discord only allows it as the response); `form` opens a modal
where Discord allows one (a command or a button), and otherwise sends a button that opens it. An
outcome with nothing to say still acknowledges the interaction, so it never shows as failed.

To a message (a mention, a DM): answers go in place, as replies to it. A mention in a server channel
is public, so its answers are too, except `private` ones: those go to the person's direct messages
(crisis lines, reminders and previews must never show in the channel). Form openers stay in place,
since they show nothing but a button. If Discord will not take a direct message, a short note in
place says so, without the private answer.
"""
from __future__ import annotations

import logging

import discord

from adapters.discord import components, render
from adapters.discord.forms import FormShelf
from adapters.discord.render import Json
from bot.messages import Reply

log = logging.getLogger("peerbot.discord")
MODAL_FROM = {discord.InteractionType.application_command, discord.InteractionType.component}
NO_DM = ("I tried to answer you privately, but Discord won't let me send you a direct message. Ask me with "
         "a /peer command instead and only you will see the answer.")


def _messages(reply: Reply, forms: FormShelf) -> list[Json]:
    if reply.form is None:
        return render.to_messages(reply)
    opener = render.form_opener(reply, forms.shelve(reply.form))
    return [{**opener, "flags": render.EPHEMERAL} if reply.private else opener]


async def _send(interaction: discord.Interaction, message: Json) -> None:
    kwargs = components.send_kwargs(message)
    private = components.is_private(message)
    if not interaction.response.is_done():
        await interaction.response.send_message(**kwargs, ephemeral=private)
    else:
        await interaction.followup.send(**kwargs, ephemeral=private, wait=True)


async def to_interaction(interaction: discord.Interaction, replies: list[Reply], forms: FormShelf) -> None:
    on_message = interaction.message is not None
    for reply in sorted(replies, key=lambda r: not (r.replace and on_message)):
        if reply.form is not None and not interaction.response.is_done() and interaction.type in MODAL_FROM:
            await interaction.response.send_modal(components.modal(render.to_modal(reply.form)))
            continue
        messages = _messages(reply, forms)
        if reply.replace and on_message and not interaction.response.is_done():
            await interaction.response.edit_message(**components.edit_kwargs(messages.pop(0)))
        for message in messages:
            await _send(interaction, message)
    if not interaction.response.is_done():
        if interaction.type is discord.InteractionType.component:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=True, thinking=True)


async def later(interaction: discord.Interaction, replies: list[Reply], forms: FormShelf) -> None:
    """Replies once the outcome's posts are out (or refused), after the interaction was answered:
    `replace` edits the message the button was on, the rest are follow-ups (the first of which
    takes the place of a "thinking…" placeholder)."""
    for reply in replies:
        messages = _messages(reply, forms)
        if reply.replace and interaction.message is not None:
            try:
                await interaction.edit_original_response(**components.edit_kwargs(messages.pop(0)))
            except discord.HTTPException as e:
                log.info("could not update the message of interaction %s: %s", interaction.id, e)
        for message in messages:
            kwargs = components.send_kwargs(message)
            await interaction.followup.send(**kwargs, ephemeral=components.is_private(message) or reply.private,
                                            wait=True)


async def finish(interaction: discord.Interaction) -> None:
    """Clear the "thinking…" placeholder of an interaction that had nothing to say, once its posts
    are out; if that took longer than the interaction lives, the placeholder has gone anyway."""
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        try:
            await interaction.delete_original_response()
        except discord.HTTPException as e:
            log.info("could not clear the placeholder of interaction %s: %s", interaction.id, e)


async def apologise(interaction: discord.Interaction, text: str) -> None:
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True)
        else:
            await interaction.followup.send(text, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not even apologise for interaction %s", interaction.id)


async def apologise_in_place(message: discord.Message, text: str) -> None:
    try:
        await message.reply(text, mention_author=False, allowed_mentions=components.NO_MENTIONS)
    except discord.HTTPException:
        log.warning("could not even apologise for message %s", message.id)


async def _direct(message: discord.Message, payloads: list[Json]) -> None:
    """Send a private answer to a server-channel message to its author's DMs instead."""
    try:
        for payload in payloads:
            payload.pop("flags", None)
            await message.author.send(**components.send_kwargs(payload))
    except discord.HTTPException as e:
        log.info("could not send a private answer to message %s by DM: %s", message.id, e)
        await message.reply(NO_DM, mention_author=False, allowed_mentions=components.NO_MENTIONS)


async def to_message(message: discord.Message, replies: list[Reply], forms: FormShelf) -> None:
    for reply in replies:
        if reply.private and reply.form is None and message.guild is not None:
            await _direct(message, _messages(reply, forms))
            continue
        for i, payload in enumerate(_messages(reply, forms)):
            payload.pop("flags", None)
            kwargs = components.send_kwargs(payload)
            if i == 0:
                await message.reply(**kwargs, mention_author=False)
            else:
                await message.channel.send(**kwargs)
