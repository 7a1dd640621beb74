"""The home view (Slack's App Home): what the bot does, the schedules the person can see, and a
button to ask a question. `Bot.home` gathers the schedules; this module only draws the view."""
from __future__ import annotations

from typing import Any

from bot.actions import encode
from bot.messages import Card, Choice, Field, Reply

ABOUT = ("I help peer workers think through their role, with sources: ask whether something is a peer "
         "task, what a word means, or how supervision works. Facilitators can schedule co-reflection "
         "prompts and check-ins, and run scenario discussions. I'm a bot, not a crisis service; "
         "\"/peer support\" lists crisis lines.")


def home_reply(schedules: list[dict[str, Any]]) -> Reply:
    """The home view, listing `schedules` (`bot.schedules.chat.visible`: what the person can see)."""
    listed = "\n".join(f"• #{s['channel_id']}: {s['summary']} (next: {s['next']})"
                       + (f", {s['problem']}" if s.get("problem") else "") for s in schedules) or "None yet."
    lines = [ABOUT, "", "Schedules:", listed]
    fields = [Field("Schedules", listed)]
    return Reply("\n".join(lines), card=Card("peerbot", ABOUT, tuple(fields)),
                 choices=(Choice("Ask a question", encode("askform"), "primary"),
                          Choice("Is this a peer task?", encode("check", "task")),
                          Choice("Topics", encode("topics"))))
