"""Core replies into Teams message activities carrying Adaptive Cards, inside Teams' limits.

A reply becomes one message: its plain `text` (the notification and what screen readers and old
clients show) and, when it has a card, buttons or a form, an Adaptive Card (schema 1.5, what Teams
renders on desktop, web and mobile). Buttons are `Action.Submit` whose data carries the core's
versioned action id (`{"peer": "v1:verb:arg"}`), so a press works however old the card, after any
restart. A form is the same card with `Input.Text` fields and a submit button: Teams has no modal a
bot can open from a message, and a card form is its idiom. Teams refuses a message over about 28 KB,
so a card that would not fit is cut from the end, keeping its buttons, and says so; a reply whose
text is longer than one message goes out as several.

Mentions written by the core as `<@user id>` become Teams mentions (`<at>name</at>` plus the
`mention` entity) when the name is known, and "a teammate" otherwise: Teams shows raw ids as text.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from bot.messages import Card, Choice, Form, Reply

Json = dict[str, Any]
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
MAX_PAYLOAD = 28_000  # bytes of the whole activity; Teams refuses bigger messages (about 28 KB)
MAX_TEXT = 7_000  # characters of plain text per message, well inside the payload limit
MAX_ACTIONS = 6  # buttons per row (ActionSet); Teams shows at most six
BUTTON = 50  # characters of a button title before it is cut
TITLE = 200
ACTION_KEY = "peer"
TONE = {"yes": ("✅", "good"), "likely": ("🟢", "good"), "depends": ("🟡", "warning"),
        "unlikely": ("🟠", "warning"), "no": ("⛔", "attention"), "unsure": ("❔", "default"),
        "care": ("💛", "accent")}
MENTION = re.compile(r"<@([^<>\s]+)>")
CUT_NOTE = "(More than fits in one Teams card: ask me again for the rest.)"

Names = Callable[[str], str]  # user id -> display name ("" when unknown)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Chunks of at most `limit` characters, broken at lines where possible."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current.strip():
        chunks.append(current)
    return chunks or [" "]


def mentions(text: str, names: Names) -> tuple[str, list[Json]]:
    """`<@id>` as Teams mentions, with the entities Teams needs to show them."""
    entities: list[Json] = []

    def swap(match: re.Match[str]) -> str:
        user_id = match[1]
        name = names(user_id)
        if not name:
            return "a teammate"
        tag = f"<at>{name}</at>"
        entities.append({"type": "mention", "text": tag, "mentioned": {"id": user_id, "name": name}})
        return tag

    return MENTION.sub(swap, text), entities


def text_block(text: str, **extra: Any) -> Json:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def card_body(card: Card) -> list[Json]:
    emoji, style = TONE.get(card.tone, ("", "default"))
    body: list[Json] = []
    if card.title:
        title = f"{emoji} {card.title}" if emoji else card.title
        body.append({"type": "Container", "style": style, "bleed": True,
                     "items": [text_block(cut(title, TITLE), size="Medium", weight="Bolder")]})
    if card.body:
        body.append(text_block(card.body))
    facts: list[Json] = []
    for f in card.fields:  # in the core's order; short values side by side as facts
        if len(f.value) <= 60 and "\n" not in f.value:
            facts.append({"title": f.name, "value": f.value})
            continue
        if facts:
            body.append({"type": "FactSet", "facts": facts})
            facts = []
        # lists and paragraphs read badly in a fact's narrow column: a heading and the text in full
        body += [text_block(f.name, weight="Bolder", spacing="Medium"), text_block(f.value, spacing="Small")]
    if facts:
        body.append({"type": "FactSet", "facts": facts})
    if card.footer:
        body.append(text_block(card.footer, size="Small", isSubtle=True, spacing="Medium"))
    return body


def submit(title: str, action: str, style: str = "", extra: Json | None = None) -> Json:
    button: Json = {"type": "Action.Submit", "title": cut(title, BUTTON), "data": {ACTION_KEY: action, **(extra or {})}}
    if style == "primary":
        button["style"] = "positive"
    elif style == "danger":
        button["style"] = "destructive"
    return button


def action_sets(choices: tuple[Choice, ...]) -> list[Json]:
    buttons = [submit(c.label, c.action, c.style) for c in choices]
    return [{"type": "ActionSet", "actions": buttons[i:i + MAX_ACTIONS]} for i in range(0, len(buttons), MAX_ACTIONS)]


def form_items(form: Form) -> list[Json]:
    items: list[Json] = [text_block(cut(form.title, TITLE), weight="Bolder", size="Medium")]
    for field in form.fields:
        item: Json = {"type": "Input.Text", "id": field.id, "label": field.label, "isMultiline": field.multiline,
                      "isRequired": not field.optional, "maxLength": 1000}
        if field.placeholder:
            item["placeholder"] = field.placeholder
        if not field.optional:
            item["errorMessage"] = f"{field.label} is needed."
        items.append(item)
    items.append({"type": "ActionSet", "actions": [submit("Submit", form.submit, "primary")]})
    return items


def to_card(reply: Reply) -> Json | None:
    """The Adaptive Card for a reply, or None when plain text says it all."""
    body: list[Json] = card_body(reply.card) if reply.card else []
    if not body and (reply.choices or reply.form is not None):
        body = [text_block(reply.text)]
    body += action_sets(reply.choices)
    if reply.form is not None:
        body += form_items(reply.form)
    if not body:
        return None
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body,
            "msteams": {"width": "full"}}


def _swap_texts(value: Any, names: Names, entities: list[Json]) -> Any:
    """A copy of the card with every TextBlock's mentions made Teams mentions."""
    if isinstance(value, list):
        return [_swap_texts(v, names, entities) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _swap_texts(v, names, entities) for k, v in value.items()}
    if out.get("type") == "TextBlock" and isinstance(out.get("text"), str):
        out["text"], found = mentions(out["text"], names)
        entities.extend(found)
    return out


def size(activity: Json) -> int:
    return len(json.dumps(activity, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def fit(activity: Json) -> Json:
    """Drop card items from the end of the content (never the buttons or form) until it fits."""
    card = activity["attachments"][0]["content"]
    while size(activity) > MAX_PAYLOAD:
        body = card["body"]
        movable = [i for i, item in enumerate(body) if item.get("type") not in ("ActionSet", "Input.Text")
                   and item.get("text") != CUT_NOTE]
        if not movable:
            break
        del body[movable[-1]]
        if not any(item.get("text") == CUT_NOTE for item in body):
            body.insert(movable[-1], text_block(CUT_NOTE, isSubtle=True))
    return activity


def to_activities(reply: Reply, names: Names = lambda _id: "") -> list[Json]:
    """The message activities (Bot Framework JSON) for one reply, in order."""
    texts = split(reply.text)
    card = to_card(reply)
    out: list[Json] = []
    for n, chunk in enumerate(texts):
        text, entities = mentions(chunk, names)
        activity: Json = {"type": "message", "text": text, "textFormat": "plain"}
        if n == 0 and card is not None:
            card_entities: list[Json] = []
            content = _swap_texts(card, names, card_entities)
            if card_entities:
                content["msteams"]["entities"] = card_entities
            activity["attachments"] = [{"contentType": CARD_TYPE, "content": content}]
            # With a card, the text would show twice: Teams uses `summary` for notifications instead.
            activity["summary"] = cut(MENTION.sub(lambda m: names(m[1]) or "a teammate", chunk), 200)
            activity.pop("text")
            activity = fit(activity)
        if entities and "text" in activity:
            activity["entities"] = entities
        out.append(activity)
    if card is not None and len(out) > 1:
        out = out[:1]  # the card carries the whole answer; the long text was only its fallback
    return out
