"""Core replies into Block Kit: messages, modals and the App Home view.

Pure functions, no I/O. Every payload stays inside Slack's limits (header 150, section 3000, field
2000, 10 fields, button text 75, 25 buttons per actions block, 50 blocks per message): long text is
split across sections and, past 50 blocks, across messages; it is never rejected or silently lost.

Every mrkdwn text is escaped (`&`, `<`, `>`) and marked `verbatim`, so text a person typed and the
bot echoes can never ping `@channel`/`@here`, mention a user group or carry a link. The one markup
let through is a user mention (`<@U123>`), which the core writes on purpose ("<@U1> is now a
facilitator").
"""
from __future__ import annotations

import json
import re

from bot.messages import Card, Choice, Form, Reply

HEADER, SECTION, FIELD, FIELDS, CONTEXT, BUTTON, BUTTONS, BLOCKS = 150, 3000, 2000, 10, 3000, 75, 25, 50
FALLBACK = 3000  # the notification text; Slack accepts more, nobody reads more on a lock screen
SHORT_FIELD = 80  # a field value longer than this (or with line breaks) gets a full-width section
MODAL_TITLE, MODAL_BLOCKS, HOME_BLOCKS, PLACEHOLDER, VALUE = 24, 100, 100, 150, 2000
FORM_CALLBACK = "peerbot:form"
OPEN_FORM = "peerbot:open-form"
TONE = {"yes": "✅", "likely": "🟢", "depends": "🟡", "unlikely": "🟠", "no": "⛔", "unsure": "❔", "care": "💛"}
_USER_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]+)(?:\|[^&<>]*)?&gt;")
# A link to a channel (`<#C123>`), which the core writes to name where it could not post: shown as
# the channel's name, it pings nobody. (Typed text never carries one: `bot.safety.quoting` makes it inert.)
_CHANNEL_LINK = re.compile(r"&lt;#([CG][A-Z0-9]+)&gt;")


def escape(text: str) -> str:
    """Neutralise Slack's control characters, then let plain user mentions through again."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CHANNEL_LINK.sub(r"<#\1>", _USER_MENTION.sub(r"<@\1>", escaped))


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split(text: str, limit: int) -> list[str]:
    """Escaped chunks of at most `limit` characters, broken at lines, then words, then characters."""
    pieces: list[str] = []
    for line in escape(text).split("\n"):
        pieces.extend(_hard_split(line, limit))
    chunks: list[str] = []
    current: str | None = None
    for piece in pieces:
        if current is not None and len(current) + 1 + len(piece) <= limit:
            current += "\n" + piece
        else:
            if current is not None:
                chunks.append(current)
            current = piece
    if current is not None:
        chunks.append(current)
    return [c for c in chunks if c.strip()]


def _hard_split(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    out, current = [], ""
    for word in re.split(r"(?<= )", line):
        if len(current) + len(word) <= limit:
            current += word
            continue
        if current:
            out.append(current)
        while len(word) > limit:  # one enormous word: cut it, never inside an &entity;
            head = word[:limit]
            amp = head.rfind("&")
            if amp > 0 and ";" not in head[amp:]:
                head = head[:amp]
            out.append(head)
            word = word[len(head):]
        current = word
    if current:
        out.append(current)
    return out


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def plain(text: str, limit: int) -> dict:
    return {"type": "plain_text", "text": cut(text, limit) or " ", "emoji": True}


def sections(text: str) -> list[dict]:
    return [{"type": "section", "text": mrkdwn(chunk)} for chunk in split(text, SECTION)]


def card_blocks(card: Card) -> list[dict]:
    title = f"{TONE[card.tone]} {card.title}" if card.tone in TONE else card.title
    blocks = [{"type": "header", "text": plain(title, HEADER)}] if card.title else []
    blocks += sections(card.body)
    fields: list[dict] = []
    for field in card.fields:
        text = escape(f"*{field.name}*\n{field.value}")
        if len(field.value) <= SHORT_FIELD and "\n" not in field.value:
            fields.append(mrkdwn(text))
        else:  # lists and paragraphs read badly in a half-width column: full width, in order
            blocks += _field_sections(fields)
            fields = []
            blocks += sections(f"*{field.name}*\n{field.value}")
    blocks += _field_sections(fields)
    if card.footer:
        elements = [mrkdwn(chunk) for chunk in split(card.footer, CONTEXT)]
        blocks += [{"type": "context", "elements": elements[i:i + 10]} for i in range(0, len(elements), 10)]
    return blocks


def _field_sections(fields: list[dict]) -> list[dict]:
    return [{"type": "section", "fields": fields[i:i + FIELDS]} for i in range(0, len(fields), FIELDS)]


def buttons(choices: tuple[Choice, ...]) -> list[dict]:
    elements, used = [], set()
    for choice in choices:
        action_id = choice.action
        while action_id in used:  # Slack wants unique action ids; the value still carries the action
            action_id += "#"
        used.add(action_id)
        button = {"type": "button", "text": plain(choice.label, BUTTON), "action_id": action_id,
                  "value": choice.action}
        if choice.style in ("primary", "danger"):
            button["style"] = choice.style
        elements.append(button)
    return [{"type": "actions", "elements": elements[i:i + BUTTONS]} for i in range(0, len(elements), BUTTONS)]


def form_button(form: Form) -> list[dict]:
    """Where no modal can open straight away (a mention, a DM), a button that opens it."""
    value = json.dumps(dump_form(form), separators=(",", ":"))
    if len(value) > VALUE:
        return []
    return [{"type": "actions", "elements": [{"type": "button", "text": plain(cut(form.title, BUTTON), BUTTON),
                                              "action_id": OPEN_FORM, "value": value, "style": "primary"}]}]


def reply_blocks(reply: Reply) -> list[dict]:
    blocks = card_blocks(reply.card) if reply.card else sections(reply.text)
    blocks += buttons(reply.choices)
    if reply.form is not None:
        blocks += form_button(reply.form)
    return blocks


def to_messages(reply: Reply) -> list[dict]:
    """One or more chat message payloads (`text` fallback plus `blocks`) for a reply."""
    blocks = reply_blocks(reply)
    pages = [blocks[i:i + BLOCKS] for i in range(0, len(blocks), BLOCKS)] or [[]]
    texts = split(reply.text, FALLBACK) or [" "]
    out = []
    for n, page in enumerate(pages):
        text = texts[0] if n == 0 else f"(continued {n + 1}/{len(pages)})"
        out.append({"text": text, "blocks": page} if page else {"text": text})
    return out


def dump_form(form: Form) -> dict:
    return {"t": form.title, "s": form.submit,
            "f": [[f.id, f.label, f.placeholder, int(f.multiline), int(f.optional)] for f in form.fields]}


def load_form(data: dict) -> Form:
    from bot.messages import FormField

    return Form(data["t"], data["s"], tuple(FormField(i, lbl, ph, bool(m), bool(o)) for i, lbl, ph, m, o in data["f"]))


def to_modal(form: Form, private_metadata: str) -> dict:
    blocks = []
    for field in form.fields[:MODAL_BLOCKS]:
        element = {"type": "plain_text_input", "action_id": field.id, "multiline": field.multiline}
        if field.placeholder:
            element["placeholder"] = plain(field.placeholder, PLACEHOLDER)
        blocks.append({"type": "input", "block_id": field.id, "optional": field.optional,
                       "label": plain(field.label, 2000), "element": element})
    return {"type": "modal", "callback_id": FORM_CALLBACK, "private_metadata": private_metadata,
            "title": plain(form.title, MODAL_TITLE), "submit": plain("Submit", MODAL_TITLE),
            "close": plain("Cancel", MODAL_TITLE), "blocks": blocks}


def to_home(reply: Reply) -> dict:
    blocks = reply_blocks(reply)
    if len(blocks) > HOME_BLOCKS:  # keep the buttons, which come last, and say the rest was cut
        actions = [b for b in blocks if b["type"] == "actions"]
        content = [b for b in blocks if b["type"] != "actions"][: HOME_BLOCKS - len(actions) - 1]
        blocks = content + [{"type": "context", "elements": [mrkdwn("More than fits here: ask me in a message.")]}]
        blocks += actions
    return {"type": "home", "blocks": blocks}
