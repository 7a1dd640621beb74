"""The guided check about one task: `/peer check driving someone to a job interview`.

The task's description is answered once, when the check starts, exactly as `/peer task` would
answer it; only the ids of the matched rulings and the leaning are kept with the check's steps, never
the words typed (no message text is stored). At the end the person's own leaning is set beside the
sources': each worksheet criterion they answered is compared with the matched ruling's worksheet
answer ("you said it uses your lived experience; the worksheet agrees"), and the sourced answer
follows, the same one `/peer task` gives.

`/peer check` alone asks what the task is and waits, for a while, for the person's next message.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.actions import encode
from bot.answering import checks
from bot.answering.answerer import TaskAnswer
from bot.content.catalog import Check, Ruling
from bot.messages import Choice, Command, Message, Press, Reply
from bot.replies import task_reply
from bot.safety.quoting import quote

if TYPE_CHECKING:
    from bot.context import Context

CHECK_ID = "task"
WAIT = timedelta(minutes=30)  # how long "/peer check" waits for the task before the next message is a question again
COARSE = {"yes": "yes", "likely": "yes", "depends": "depends", "unlikely": "no", "no": "no"}
# How each worksheet answer reads in a sentence ("you said …", "the worksheet says …").
SAYS = {
    "lived_experience": {"yes": "it uses your lived experience", "partly": "it uses your lived experience a little",
                         "no": "it doesn't use your lived experience"},
    "rapport": {"yes": "it builds your relationship with the person", "partly": "it builds the relationship somewhat",
                "no": "it does little for the relationship"},
    "connections": {"yes": "it opens up resources or new perspectives", "partly": "it opens up a few new connections",
                    "no": "it doesn't open up new connections"},
    "conflicts_values": {"yes": "it pulls against peer values", "partly": "it might pull against peer values",
                         "no": "it doesn't pull against peer values"},
    "other_role_better": {"yes": "someone else on the team is better placed for it",
                          "partly": "someone else may be better placed for part of it",
                          "no": "nobody else is better placed for it"},
    "everyone_duty": {"yes": "it's something everyone on the team does", "partly": "it's partly a whole-team duty",
                      "no": "it isn't a whole-team duty"},
    "interdisciplinary": {"yes": "it's shared with the wider team", "partly": "it's partly shared with the team",
                          "no": "it isn't shared with the wider team"},
}
CANCEL = frozenset({"stop", "cancel", "never mind", "nevermind", "nvm", "quit", "exit", "no thanks", "forget it"})


def _owner(bot: Context, req: Command | Press) -> str:
    return checks.owner_of(req.where.platform, req.where.workspace, req.who.user_id)


def ask_for_task(bot: Context, req: Command | Press) -> Reply:
    """`/peer check` alone: ask what the task is, and remember (only) that the check is waiting."""
    bot.store.save_flow(_owner(bot, req), f"check:{CHECK_ID}", {"waiting": bot.clock.now().isoformat()})
    text = ("Let's talk a task through. What's the task? Describe it in a few words as your next message, "
            "for example \"driving someone to a job interview\". (Or \"stop\" to leave it.)")
    return Reply(text, private=True,
                 choices=(Choice("Just the questions", encode("check", CHECK_ID, "-"), "primary"),))


def waiting(bot: Context, req: Command | Press) -> bool:
    """Is this person's next message the task for a check they started with "/peer check"?"""
    state = bot.store.get_flow(_owner(bot, req), f"check:{CHECK_ID}")
    if not state or "waiting" not in state:
        return False
    since = datetime.fromisoformat(state["waiting"])
    if bot.clock.now() - since > WAIT:
        bot.store.end_flow(_owner(bot, req), f"check:{CHECK_ID}")
        return False
    return True


def take_task(bot: Context, req: Command | Press, text: str) -> list[Message]:
    """The person's answer to "what's the task?": start the check about it, or leave it on "stop"."""
    if text.strip().lower().strip(".!") in CANCEL:
        bot.store.end_flow(_owner(bot, req), f"check:{CHECK_ID}")
        return [Reply("Left it. Nothing from it is kept. \"/peer check\" starts again any time.", private=True)]
    return [start_about(bot, req, text)]


def start_about(bot: Context, req: Command | Press, text: str) -> Reply:
    """Start the task check about the task described in `text` (shown back, never kept)."""
    check = bot.catalog.checks[CHECK_ID]
    answer = bot.answerer.answer(text)
    about = {"about": {"ruling": answer.top.id if answer.top else "", "verdict": answer.verdict,
                       "matches": [r.id for r in answer.matches]}}
    lead = f"About: {quote(text, 120)}\n\n"
    return checks.start(bot.store, _owner(bot, req), check, about, lead)


def start_about_ruling(bot: Context, req: Command | Press, ruling_id: str) -> Reply:
    """Start the task check about a ruling already answered ("Talk it through" under an answer)."""
    check = bot.catalog.checks[CHECK_ID]
    ruling = bot.catalog.rulings.get(ruling_id)
    if ruling is None:
        return checks.start(bot.store, _owner(bot, req), check)
    about = {"about": {"ruling": ruling.id, "verdict": ruling.verdict, "matches": [ruling.id]}}
    return checks.start(bot.store, _owner(bot, req), check, about, f"About: {ruling.task}\n\n")


def finish(bot: Context) -> Callable[[Check, list[int], dict[str, Any]], list[Reply]]:
    """The `finish` for `checks.answer`: the result named and compared, then the sourced answer."""
    def _finish(check: Check, picks: list[int], state: dict[str, Any]) -> list[Reply]:
        about = state.get("about")
        if not about:
            return [checks.result_reply(check, picks)]
        answer = rebuilt_answer(bot, about)
        ruling = answer.top
        if ruling is None:
            name = "the task you described (my sources have no ruling close enough to compare)"
            compared: tuple[str, ...] = ("My sources have no ruling close enough to this task to set your answers "
                                         "beside; your leaning is the one to take to supervision.",)
        else:
            name = f"{ruling.task} (the closest task in my sources)"
            compared = comparison(check, picks, ruling, answer.verdict)
        return [checks.result_reply(check, picks, about=name, compared=compared),
                _private(task_reply(answer))]
    return _finish


def _private(reply: Reply) -> Reply:
    from dataclasses import replace

    return replace(reply, private=True)


def rebuilt_answer(bot: Context, about: dict[str, Any]) -> TaskAnswer:
    """The `/peer task` answer from what the check kept: the matched rulings and the leaning."""
    matches = tuple(r for r in (bot.catalog.rulings.get(i) for i in about.get("matches", ())) if r is not None)
    top = bot.catalog.rulings.get(about.get("ruling", ""))
    if top is None or about.get("verdict") == "unsure":
        return TaskAnswer("", "unsure", (), matches)
    matches = (top,) + tuple(r for r in matches if r.id != top.id)
    verdict = about.get("verdict") or top.verdict
    reasons = top.reasons[:3]
    if verdict != top.verdict:
        # The details of the description moved the leaning off the ruling's own (see bot.answerer).
        reasons = (f"The details you gave move this from the ruling's own leaning ({top.verdict}) "
                   f"to {verdict}.",) + top.reasons[:2]
    return TaskAnswer("", verdict, reasons, matches, instead=top.instead, reflect=top.question, views=top.views,
                      jurisdiction=top.jurisdiction)


def comparison(check: Check, picks: list[int], ruling: Ruling, verdict: str) -> tuple[str, ...]:
    """Each worksheet criterion the person answered, beside the ruling's answer; then the leanings."""
    lines = []
    for step, pick in zip(check.step, picks, strict=False):
        means = step.choice[pick].means
        if step.criterion is None or means is None or step.criterion not in ruling.criteria:
            continue
        said, sources = SAYS[step.criterion][means], ruling.criteria[step.criterion]
        if sources == means:
            lines.append(f"You said {said}; the worksheet agrees.")
        else:
            lines.append(f"You said {said}; the sources see it differently: {SAYS[step.criterion][sources]}.")
    mine = checks.outcome_of(check, picks).verdict
    if COARSE.get(mine) == COARSE.get(verdict):
        lines.append(f"Your answers lean {mine}, and so do the sources ({verdict}).")
    else:
        lines.append(f"Your answers lean {mine}; the sources lean {verdict}. Worth talking through what makes "
                     "your situation different, with your supervisor.")
    return tuple(lines)
