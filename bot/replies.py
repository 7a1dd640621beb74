"""Turning answers into replies: the words, the card, the buttons.

Every reply's plain `text` stands on its own (it is what a phone notification or a plain terminal
shows); the card repeats it with structure. Short first: the first reply fits a phone screen, and
"Why?", "Sources" and "Talk it through" give depth on request.
"""
from __future__ import annotations

from bot.actions import encode
from bot.answering.answerer import TaskAnswer
from bot.content.catalog import DOC_TITLES, Catalog, Ruling, Source, Term, Topic, View
from bot.messages import Card, Choice, Field, Reply

LEANING = {
    "yes": "Yes, this is usually peer work",
    "likely": "Likely a peer task",
    "depends": "It depends",
    "unlikely": "Usually not a peer task",
    "no": "No, this isn't a peer task",
    "unsure": "I'm not sure",
}
NOT_A_CRISIS = "I'm a bot, not a crisis service."


def cite(sources: tuple[Source, ...]) -> str:
    return "; ".join(s.cite() for s in sources)


def views_text(views: tuple[View, ...]) -> str:
    if not views:
        return ""
    lines = ["The sources differ here:"]
    for v in views:
        lean = f" (leans {v.verdict})" if v.verdict else ""
        lines.append(f"• {v.summary}{lean} [{cite(v.sources)}]")
    return "\n".join(lines)


def task_reply(answer: TaskAnswer) -> Reply:
    if answer.verdict == "unsure":
        return unsure_task_reply(answer)
    top = answer.top
    assert top is not None
    lines = [f"{LEANING[answer.verdict]}: {top.task}." if answer.verdict == top.verdict
             else f"{LEANING[answer.verdict]}.", ""]
    lines += [f"• {r}" for r in answer.reasons]
    if answer.instead and answer.verdict in ("depends", "unlikely", "no"):
        lines += ["", f"Instead: {answer.instead}"]
    if answer.views:
        lines += ["", views_text(answer.views)]
    if answer.jurisdiction:
        lines += ["", f"Depends on where you are: {answer.jurisdiction}"]
    closest = "\n".join(f"• {r.task} ({r.verdict})" for r in answer.matches)
    lines += ["", "Closest rulings:", closest, "", f"To bring to supervision: {answer.reflect}",
              f"Source: {cite(top.sources)}"]
    see_also = answer.see_also
    if see_also is not None:
        lines += ["", f"See also: {_title(see_also)}"]
    fields = [Field("Why", "\n".join(f"• {r}" for r in answer.reasons))]
    if answer.instead and answer.verdict in ("depends", "unlikely", "no"):
        fields.append(Field("Instead", answer.instead))
    if answer.views:
        fields.append(Field("Sources differ", views_text(answer.views)))
    if answer.jurisdiction:
        fields.append(Field("Depends on where you are", answer.jurisdiction))
    fields += [Field("Closest rulings", closest), Field("For supervision", answer.reflect)]
    if see_also is not None:
        fields.append(Field("See also", _title(see_also)))
    card = Card(title=LEANING[answer.verdict], body=top.task, fields=tuple(fields),
                footer=f"Source: {cite(top.sources)}", tone=answer.verdict)
    choices: tuple[Choice, ...] = (Choice("Why?", encode("why", top.id)), Choice("Sources", encode("sources", "ruling", top.id)),
               Choice("Talk it through", encode("check", "task", top.id)))
    if see_also is not None:
        choices += (Choice(_title(see_also)[:40], encode("topic", see_also.id)),)
    return Reply("\n".join(lines), card=card, choices=choices, about=f"ruling:{top.id}")


def _title(item: Term | Topic) -> str:
    return item.term if isinstance(item, Term) else item.title


def _myth(item: Term | Topic) -> str:
    """A myth topic's myth, without its "Myth: " label ("" for anything else)."""
    if isinstance(item, Topic) and item.group == "myths":
        return item.title.split(":", 1)[1].strip() if ":" in item.title else item.title
    return ""


def unsure_task_reply(answer: TaskAnswer) -> Reply:
    text = ("I'm not sure, and I'd rather not guess. None of the rulings in my sources is close enough "
            "to what you asked.")
    near = "\n".join(f"• {r.task} ({r.verdict})" for r in answer.matches)
    body = text + (f"\n\nThe nearest things I know about:\n{near}" if near else "")
    body += ("\n\nWe could talk it through with the toolkit's questions (does it use your lived "
             "experience, build the relationship, whose idea is it…), or bring it to supervision.")
    return Reply(body, card=Card("I'm not sure", body, tone="unsure"),
                 choices=(Choice("Talk it through", encode("check", "task"), "primary"),))


def ruling_detail(ruling: Ruling) -> Reply:
    criteria = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in ruling.criteria.items())
    lines = [f"{ruling.task} ({ruling.verdict})", ""] + [f"• {r}" for r in ruling.reasons]
    if criteria:
        lines += ["", f"Worksheet answers: {criteria}"]
    if ruling.instead:
        lines += ["", f"Instead: {ruling.instead}"]
    if ruling.views:
        lines += ["", views_text(ruling.views)]
    lines += ["", f"Source: {cite(ruling.sources)}"]
    return Reply("\n".join(lines), card=Card(f"Why: {ruling.task}", "\n".join(lines[2:]),
                                             footer=f"Source: {cite(ruling.sources)}", tone=ruling.verdict),
                 private=True)


def sources_reply(sources: tuple[Source, ...]) -> Reply:
    lines = [f"• {DOC_TITLES[s.doc]}, lines {s.lines}" + (f" ({s.note})" if s.note else "") for s in sources]
    text = "Where this comes from:\n" + "\n".join(lines)
    return Reply(text, card=Card("Sources", "\n".join(lines)), private=True)


def topic_reply(item: Term | Topic, catalog: Catalog, more: bool = False, leaning: TaskAnswer | None = None,
                practical: bool = False) -> Reply:
    """A topic or definition. Its first line answers the question that was asked: with `leaning`
    (the question asked for a verdict) the verdict comes first; a myth page reached by a practical
    question ("do I have to tell the team…?") says it is answering a myth, so the page's "No." is
    not read as the answer to the question."""
    if isinstance(item, Term):
        title, body, extra = item.term, item.meaning, item.more
    else:
        title, body, extra = item.title, item.short, item.more
    if more and extra:
        body = f"{body}\n\n{extra}"
    lines = [title, "", body]
    intro = ""
    myth = _myth(item)
    if leaning is not None and leaning.top is not None and leaning.verdict != "unsure":
        head = (f"{LEANING[leaning.verdict]}: {leaning.top.task}." if leaning.verdict == leaning.top.verdict
                else f"{LEANING[leaning.verdict]} (closest ruling: {leaning.top.task}).")
        intro = head
        lines = [head, ""] + [f"• {r}" for r in leaning.reasons[:2]] + [
            "", f"More on this: {title}" + (" (a common myth, and what the sources say about it)" if myth else ""),
            "", body]
    elif myth and practical:
        intro = (f"I don't have a ruling on exactly that. The nearest thing in my sources is the myth that "
                 f"{myth[0].lower() + myth[1:]}; what follows answers the myth, not your question.")
        lines = [intro, "", title, "", body]
    fields: list[Field] = []
    if item.views:
        lines += ["", views_text(item.views)]
        fields.append(Field("Sources differ", views_text(item.views)))
    jurisdiction = getattr(item, "jurisdiction", "")
    if jurisdiction:
        lines += ["", f"Depends on where you are: {jurisdiction}"]
        fields.append(Field("Depends on where you are", jurisdiction))
    lines += ["", f"Source: {cite(item.sources)}"]
    choices: list[Choice] = []
    if leaning is not None and leaning.top is not None and leaning.verdict != "unsure":
        choices.append(Choice("Why?", encode("why", leaning.top.id)))
    if extra and not more:
        choices.append(Choice("More", encode("more", item.id)))
    check = getattr(item, "check", None)
    if check:
        choices.append(Choice("Talk it through", encode("check", check), "primary"))
    for ref in item.related[:3]:
        related = catalog.terms.get(ref) or catalog.topics.get(ref)
        if related is not None:
            label = related.term if isinstance(related, Term) else related.title
            choices.append(Choice(label[:40], encode("topic", ref)))
    choices.append(Choice("Sources", encode("sources", "item", item.id)))
    card_body = f"{intro}\n\n{body}" if intro else body
    return Reply("\n".join(lines), card=Card(title, card_body, tuple(fields), f"Source: {cite(item.sources)}"),
                 choices=tuple(choices[:5]), about=f"item:{item.id}")


def not_known_reply(catalog: Catalog) -> Reply:
    groups = sorted({t.group for t in catalog.topics.values()})
    text = ("I don't know that one, and I'd rather say so than guess. I can talk about whether a task "
            "fits the peer role (try \"/peer task driving someone to an appointment\"), what words like "
            "co-reflection or mutuality mean, and topics such as " + ", ".join(groups) +
            ". \"/peer topics\" lists everything.")
    return Reply(text, card=Card("I don't know that one", text, tone="unsure"),
                 choices=(Choice("Show topics", encode("topics")),))


CLINICAL = ("That's a clinical question, so it isn't mine to answer: I don't give medical or medication "
            "information, and peer work leaves that to prescribers, pharmacists and the care team. If it's about "
            "someone you support, you can help them take the question to their prescriber or pharmacist, in their "
            "own words. I can talk about where medication fits in the peer role.")


def clinical_reply() -> Reply:
    """For a question asking for clinical facts (symptoms, doses, what is safe to mix): not the bot's to
    answer, said plainly, with who can answer it and the peer-role topic that applies."""
    return Reply(CLINICAL, card=Card("Not mine to answer", CLINICAL, tone="unsure"),
                 choices=(Choice("Medication and the peer role", encode("topic", "medication-and-peer-role")),))

