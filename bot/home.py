"""The home view (Slack's App Home, the console's welcome): what the bot does, the schedules the
person can see, and a button to ask a question."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions import encode
from bot.messages import Card, Choice, Field, Reply, Who

if TYPE_CHECKING:
    from bot.app import Bot

ABOUT = ("I help peer workers think through their role, with sources: ask whether something is a peer "
         "task, what a word means, or how supervision works. Facilitators can schedule co-reflection "
         "prompts and check-ins, and run scenario discussions. I'm a bot, not a crisis service; "
         "\"/peer support\" lists crisis lines.")


def home_reply(bot: "Bot", who: Who, platform: str, workspace: str) -> Reply:
    lines = [ABOUT]
    fields = []
    schedules = getattr(bot, "visible_schedules", None)
    if schedules is not None:
        rows = schedules(platform, workspace)
        listed = "\n".join(f"• #{s['channel_id']}: {s['summary']} (next: {s['next']})"
                           + (f", {s['problem']}" if s.get("problem") else "") for s in rows) or "None yet."
        fields.append(Field("Schedules", listed))
        lines += ["", "Schedules:", listed]
    return Reply("\n".join(lines), card=Card("peerbot", ABOUT, tuple(fields)),
                 choices=(Choice("Ask a question", encode("askform"), "primary"),
                          Choice("Is this a peer task?", encode("check", "task")),
                          Choice("Topics", encode("topics"))))
