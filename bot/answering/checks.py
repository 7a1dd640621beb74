"""Guided checks: a short walk through questions with buttons, ending in a leaning and reasons.

The task check asks the toolkit's criteria; the self-disclosure check asks the standards' questions
before sharing. State (which step, which buttons were chosen) lives in the store under the asker,
so a check survives a restart; no free text is kept (a check about a task, `bot.answering.task_check`, keeps
the matched ruling's id beside the steps, never the words typed). Each button carries its step number, so a
press on an old question is recognised instead of being counted twice.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.actions import encode
from bot.content.catalog import Check, CheckOutcome
from bot.errors import UserError
from bot.messages import Card, Choice, Field, Reply
from bot.ports import Flows
from bot.replies import cite


def owner_of(platform: str, workspace: str, user_id: str) -> str:
    return f"{platform}:{workspace}:{user_id}"


def step_reply(check: Check, index: int, intro: bool = False, lead: str = "") -> Reply:
    step = check.step[index]
    head = f"{lead}{check.intro}\n\n" if intro else ""
    text = f"{head}({index + 1}/{len(check.step)}) {step.ask}"
    if step.why:
        text += f"\n{step.why}"
    choices = tuple(Choice(c.label, encode("answer", check.id, index, i)) for i, c in enumerate(step.choice))
    body = text.split("\n\n", 1)[-1]
    return Reply(text,
                 card=Card(check.title if intro else f"{check.title} ({index + 1}/{len(check.step)})",
                           (lead + check.intro + "\n\n" if intro else "") + body),
                 choices=choices + (Choice("Stop", encode("answer", check.id, index, "stop")),),
                 private=True)


def start(store: Flows, owner: str, check: Check, extra: dict[str, Any] | None = None, lead: str = "") -> Reply:
    """Open `check` at its first question. `extra` is kept with the steps (never free text: a check
    about a task keeps the id of the matched ruling); `lead` is shown above the intro, once."""
    store.save_flow(owner, f"check:{check.id}", {"step": 0, "picks": [], **(extra or {})})
    return step_reply(check, 0, intro=True, lead=lead)


Finish = Callable[[Check, list[int], dict[str, Any]], list[Reply]]


def answer(store: Flows, owner: str, check: Check, step_index: int, pick: str, finish: Finish | None = None) -> list[Reply]:
    """Record one press; the next question, or the result once the last is answered (`finish`
    makes the result when the check was about something, such as a task)."""
    state = store.get_flow(owner, f"check:{check.id}")
    if state is None:
        raise UserError("That check has finished or was stopped. Start a new one any time with "
                        f"\"/peer check {check.id}\".")
    if pick == "stop":
        store.end_flow(owner, f"check:{check.id}")
        return [Reply("Stopped. Nothing from it is kept. You can start again any time.", private=True)]
    if "step" not in state:
        raise UserError("That check is waiting for you to tell me the task first. Type it, or start again "
                        "with \"/peer check <the task>\".")
    if step_index != state["step"]:
        raise UserError("That question was already answered; here is where we are.") from None
    choice_index = int(pick)
    if not 0 <= choice_index < len(check.step[step_index].choice):
        raise UserError("That isn't one of the choices for this question.")
    state["picks"].append(choice_index)
    state["step"] += 1
    if state["step"] < len(check.step):
        store.save_flow(owner, f"check:{check.id}", state)
        return [step_reply(check, state["step"])]
    store.end_flow(owner, f"check:{check.id}")
    if finish is not None:
        return finish(check, state["picks"], state)
    return [result_reply(check, state["picks"])]


def outcome_of(check: Check, picks: list[int]) -> CheckOutcome:
    return check.outcome_for(sum(check.step[i].choice[p].lean for i, p in enumerate(picks)))


def result_reply(check: Check, picks: list[int], about: str = "", compared: tuple[str, ...] = ()) -> Reply:
    """The leaning from the answers given. `about` names the task; `compared` are lines setting the
    answers beside what the sources say about it."""
    chosen = [check.step[i].choice[p] for i, p in enumerate(picks)]
    outcome = outcome_of(check, picks)
    notes = [c.note for c in chosen if c.note]
    head = [f"About: {about}"] if about else []
    tail = ["", "Beside the sources:"] + [f"• {c}" for c in compared] if compared else []
    text = "\n".join(head + [f"Leaning: {outcome.verdict}", "", outcome.summary, ""] + [f"• {n}" for n in notes] +
                     ["", "This is a leaning to take to supervision, not a rule; local policy and your "
                      "supervisor come first.", f"Source: {cite(check.sources)}"] + tail)
    fields: tuple[Field, ...] = (Field("What you told me", "\n".join(f"• {n}" for n in notes) or "—"),)
    if compared:
        fields += (Field("Beside the sources", "\n".join(f"• {c}" for c in compared)),)
    card = Card(f"Leaning: {outcome.verdict}", (f"About: {about}\n\n" if about else "") + outcome.summary, fields,
                footer=f"Source: {cite(check.sources)}", tone=outcome.verdict if outcome.verdict in
                ("yes", "likely", "depends", "unlikely", "no") else "info")
    return Reply(text, card=card, private=True)
