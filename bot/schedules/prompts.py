"""Choosing and rendering what a schedule posts: a co-reflection prompt, a structured session,
or a community-of-practice check-in.

Rotation: a channel never sees a prompt twice until every prompt of the themes it draws from has
been used; then that set starts over. The pick is seeded by the post's key, so it is varied but
reproducible.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from bot.actions import encode
from bot.content.catalog import Prompt
from bot.errors import UserError
from bot.messages import Card, Choice, Field, Post, Reply, Where
from bot.replies import cite
from bot.safety.quoting import quote

if TYPE_CHECKING:
    from bot.context import Context

PRIVACY = "Please keep details that could identify a person you support out of this channel."


def pick_prompt(bot: Context, channel: str, theme: str, seed: str) -> tuple[str, Prompt]:
    pool = [(t, p) for pid, (t, p) in sorted(bot.catalog.prompts.items()) if not theme or t == theme]
    if not pool:
        raise UserError(f"There are no prompts for the theme \"{quote(theme, 40)}\".")
    used = bot.store.used_prompts(channel)
    fresh = [(t, p) for t, p in pool if p.id not in used]
    if not fresh:
        bot.store.reset_prompts(channel, [p.id for _, p in pool])
        fresh = pool
    return random.Random(seed).choice(fresh)


def reflection_posts(bot: Context, where: Where, key: str, theme: str = "") -> list[Post]:
    theme_id, prompt = pick_prompt(bot, where.channel_key, theme, key)
    bot.store.use_prompt(where.channel_key, prompt.id, theme_id)
    title = bot.catalog.themes[theme_id].title
    text = f"Co-reflection ({title}): {prompt.text}"
    if prompt.follow_up:
        text += f"\n\nTo go further: {prompt.follow_up}"
    text += f"\n\nReply in the thread. {PRIVACY}\nSource: {cite(prompt.sources)}"
    card = Card(f"Co-reflection: {title}", prompt.text,
                (Field("To go further", prompt.follow_up),) if prompt.follow_up else (),
                footer=f"Reply in the thread. {PRIVACY} Source: {cite(prompt.sources)}")
    return [Post(where, Reply(text, card=card), key=key, opens_thread=True)]


def session_posts(bot: Context, where: Where, key: str, theme: str = "") -> list[Post]:
    fmt = bot.catalog.coreflection
    if fmt is None:
        raise UserError("The structured co-reflection format isn't available.")
    theme_id, prompt = pick_prompt(bot, where.channel_key, theme, key)
    bot.store.use_prompt(where.channel_key, prompt.id, theme_id)
    intro = f"{fmt.title}\n\n{fmt.intro}\n\nToday's prompt: {prompt.text}\n\n{PRIVACY}"
    posts = [Post(where, Reply(intro, card=Card(fmt.title, f"{fmt.intro}\n\nToday's prompt: {prompt.text}",
                                                footer=f"{PRIVACY} Source: {cite(fmt.sources)}")), key=key,
                  opens_thread=True)]
    for i, step in enumerate(fmt.step, 1):
        posts.append(Post(where, Reply(f"{i}. {step.title}: {step.text}", card=Card(f"{i}. {step.title}", step.text)),
                          key=f"{key}:step{i}", thread_of=key))
    return posts


def checkin_posts(bot: Context, where: Where, key: str) -> list[Post]:
    fmt = bot.catalog.checkin
    if fmt is None:
        raise UserError("The check-in format isn't available.")
    round_id = "r" + key.replace(":", "-")[-60:]
    bot.store.open_round(round_id, where.channel_key, "checkin", [c.id for c in fmt.choices])
    return [Post(where, checkin_reply(bot, round_id, {}), key=key)]


def checkin_reply(bot: Context, round_id: str, counts: dict[str, int]) -> Reply:
    from bot.scenarios.rounds import summary

    fmt = bot.catalog.checkin
    assert fmt is not None
    labels = {c.id: c.label for c in fmt.choices}
    tally = summary(counts, labels)
    text = (f"{fmt.title}\n\n{fmt.text}\n\n{tally}\n\n{fmt.invitation}\n\n{fmt.privacy_reminder}\n"
            f"Source: {cite(fmt.sources)}")
    card = Card(fmt.title, fmt.text, (Field("Answers", tally), Field("Bring one situation", fmt.invitation)),
                footer=f"{fmt.privacy_reminder} Answers are anonymous. Source: {cite(fmt.sources)}")
    choices = tuple(Choice(c.label, encode("pulse", round_id, c.id)) for c in fmt.choices)
    return Reply(text, card=card, choices=choices)


def render(bot: Context, kind: str, where: Where, key: str, theme: str = "") -> list[Post]:
    if kind == "reflection":
        return reflection_posts(bot, where, key, theme)
    if kind == "session":
        return session_posts(bot, where, key, theme)
    if kind == "checkin":
        return checkin_posts(bot, where, key)
    raise ValueError(f"unknown schedule kind {kind}")
