"""Handlers for questions: `/peer task`, `/peer ask`, plain questions, topics and guided checks.

Which answer a free-text question gets (a task leaning, a topic, or "I don't know") is decided in
`bot.answering.choosing`; this module turns the choice into replies.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.actions import encode
from bot.answering import checks, courtesy, task_check
from bot.answering.choosing import choose, task_shaped
from bot.answering.text import clean
from bot.content.catalog import TOPIC_GROUPS, Term
from bot.errors import UserError
from bot.messages import Card, Choice, Command, Field, Message, Press, Reply
from bot.patterns import lazy
from bot.people import roles
from bot.replies import clinical_reply, not_known_reply, ruling_detail, sources_reply, task_reply, topic_reply
from bot.safety import support
from bot.schedules import chat as schedules
from bot.schedules import request as schedule_request

if TYPE_CHECKING:
    from bot.context import Context

Request = Command | Press
# The verbs whose words are a question: free text and /peer ask, /peer task, the "Ask peerbot" form.
QUESTIONS = {"ask", "task", "asked"}


def _owner(req: Request) -> str:
    return checks.owner_of(req.where.platform, req.where.workspace, req.who.user_id)


def ask(bot: Context, req: Request, text: str) -> list[Message]:
    if not text.strip():
        return [help_reply(bot)]
    # "thanks!", "hello", "who are you?" are courtesy, not questions for the answerer; a greeting in
    # front of a real question is dropped so the question is searched on its own words.
    polite = courtesy.reply_to(text)
    if polite is not None:
        return [polite]
    if isinstance(req, Command) and schedule_request.looks_like_request(text):
        # "can you schedule a check-in every friday at 3pm?": the same rule as "/peer schedule …".
        roles.check(bot, req, schedules.needs(text))
        return schedules.schedule(bot, req, text)
    if isinstance(req, Command) and task_check.waiting(bot, req):
        return task_check.take_task(bot, req, text)  # the answer to "/peer check": "what's the task?"
    text = courtesy.question_after_courtesy(text)
    if support.asks_for_lines(text):
        return support.support(bot, req, "")
    return _replies(bot, req, text, *choose(bot, text))


def _replies(bot: Context, req: Request, text: str, kind: str, found: Any) -> list[Message]:
    """The replies to a question `choose` read as `kind`, with what it found."""
    if kind == "task":
        return [task_reply(found), *_lines(bot, req, found.top)]
    if kind == "unsure-task":
        return [task_reply(found)]
    if kind == "topic":
        return [topic_reply(found.item, bot.catalog, leaning=found.leaning, practical=task_shaped(text)),
                *_lines(bot, req, found.item)]
    if kind == "clinical":
        return [clinical_reply()]
    named = _named_term(bot, text)
    if named is not None:
        return [topic_reply(named, bot.catalog)]
    return [not_known_reply(bot.catalog)]


def confident(bot: Context, req: Request, verb: str, text: str) -> list[Message]:
    """The answer to `text` asked with `verb` (`QUESTIONS`), only when it is a confident one (a task
    leaning or a topic); nothing otherwise. What `Bot.handle` sets after a crisis reply."""
    if verb not in QUESTIONS:
        return []
    kind, found = choose(bot, text)
    if kind not in ("task", "topic"):
        return []
    return task(bot, req, text) if verb == "task" else _replies(bot, req, text, kind, found)


def _lines(bot: Context, req: Request, item: object) -> list[Message]:
    """An answer about an emergency or someone's safety (`show_lines` in its content) comes with
    the region's emergency number and lines, privately."""
    return [support.lines_note(bot, req)] if getattr(item, "show_lines", False) else []


# "What is peer support?": every word of it is a stop word to the search, so it finds nothing. When
# nothing was found, a question that only asks for the meaning of a term's exact name or alias
# still gets that term.
NAMING = lazy(r"^(?:what(?:'s| is| are|s)|define|definition of|meaning of|explain|tell me about)\s+"
                    r"(?:an? |the )?(?P<name>[a-z' -]{2,60}?)\s*(?:exactly|actually|anyway)?\s*\??$")


def _named_term(bot: Context, text: str) -> Term | None:
    match = NAMING.match(" ".join(clean(text).split()))
    if match is None:
        return None
    wanted = match["name"].strip()
    for term in bot.catalog.terms.values():
        if wanted in (name.lower() for name in (term.term, *term.aliases)):
            return term
    return None


def task(bot: Context, req: Request, text: str) -> list[Message]:
    if not text.strip():
        raise UserError("Tell me the task after \"/peer task\", for example: "
                        "\"/peer task driving someone to the food bank\".")
    answer = bot.answerer.answer(text)
    return [task_reply(answer), *(_lines(bot, req, answer.top) if answer.verdict != "unsure" else [])]


def topics(bot: Context, req: Request, text: str = "") -> list[Message]:
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


def _label(bot: Context, item_id: str) -> str:
    item = bot.finder.lookup(item_id)
    return (item.term if isinstance(item, Term) else item.title)[:40] if item else item_id


def check(bot: Context, req: Request, text: str) -> list[Message]:
    """`/peer check` asks what the task is; `/peer check <task>` and `/peer check task <task>` start the
    task check about it; `/peer check self-disclosure` (any check's id) starts that check."""
    words = text.strip()
    check_id = words.lower().rstrip(".?!").replace(" ", "-")
    if check_id in bot.catalog.checks and check_id != task_check.CHECK_ID:
        return [checks.start(bot.store, _owner(req), bot.catalog.checks[check_id])]
    about = re.sub(r"^(?:a\s+)?task\b\s*[:,-]?\s*(?:about\s+)?|^about\s+", "", words, flags=re.IGNORECASE).strip()
    if not about:
        return [task_check.ask_for_task(bot, req)]
    return [task_check.start_about(bot, req, about)]


def help_reply(bot: Context) -> Reply:
    lines = [
        "Hi, I'm peerbot. I help peer workers think through their role, with sources.",
        "",
        "• Ask in your own words: \"can I drive someone to the food bank?\", \"what's co-reflection?\"",
    ]
    lines += [f"• {line}" for line in bot.help_lines]  # one per command, from the command table
    lines += ["", "I'm a bot, not a crisis service, and I'm no substitute for your supervisor."]
    return Reply("\n".join(lines), card=Card("peerbot", "\n".join(lines[2:])), private=True)


def help_(bot: Context, req: Request, text: str = "") -> list[Message]:
    """`/peer help` lists the commands; "help me" gets the courtesy reply; "help me decide whether…"
    is a question, answered as one."""
    if not text.strip():
        return [help_reply(bot)]
    said = f"help {text}"
    polite = courtesy.reply_to(said)
    return [polite] if polite is not None else ask(bot, req, said)


# -- button actions -------------------------------------------------------------------------
def why(bot: Context, req: Request, args: list[str]) -> list[Message]:
    ruling = bot.catalog.rulings.get(args[0]) if args else None
    if ruling is None:
        raise UserError("I can't find that ruling any more; the content may have changed. Ask me again.")
    return [ruling_detail(ruling)]


def sources(bot: Context, req: Request, args: list[str]) -> list[Message]:
    kind, item_id = (args + ["", ""])[:2]
    item = bot.catalog.rulings.get(item_id) if kind == "ruling" else bot.finder.lookup(item_id)
    if item is None:
        raise UserError("I can't find that item any more; the content may have changed. Ask me again.")
    return [sources_reply(item.sources)]


def more(bot: Context, req: Request, args: list[str]) -> list[Message]:
    item = bot.finder.lookup(args[0]) if args else None
    if item is None:
        raise UserError("I can't find that topic any more; the content may have changed. Ask me again.")
    reply = topic_reply(item, bot.catalog, more=True)
    return [Reply(reply.text, card=reply.card, choices=reply.choices, private=True)]


def topic(bot: Context, req: Request, args: list[str]) -> list[Message]:
    item = bot.finder.lookup(args[0]) if args else None
    if item is None:
        raise UserError("I can't find that topic any more; the content may have changed. Ask me again.")
    reply = topic_reply(item, bot.catalog)
    return [Reply(reply.text, card=reply.card, choices=reply.choices, private=True)]


def start_check(bot: Context, req: Request, args: list[str]) -> list[Message]:
    """A "Talk it through" button: `check:<id>` opens that check at its first question (a task check
    straight away, without asking for the task), `check:task:<ruling>` the check about that ruling."""
    check_id = args[0] if args else task_check.CHECK_ID
    if check_id not in bot.catalog.checks:
        raise UserError("That button doesn't belong to a check I know. Start again with \"/peer check\".")
    if check_id == task_check.CHECK_ID and len(args) > 1 and args[1] != "-":
        return [task_check.start_about_ruling(bot, req, args[1])]
    return [checks.start(bot.store, _owner(req), bot.catalog.checks[check_id])]


def answer_check(bot: Context, req: Request, args: list[str]) -> list[Message]:
    if len(args) != 3 or args[0] not in bot.catalog.checks or not args[1].isdigit():
        raise UserError("That button doesn't belong to a check I know. Start again with \"/peer check\".")
    check_ = bot.catalog.checks[args[0]]
    return list(checks.answer(bot.store, _owner(req), check_, int(args[1]), args[2], task_check.finish(bot)))


def list_topics(bot: Context, req: Request, args: list[str]) -> list[Message]:
    return topics(bot, req)


def ask_form(bot: Context, req: Request, args: list[str]) -> list[Message]:
    """Open a form to type a question (App Home's "Ask a question" button)."""
    from bot.messages import Form, FormField

    return [Reply("What would you like to ask?", private=True,
                  form=Form("Ask peerbot", encode("asked"),
                            (FormField("question", "Your question", "Can I drive someone to the food bank?",
                                       multiline=True),)))]


def asked(bot: Context, req: Request, args: list[str]) -> list[Message]:
    question = req.value("question") if isinstance(req, Press) else ""
    out: list[Message] = []
    for r in ask(bot, req, question):
        assert isinstance(r, Reply)  # a question from the form (a Press) is answered with replies only
        out.append(Reply(r.text, card=r.card, choices=r.choices, private=True))
    return out
