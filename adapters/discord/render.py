"""Core replies as Discord messages: pure functions from `Reply` and `Form` to Discord's JSON.

A reply with a `Card` becomes an embed (title, description, fields, footer, a colour for its tone)
and nothing else, since the card already says what the plain text says; a reply without one becomes
message content. `Choice`s become buttons whose custom id is the core's versioned action, five to a
row. Whatever does not fit one message (content over 2000 characters, more than 25 fields, more
than 6000 characters of embeds, more than 25 buttons) continues in further messages, so one reply
may render as several; buttons go on the last. A `Form` becomes a modal.

The output is exactly the JSON Discord receives (golden files in tests/discord/golden pin it);
`adapters.discord.components` turns it into discord.py objects.
"""
from __future__ import annotations

import logging
from typing import Any

from adapters.discord import limits as L
from bot.messages import Card, Choice, Form, Reply

log = logging.getLogger("peerbot.discord")

Json = dict[str, Any]
EPHEMERAL = 64
TONES = {
    "yes": 0x2E8B57, "likely": 0x3BA55C, "depends": 0xE6A23C, "unlikely": 0xE67E22, "no": 0xC0392B,
    "unsure": 0x95A5A6, "care": 0x9B59B6, "info": 0x5865F2,
}
STYLES = {"primary": 1, "": 2, "danger": 4}


def to_messages(reply: Reply) -> list[Json]:
    """The Discord messages for one reply, in order; `flags` marks a private (ephemeral) one."""
    if reply.card is not None:
        messages = [{"embeds": group} for group in _pack(card_embeds(reply.card))]
    else:
        messages = [{"content": part} for part in L.split_text(reply.text or L.BLANK, L.CONTENT)]
    rows = button_rows(reply.choices)
    for i in range(0, len(rows), L.ROWS):
        if i:
            messages.append({})
        messages[-1]["components"] = rows[i:i + L.ROWS]
    for message in messages:
        message.setdefault("content", None if "embeds" in message else L.BLANK)
        if reply.private:
            message["flags"] = EPHEMERAL
    return messages


def card_embeds(card: Card) -> list[Json]:
    """One embed, or several when the description or the fields run past one embed's limits."""
    colour = TONES.get(card.tone, TONES["info"])
    embeds: list[Json] = [{"title": L.clip(card.title or L.BLANK, L.EMBED_TITLE), "color": colour}]

    def room(embed: Json, extra: int) -> bool:
        return embed_size(embed) + extra <= L.EMBED_TOTAL

    for i, part in enumerate(L.split_text(card.body, L.EMBED_DESCRIPTION) if card.body else []):
        if i or not room(embeds[-1], len(part)):
            embeds.append({"color": colour})
        embeds[-1]["description"] = part
    for field in (f for given in card.fields for f in _field(given.name, given.value)):
        current = embeds[-1].get("fields", [])
        if len(current) == L.EMBED_FIELDS or not room(embeds[-1], len(field["name"]) + len(field["value"])):
            embeds.append({"color": colour})
        embeds[-1].setdefault("fields", []).append(field)
    if card.footer:
        footer = L.clip(card.footer, L.FOOTER)
        if not room(embeds[-1], len(footer)):
            embeds.append({"color": colour})
        embeds[-1]["footer"] = {"text": footer}
    return embeds


def _field(name: str, value: str) -> list[Json]:
    parts = L.split_text(value, L.FIELD_VALUE) if value.strip() else ["—"]
    name = L.clip(name, L.FIELD_NAME - len(" (cont.)")) or L.BLANK
    return [{"name": name if i == 0 else f"{name} (cont.)", "value": part, "inline": False}
            for i, part in enumerate(parts)]


def embed_size(embed: Json) -> int:
    """Characters that count towards Discord's 6000 per message."""
    fields = sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", ()))
    return (len(embed.get("title", "")) + len(embed.get("description", "")) + fields
            + len(embed.get("footer", {}).get("text", "")))


def _pack(embeds: list[Json]) -> list[list[Json]]:
    groups: list[list[Json]] = [[]]
    size = 0
    for embed in embeds:
        n = embed_size(embed)
        if groups[-1] and (size + n > L.EMBED_TOTAL or len(groups[-1]) == L.EMBEDS_PER_MESSAGE):
            groups.append([])
            size = 0
        groups[-1].append(embed)
        size += n
    return groups


def button_rows(choices: tuple[Choice, ...]) -> list[Json]:
    """Action rows of buttons; a repeated action is shown once (Discord needs unique custom ids)."""
    buttons: list[Json] = []
    seen: set[str] = set()
    for choice in choices:
        if choice.action in seen:
            continue
        if len(choice.action) > L.CUSTOM_ID:
            log.warning("dropped a button whose action is over %d characters: %s", L.CUSTOM_ID, choice.action)
            continue
        seen.add(choice.action)
        buttons.append({"type": 2, "style": STYLES.get(choice.style, 2), "disabled": False,
                        "label": L.clip(choice.label, L.BUTTON_LABEL) or "Choose", "custom_id": choice.action})
    return [{"type": 1, "components": buttons[i:i + L.BUTTONS_PER_ROW]}
            for i in range(0, len(buttons), L.BUTTONS_PER_ROW)]


def to_modal(form: Form) -> Json:
    """A modal: up to five labelled text inputs; submitting it sends back the form's `submit` action."""
    if len(form.fields) > L.MODAL_FIELDS:
        log.warning("form %s has %d fields; Discord shows the first %d", form.submit, len(form.fields), L.MODAL_FIELDS)
    return {
        "custom_id": form.submit,
        "title": L.clip(form.title, L.MODAL_TITLE),
        "components": [
            {"type": 18, "label": L.clip(f.label, L.MODAL_LABEL),
             "component": {"type": 4, "custom_id": f.id, "style": 2 if f.multiline else 1,
                           "required": not f.optional, "max_length": L.TEXT_INPUT,
                           **({"placeholder": L.clip(f.placeholder, L.MODAL_PLACEHOLDER)} if f.placeholder else {})}}
            for f in form.fields[:L.MODAL_FIELDS]
        ],
    }


def form_opener(reply: Reply, custom_id: str) -> Json:
    """Where no modal can open (a mention, a DM message): the reply's text and a button that opens it."""
    assert reply.form is not None
    return {"content": L.split_text(reply.text or reply.form.title, L.CONTENT)[0],
            "components": [{"type": 1, "components": [
                {"type": 2, "style": 1, "disabled": False, "label": L.clip(reply.form.title, L.BUTTON_LABEL),
                 "custom_id": custom_id}]}]}


def headline(reply: Reply) -> str:
    """What a reply is about in a line: its card's title, or its text's first line."""
    return reply.card.title if reply.card and reply.card.title else reply.text


def thread_name(text: str) -> str:
    """A thread's name, from the first line of what its first message says."""
    first = (text.strip().splitlines() or [""])[0]
    return L.clip(first or "Discussion", L.THREAD_NAME)
