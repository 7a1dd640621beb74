"""Discord's size limits, and the two ways peerbot stays inside them: split long text, clip short labels.

Long text (message content, an embed's description, a field's value) is split on paragraph, line or
word boundaries into pieces that each fit, so nothing is lost and Discord never rejects a message.
Short labels (titles, button labels, field names) are clipped with an ellipsis, since a label that
runs on is not worth a second message.
"""
from __future__ import annotations

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
EMBED_TOTAL = 6000  # all embeds of one message together
EMBEDS_PER_MESSAGE = 10
BUTTON_LABEL = 80
BUTTONS_PER_ROW = 5
ROWS = 5
CUSTOM_ID = 100
MODAL_TITLE = 45
MODAL_LABEL = 45
MODAL_PLACEHOLDER = 100
MODAL_FIELDS = 5
TEXT_INPUT = 4000
THREAD_NAME = 100
CHOICE_NAME = 100  # autocomplete choices: name and value
CHOICES = 25
COMMAND_DESCRIPTION = 100

BLANK = "\u200b"  # Discord refuses empty names and values; a zero-width space reads as nothing


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of `text`, each at most `limit` long, cut at the widest boundary that fits
    (blank line, line, space); a single word longer than `limit` is cut where it must be."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        for sep in ("\n\n", "\n", " "):
            cut = window.rfind(sep)
            if cut > 0:
                pieces.append(rest[:cut].rstrip())
                rest = rest[cut + len(sep):].lstrip("\n ")
                break
        else:
            pieces.append(rest[:limit])
            rest = rest[limit:]
    if rest or not pieces:
        pieces.append(rest)
    return [p for p in pieces if p] or [""]
