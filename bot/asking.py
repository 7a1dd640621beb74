"""Handlers for questions: `/peer task`, `/peer ask`, plain questions, topics and guided checks.

Which answer a free-text question gets (a task leaning, a topic, or "I don't know") is decided in
`bot.choosing`; this module turns the choice into replies.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import checks, support
from bot.actions import encode
from bot.catalog import TOPIC_GROUPS, Term
from bot.choosing import choose, task_shaped
from bot.errors import UserError
from bot.messages import Card, Choice, Command, Field, Message, Press, Reply
from bot.quoting import quote
from bot.replies import clinical_reply, not_known_reply, ruling_detail, sources_reply, task_reply, topic_reply

if TYPE_CHECKING:
    from bot.app import Bot

Request = Command | Press


def _owner(req: Request) -> str:
    return checks.owner_of(req.where.platform, req.where.workspace, req.who.user_id)


def ask(bot: "Bot", req: Request, text: str) -> list[Message]:
    if not text.strip():
        return [help_reply(bot)]
    if support.asks_for_lines(text):
        return support.support(bot, req, "")
    kind, found = choose(bot, text)
    if kind in ("task", "unsure-task"):
        return [task_reply(found)]
    if kind == "topic":
        return [topic_reply(found.item, bot.catalog, leaning=found.leaning, practical=task_shaped(text))]
    if kind == "clinical":
        return [clinical_reply()]
    return [not_known_reply(bot.catalog)]


def task(bot: "Bot", req: Request, text: str) -> list[Message]:
    if not text.strip():
        raise UserError("Tell me the task after \"/peer task\", for example: "
                        "\"/peer task driving someone to the food bank\".")
    return [task_reply(bot.answerer.answer(text))]


def topics(bot: "Bot", req: Request, text: str = "") -> list[Message]:
    names = {"role": "The peer role", "supervision": "Supervision", "sharing": "Sharing your story",
             "values": "Values and standards", "myths": "Myths and misconceptions",
             "boundaries": "Boundaries", "documentation": "Documentation", "community": "Community of practice"}
    fields = []
    for group in TOPIC_GROUPS:
        items = sorted((t for t in bot.catalog.topics.values() if t.group == group), key=lambda t: t.title)
        if items:
            fields.append(Field(names[group], "\n".join(f"• {t.title} ({t.id})" for t in items)))
    terms = sorted(bot.catalog.terms.values(), key=lambda t: t.term.lower())
    if terms:
        fields.append(Field("Words I can explain", ", ".join(t.term for t in terms)))
    body = ("Ask me in your own words, or \"/peer ask what is co-reflection\". Task questions: "
            "\"/peer task …\".")
    text_out = "What I can talk about:\n\n" + "\n\n".join(f"{f.name}\n{f.value}" for f in fields) + "\n\n" + body
    starters = [t for t in ("supervision-not-therapy", "self-disclosure", "co-reflection", "boundaries")
                if t in bot.catalog.topics or t in bot.catalog.terms]
    choices = tuple(Choice(_label(bot, t), encode("topic", t)) for t in starters)
    return [Reply(text_out, card=Card("What I can talk about", body, tuple(fields)), choices=choices, private=True)]


def _label(bot: "Bot", item_id: str) -> str:
    item = bot.finder.lookup(item_id)
    return (item.term if isinstance(item, Term) else item.title)[:40] if item else item_id


def check(bot: "Bot", req: Request, text: str) -> list[Message]:
    check_id = (text.strip().lower().replace(" ", "-") or "task")
    if check_id not in bot.catalog.checks:
        raise UserError(f"I don't have a check called \"{quote(text, 40)}\". I have: "
                        + ", ".join(sorted(bot.catalog.checks)) + ".")
    return [checks.start(bot.store, _owner(req), bot.catalog.checks[check_id])]


def help_reply(bot: "Bot") -> Reply:
    lines = [
        "Hi, I'm peerbot. I help peer workers think through their role, with sources.",
        "",
        "• Ask in your own words: \"can I drive someone to the food bank?\", \"what's co-reflection?\"",
        "• /peer task <something you've been asked to do>: is it a peer task?",
        "• /peer ask <question>: definitions and topics about the peer role",
        "• /peer check: talk a task through, one question at a time",
        "• /peer check self-disclosure: think through sharing part of your story",
        "• /peer topics: everything I can talk about",
    ]
    lines += [f"• {line}" for line in bot.extra_help]
    lines += ["", "I'm a bot, not a crisis service, and I'm no substitute for your supervisor."]
    return Reply("\n".join(lines), card=Card("peerbot", "\n".join(lines[2:])), private=True)


def help_(bot: "Bot", req: Request, text: str = "") -> list[Message]:
    return [help_reply(bot)]


# -- button actions -------------------------------------------------------------------------
def why(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    ruling = bot.catalog.rulings.get(args[0]) if args else None
    if ruling is None:
        raise UserError("I can't find that ruling any more; the content may have changed. Ask me again.")
    return [ruling_detail(ruling)]


def sources(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    kind, item_id = (args + ["", ""])[:2]
    item = bot.catalog.rulings.get(item_id) if kind == "ruling" else bot.finder.lookup(item_id)
    if item is None:
        raise UserError("I can't find that item any more; the content may have changed. Ask me again.")
    return [sources_reply(item.sources)]


def more(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    item = bot.finder.lookup(args[0]) if args else None
    if item is None:
        raise UserError("I can't find that topic any more; the content may have changed. Ask me again.")
    reply = topic_reply(item, bot.catalog, more=True)
    return [Reply(reply.text, card=reply.card, choices=reply.choices, private=True)]


def topic(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    item = bot.finder.lookup(args[0]) if args else None
    if item is None:
        raise UserError("I can't find that topic any more; the content may have changed. Ask me again.")
    reply = topic_reply(item, bot.catalog)
    return [Reply(reply.text, card=reply.card, choices=reply.choices, private=True)]


def start_check(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    return check(bot, req, args[0] if args else "task")


def answer_check(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    if len(args) != 3 or args[0] not in bot.catalog.checks or not args[1].isdigit():
        raise UserError("That button doesn't belong to a check I know. Start again with \"/peer check\".")
    check_ = bot.catalog.checks[args[0]]
    return [checks.answer(bot.store, _owner(req), check_, int(args[1]), args[2])]


def list_topics(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    return topics(bot, req)


def ask_form(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    """Open a form to type a question (App Home's "Ask a question" button)."""
    from bot.messages import Form, FormField

    return [Reply("What would you like to ask?", private=True,
                  form=Form("Ask peerbot", encode("asked"),
                            (FormField("question", "Your question", "Can I drive someone to the food bank?",
                                       multiline=True),)))]


def asked(bot: "Bot", req: Request, args: list[str]) -> list[Message]:
    question = req.value("question") if isinstance(req, Press) else ""
    return [Reply(r.text, card=r.card, choices=r.choices, private=True) for r in ask(bot, req, question)]
