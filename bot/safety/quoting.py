"""Echoing what a person typed, safely.

When the bot quotes input back ("I couldn't read "every funday" as a time"), the quote must not be
able to ping a group, mention someone, carry a link or break the layout, on any platform, whatever
renderer it goes through. `quote` makes the text inert rather than trusting every adapter to.
"""
from __future__ import annotations

import re
import unicodedata

# Look-alikes that read the same to a person but mean nothing to Slack, Discord or Markdown.
_INERT = str.maketrans({"@": "＠", "<": "‹", ">": "›", "`": "'", "[": "⁅", "]": "⁆"})
_SCHEME = re.compile(r":/+")


def quote(text: str, limit: int = 60) -> str:
    """One line of at most `limit` characters, with no control characters, mentions or links."""
    # Control and format characters (including zero-width and right-to-left overrides) are dropped:
    # they can hide or reorder what the quote shows.
    visible = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n\r")
    one_line = " ".join(visible.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1].rstrip() + "…"
    # "https://x" becomes "https∶//x": still readable, never a link (no scheme, so no autolink).
    return _SCHEME.sub(lambda m: "∶" + m.group(0)[1:], one_line.translate(_INERT))
