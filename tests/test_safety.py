"""Safety detectors, measured on the corpora in `tests/data/`: crisis language (`bot.crisis`) and
details that identify a person supported (`bot.confidentiality`)."""
from __future__ import annotations

import tomllib
from pathlib import Path

from bot import confidentiality, crisis

DATA = Path(__file__).parent / "data"
CRISIS = tomllib.loads((DATA / "crisis_corpus.toml").read_text(encoding="utf-8"))
IDENTIFYING = tomllib.loads((DATA / "identifying_corpus.toml").read_text(encoding="utf-8"))


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


# -- the confidentiality detector --------------------------------------------------------------
def test_identifying_details_are_noticed_and_ordinary_talk_is_not():
    """Every identifying example is noticed; no ordinary example is."""
    missed = [t for t in IDENTIFYING["identifying"] if not confidentiality.identifying(t)]
    flagged = {t: confidentiality.identifying(t).kinds for t in IDENTIFYING["ordinary"]
               if confidentiality.identifying(t)}
    assert not missed and not flagged, (missed, flagged)
