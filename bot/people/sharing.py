"""A question asked quietly is answered quietly, and shared only by choice.

Slack and Discord show a slash command to nobody but the person who typed it, so a question asked
that way in a channel (`/peer task …`, `/peer ask …`, `/peer <question>`) gets a private answer,
with a **Share with the channel** button. Sharing posts the answer re-rendered from the content
item it came from (the ruling, topic or term id travels in the button), never the question as
typed, and says who shared it: only the asker sees the private answer, so only the asker can press.

Who sees what, and what this module leaves alone:
- a mention was written in the channel for everyone, so it is answered there as before;
- DMs, App Home and the terminal chat are private already, and answers there have no Share button;
- facilitator posts (prompts, check-ins, scenarios) are not questions, and go to the channel;
- crisis replies never pass through here (`bot.safety.screen` answers them first): private, never shareable.

An admin may choose `/peer answers public` for a workspace (audited): slash-command questions are
then answered for the channel, as before this module. Private is the default.

Sharing is at most once: the post's key is a keyed hash of where, who and which answer, claimed in
the store like every post, so a second press, a double click or a restart posts nothing more. The
hash keeps the delivery record from saying who asked about what.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.actions import Expired, encode
from bot.answering.answerer import TaskAnswer
from bot.commands import Need
from bot.errors import UserError
from bot.messages import Card, Choice, Command, Message, Post, Press, Reply, Role, Where
from bot.people.roles import workspace_key
from bot.replies import task_reply, topic_reply

if TYPE_CHECKING:
    from bot.context import Context

QUESTIONS = {"ask", "task"}  # the router's verbs for questions (free text routes to "ask")
PUBLIC, PRIVATE = "public", "private"
SHARE = "Share with the channel"
KINDS = ("ruling", "item")
RETRIES = 3  # shares the platform refused that may be tried again
SHARED = ("Shared with the channel, with your name on it. Only the answer went: what you typed stays "
          "between us.")
ALREADY = "You've already shared this answer with the channel, so I haven't posted it again."


def mode(bot: Context, req: Command | Press) -> str:
    return PUBLIC if bot.store.workspace_answers(workspace_key(req)) == PUBLIC else PRIVATE


def asked_quietly(bot: Context, req: Command | Press, verb: str) -> bool:
    """A question typed as a slash command in a channel, in a workspace that keeps answers private."""
    return (isinstance(req, Command) and req.via == "command" and not req.where.is_dm
            and verb in QUESTIONS and mode(bot, req) == PRIVATE)


def privately(handler: Callable[..., list[Message]]) -> Callable[..., list[Message]]:
    """`handler`, answering privately with a Share button (for a question asked quietly)."""
    return lambda bot, req, text: quietly(handler(bot, req, text))


def quietly(messages: list[Message]) -> list[Message]:
    """The answers made private, each with a Share button where the answer can be shared."""
    return [replace(m, private=True, choices=m.choices + share_choice(m))
            if isinstance(m, Reply) and not m.private else m for m in messages]


def share_choice(reply: Reply) -> tuple[Choice, ...]:
    kind, _, item_id = reply.about.partition(":")
    if kind not in KINDS or not item_id:
        return ()  # "I don't know that one", a clinical question, an unsure leaning: nothing to share
    try:
        return (Choice(SHARE, encode("share", kind, item_id), "primary"),)
    except ValueError:  # an id too long for a button: the answer stays private, unshareable
        return ()


# -- the Share button ---------------------------------------------------------------------------
def answer_for(bot: Context, kind: str, item_id: str) -> Reply | None:
    """The answer for a content item, rendered afresh from the content alone."""
    if kind == "ruling":
        ruling = bot.catalog.rulings.get(item_id)
        if ruling is None:
            return None
        # The ruling as the sources give it: what was typed (and any leaning it moved) stays private.
        return task_reply(TaskAnswer(question="", verdict=ruling.verdict, reasons=ruling.reasons[:3],
                                     matches=(ruling,), instead=ruling.instead, reflect=ruling.question,
                                     views=ruling.views, jurisdiction=ruling.jurisdiction))
    item = bot.finder.lookup(item_id) if kind == "item" else None
    return topic_reply(item, bot.catalog) if item is not None else None


def shared(answer: Reply, user_id: str) -> Reply:
    line = f"Shared by <@{user_id}>"
    card = replace(answer.card, body=f"{answer.card.body}\n\n{line}") if answer.card else None
    return Reply(f"{answer.text}\n\n{line}", card=card, choices=answer.choices)


def share_key(bot: Context, req: Press, kind: str, item_id: str) -> str | None:
    """The post's key, or None when this answer is already shared here (or on its way).

    A share the platform refused (the bot not in the channel, say) did not go out, so it may be
    tried again, under a fresh key: a delivery record is never claimed twice."""
    where = f"{req.where.channel_key}:{req.where.thread or ''}"
    mac = hmac.new(bot.store.secret(), f"share|{where}|{req.who.user_id}|{kind}:{item_id}".encode(), hashlib.sha256)
    base = f"share:{mac.hexdigest()[:32]}"
    for attempt in range(RETRIES + 1):
        key = f"{base}:{attempt}" if attempt else base
        record = bot.store.delivery(key)
        if record is None:
            return key
        if record.status != "failed":
            return None
    raise UserError("I couldn't post in this channel the last few times. If I'm not a member here, "
                    "an admin can add me; until then, the answer stays with you.")


def share(bot: Context, req: Press, args: list[str]) -> list[Message]:
    """The asker pressed Share: post the answer to the channel once, and say so where the button was."""
    if len(args) != 2 or args[0] not in KINDS:
        raise Expired()
    if req.where.is_dm:
        raise UserError("This conversation is just between us, so there's no channel to share it with.")
    answer = answer_for(bot, *args)
    if answer is None:
        raise UserError("I can't find that answer any more; the content may have changed. Ask me again.")
    key = share_key(bot, req, *args)
    if key is None:
        return [Reply(ALREADY, private=True, replace=True)]
    where = Where(req.where.platform, req.where.workspace, req.where.channel, req.where.thread)
    # "Shared" only once the platform took the post (`after_posts`); a refusal is told instead.
    return [Reply(SHARED, private=True, replace=True, after_posts=True), Post(where, shared(answer, req.who.user_id), key=key)]


# -- the setting ----------------------------------------------------------------------------------
def who_sees(bot: Context, req: Command | Press) -> str:
    if mode(bot, req) == PUBLIC:
        slash = ("• A question you ask with /peer in a channel: everyone in the channel sees my answer (an admin "
                 "chose this with \"/peer answers public\"). Your command itself shows only to you.")
    else:
        slash = ("• A question you ask with /peer in a channel: only you see my answer. \"Share with the channel\" "
                 "posts the answer, never your question, with your name.")
    mention = ("• Mentioning me (@peerbot) in a channel: everyone there sees your message, so my answer goes in "
               "its thread.")
    if req.where.platform == "teams":  # Teams has no slash command nor a message only one person sees
        slash = ("• A question you ask me (@peerbot) in a channel or group chat: I answer it in our personal chat, "
                 "with \"Share with the channel\" to post the answer, never your question, in the thread with your "
                 "name." if mode(bot, req) == PRIVATE else
                 "• A question you ask me (@peerbot) in a channel: everyone there sees my answer, in the thread "
                 "(an admin chose this with \"answers public\").")
        mention = "• Anything else you ask me in a channel: the answer goes in its thread; private ones in our personal chat."
    return "\n".join([
        "Who sees what:",
        slash,
        mention,
        "• Direct messages, App Home and the terminal chat: only you.",
        "• Crisis lines, reminders, guided checks, help and topic lists: only you, always.",
        "• Prompts, check-ins and scenarios a facilitator starts: the channel (answers to polls and "
        "check-ins are anonymous).",
    ])


def needs(rest: str) -> Need | None:
    """Anyone may ask who sees answers (or mistype the setting); admins change it."""
    wanted = rest.strip().lower()
    return Need(Role.ADMIN, "change who sees answers to questions") if wanted in (PUBLIC, PRIVATE) else None


def answers(bot: Context, req: Command | Press, text: str) -> list[Message]:
    """`/peer answers [public|private]`: who sees answers to slash-command questions; admins change it."""
    wanted = text.strip().lower()
    if not wanted:
        return [Reply(who_sees(bot, req) + "\n\nAdmins change the first with \"/peer answers public\" or "
                      "\"/peer answers private\".", private=True)]
    if wanted not in (PUBLIC, PRIVATE):
        raise UserError("Try \"/peer answers private\" (only the asker sees the answer, the default) or "
                        "\"/peer answers public\" (the whole channel sees it).")
    ws = workspace_key(req)
    if mode(bot, req) != wanted:
        bot.store.set_workspace_answers(ws, PUBLIC if wanted == PUBLIC else "")
        bot.store.audit(ws, req.who.user_id, "answers", wanted)
    if wanted == PUBLIC:
        done = ("Questions asked with /peer in a channel are now answered for the whole channel. "
                "\"/peer answers private\" goes back to answering only the asker.")
    else:
        done = ("Questions asked with /peer in a channel are now answered only to the asker, with a button "
                "to share the answer.")
    return [Reply(done, card=Card("Who sees answers", done), private=True)]
