"""Asking the bot whether something is a peer task, in conversation."""
from __future__ import annotations

import pytest

from tests.conftest import Chat, reopen


def test_coffee_question_gets_a_sourced_kind_leaning(chat: Chat):
    """A newcomer's first question gets a clear leaning, the reasons, a source, a question for supervision and,
    asked in a channel, a way to share it."""
    reply = chat.say("is it ok to grab a coffee with someone I support?")[0]
    assert reply.text.startswith("Yes")
    assert "Source: toolkit" in reply.text
    assert "To bring to supervision:" in reply.text
    assert [c.label for c in reply.choices] == ["Why?", "Sources", "Talk it through", "Share with the channel"]


def test_doing_it_for_someone_is_not_the_same_as_doing_it_with_them(chat: Chat):
    """Shopping with someone leans towards peer work; doing their shopping for them does not."""
    with_them = chat.say("/peer task going grocery shopping with her")[0]
    for_them = chat.say("/peer task doing her grocery shopping for her")[0]
    assert with_them.card.tone in ("yes", "likely")
    assert for_them.card.tone in ("unlikely", "no")


def test_reporting_on_someone_moves_a_task_away_from_peer_work(chat: Chat):
    """Being asked to watch someone and report back is not a peer task."""
    reply = chat.say("the treatment team wants me to keep an eye on him and report back whether he takes his meds")[0]
    assert reply.card.tone in ("unlikely", "no")


def test_a_bare_question_across_a_split_says_it_depends(chat: Chat):
    """A question that lands between rulings on both sides of a distinction says it depends and shows both."""
    reply = chat.say("should peer workers answer the office phones?")[0]
    assert reply.card.tone == "depends"
    assert "turns on the details" in reply.text


def test_someone_elses_agenda_on_a_ride_is_not_peer_work(chat: Chat):
    """A ride the team wants used to talk the person round leans away from peer work."""
    reply = chat.say("my manager wants me to drive her to the psych ward so I can talk her into staying. is that my job?")[0]
    assert reply.card.tone in ("unlikely", "no")


def test_asking_for_the_word_for_something_gets_the_term(chat: Chat):
    """"Is there a word for…?" answers with the term, not the topic that describes it."""
    reply = chat.say("is there a word for when a supervisor treats a peer worker like a patient?")[0]
    assert reply.text.startswith("Caretaking")


def test_asking_how_gets_a_topic_not_a_task_leaning(chat: Chat):
    """"How do I…" asks for a way to do something, so it gets a topic, not a yes or no."""
    reply = chat.say("how do I explain my role to a new nurse on the team?")[0]
    assert reply.card.tone == "info" and reply.text.startswith("What peer support is")


def test_a_question_about_what_the_role_is_gets_a_topic(chat: Chat):
    """"Are peer workers basically therapists?" is about the role, answered by the myth it rests on."""
    reply = chat.say("are peer workers basically therapists?")[0]
    assert reply.text.startswith("Myth: peer workers are cheap counsellors")


def test_why_shows_the_worksheet_reasons_privately(chat: Chat):
    """Why? opens the ruling's reasons, only for the asker."""
    chat.say("is it ok to grab a coffee with someone I support?")
    why = chat.press("Why?")[0]
    assert why.private and "Source:" in why.text


def test_sources_name_the_documents(chat: Chat):
    """Sources lists the documents by title and lines."""
    chat.say("is it ok to grab a coffee with someone I support?")
    sources = chat.press("Sources")[0]
    assert "Supervising Peer Workers toolkit" in sources.text and "lines" in sources.text


def test_sources_that_disagree_are_both_shown(chat: Chat):
    """Where documents lean differently (reading files), the answer says the sources differ."""
    reply = chat.say("/peer task reading a participant's file before I meet them")[0]
    assert "The sources differ here:" in reply.text


def test_something_unrelated_gets_honesty_not_a_guess(chat: Chat):
    """A question outside the sources gets "I don't know" and a pointer to what the bot can do."""
    reply = chat.say("what's the wifi password?")[0]
    assert "I don't know" in reply.text and "/peer topics" in reply.text


@pytest.mark.parametrize("question", [
    "what time is the staff meeting tomorrow?", "what's the number for IT support?",
    "is the office closed on Easter Monday?", "what's for lunch at the team retreat?",
    "who do I call to fix the heating in our office?", "can you help me find the form for my travel expenses?",
])
def test_questions_about_running_the_workplace_get_honesty_even_when_they_share_words(chat: Chat, question):
    """"Staff", "team" or "office" in a question about times, places and services is no match for a topic."""
    reply = chat.say(question)[0]
    assert reply.text.startswith("I don't know that one")


@pytest.mark.parametrize("question", ["when is it ok to share my story with someone I support?",
                                      "where do I draw the line between friend and peer worker?"])
def test_questions_shaped_like_logistics_about_the_role_are_still_answered(chat: Chat, question):
    """"When is it ok…" and "where do I draw the line…" are about the role, and get an answer."""
    assert not chat.say(question)[0].text.startswith("I don't know that one")


@pytest.mark.parametrize("question", ["what's the max daily dose of sertraline?",
                                      "is it safe to have a couple drinks on lorazepam?",
                                      "how long does opioid withdrawal usually last?",
                                      "what are the main symptoms of bipolar disorder?"])
def test_clinical_questions_are_not_answered_and_say_who_can(chat: Chat, question):
    """Doses, symptoms and what is safe to mix are for a prescriber or pharmacist; the bot says so kindly."""
    reply = chat.say(question)[0]
    assert reply.text.startswith("That's a clinical question") and "pharmacist" in reply.text
    assert [c.label for c in reply.choices] == ["Medication and the peer role"]


def test_a_task_question_about_medication_still_gets_its_leaning(chat: Chat):
    """"Can I tell someone which dose to take?" is a question about the role, and gets a clear no: not a peer worker's to advise."""
    reply = chat.say("can I tell someone what dose of their meds to take?")[0]
    assert not reply.text.startswith("That's a clinical question")
    # Either the ruling's "No" or a page saying so in words: a bare "No." opening a myth page no longer counts.
    assert "No, this isn't a peer task" in reply.text or "don't advise on medication at all, doses included" in reply.text
    assert "prescriber" in reply.text


def test_asking_for_a_crisis_line_always_gets_the_lines(chat: Chat):
    """"What's the number for the crisis line?" is answered with the lines, privately, never "I don't know"."""
    reply = chat.say("what's the number for the crisis line?")[0]
    assert reply.private and "9-8-8" in reply.text and "not a crisis service" in reply.text


def test_empty_task_gets_kind_help(chat: Chat):
    """/peer task with nothing after it explains what to type, privately."""
    reply = chat.say("/peer task")[0]
    assert reply.private and "/peer task driving someone" in reply.text


def test_the_guided_check_walks_through_the_criteria_and_leans(chat: Chat):
    """The guided check asks one question at a time and ends with a leaning and the reasons."""
    first = chat.say("/peer check")[0]
    assert "What's the task?" in first.text and first.private
    chat.press("Just the questions")
    assert "(1/7)" in chat.last.text and chat.last.private
    for label in ["Yes, clearly", "Yes", "Yes", "The person asked", "No", "No", "No"]:
        chat.press(label)
    assert chat.last.text.startswith("Leaning: likely")
    assert "lived experience" in chat.last.text


def test_a_guided_check_that_pulls_against_values_leans_away(chat: Chat):
    """Answers that conflict with peer values end in a leaning away from peer work."""
    chat.say("/peer check task")
    chat.press("Just the questions")
    for label in ["No", "No", "Not really", "The team or a plan", "Yes", "Yes", "No"]:
        chat.press(label)
    assert chat.last.text.startswith("Leaning: unlikely")


def test_a_guided_check_survives_a_restart(bot, settings, clock, catalog):
    """Half-way through a check, the bot restarts; the next button press carries on where it was."""
    chat = Chat(bot)
    chat.say("/peer check")
    chat.press("Just the questions")
    chat.press("Yes, clearly")
    restarted = Chat(reopen(bot, settings, clock, catalog))
    restarted.log = chat.log
    restarted.press("Yes")
    assert "(3/7)" in restarted.last.text


def test_pressing_an_old_step_again_does_not_count_twice(chat: Chat):
    """A second press on an already-answered question is recognised, not counted."""
    chat.say("/peer check")
    chat.press("Just the questions")
    chat.press("Yes, clearly")
    again = chat.press_action("v1:answer:task:0:0")[0]
    assert "already answered" in again.text


def test_an_unknown_button_version_has_expired_kindly(chat: Chat):
    """A button from another version of the bot gets a friendly expiry, not an error."""
    reply = chat.press_action("v0:why:ws-26")[0]
    assert "expired" in reply.text


def test_a_bug_never_shows_a_traceback(chat: Chat, monkeypatch):
    """When a handler fails, the person gets an apology with a reference, never the exception."""
    import dataclasses

    from bot import router

    def broken(bot, req, text):
        raise RuntimeError("secret internals")

    monkeypatch.setitem(router.COMMANDS, "task", dataclasses.replace(router.COMMANDS["task"], handler=broken))
    reply = chat.say("/peer task anything")[0]
    assert "something went wrong" in reply.text and "secret internals" not in reply.text


def test_help_lists_the_commands(chat: Chat):
    """/peer help lists what the bot can do and says it is not a crisis service."""
    reply = chat.say("/peer help")[0]
    assert "/peer task" in reply.text and "not a crisis service" in reply.text


def test_help_lists_every_command_in_the_table_with_who_may_use_it(chat: Chat):
    """/peer help has a line for each command of the command table, naming facilitators or admins where they alone may."""
    from bot import router

    lines = chat.say("/peer help")[0].text.splitlines()
    for name, row in router.COMMANDS.items():
        (line,) = [x for x in lines if x.startswith(f"• /peer {name.replace('-', ' ')}") and row.summary in x]
        assert ("facilitators" in line or "admins" in line) == (row.who != "anyone"), line
