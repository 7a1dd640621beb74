"""Safety as conversations: crisis language, `/peer support`, `/peer region`, letting a contact know
with consent, and the confidentiality reminder. Everything runs through the real core on real
SQLite with a fixed clock; the detectors are measured on the corpora in `tests/data/`."""
from __future__ import annotations

import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest

from adapters.bootstrap import build_bot
from bot.content.resources import LocalFile, load_resources
from bot.errors import ContentError
from bot.messages import Post, Reply, Role, Where
from bot.safety import confidentiality, crisis
from bot.settings import Settings
from tests.conftest import ROOT, SAID, Chat, assert_no_user_text

DATA = Path(__file__).parent / "data"
CRISIS = tomllib.loads((DATA / "crisis_corpus.toml").read_text(encoding="utf-8"))
IDENTIFYING = tomllib.loads((DATA / "identifying_corpus.toml").read_text(encoding="utf-8"))
HERE = Where("test", "team", "c-general")


@pytest.fixture
def chat_with(tmp_path, clock, catalog):
    """A `Chat` on a bot built with these settings (region, contact, content folder)."""
    made = []

    def make(user: str = "u-ana", role: Role = Role.PARTICIPANT, where: Where = HERE, **overrides) -> Chat:
        settings = Settings(db=str(tmp_path / f"peerbot-{len(made)}.db"), _env_file=None, **overrides)
        bot = build_bot(settings, clock=clock, catalog=catalog)
        made.append(bot)
        return Chat(bot, user, role, where)

    yield make
    for bot in made:
        assert_no_user_text(bot.settings.db, SAID.pop(bot.settings.db, []))


def replies(messages) -> list[Reply]:
    return [m for m in messages if isinstance(m, Reply)]


def labels(reply: Reply) -> list[str]:
    return [c.label for c in reply.choices]


# -- the crisis detector, on its corpus -----------------------------------------------------------
def test_the_corpora_are_big_enough_to_mean_something():
    """The crisis corpus has at least 40 explicit statements and 40 everyday phrases."""
    assert len(CRISIS["explicit"]) >= 40 and len(CRISIS["everyday"]) >= 40
    assert len(set(CRISIS["explicit"])) == len(CRISIS["explicit"])


def test_recall_on_explicit_statements_is_complete_and_everyday_phrases_raise_no_alarm():
    """Every explicit statement is read as a crisis (recall 100%); no everyday phrase triggers anything (0 false alarms)."""
    missed = [t for t in CRISIS["explicit"] if crisis.read(t).level != crisis.CRISIS]
    alarms = [t for t in CRISIS["everyday"] if crisis.read(t).level != crisis.NONE]
    recall = 1 - len(missed) / len(CRISIS["explicit"])
    false_alarms = len(alarms) / len(CRISIS["everyday"])
    assert (recall, false_alarms) == (1.0, 0.0), (
        f"recall {recall:.0%} ({len(CRISIS['explicit']) - len(missed)}/{len(CRISIS['explicit'])}), missed: {missed}; "
        f"false alarms {false_alarms:.0%} ({len(alarms)}/{len(CRISIS['everyday'])}): {alarms}")


def test_crisis_words_about_someone_else_get_a_note_never_a_crisis_reply():
    """"How do I support someone who is suicidal" and the like are read as a note, not as the asker's crisis."""
    wrong = {t: crisis.read(t).level for t in CRISIS["others"] if crisis.read(t).level != crisis.NOTE}
    assert not wrong


def test_denials_and_past_experience_get_a_note_never_a_crisis_reply():
    """"I don't want to die", "I'm not suicidal", "when I was suicidal years ago" are read as a note."""
    wrong = {t: crisis.read(t).level for t in CRISIS["denied"] if crisis.read(t).level != crisis.NOTE}
    assert not wrong


def test_negation_turns_on_what_is_negated():
    """"I want to die" is a crisis and "I don't want to die" is not; a denial followed by "but I keep
    thinking about it" is one again."""
    assert crisis.read("I want to die").level == crisis.CRISIS
    assert crisis.read("I don't want to die").level == crisis.NOTE
    assert crisis.read("I'm not going to kill myself but I keep thinking about it").level == crisis.CRISIS
    assert crisis.read("I can't stop thinking about killing myself").level == crisis.CRISIS


def test_the_detector_keeps_the_question_and_never_the_crisis_sentence():
    """What is left after the crisis sentence is removed is the person's question."""
    reading = crisis.read("I want to die. Is it a peer task to drive someone to court?")
    assert reading.rest == "Is it a peer task to drive someone to court?"
    names = {name for name, _, _ in crisis.PATTERNS}
    assert reading.why and all(why.split(":")[0] in names for why in reading.why)


def test_the_detector_is_quick_on_long_input():
    """A very long message is read in well under a second."""
    import time

    started = time.perf_counter()
    crisis.read("this shift is killing me, " * 2000 + "I want to die")
    assert time.perf_counter() - started < 1.0


# -- warning signs said indirectly, and how they combine ---------------------------------------
HOPELESS = "what's the point of any of it honestly"


def test_hopelessness_alone_is_a_note_and_with_a_means_a_plan_a_time_or_a_goodbye_a_crisis():
    """Hopelessness alone gets the note; beside a means, a plan, a time or a goodbye it is a crisis."""
    assert crisis.read(HOPELESS).level == crisis.NOTE
    for sign in ("I've got my pills right here.", "I've decided.", "Tonight.", "Tell my son I love him."):
        assert crisis.read(f"{HOPELESS}. {sign}").level == crisis.CRISIS, sign


def test_a_means_ready_a_dangerous_place_or_a_farewell_is_a_crisis_on_its_own():
    """Saved pills, standing on a bridge, giving everything away: each is enough, without the word "suicide"."""
    for text in ("i've been saving up my meds", "im on the bridge right now", "I've started giving my things away",
                 "if anything happens tell my daughter i love her", "when it gets bad i burn my arm"):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_everyday_work_words_and_idioms_stay_quiet():
    """Work words that share a means, a place or a goodbye with crisis language trigger nothing on their own."""
    for text in ("this spreadsheet is killing me", "dying to know", "shoot me a message", "I could kill for a coffee",
                 "dead tired", "the overdose prevention site needs volunteers", "we're out of naloxone kits",
                 "who runs the bridge program?", "working on letters to funders", "giving away my old desk chair",
                 "I'm done with this report", "traffic on the bridge, I'll be late", "my last shift before vacation"):
        assert crisis.read(text).level == crisis.NONE, text


def test_the_fields_warning_signs_are_heard_in_words_no_corpus_used():
    """Signs as the field lists them, worded afresh (a means stockpiled, a weapon in reach, a height, a
    euphemism, arranging for others, courage worked up, withdrawal with a plan): each is a crisis."""
    for text in ("ive been stockpiling my sleeping pills for a month", "the gun is in my nightstand and i keep looking at it",
                 "im standing on the overpass above the highway", "i just want the pain to end for good",
                 "theres nothing keeping me here anymore", "ill be gone by morning",
                 "Ive been sitting by the river for an hour working up the courage",
                 "i googled how long it takes to bleed out", "my life insurance will cover the kids",
                 "please dont let me do something stupid tonight", "i have a plan and the means, i just need the nerve",
                 "i want to fall asleep in the snow and not get up",
                 "i dont plan on being around for christmas", "the voices say i should jump",
                 "i keep my dads gun under the bed now, just having it there helps",
                 "i cant be trusted around my meds right now", "planning to use alone tonight so no one can narcan me",
                 "i lie awake planning how", "how many of my blood pressure pills would be too many",
                 "i've been skipping my insulin on purpose", "I have a plan. I just need the house to be empty.",
                 "i shouldnt be alive", "does it hurt to drown", "I wish I'd never been born"):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_harm_and_danger_in_fresh_words_get_the_right_reply():
    """Following her home or a gun "to deal with" a neighbour is harm to others; he is drunk and has a knife is danger."""
    for text in ("i've been following her home from work to see where she goes", "i bought a gun to deal with my neighbour",
                 "i'm so angry i could kill someone today and i mean it"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text
    for text in ("I'm hiding in the bathroom, he's drunk and has a knife", "he locked me in and took my phone",
                 "ive got my pills saved and i want to hurt him"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "self"), text


def test_lookalikes_of_the_new_signs_stay_quiet():
    """A med pass, a trip to the lake, a stay over, a giveaway, a calm walk: weak signs explained stay quiet."""
    for text in ("the meds are lined up for the evening med pass", "counted the pills for the med audit with the nurse",
                 "heading to the lake this weekend with the kids", "I'm not driving back tonight, staying at my sister's",
                 "giving away my old books this weekend, anyone want some?", "had a long walk after the group, feel calm now",
                 "Sorry! Still thinking about it.", "checking out early today, see you monday",
                 "the rope course for team building is on friday", "I'd rather die than do another audit haha",
                 "I keep a bottle of water in my bag just in case", "I bought a gun-shaped water pistol for the kids' party",
                 "I'm going to get my revenge on the team at the quiz tonight", "I need the house to be empty to record the podcast",
                 "would anyone care if I brought my dog to the office?", "I have a rope in the shed for the tent",
                 "I'm going back to the bridge club tonight", "I'm thinking about ways to die-hard fans of the team"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_signs_composed_from_word_classes_are_heard_in_wordings_no_table_lists():
    """A self-harm verb with a body part and an instrument, a habit or an urge; an intent with taking
    all of a supply; a means with a word of dying; a weapon with a target or a place they will be:
    each is a crisis, in words written for this test (bot.safety.warning_words)."""
    for text in ("when it gets bad i burn my arm with a lighter", "been carving into my thigh again, deeper every time",
                 "the cuts are getting deeper and I think I need stitches", "I scratched my wrists till they bled last night",
                 "I have my pills counted out and tonight I'm going to take them all",
                 "ive been putting aside a few of my sleeping tablets every night",
                 "how many of my sleeping pills would be enough to not wake up",
                 "keep picturing the train coming and just stepping forward",
                 "honestly if i crashed the car tomorrow i wouldn't mind", "I keep thinking about death. like all the time",
                 "i'm a drain on everyone and tonight i fix that",
                 "Everything's sorted. Cat's going to my neighbour, letters are in the drawer.",
                 "sold my guitar, gave my dog to my cousin, paid off my card. feels weirdly calm"):
        assert crisis.read(text).level == crisis.CRISIS, text
    for text in ("I'm bringing my knife to work tomorrow for him", "got a bat in my trunk, he's going to regret what he did",
                 "my partner is going to pay for what he did. I have a knife and I know his schedule"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text


def test_the_composed_signs_lookalikes_stay_quiet():
    """An errand for meds, an accident, a training, a toy, a chef's knife, a note about dinner: the
    words beside a composed sign explain it, and nothing alarms."""
    for text in ("I need to pick up my meds tonight", "burned my hand on the stove making dinner lol",
                 "we covered how many pills is a lethal dose in the naloxone training",
                 "I take all my meds in the morning with breakfast", "I'm bringing a knife to the potluck for the cake",
                 "I always carry a knife for work, I'm a chef", "my cat scratched my arm when i gave her the meds",
                 "I left a note for my kids about dinner, they'll be home at 6",
                 "this weekend I'm giving away my old clothes to the shelter",
                 "i'm so tired to keep going with this report, I'll finish tomorrow",
                 "I banged my head on the cupboard door again, clumsy",
                 "went to the hardware store for rope to fix the tent",
                 "That new movie was so bad I wanted to die lol"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_round_9s_kinds_are_heard_in_words_no_corpus_used():
    """Round 9's signs in general form, in words written for this test: leaving with the usual reason
    taken away, no return needed, a day settled on with the logistics done, letting oneself slip away, a
    story ending, past a railing, a laugh taken back; harm aimed at a named person with a weapon."""
    for text in ("no i didnt quit. i just cleared out my locker and handed in my keys. it's done",
                 "I don't expect a return date will be needed after this week.",
                 "I've sorted out the logistics. Sunday is the day.",
                 "going to let myself slip away tonight, i'm too tired",
                 "my story ends here tonight. sorry everyone",
                 "I've climbed over the guardrail. nobody around",
                 "tmrw it's all gonna stop hurting. i've decided"):
        assert crisis.read(text).level == crisis.CRISIS, text
    for text in ("I'm going to hurt Mark tomorrow. I've got the hammer in my bag.",
                 "she's going to feel what she did to me. i know where she parks"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text


def test_round_9s_lookalikes_stay_quiet():
    """A new job, a contract ended, a library book, a dentist, a blog, a playground railing, a pension
    form due, a laugh with no take-back, the past told as what changed: none is the crisis reply."""
    for text in ("cleaned out my desk today, last day before my new job starts monday",
                 "handed in my badge and laptop to HR, my contract ended friday",
                 "no return date on the library books, lol", "the 14th. that's the day the auditors come",
                 "I've worked out the logistics for the team picnic", "my story ends here, thanks for reading my blog",
                 "once the numbing wears off it's all going to stop hurting, the dentist said",
                 "the kids climbed over the railing at the playground and I nearly had a heart attack",
                 "the view from the other side of the railing at the lookout is better",
                 "the beneficiary form for the pension scheme is due friday, reminder to everyone",
                 "I'm not sick, just tired. See you tomorrow", "lol my coffee machine died 🙃",
                 "The traffic almost finished me off this morning, sorry I'm late",
                 "I once stood on a bridge and came back. That's why I do this work.",
                 "spent years thinking my kids would be better off without me. glad i was wrong",
                 "we found a way to do it cheaper, the grant covers it"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_the_trained_model_hears_a_long_first_person_message_the_signs_miss():
    """No table holds "everyone would cope fine if I just was not around": the model gives the crisis reply."""
    reading = crisis.read("I keep thinking everyone would cope fine if I just was not around next week")
    assert (reading.level, reading.towards, reading.why) == (crisis.CRISIS, "self", ("model:self",))


def test_the_trained_model_only_adds_the_note_to_a_message_with_no_sign():
    """A feeling of emptiness with no sign gets the short note from the model, not the crisis reply."""
    reading = crisis.read("i feel so empty and numb lately")
    assert (reading.level, reading.why) == (crisis.NOTE, ())


def test_the_trained_model_never_overrules_a_short_line_a_helper_a_laugh_or_an_explained_sign():
    """Too few words, a worker asking about someone else, a laugh, or words that explain a sign away:
    the model is not asked, whatever it would say."""
    for text in ("I don't know", "not sure tbh", "I'm done for today",
                 "a participant told me everything is planned for after the team meeting, what do I do?",
                 "ok so the plan is after the team meeting lol i already said everything i needed to say",
                 "my cat scratched my arm when i gave her the meds",
                 "I'm going to end it with my ex, wish me luck"):
        assert crisis.read(text).level != crisis.CRISIS, text
    assert all(crisis.read(text).level != crisis.CRISIS for text in CRISIS["everyday"])


def test_quoted_words_called_a_joke_get_the_note_not_the_crisis_reply():
    """"I typed 'I want to die' in the chat as a joke": the words are quoted, so the note, not an alarm."""
    reading = crisis.read("I typed 'I want to die' in the group chat as a joke, should I delete it?")
    assert reading.level == crisis.NOTE


def test_the_past_reaches_back_over_and_but_not_past_now():
    """"In my twenties I … thought about suicide a lot" is lived experience; "…but now I want to die" is today."""
    assert crisis.read("I was in a really dark place in my twenties and thought about suicide a lot, "
                       "today I'm grateful").level == crisis.NOTE
    assert crisis.read("years ago i was happy and now i want to kill myself").level == crisis.CRISIS


def test_a_denial_is_never_the_crisis_reply():
    """"To be clear I'm not thinking about hurting myself" is a denial: a note at most."""
    assert crisis.read("to be clear I'm not thinking about hurting myself, I just need a break").level == crisis.NOTE


def test_every_pattern_is_linear():
    """No pattern nests one unbounded or multi-repeat quantifier inside another, so input length costs one pass."""
    import re._constants as c
    import re._parser as parser

    def nested(parsed, inside: bool) -> bool:
        for op, av in parsed:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                many = av[1] > 1
                if (inside and many) or nested(av[2], inside or many):
                    return True
            elif op is c.SUBPATTERN and nested(av[-1], inside):
                return True
            elif op is c.BRANCH and any(nested(b, inside) for b in av[1]):
                return True
            elif op in (c.ASSERT, c.ASSERT_NOT) and nested(av[1], inside):
                return True
        return False

    assert [name for name, _, rx in crisis.PATTERNS if nested(parser.parse(rx), False)] == []


def test_a_40000_character_message_is_read_quickly_whatever_its_shape():
    """Long messages of repeated signs, one endless sentence, or no spaces at all are each read in well under a second."""
    import time

    for text in ("I want to die. " * 2700, "how many pills would it take and " * 1250, "a" * 40000,
                 "i am on the edge of the " * 1700, "not " * 10000):
        started = time.perf_counter()
        crisis.read(text[:40000])
        assert time.perf_counter() - started < 1.0, text[:30]


def test_markup_that_never_closes_hides_nothing_after_it():
    """A 40,000-character run of "<" with no ">" (once read in time growing with its square; its time
    is measured in bench/crisis_screen.py) is read through to the crisis statement at its end."""
    for junk in ("<" * 40_000, "<a " * 13_000, "<mailto:" * 5_000):
        assert crisis.read(junk + " I want to die").level == crisis.CRISIS, junk[:8]


def test_crisis_words_past_the_length_limit_still_get_support_first(chat):
    """A long message cut at the bot's limit is still read to its end for crisis language: support
    comes first, and the person is told that only the start was acted on."""
    out = chat.say("/peer ask is it ok to drive someone to court " + "and back " * 500 + ". I have my pills counted "
                   "out and tonight I'm going to take them all")
    assert "not a crisis service" in out[0].text and out[0].private
    assert "read only the first" in out[-1].text


def test_everyday_words_past_the_length_limit_add_nothing(chat):
    """Past the limit, an everyday text is read too and adds no note and no support."""
    out = replies(chat.say("/peer ask is it ok to drive someone to court " + "and back again " * 300))
    assert not any("9-8-8" in r.text for r in out)


# -- harm to others, and a worker asking how to help ---------------------------------------------
def test_intent_to_hurt_someone_else_gets_a_calm_private_reply_with_the_emergency_number(chat):
    """"I'm going to hurt him tonight": one private reply with 911 and 9-8-8, not the reply for someone in crisis."""
    out = chat.say("I'm going to hurt him tonight")
    assert [type(m) for m in out] == [Reply] and out[0].private and out[0].card.tone == "care"
    assert "911" in out[0].text and "9-8-8" in out[0].text and "not a crisis service" in out[0].text
    assert "It sounds like things are really hard" not in out[0].text
    assert chat.posts == []


def test_a_work_question_beside_intent_to_hurt_someone_is_left_for_later(chat):
    """Nothing but that reply: a work answer beside it would read as shrugging it off."""
    out = chat.say("/peer ask I'm going to hurt him tonight. Is it a peer task to drive someone to court?")
    assert len(out) == 1 and "911" in out[0].text


def test_a_worker_asking_how_to_help_gets_the_answer_and_the_note_never_the_crisis_reply(chat):
    """A participant's disclosure, asked about by the worker, gets the usual answer and the short note with 9-8-8."""
    for text in ("a participant told me she's thinking about suicide, what do I do?",
                 "guy at the drop in said he'd be better off dead, do I have to tell my supervisor?"):
        out = replies(chat.say(text))
        assert len(out) >= 2 and "9-8-8" in out[-1].text and out[-1].private, text
        assert not any("Thank you for telling me" in r.text for r in out), text


def test_hopelessness_alone_gets_its_answer_and_the_note(chat):
    """"What's the point of any of it" gets the usual reply and the short private note, no alarm."""
    out = replies(chat.say(HOPELESS))
    assert "9-8-8" in out[-1].text and out[-1].private
    assert not any("Thank you for telling me" in r.text for r in out)


# -- the crisis reply ---------------------------------------------------------------------------
def test_a_crisis_statement_gets_private_support_with_the_regions_lines(chat):
    """"I want to die" gets one private reply: it is a bot, not a crisis service, and here are 9-8-8 and 911."""
    out = chat.say("I want to die")
    assert [type(m) for m in out] == [Reply]
    reply = out[0]
    assert reply.private and reply.card.tone == "care"
    assert "I'm a bot, not a crisis service" in reply.text
    assert "9-8-8" in reply.text and "911" in reply.text and "Canada" in reply.text


def test_every_explicit_statement_is_answered_privately_and_nothing_goes_to_the_channel(chat):
    """Across the whole explicit corpus, every reply is private and no post is made."""
    for text in CRISIS["explicit"]:
        out = chat.say(text)
        assert out and all(isinstance(m, Reply) and m.private for m in out), text
        assert "not a crisis service" in out[0].text, text
    assert chat.posts == []


def test_mentions_and_direct_messages_are_read_the_same_way(bot):
    """The same words in a DM or a mention get the same private support."""
    dm = Chat(bot, where=Where("test", "team", "d-ana", is_dm=True))
    assert "9-8-8" in dm.say("im gonna kill myself")[0].text
    assert "9-8-8" in Chat(bot).say("@peerbot I'm not safe at home")[0].text


def test_a_question_asked_with_a_crisis_statement_is_still_answered_after_support(chat):
    """Support comes first; the task question in the same message is answered after it, privately."""
    out = chat.say("I'm so tired of everything. I want to die. Is it a peer task to drive someone to court?")
    assert len(out) == 2 and all(m.private for m in out)
    assert "not a crisis service" in out[0].text and "answered your question below" in out[0].text
    assert out[1].card is not None and out[1].card.tone in ("yes", "likely", "depends", "unlikely", "no")


def test_a_crisis_statement_with_no_question_gets_support_only(chat):
    """When there is nothing else to answer, support is the whole reply; no "I don't know that one"."""
    out = chat.say("/peer ask I've been cutting again and I don't know why")
    assert len(out) == 1 and "answered your question" not in out[0].text


def test_other_commands_carrying_crisis_words_give_support_instead(facilitator):
    """Crisis words after another command word get support; the command is not carried out."""
    out = facilitator.say("/peer schedule I want to die")
    assert len(out) == 1 and "not a crisis service" in out[0].text
    assert facilitator.bot.store.schedules() == []


def test_form_input_is_read_too(chat):
    """A question typed into the "Ask peerbot" form gets the same support."""
    chat.press_action("v1:askform")
    out = chat.press_action("v1:asked", {"question": "honestly i wanna die"})
    assert len(out) == 1 and out[0].private and "9-8-8" in out[0].text


def test_a_question_about_supporting_someone_gets_its_answer_and_a_short_note(chat):
    """"How do I support someone who is suicidal" is answered as usual, then a short private note with 9-8-8; no alarm."""
    out = replies(chat.say("how do I support someone who is suicidal"))
    note = out[-1]
    assert len(out) >= 2 and note.private and "9-8-8" in note.text
    assert "not a crisis service" in note.text and not note.choices
    assert "Thank you for telling me" not in " ".join(r.text for r in out)


def test_a_denial_gets_its_answer_and_the_same_short_note(chat):
    """"I'm not suicidal, just exhausted" is not met with the crisis reply, only the short note."""
    out = replies(chat.say("I'm not suicidal, just exhausted. What is supervision for?"))
    assert "Thank you for telling me" not in out[0].text
    assert "9-8-8" in out[-1].text and out[-1].private


def test_everyday_words_get_only_the_usual_answer(chat):
    """"This shift is killing me" with a question gets the answer and nothing about crisis lines."""
    out = replies(chat.say("this shift is killing me, can I drive someone to the food bank?"))
    assert len(out) == 1 and "9-8-8" not in out[0].text and "crisis" not in out[0].text


def test_the_default_region_comes_from_the_settings(chat_with):
    """With PEERBOT_REGION=UK, the reply gives Samaritans on 116 123 and 999."""
    reply = chat_with(region="UK").say("I want to die")[0]
    assert "116 123" in reply.text and "999" in reply.text and "9-8-8" not in reply.text


def test_an_unknown_default_region_stops_the_bot_from_starting(tmp_path, clock, catalog):
    """PEERBOT_REGION=XX is a configuration mistake, named at start-up, not at the worst moment."""
    with pytest.raises(ContentError, match="PEERBOT_REGION=XX"):
        build_bot(Settings(db=str(tmp_path / "x.db"), region="XX", _env_file=None), clock=clock, catalog=catalog)


# -- /peer region ---------------------------------------------------------------------------------
def test_a_facilitator_sets_the_workspaces_region_and_everyone_there_sees_its_lines(facilitator, chat):
    """After "/peer region AU", a participant's crisis reply gives Lifeline 13 11 14 and 000; the change is audited."""
    assert "Australia" in facilitator.say("/peer region AU")[0].text
    reply = chat.say("I took too many pills")[0]
    assert "13 11 14" in reply.text and "000" in reply.text
    assert [r.detail for r in chat.bot.store.audit_log("test:team")] == ["AU"]


def test_regions_are_per_workspace(facilitator, bot):
    """A region set in one workspace leaves another on the default."""
    facilitator.say("/peer region NZ")
    elsewhere = Chat(bot, where=Where("test", "other-team", "c-general"))
    assert "9-8-8" in elsewhere.say("I want to die")[0].text


def test_the_region_can_go_back_to_the_default(facilitator, chat):
    """"/peer region default" returns to PEERBOT_REGION."""
    facilitator.say("/peer region united kingdom")
    assert "116 123" in chat.say("/peer support")[0].text
    facilitator.say("/peer region default")
    assert "9-8-8" in chat.say("/peer support")[0].text


def test_a_participant_can_see_but_not_change_the_region(chat):
    """A participant is told the region and, privately, that only facilitators change it."""
    assert "Canada (CA)" in chat.say("/peer region")[0].text
    refused = chat.say("/peer region UK")[0]
    assert refused.private and "Only facilitators" in refused.text
    assert chat.bot.store.workspace_region("test:team") is None


def test_an_unknown_region_is_refused_kindly_with_the_list(facilitator):
    """"/peer region Atlantis" names the regions there are."""
    reply = facilitator.say("/peer region Atlantis")[0]
    assert reply.private and "UK (the United Kingdom)" in reply.text


# -- /peer support --------------------------------------------------------------------------------
def test_peer_support_gives_the_lines_privately_anywhere(bot):
    """"/peer support" in a channel or a DM gives the region's lines, privately."""
    for where in (HERE, Where("test", "team", "d-ana", is_dm=True)):
        reply = Chat(bot, where=where).say("/peer support")[0]
        assert reply.private and "9-8-8" in reply.text and "911" in reply.text and "not a crisis service" in reply.text


def test_peer_support_takes_another_region(chat):
    """"/peer support NZ" gives 1737 and 111 without changing the workspace's region."""
    reply = chat.say("/peer support NZ")[0]
    assert "1737" in reply.text and "111" in reply.text
    assert chat.bot.store.workspace_region("test:team") is None


def test_peer_support_all_and_the_button_list_every_region(chat):
    """"/peer support all", like the "Lines in other regions" button, lists every region's main line."""
    everywhere = chat.say("/peer support all")[0]
    for number in ("9-8-8", "988", "116 123", "13 11 14", "1737"):
        assert number in everywhere.text
    chat.say("/peer support")
    assert chat.press("Lines in other regions")[0].text == everywhere.text


def test_peer_support_uk_names_where_each_domestic_abuse_line_serves(chat):
    """"/peer support UK" names the nation each domestic abuse line serves: England's helpline is England's only."""
    text = chat.say("/peer support UK")[0].text
    abuse = [line for line in text.splitlines() if "abuse" in line.lower() or "Live Fear Free" in line]
    assert any("0808 2000 247" in line and "England" in line for line in abuse)
    for nation, number in (("Scotland", "0800 027 1234"), ("Wales", "0808 80 10 800"),
                           ("Northern Ireland", "0808 802 1414")):
        assert any(number in line and nation in line for line in abuse), nation
    assert all(any(n in line for n in ("England", "Scotland", "Wales", "Northern Ireland")) for line in abuse)


def test_every_uk_line_says_where_it_serves(bot):
    """Each UK line names the whole UK or one nation in its name or `who`, so no one is sent to a line that isn't theirs."""
    uk = bot.support.find("UK")
    for line in uk.line:
        said = f"{line.name} {line.who}"
        assert "UK" in said or any(n in said for n in ("England", "Scotland", "Wales", "Northern Ireland")), line.name


def test_peer_support_is_in_help(chat):
    """"/peer help" mentions "/peer support"."""
    assert "/peer support" in chat.say("/peer help")[0].text


# -- local services -----------------------------------------------------------------------------
def local_content(tmp_path: Path, local: str) -> Path:
    content = tmp_path / "content"
    (content / "support").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "support" / "regions.toml", content / "support" / "regions.toml")
    (content / "support" / "local.toml").write_text(local, encoding="utf-8")
    return content


def test_an_organizations_local_services_follow_the_lines(chat_with, tmp_path):
    """Services in content/support/local.toml are listed after the lines, each only where it applies."""
    content = local_content(tmp_path, """
[[service]]
name = "Agency on-call line"
how = "call 555-0100, weekdays"

[[service]]
name = "County mobile crisis team"
how = "call 555-0199, any time"
regions = ["UK"]
""")
    canada = chat_with(content_dir=content).say("/peer support")[0].text
    assert "Agency on-call line" in canada and "County mobile" not in canada
    assert "County mobile crisis team" in chat_with(content_dir=content, region="UK").say("I want to die")[0].text


def test_the_example_local_file_is_valid():
    """content/support/local.example.toml has the shape local.toml needs."""
    raw = tomllib.loads((ROOT / "content" / "support" / "local.example.toml").read_text(encoding="utf-8"))
    assert LocalFile.model_validate(raw).service


def test_a_broken_local_file_names_every_problem_at_start_up(tmp_path):
    """A local service with no `how` and another with a malformed region are refused with both named;
    a region regions.toml does not have is named too."""
    content = local_content(tmp_path, '[[service]]\nname = "x"\n\n[[service]]\nname = "y"\nhow = "call"\n'
                                      'regions = ["zz"]\n')
    with pytest.raises(ContentError) as e:
        load_resources(content)
    assert any("service.0.how" in p for p in e.value.problems) and any("service.1.regions" in p for p in e.value.problems)
    (content / "support" / "local.toml").write_text('[[service]]\nname = "y"\nhow = "call"\nregions = ["ZZ"]\n')
    with pytest.raises(ContentError, match="no region 'ZZ'"):
        load_resources(content)


# -- letting a contact know, with consent ---------------------------------------------------------
CONTACT = {"support_contact": "@u-lead", "support_contact_name": "the on-call lead"}


def test_with_no_contact_configured_nothing_is_offered(chat):
    """Without PEERBOT_SUPPORT_CONTACT the crisis reply offers no one to contact."""
    reply = chat.say("I want to die")[0]
    assert labels(reply) == ["Lines in other regions"] and "I can let" not in reply.text


def test_the_contact_is_offered_and_nothing_is_sent_without_a_press(chat_with):
    """The crisis reply offers "Let the on-call lead know"; until it is pressed, nothing is sent."""
    ana = chat_with(**CONTACT)
    reply = ana.say("he's going to hurt me")[0]
    assert "Let the on-call lead know" in labels(reply)
    assert "only if you press the button" in reply.text
    assert ana.posts == []


def test_pressing_let_know_tells_the_contact_who_asked_and_nothing_they_wrote(chat_with):
    """The press sends one direct message to the contact naming the person, without their words, and thanks them."""
    ana = chat_with(**CONTACT)
    ana.say("I want to die, I took too many pills")
    out = ana.press("Let the on-call lead know")
    (post,) = [m for m in out if isinstance(m, Post)]
    assert post.where.channel == "@u-lead" and post.where.platform == "test"
    assert "<@u-ana>" in post.reply.text
    for word in ("die", "pills", "took"):
        assert word not in post.reply.text.lower()
    done = replies(out)[0]
    assert done.private and "nothing you wrote was shared" in done.text and "911" in done.text


def test_pressing_twice_sends_once(chat_with):
    """A second press of the same button makes the same post, which the core hands out (claimed) only once."""
    ana = chat_with(**CONTACT)
    ana.say("I want to die")
    first = [m for m in ana.press("Let the on-call lead know") if isinstance(m, Post)]
    second = ana.press("Let the on-call lead know")
    assert len(first) == 1 and ana.bot.store.delivery(first[0].key) is not None
    assert not [m for m in second if isinstance(m, Post)] and "I've let the on-call lead know" in second[0].text


def test_the_delivery_record_links_no_person_to_asking(chat_with):
    """After the message is sent, the database holds no trace of who asked for support."""
    ana = chat_with(**CONTACT)
    ana.say("I want to die")
    posts = [m for m in ana.press("Let the on-call lead know") if isinstance(m, Post)]
    for post in posts:  # claimed by the core; the adapter's outbox sends it
        ana.bot.store.finish_delivery(post.key, "sent", "ref-1")
    conn = sqlite3.connect(ana.bot.settings.db)
    dumped = " ".join(str(v) for t, in conn.execute("select name from sqlite_master where type='table'")
                      for row in conn.execute(f"select * from [{t}]") for v in row)
    conn.close()
    assert "u-ana" not in dumped


def test_a_contact_for_another_platform_is_not_offered_here(chat_with):
    """PEERBOT_SUPPORT_CONTACT="slack:@U1" offers nothing on another platform."""
    reply = chat_with(support_contact="slack:@U1").say("I want to die")[0]
    assert labels(reply) == ["Lines in other regions"]


def test_per_platform_contacts_pick_the_right_one():
    """"slack:@U1, test:#c-oncall" sends to the channel c-oncall here; a bare Slack id is a person."""
    from types import SimpleNamespace

    from bot.safety.support import contact_for

    fake = SimpleNamespace(settings=SimpleNamespace(support_contact="slack:@U1, test:#c-oncall"))
    assert contact_for(fake, "test") == "c-oncall" and contact_for(fake, "slack") == "@U1"
    assert contact_for(SimpleNamespace(settings=SimpleNamespace(support_contact="U9")), "slack") == "@U9"
    assert contact_for(SimpleNamespace(settings=SimpleNamespace(support_contact="")), "slack") is None


def test_a_forged_notify_button_has_expired(chat_with):
    """A notify button whose token is not one the bot made gets the kind "expired" reply and sends nothing."""
    out = chat_with(**CONTACT).press_action("v1:notify:not-a-token")
    assert [type(m) for m in out] == [Reply] and "expired" in out[0].text


# -- the confidentiality guard --------------------------------------------------------------------
def test_identifying_details_are_noticed_and_ordinary_talk_is_not():
    """Every identifying example is noticed; no ordinary example is."""
    missed = [t for t in IDENTIFYING["identifying"] if not confidentiality.identifying(t)]
    flagged = {t: confidentiality.identifying(t).kinds for t in IDENTIFYING["ordinary"]
               if confidentiality.identifying(t)}
    assert not missed and not flagged, (missed, flagged)


def test_identifying_details_get_the_answer_and_a_private_reminder(chat):
    """The question is answered as usual; a private reminder follows, naming the kind of detail, not the detail."""
    out = replies(chat.say("can I drive John Tremblay to his methadone appointment? call him at 519-555-0142"))
    answer, reminder = out[0], out[-1]
    assert answer.card is not None and answer.card.tone in ("yes", "likely", "depends", "unlikely", "no")
    assert reminder.private and "don't belong in chat" in reminder.text
    assert "a phone number" in reminder.text and "a name with health details" in reminder.text
    assert "Tremblay" not in reminder.text and "555" not in reminder.text


def test_identifying_text_is_not_stored_anywhere(chat):
    """After the conversation, the database holds none of the identifying text."""
    chat.say("Jane Smith DOB 1980-04-02 relapsed, can I tell her worker?")
    chat.press_action("v1:asked", {"question": "Maria Lopez lives at 42 Maple Street, can I visit her?"})
    conn = sqlite3.connect(chat.bot.settings.db)
    dumped = " ".join(str(v) for t, in conn.execute("select name from sqlite_master where type='table'")
                      for row in conn.execute(f"select * from [{t}]") for v in row)
    conn.close()
    # Search for what was typed, not for bare digits: a timestamp's microseconds can hold "1980".
    for detail in ("Jane", "Smith", "1980-04-02", "Lopez", "Maple"):
        assert detail not in dumped


def test_ordinary_questions_get_no_reminder(chat):
    """"My manager wants me to drive people" is answered with no reminder."""
    out = replies(chat.say("my manager wants me to drive people"))
    assert not any("don't belong in chat" in r.text for r in out)


def test_a_crisis_reply_is_not_followed_by_a_reminder(chat):
    """Someone in crisis gets support, not a lecture about what they typed."""
    out = chat.say("Jane Smith DOB 1980-04-02 here, I want to die")
    assert len(out) == 1 and "don't belong in chat" not in out[0].text


def test_scheduled_prompts_and_scenarios_already_remind_the_channel(facilitator):
    """A prompt and a scenario, as posted in the channel, each ask people to keep identifying details out."""
    from tests.test_scenarios import started

    prompt = [m for m in facilitator.say("/peer reflect") if isinstance(m, Post)]
    situation = started(facilitator)[0]
    assert len(prompt) == 1
    for post in (*prompt, situation):
        assert "identify a person you support" in post.reply.text


def test_forget_me_also_drops_a_contact_message_that_has_not_gone_out(chat_with):
    """If the message to the contact is still waiting to be sent, "forget me" lists it and removes it."""
    ana = chat_with(**CONTACT)
    ana.say("I want to die")
    assert [m for m in ana.press("Let the on-call lead know") if isinstance(m, Post)]  # claimed, not yet sent
    listed = ana.say("/peer forget me")[0]
    assert "a message to your support contact that has not gone out yet" in listed.text
    ana.press("Forget me")
    assert ana.bot.store.unfinished_deliveries("") == []


def test_the_needles_cache_is_keyed_by_the_patterns_and_a_damaged_one_is_reread(tmp_path, monkeypatch):
    """The screen's needles come from a file named by a hash of the patterns; a damaged file is not
    trusted: they are read from the patterns again, as at import."""
    monkeypatch.setattr(crisis, "_CACHE", tmp_path)
    fresh = crisis._all_needles()
    assert fresh == [sign.needles for sign in crisis.SIGNS]
    (saved,) = tmp_path.glob("needles-*.json")
    saved.write_text("[[[", encoding="utf-8")
    assert crisis._all_needles() == fresh


def test_a_question_about_how_a_method_works_on_a_body_gets_the_crisis_reply():
    """C-SSRS asks about method research; asked of the bot itself ("how deep", "is it painful to"), it is a crisis."""
    for text in ("how long would it take for tylenol to shut down my liver",
                 "how deep do the cuts have to be before it is over", "is it painful to drown, asking seriously"):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_goodbyes_that_assume_the_writer_will_be_gone_get_the_crisis_reply():
    """"Don't worry about me after Friday", "if you never hear from me, check the river", a goodbye
    nobody noticed, belongings handed out "and that covers it": each is a farewell."""
    for text in ("please do not worry about me after friday", "if you never hear from me again, check the river by the mill",
                 "she has no idea it was goodbye when I hugged her", "my brother can have my guitar and my tools, that covers it",
                 "i am going to top myself this weekend"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "self"), text


def test_two_threats_or_a_threat_and_knowing_where_someone_is_are_an_intent_to_hurt_them():
    """"I keep thinking about stabbing the guy…, I know which house he lives in" and "slip something into
    his drink … he will regret it" get the reply for harm to others."""
    for text in ("I keep thinking about stabbing the guy who robbed me, I know which house he lives in",
                 "I am going to slip something into his drink and he will regret it"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text


def test_round_five_lookalikes_stay_quiet():
    """Jumping ship, a rope for a hammock, a clear-out, a charger "just in case", ending things with a
    boyfriend, filling a prescription: nothing alarms."""
    for text in ("I am thinking of jumping ship to another agency next year", "bought a rope for the hammock in the garden yesterday",
                 "clearing out the garage and I have given away most of my tools already",
                 "I keep a spare charger in my bag just in case it dies", "I'm about to end things with my girlfriend after dinner",
                 "I'm going to fill my prescription on the way home tonight"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_words_someone_else_said_quoted_by_a_worker_asking_how_to_answer_get_the_note():
    """"What's the best way to respond when a client says 'I want to disappear'?" is the client's words."""
    reading = crisis.read('what is the best way to respond when a client says "I want to disappear"?')
    assert reading.level == crisis.NOTE


def test_round_six_lookalikes_stay_quiet():
    """An odd day, a plan for tonight of pizza and a bath, gutters on a roof, a parade from an overpass,
    a move home, an audit, a bungee jump, a report thrown into, "end it… the group chat, I mean",
    letters to a future self: nothing alarms."""
    for text in ("Odd but lovely. Work question though: can I take leave in advance?",
                 "I've got a plan for tonight: pizza, hot bath, in bed by 9",
                 "Been up on the roof all afternoon fixing the gutters. Never again.",
                 "I'm standing on the overpass waiting for the parade to come by, anyone else here?",
                 "I'm going to miss you all so much. Moving back home to be with my parents. Thank you for everything",
                 "Put my affairs in order for the audit: every receipt filed, every log signed.",
                 "My mate's stag do has a bungee jump off a bridge on the itinerary. Terrified but I'm in.",
                 "Throwing myself into the quarterly report today, wish me luck",
                 "Tonight I'm finally going to end it. The group chat with the old uni lot, I mean. Too much drama.",
                 "I'm writing letters to my future self for the wellness workshop, it's kind of cheesy but nice"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_what_the_writer_means_by_it_is_heard_only_when_it_names_a_thing():
    """"End it. Me, I mean." and "I mean my life" stay a crisis: only a thing named explains "it"."""
    for text in ("I want to end it. Me, I mean. Not the job.", "I want to end it all. i mean my life."):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_an_overdose_said_with_its_apostrophe_is_still_heard():
    """"OD'd" is read as an overdose; the everyday word "odd" is not."""
    assert crisis.read("I OD'd on purpose last night and I'd do it again").level == crisis.CRISIS


def test_a_denial_reaches_over_or_and_any():
    """"No urges to use or to hurt myself" and "not having any thoughts of suicide" are denials."""
    for text in ("Checking in after group: I'm good. no urges to use or to hurt myself, just wiped.",
                 "not having any thoughts of suicide, just sad my client relapsed"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_slang_said_as_an_exclamation_or_about_a_game_is_a_figure_of_speech():
    """"kms, left my charger again", "i want to die lmao" about a game level, sleeping till noon: quiet."""
    for text in ("kms, left my charger at the drop in again",
                 "respawned like 40 times on that level, i want to die lmao",
                 "can't wait to sleep and not wake up until noon on saturday",
                 "bro i'm gonna die if they put me on another 12 hour shift"):
        assert crisis.read(text).level != crisis.CRISIS, text


def test_the_same_slang_meant_is_still_heard():
    """"gonna kms tonight" and "i want to die" with no game or laugh stay a crisis."""
    for text in ("gonna kms tonight, i'm done", "honestly i want to die"):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_an_anniversary_of_an_attempt_is_the_past():
    """"Two years ago today I tried to end my life. I'm still here": lived experience, not a crisis."""
    reading = crisis.read("two years ago today i tried to end my life. im still here and so glad i am")
    assert reading.level != crisis.CRISIS


def test_nothing_explains_away_a_harm_done_on_purpose():
    """A burn on a kettle is an accident; on purpose, it is self-harm."""
    assert crisis.read("burned my wrist on the kettle making tea").level != crisis.CRISIS
    assert crisis.read("burned my wrist on the kettle on purpose. it helped so im gonna keep doing it").level == crisis.CRISIS


def test_a_question_about_a_crisis_the_writer_then_says_is_their_own_gets_the_crisis_reply():
    """"What's the policy on staff who are suicidal? Asking because I am" is the writer's own crisis."""
    reading = crisis.read("What's the policy on staff who are suicidal? Asking because I am, right now.")
    assert (reading.level, reading.towards) == (crisis.CRISIS, "self")


def test_i_am_the_one_who_is_going_to_hurt_someone_is_the_writers_intent():
    """"Tomorrow I'm the one who's going to smash his face in" is the writer's intent, turned towards others."""
    reading = crisis.read("tomorrow I'm the one who's going to smash that guy's face in")
    assert (reading.level, reading.towards) == (crisis.CRISIS, "others")


def test_what_explains_a_place_or_a_laugh_is_narrow_enough_to_leave_a_crisis_heard():
    """"On the bridge, it's beautiful up here, goodbye", "stress level… want to die lol" and a cabin
    where the writer won't need their things stay a crisis: the view, a level and a trip explain only
    what they are about."""
    for text in ("I'm on the bridge. It's beautiful up here. Goodbye everyone.",
                 "lol my stress level is through the roof, i want to die",
                 "heading to the cabin this weekend, won't be needing my stuff anymore"):
        assert crisis.read(text).level == crisis.CRISIS, text


def test_round_10s_kinds_are_heard_in_words_no_corpus_used():
    """Round 10's signs in general form, in words written for this test: a question for a colleague or a
    hypothetical the writer then calls their own, a laugh taken back ("no cap", "fr"), a thing given away
    that will not be used again; harm aimed in more words (someone in the hospital, someone who has it
    coming, knowing where someone works) beside a weapon or a time."""
    for text in ("Asking for a colleague who has been stockpiling her meds. The colleague is me.",
                 "Policy question: does the EAP cover someone who has picked a date to end it? It's not a hypothetical.",
                 "haha ok but i wrote goodbye letters to my family tonight. no cap",
                 "Anyone want my guitar and amp? Won't be using them again.",
                 "Picked up a second bottle of my sleeping pills today. They're for me."):
        assert crisis.read(text).level == crisis.CRISIS, text
    for text in ("Next time he shoves me I'm putting him in the hospital. Got the bat in the car.",
                 "the landlord has it coming. tonight. the crowbar's in my bag",
                 "I know where my ex's boyfriend works. knife's in the glovebox. going there at 5"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text
    # the writer's own words that sound aimed stay the writer's own crisis
    for text in ("going to end it for them, they deserve better than me",
                 "I know what I'm doing to them. tonight I'm going to kill myself"):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "self"), text


def test_round_10s_lookalikes_stay_quiet():
    """The past dated by an age, a year, "since", "last year" or a story of change; a worker quoting
    words with an apostrophe in them; a person supported who has a knife, asked about; "the friend is
    me" and "fr" with nothing to take back; a guitar replaced; a manager's parking spot; an axe kept for a
    reason: none is the crisis reply."""
    for text in ("I was hospitalised at 17 after an attempt, now I run the youth group",
                 "my worst year was 2019, I wanted to die most days. these days I'm good",
                 "it's been six years since I tried to kill myself, and I'm proud of where I am now",
                 "Last year I was suicidal; this year I'm training new peers",
                 "Talk idea for the conference: how I went from writing goodbye letters to writing grant applications",
                 "What do I say when someone tells me 'I can't do this anymore, I want to die'?",
                 "A man I support told me he's got a knife and he's angry, what should I say?",
                 "The friend is me lol, I always forget my lunch", "lol this deadline is killing me fr",
                 "Anyone want my old guitar? got a new one, won't be using the old one again",
                 "does anyone know where the manager parks? I need to drop off the keys",
                 "the last time I felt that burned out was before I changed teams",
                 "Keep the axe by the woodstove because the kindling needs splitting every morning",
                 "Bought a new kettle for the break room. It's for me, mostly. No particular reason."):
        assert crisis.read(text).level != crisis.CRISIS, text
    # a victim asking what to do about a partner's weapon is still in danger themselves
    assert crisis.read("my partner has a knife right now what do I do").level == crisis.CRISIS


def test_round_11s_kinds_are_heard_in_words_no_corpus_used():
    """Round 11's signs in general form, in words written for this test: a goodbye said for good beside an
    absence mentioned elsewhere, a laugh in a sentence of its own away from the sign, a laugh
    taken back with the article dropped, a question the writer answers "no, it is for me"; harm aimed in more
    words ("break him", "know where he is staying", "him, not me", and the writer's own intent after a death
    placed on someone else)."""
    for text in ("Who takes my Monday clients while I'm on annual leave? I won't be coming back anymore, sorry.",
                 "who covers my clients while I am on vacation next week? I won't be around anymore, sorry",
                 "I've got the rope in the boot for tonight. The training on wellbeing was a joke lol.",
                 "I googled the lethal dose of my meds haha. For a training. No, it is for me."):
        assert crisis.read(text).level == crisis.CRISIS, text
    for text in ("I know where he is staying now. I take the crowbar tonight and I will break him.",
                 "The man who hurt my sister is out. I have the knife and I'm going there to end this, him not me.",
                 # a grievance that places a death on someone else first, then the writer's own intent
                 "My brother overdosed on the pills that dealer sold him, he is gone. I know his corner now. "
                 "I am going there after work to kill him."):
        reading = crisis.read(text)
        assert (reading.level, reading.towards) == (crisis.CRISIS, "others"), text


def test_round_11s_lookalikes_stay_quiet():
    """The past dated in a second-language voice ("long time ago", "ask me if…? No") or said by what changed
    since ("now it is gone", "very much in my past", "ten years ago tonight"); "zero intention"; a worker's own
    words said of an exam; a report with an unmarked verb; a week that is done; bridge the card game and a
    bridge program: none is the crisis reply."""
    for text in ("My overdose, long time ago, is why I do this job. Can I speak about it at orientation?",
                 "Before, I wanted to die most days. Now it is gone, eight years. How do I share this safely?",
                 "Eleven years ago tonight I tried to end my life; now I train peers. How do I mark the day with my team?",
                 "I wrote about the months I spent wanting to die. It is very much in my past. Is it ok for the zine?",
                 "My manager ask me if I think about suicide because I look tired. No. I am tired from the night shift.",
                 "I have zero intention of hurting myself, I am angry about the rota. How do I complain?",
                 "When I say I will kill myself about the paperwork I mean only that it is boring, it is how we talk.",
                 "The boy at the youth centre write 'I want to die' in his notebook. What is the protocol for minors?",
                 "i'm so done with this shift, the printer jammed six times. at least it's friday tomorrow",
                 "I'm going back to the bridge club tonight", "Heading to bridge night with my gran tonight, wish me luck",
                 "Our bridge housing program closes tonight for new intakes, where do I refer people?",
                 "My client said the pills he has could kill him. I am going to call his worker, what else should I do?"):
        assert crisis.read(text).level != crisis.CRISIS, text
