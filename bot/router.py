"""Which handler answers which command and which button: two tables you can read.

`COMMANDS` maps the first word after `/peer` to a handler `(bot, request, rest) -> messages`;
text that starts with no known word is a question for `ask`. `ACTIONS` maps the verb of a versioned
button id to a handler `(bot, press, args) -> messages`. Feature modules add their rows through
`register`, so this file stays the one place to look.
"""
from __future__ import annotations

import re
from typing import Callable

from bot import asking, calendar_commands, privacy, roles, scenarios, schedules, sharing, support
from bot.messages import Command

CommandHandler = Callable[..., list]
ActionHandler = Callable[..., list]

COMMANDS: dict[str, CommandHandler] = {
    "help": asking.help_,
    "task": asking.task,
    "ask": asking.ask,
    "topics": asking.topics,
    "check": asking.check,
    "facilitators": roles.facilitators,
    "audit": roles.audit,
    "schedule": schedules.schedule,
    "schedules": schedules.list_schedules,
    "timezone": schedules.timezone_,
    "reflect": schedules.reflect,
    "checkin": schedules.checkin,
    "holidays": calendar_commands.holidays_,
    "closed": calendar_commands.closed,
    "scenario": scenarios.scenario,
    "scenarios": scenarios.scenarios_list,
    "privacy": privacy.privacy,
    "forget-me": privacy.forget_me,
    "support": support.support,
    "region": support.region_,
    "answers": sharing.answers,
}

ACTIONS: dict[str, ActionHandler] = {
    "why": asking.why,
    "sources": asking.sources,
    "more": asking.more,
    "topic": asking.topic,
    "topics": asking.list_topics,
    "check": asking.start_check,
    "answer": asking.answer_check,
    "askform": asking.ask_form,
    "asked": asking.asked,
    "schedform": schedules.schedule_from_form,
    "schedmean": schedules.schedule_meant,
    "pulse": schedules.pulse,
    "scn": scenarios.press,
    "vote": scenarios.vote,
    "forget": privacy.press_forget,
    "notify": support.notify,
    "regions": support.regions,
    "share": sharing.share,
}

# Jobs run on every tick besides the schedules (scenario timers, housekeeping): (bot, now) -> posts.
TIMERS: list[Callable[..., list]] = [scenarios.due, privacy.prune]

# The lines of "/peer help" after the asking ones; feature modules may add theirs through `register`.
HELP: list[str] = [
    "/peer schedules: this channel's schedules (facilitators: /peer schedule reflection every monday 10:00)",
    "/peer holidays: the public holidays schedules here skip (/peer closed: closures; "
    "/peer schedule 3 on-holiday next-day)",
    "/peer scenarios: scenario discussions a facilitator can start here",
    "/peer privacy: who sees what, and what I keep; /peer forget me: delete what I keep about you",
    "/peer support: crisis lines and people to reach, only you see them (/peer region: which region's)",
]

PREFIX = re.compile(r"^\s*/?peer(?:bot)?\b[\s:,]*", re.IGNORECASE)


def register(commands: dict[str, CommandHandler] | None = None, actions: dict[str, ActionHandler] | None = None,
             help_lines: list[str] | None = None) -> None:
    for table, rows in ((COMMANDS, commands or {}), (ACTIONS, actions or {})):
        clash = set(rows) & set(table)
        if clash:
            raise ValueError(f"already registered: {sorted(clash)}")
        table.update(rows)
    HELP.extend(help_lines or [])


def split(text: str) -> tuple[str, str]:
    """('verb', 'rest') for a command, or ('ask', text) for a free-text question."""
    stripped = PREFIX.sub("", text, count=1).strip() if PREFIX.match(text) else text.strip()
    head, _, rest = stripped.partition(" ")
    verb = head.lower().rstrip("?:,.!")
    # Two-word commands ("forget me") are written with a dash in the table.
    second = rest.partition(" ")[0].lower()
    if f"{verb}-{second}" in COMMANDS:
        return f"{verb}-{second}", rest.partition(" ")[2].strip()
    if verb in COMMANDS:
        return verb, rest.strip()
    return "ask", stripped


def route(command: Command) -> tuple[CommandHandler, str]:
    verb, rest = split(command.text)
    return COMMANDS[verb], rest
