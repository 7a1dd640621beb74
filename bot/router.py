"""Which handler answers which command and which button: two tables you can read.

`COMMANDS` maps the first word after `/peer` to a `Row` (`bot.commands`): the handler
`(bot, request, rest) -> messages`, a summary, the argument hint and the least role allowed. `/peer
help`, Discord's command descriptions and the README's table (checked by a test) are read from it,
and `Bot.handle` checks the role from it before the handler runs. Text that starts with no known
word is a question for `ask`. `ACTIONS` maps the verb of a versioned button id to a handler
`(bot, press, args) -> messages`; buttons that change something check the role themselves.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.answering import asking
from bot.commands import Row
from bot.messages import Command, Message, Post, Role
from bot.people import privacy, roles, sharing
from bot.safety import support
from bot.scenarios import runs as scenarios
from bot.schedules import calendar_commands
from bot.schedules import chat as schedules

ActionHandler = Callable[..., list[Message]]

FACILITATOR, ADMIN = Role.FACILITATOR, Role.ADMIN

# In the order `/peer help` lists them.
COMMANDS: dict[str, Row] = {
    "task": Row(asking.task, "is it a peer task?", "<something you've been asked to do>"),
    "ask": Row(asking.ask, "definitions and topics about the peer role", "<question>"),
    "check": Row(asking.check, "talk a task through, one question at a time, beside the sources",
                 "<a task> (or self-disclosure)"),
    "topics": Row(asking.topics, "everything I can talk about"),
    "schedules": Row(schedules.list_schedules, "this channel's schedules"),
    "schedule": Row(schedules.schedule, "schedule prompts, check-ins or sessions in this channel",
                    "<reflection, checkin or session> <when>, e.g. reflection every monday 10:00", FACILITATOR, needs=schedules.needs),
    "timezone": Row(schedules.timezone_, "this channel's time zone", "[IANA name, e.g. America/Toronto]",
                    change=FACILITATOR, doing="change the channel's time zone"),
    "reflect": Row(schedules.reflect, "post a co-reflection prompt now", "[theme]", FACILITATOR,
                   doing="post a co-reflection prompt"),
    "checkin": Row(schedules.checkin, "post a community-of-practice check-in now", role=FACILITATOR,
                   doing="post a check-in"),
    "holidays": Row(calendar_commands.holidays_, "the public holidays schedules here skip",
                    "[ON, US-NY, UK-SCT, IE, off or default]", change=FACILITATOR,
                    doing="change the channel's holiday calendar"),
    "closed": Row(calendar_commands.closed, "closures schedules here skip",
                  "[2026-12-24 to 2027-01-02 winter closure | list | remove N]", change=FACILITATOR,
                  needs=calendar_commands.needs),
    "scenarios": Row(scenarios.scenarios_list, "scenario discussions a facilitator can start here"),
    "scenario": Row(scenarios.scenario, "start a scenario discussion", "[id or tag] [timer N | no timer]",
                    FACILITATOR, needs=scenarios.needs),
    "facilitators": Row(roles.facilitators, "who facilitates here", "[list | add @someone | remove @someone]",
                        change=ADMIN, needs=roles.needs),
    "audit": Row(roles.audit, "recent configuration changes", role=ADMIN, doing="read the audit log"),
    "privacy": Row(privacy.privacy, "who sees what, and what I keep"),
    "answers": Row(sharing.answers, "who sees answers to /peer questions here", "[public | private]",
                   change=ADMIN, needs=sharing.needs),
    "forget-me": Row(privacy.forget_me, "delete what I keep about you"),
    "support": Row(support.support, "crisis lines and people to reach, only you see them", "[region | all]"),
    "region": Row(support.region_, "which region's crisis lines this workspace sees", "[region | default]",
                  change=FACILITATOR, doing="change the crisis-line region"),
    "help": Row(asking.help_, "this list"),
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
TIMERS: list[Callable[..., list[Post]]] = [scenarios.due, privacy.prune]

PREFIX = re.compile(r"^\s*/?peer(?:bot)?\b[\s:,]*", re.IGNORECASE)


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


def route(command: Command) -> tuple[Row, str]:
    verb, rest = split(command.text)
    return COMMANDS[verb], rest
