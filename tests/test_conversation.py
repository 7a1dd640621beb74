"""Talking to the bot the way a newcomer does: courtesy, and the guided check about a task."""
from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import Chat, reopen

COURTESY = ["thanks!", "hello", "who are you?", "Hi there", "hey peerbot", "thank you so much :)", "thx",
            "good morning everyone", "what can you do?", "help me", "can you help me?", "are you a bot?",
            "are you human?", "r u a real person", "bye!", "cheers, that was really helpful", "thnaks",
            "how does this work?", "Hello? Is anyone there?", "/peer hi"]


@pytest.mark.parametrize("said", COURTESY)
def test_courtesy_gets_a_warm_reply_never_i_dont_know(chat: Chat, said):
    """Greetings, thanks, goodbyes and "who are you" get a short, warm reply saying what the bot is and is not."""
    reply = chat.say(said)[0]
    assert "I don't know" not in reply.text
    assert "peer" in reply.text and "not a crisis service" in reply.text and "not a clinician" in reply.text
    assert "/peer help" in reply.text and reply.text.count('"') >= 4  # two examples to try


def test_each_kind_of_courtesy_opens_in_its_own_words(chat: Chat):
    """Thanks is met with "you're welcome", a greeting with hello, "who are you" with what the bot is."""
    assert chat.say("thanks!")[0].text.startswith("You're welcome")
    assert chat.say("hello")[0].text.startswith("Hi, I'm peerbot")
    assert chat.say("are you a real person?")[0].text.startswith("I'm peerbot, a bot, not a person")
    assert chat.say("bye")[0].text.startswith("Take care")


@pytest.mark.parametrize("said, starts", [
    ("hi, can I grab a coffee with someone I support?", "Yes"),
    ("thanks! what is co-reflection?", "Co-reflection"),
    ("Hello, my manager wants me to do her grocery shopping for her", "Usually not"),
    ("thank you. is it ok to give a gift to someone I support?", ""),
    ("help me decide whether I can drive someone to the food bank", ""),
])
def test_a_greeting_or_thanks_before_a_real_question_is_answered_as_the_question(chat: Chat, said, starts):
    """"Hi, can I…?" is a question: it gets the answer, not the courtesy reply."""
    reply = chat.say(said)[0]
    assert "not a crisis service and not a clinician" not in reply.text
    assert not reply.text.startswith("I don't know")
    assert reply.text.startswith(starts)


def test_slash_help_still_lists_the_commands(chat: Chat):
    """"/peer help" alone is the list of commands; "help me" is the short courtesy reply."""
    assert "/peer task <something" in chat.say("/peer help")[0].text
    assert chat.say("help me")[0].text.startswith("Happy to help")


def _answer_all(chat: Chat, labels: list[str]) -> None:
    for label in labels:
        chat.press(label)


LEANS_YES = ["Yes, clearly", "Yes", "Yes", "The person asked", "No", "No", "No"]


def test_checking_a_named_task_walks_the_questions_about_it(chat: Chat):
    """"/peer check task driving someone to a job interview" starts the check about that task."""
    first = chat.say("/peer check task driving someone to a job interview")[0]
    assert first.private and "About: driving someone to a job interview" in first.text and "(1/7)" in first.text


def test_the_check_about_a_task_ends_with_the_sourced_answer_compared(chat: Chat):
    """The result names the task, sets each answer beside the worksheet, and ends with /peer task's answer."""
    expected = chat.say("/peer task taking someone to the food bank")[0]
    chat.say("/peer check taking someone to the food bank")
    _answer_all(chat, LEANS_YES)
    result, answer = chat.log[-2:]
    assert "About: Taking the person to the food bank" in result.text
    assert "You said it uses your lived experience; the worksheet agrees." in result.text
    assert "the sources see it differently" in result.text  # "no" to better placed; the worksheet says partly
    assert answer.text == expected.text and answer.private


def test_answers_against_the_sources_are_named_as_a_difference(chat: Chat):
    """Saying a worksheet "yes" is a "no" is shown as the sources seeing it differently, and the leanings differ."""
    chat.say("/peer check taking someone to the food bank")
    _answer_all(chat, ["No", "No", "Not really", "The team or a plan", "Yes", "Yes", "No"])
    result = chat.log[-2]
    assert "You said it doesn't use your lived experience; the sources see it differently: it uses your lived experience." in result.text
    assert "the sources lean likely" in result.text


def test_check_alone_asks_for_the_task_and_takes_the_next_message(chat: Chat):
    """"/peer check", then the task typed as the next message, starts the check about it instead of answering it."""
    asked = chat.say("/peer check")[0]
    assert "What's the task?" in asked.text
    first = chat.say("driving someone to a job interview")[0]
    assert "About: driving someone to a job interview" in first.text and "(1/7)" in first.text
    _answer_all(chat, LEANS_YES)
    assert chat.log[-2].text.startswith("About:") and "Leaning: likely" in chat.log[-2].text


def test_waiting_for_the_task_survives_a_restart(bot, settings, clock, catalog):
    """The bot restarts between "/peer check" and the task: the task still starts the check."""
    Chat(bot).say("/peer check")
    again = Chat(reopen(bot, settings, clock, catalog))
    assert "(1/7)" in again.say("taking someone to the food bank")[0].text


def test_stop_leaves_the_waiting_check(chat: Chat):
    """"stop" instead of a task leaves the check; the next message is a question again."""
    chat.say("/peer check")
    assert chat.say("stop")[0].text.startswith("Left it")
    assert chat.say("is it ok to grab a coffee with someone I support?")[0].text.startswith("Yes")


def test_a_check_left_waiting_long_ago_does_not_swallow_a_question(chat: Chat, clock):
    """An hour after "/peer check", a question is answered as a question."""
    chat.say("/peer check")
    clock.set(clock.now() + timedelta(hours=1))
    assert chat.say("is it ok to grab a coffee with someone I support?")[0].text.startswith("Yes")


def test_talk_it_through_under_an_answer_checks_that_task(chat: Chat):
    """"Talk it through" under a task answer starts the check about that ruling, named."""
    chat.say("/peer task taking someone to the food bank")
    first = chat.press("Talk it through")[0]
    assert "About: Taking the person to the food bank" in first.text and "(1/7)" in first.text


def test_the_self_disclosure_check_still_starts_by_name(chat: Chat):
    """"/peer check self-disclosure" is still its own check, not a task called self-disclosure."""
    first = chat.say("/peer check self-disclosure")[0]
    assert "(1/6)" in first.text and "share" in first.text.lower()
    assert "(1/6)" in chat.say("/peer check self disclosure")[0].text


def test_nothing_typed_about_the_task_is_kept(bot, chat: Chat):
    """Half-way through a check about a task, the database holds the ruling's id, not the words typed."""
    chat.say("/peer check")
    chat.say("driving my neighbour's cousin to a job interview downtown")
    chat.press("Yes, clearly")
    state = bot.store.get_flow("test:team:u-ana", "check:task")
    assert state["about"]["ruling"] and "cousin" not in str(state)


def test_the_issues_examples_work_in_the_terminal_chat(settings):
    """Piped into `peerbot chat`: thanks, hello, who are you, the check about a task (named, and asked
    for), and schedules in people's words, with a numbered "did you mean" that schedules when chosen."""
    from click.testing import CliRunner

    from adapters.cli import main

    lines = ["thanks!", "hello", "who are you?",
             "/peer check task driving someone to a job interview", "4",
             "/peer check", "driving someone to a job interview", "1", "1", "1", "1", "1", "1", "1",
             "schedule a reflection every weekday at 9",
             "/peer schedule checkin fortnightly on wednesday 10:00",
             "/peer schedule session every 2 weeks on friday at 3pm",
             "/peer schedule reflection every monday at noon",
             "/peer schedule checkin last friday of the month 4pm",
             "/peer schedule reflection the 1st of every month 9:00",
             "/peer schedule reflection every other tuesday 14:30",
             "/peer schedule checkin every month at 10:00", "1"]
    result = CliRunner().invoke(main, ["chat"], input="\n".join(lines) + "\n",
                                env={"PEERBOT_DB": settings.db, "PEERBOT_LOG_LEVEL": "WARNING"})
    out = result.output
    assert result.exit_code == 0, out
    assert "I don't know" not in out and "I don't have a check called" not in out
    assert out.count("not a crisis service and not a clinician") == 3
    assert "About: driving someone to a job interview" in out and "Stopped." in out
    assert "Leaning:" in out and "Beside the sources:" in out
    for made in ["co-reflection prompt every weekday at 09:00", "check-in every other Wednesday at 10:00",
                 "session every other Friday at 15:00", "prompt every Monday at 12:00",
                 "check-in the last Friday of the month at 16:00", "prompt the 1st of every month at 09:00",
                 "prompt every other Tuesday at 14:30", "check-in the 1st of every month at 10:00"]:
        assert made in out, made
    assert "Did you mean \"/peer schedule checkin the 1st of every month 10:00\"?" in out
    assert "[1] Yes, schedule that" in out
