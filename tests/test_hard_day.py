"""What a peer worker asks on a hard day (issue 14): someone talking about suicide, an overdose,
boundaries, their own wellbeing. The questions of the issue's "Why" list get a sourced answer a peer
supervisor would sign; every item the issue added or found unreachable is reached by three everyday
questions that are not its own phrasings (tests/data/hard_day_questions.toml).

A worker asking about someone else is never answered as if they were in crisis themselves; answers
about an emergency or someone's safety carry the region's emergency number and lines, privately.
"""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from bot.answering.asking import choose
from bot.content.catalog import load_catalog
from bot.errors import ContentError
from bot.messages import Reply
from tests.conftest import ROOT, Chat

CASES = tomllib.loads((Path(__file__).parent / "data" / "hard_day_questions.toml").read_text())["case"]
CRISIS_REPLY = "Thank you for telling me"  # the opening of the reply to someone in crisis themselves
EMERGENCY = "call 911"  # the default region (CA) in content/support/regions.toml


def replies(messages) -> list[Reply]:
    return [m for m in messages if isinstance(m, Reply)]


def answered_by(bot, question: str) -> tuple[str, str, str]:
    """(kind, item id, verdict) of the answer `choose` picks."""
    kind, found = choose(bot, question)
    if kind == "task":
        return kind, found.top.id, found.verdict
    if kind == "topic":
        return kind, found.item.id, ""
    return kind, "", ""


def assert_for_someone_else(out: list[Reply]) -> None:
    """The asker is helping someone: no crisis reply, and the lines come once, privately."""
    assert not any(CRISIS_REPLY in r.text for r in out)
    with_lines = [r for r in out if EMERGENCY in r.text]
    assert len(with_lines) == 1 and with_lines[0].private


# -- the "Why" list ---------------------------------------------------------------------
def test_someone_who_wants_to_die_gets_stay_listen_protocol_and_supervisor(chat: Chat, bot):
    """"Someone I support told me they want to die" is answered with what to do: stay, listen, follow
    the crisis protocol, bring in the supervisor, with the lines for the person and no crisis reply."""
    question = "someone I support told me they want to die, what do I do?"
    assert answered_by(bot, question)[:2] == ("topic", "when-someone-talks-about-suicide")
    out = replies(chat.say(question))
    answer = out[0].text
    assert answer.startswith("When someone you support talks about suicide")
    assert "crisis protocol" in answer and "supervisor" in answer and "Source: handbook 58-63" in answer
    assert_for_someone_else(out)


def test_telling_the_team_about_suicidal_thoughts_is_yes_not_a_myth_page(chat: Chat, bot):
    """"Do I have to tell the team if someone tells me they're suicidal?" gets yes, safety is a limit
    of confidentiality, not the myth page that opens with "No."."""
    question = "do I have to tell the team if someone tells me they're suicidal?"
    assert answered_by(bot, question) == ("task", "sv-telling-team-suicidal", "yes")
    out = replies(chat.say(question))
    assert out[0].text.startswith("Yes") and "limit of confidentiality" in out[0].text
    assert "Myth" not in out[0].text and "Source: supervision 674-679" in out[0].text
    assert_for_someone_else(out)


def test_too_many_pills_gets_the_emergency_answer_and_number(chat: Chat, bot):
    """"Someone I support took too many pills" is an emergency: call emergency services and stay, with
    the number shown; not a page about medication."""
    question = "someone I support took too many pills"
    assert answered_by(bot, question)[:2] == ("topic", "overdose-and-medical-emergencies")
    out = replies(chat.say(question))
    assert out[0].text.startswith("An overdose or medical emergency") and "stay with the person" in out[0].text
    assert_for_someone_else(out)


def test_naloxone_gets_the_emergency_number_and_the_training_condition(chat: Chat, bot):
    """"Can I give naloxone if someone overdoses in front of me?" shows the emergency number and says
    to use naloxone when trained and allowed."""
    question = "can I give naloxone if someone overdoses in front of me?"
    assert answered_by(bot, question)[:2] == ("topic", "overdose-and-medical-emergencies")
    out = replies(chat.say(question))
    assert "trained in naloxone" in out[0].text and "agency allows" in out[0].text
    assert_for_someone_else(out)


def test_a_personal_phone_number_is_usually_not_given(chat: Chat, bot):
    """"Can I give someone my personal phone number?" leans no, with agency policy deciding, not the
    yes for answering a work phone."""
    question = "can I give someone my personal phone number?"
    assert answered_by(bot, question) == ("task", "sv-personal-phone-number", "unlikely")
    reply = chat.say(question)[0]
    assert reply.card.tone == "unlikely" and "Instead:" in reply.text and "agency" in reply.text


def test_what_is_peer_support_gets_the_definition(chat: Chat):
    """"What is peer support?" gets the definition or the topic that asks it word for word (both
    answer it), with its sources, not "I don't know"."""
    reply = chat.say("what is peer support?")[0]
    as_term = reply.text.startswith("Peer support\n") and "Source: handbook 101-117" in reply.text
    as_topic = reply.text.startswith("What peer support is\n") and "Source: supervision 806-929" in reply.text
    assert as_term or as_topic


def test_being_asked_what_you_would_do_about_meds_is_not_answered_with_your_choice(chat: Chat, bot):
    """"Someone I support asked what I'd do about their meds" leans no: not the peer worker's job,
    help them take it to their prescriber instead."""
    question = "someone I support asked what I'd do about their meds"
    kind, item, verdict = answered_by(bot, question)
    assert kind == "task" and verdict == "no" and item in ("sv-asked-what-youd-do-meds", "sv-medication-pros-cons")
    reply = chat.say(question)[0]
    assert reply.text.startswith("No") and "prescriber" in reply.text and "Source: supervision" in reply.text


# -- showing the lines ---------------------------------------------------------------------------
def test_a_task_about_an_emergency_carries_the_number_too(chat: Chat):
    """A ruling with show_lines (calling emergency services) adds the number privately under its leaning."""
    out = replies(chat.say("/peer task calling emergency services when someone overdoses in front of me"))
    assert out[0].card.tone == "yes" and EMERGENCY in out[1].text and out[1].private


def test_answers_about_ordinary_tasks_carry_no_lines(chat: Chat):
    """An everyday question (coffee with someone) gets its answer alone, without crisis lines."""
    out = replies(chat.say("is it ok to grab a coffee with someone I support?"))
    assert len(out) == 1 and EMERGENCY not in out[0].text


def test_show_lines_must_be_true_or_false(tmp_path):
    """show_lines = "yes" is a content problem naming the file, not a silent true."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    topic = content / "topics" / "partner-violence.toml"
    topic.write_text(topic.read_text().replace("show_lines = true", 'show_lines = "yes"'))
    with pytest.raises(ContentError) as raised:
        load_catalog(content)
    assert [p for p in raised.value.problems if p.startswith(f"{topic}: topic partner-violence: show_lines")]


def test_someone_in_crisis_who_asks_about_an_emergency_gets_the_lines_once(chat: Chat):
    """The crisis reply already gives the lines, so the answer that follows it does not repeat them."""
    out = replies(chat.say("I want to kill myself. what should I do when someone overdoses?"))
    assert CRISIS_REPLY in out[0].text and out[1].text.startswith("An overdose or medical emergency")
    assert sum(EMERGENCY in r.text for r in out) == 1 and all(r.private for r in out)


# -- reachable -----------------------------------------------------------------------------------
def test_every_listed_item_has_three_questions_none_its_own(catalog):
    """Each item in the question set exists, has at least three questions, and none of them is one
    of the item's own phrasings, questions or aliases."""
    by_item: dict[str, list[str]] = {}
    for case in CASES:
        by_item.setdefault(case["expect"], []).append(case["question"])
    for item_id, questions in by_item.items():
        item = catalog.rulings.get(item_id) or catalog.topics.get(item_id) or catalog.terms.get(item_id)
        assert item is not None, item_id
        own = {p.lower().strip(" ?") for p in getattr(item, "all_phrasings", ()) + getattr(item, "questions", ())
               + getattr(item, "aliases", ())}
        assert len(questions) >= 3, item_id
        assert not [q for q in questions if q.lower().strip(" ?") in own], item_id


@pytest.fixture(scope="module")
def module_bot(catalog, tmp_path_factory):
    from adapters.bootstrap import build_bot
    from bot.settings import Settings

    return build_bot(Settings(db=str(tmp_path_factory.mktemp("hard") / "hard.db"), _env_file=None), catalog=catalog)


@pytest.mark.parametrize("case", CASES, ids=[c["question"][:60] for c in CASES])
def test_an_everyday_question_reaches_its_item(module_bot, case):
    """An everyday question lands on the ruling, topic or definition written for it."""
    kind, item, _ = answered_by(module_bot, case["question"])
    assert item == case["expect"], f"{kind}:{item}"

