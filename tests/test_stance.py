"""Stance: reading which side of a distinction a question stands on, in pairs that differ by a word."""
from __future__ import annotations

import pytest

from bot.answering import stance

# (question, dimension, side it takes)
PAIRS = [
    ("can I phone the landlord for him?", "who acts", "for"),
    ("can I phone the landlord with him?", "who acts", "with"),
    ("can I call the housing office without her there?", "person there", "absent"),
    ("can I call the housing office with her sitting beside me?", "person there", "present"),
    ("can I testify against him at the hearing?", "side", "against"),
    ("can I testify for him at the hearing?", "side", "support"),
    ("my manager wants me to take her to group", "who asked", "the team"),
    ("she asked me to take her to group", "who asked", "the person"),
    ("can I take him to detox? he doesn't want to go", "the person's wish", "unwanted"),
    ("can I take him to the detox he chose?", "the person's wish", "wanted"),
    ("I drive people to appointments every day", "how often", "routine"),
    ("can I give her a lift just this once?", "how often", "once"),
    ("can I convince him to take his meds?", "push", "toward"),
    ("can I talk him out of taking his meds?", "push", "away"),
    # Round 2 of issue 13: sides the fresh set's misses showed unread (paraphrased here).
    ("the doctors want me to give a statement at her hearing about how paranoid she has been", "side", "against"),
    ("my supervisor thinks I should go to his review meeting", "who asked", "the team"),
    ("they want me to tell them whether she's still drinking", "watching or reporting", "reports"),
    ("she's not interested in a job right now", "the person's wish", "unwanted"),
    ("I'll just head to the benefits office myself and fix it for him", "person there", "absent"),
    ("can my peer staff be exempt from the dress code because of her history?", "expectations", "exempt"),
    ("should peer workers be held to the same standards as other staff?", "expectations", "the same"),
    # Round 4 (paraphrased): the team asking with no "the", people who said no, the peer as persuader.
    ("Team wants me to walk him to the clinic", "who asked", "the team"),
    ("staff are fed up with the mess and want me to sort out his room", "who asked", "the team"),
    ("get them enrolled, even the ones who said no", "the person's wish", "unwanted"),
    ("the goal isn't hers, the team chose it", "the person's wish", "unwanted"),
    ("can you get them signed up for the course? they'll listen to you", "push", "toward"),
    # Round 5 (paraphrased): the team asking in more words, the person absent, work displaced, the
    # person deciding what is told, why something is passed on, and who is asking.
    ("the clinic staff want me to tell him he's been discharged", "who asked", "the team"),
    ("the team wants a daily update from me on whether he showed up", "who asked", "the team"),
    ("my manager keeps handing me the intake paperwork", "who asked", "the team"),
    ("my supervisor says my visits with her should be about her care plan", "who asked", "the team"),
    ("a resident asked me to come with her to court", "who asked", "the person"),
    ("they're deciding about his housing and he's not there. can I speak up?", "person there", "absent"),
    ("she doesn't want visits from the team", "the person's wish", "unwanted"),
    ("most of my week goes on data entry instead of seeing people", "peer work", "displaced"),
    ("can I help her work out whether to tell her doctor, leaving it up to her?", "watching or reporting", "their own choice"),
    ("the team wants me to tell them what clients say in group", "why it is passed on", "everyday"),
    ("should I tell my supervisor he said he might hurt someone?", "why it is passed on", "safety"),
    ("as a supervisor, can I ask my peer worker about her meds?", "asking as", "supervisor"),
    ("can I share my story with someone I support?", "asking as", "peer worker"),
    ("she's overwhelmed, so I'll just take over and deal with her landlord myself", "taking over", "takes over"),
    ("supervisor here: can my peer worker cover the front desk?", "asking as", "supervisor"),
    ("team says I should get him into the day program", "who asked", "the team"),
    # Round 6 (paraphrased): telling what was said in confidence, the question asked deciding between
    # keeping and telling, a requirement on peers alone, a nurse wanting the peer's view.
    ("she mentioned in confidence that she stopped her meds. staff keep asking. should I tell them?", "watching or reporting", "reports"),
    ("he wants me to keep it a secret that he's thinking of ending his life. do I tell my supervisor?", "watching or reporting", "reports"),
    ("the agency wants peer staff to sign a sobriety pledge, but no one else", "expectations", "singled out"),
    ("the psychiatrist wants my view on whether he's coping", "who asked", "the team"),
    ("can I run the needle exchange desk without bringing in my own story?", "own experience", "left out"),
    ("can I run a harm reduction chat drawing on my own experience?", "own experience", "brought in"),
]


@pytest.mark.parametrize("question, dimension, side", PAIRS)
def test_each_side_of_a_pair_is_read(question, dimension, side):
    """Each question of a pair is read on its own side of the distinction."""
    assert stance.of_question(question).get(dimension) == frozenset({side})


def test_being_held_against_their_will_is_their_situation_not_the_askers_agenda():
    """An involuntary hold ("detained … against his will") is not the asker acting against his wishes."""
    read = stance.of_question("he's been detained on the psych ward against his will. can I sit with him and go over his rights?")
    assert "the person's wish" not in read and "whose agenda" not in read and "side" not in read


def test_what_staff_do_not_want_is_not_the_persons_wish():
    """"Our director doesn't want to…" is staff reluctant, not the person refusing support."""
    read = stance.of_question("our director doesn't want to put the peer on a performance plan. should she be held to the same rules?")
    assert "the person's wish" not in read and "whose agenda" not in read


def test_testifying_for_someone_is_taking_their_side_not_doing_it_for_them():
    """"Testify for him" is support at a hearing, not doing a task on his behalf."""
    assert "who acts" not in stance.of_question("can I testify for him at the hearing?")


def test_a_ruling_on_the_other_side_contradicts_the_question():
    """A ruling about doing it *for* the person contradicts a question about doing it *with* them."""
    asked = stance.of_question("can I go grocery shopping with her?")
    for_them = stance.of_ruling("Doing the person's shopping for them, on their behalf", frozenset({"for"}))
    with_them = stance.of_ruling("Going shopping together with the person", frozenset({"with"}))
    assert stance.contradictions(asked, for_them) == ["who acts"]
    assert stance.contradictions(asked, with_them) == []
    assert stance.agreements(asked, with_them) == ["who acts"]


def test_a_ruling_that_names_no_side_contradicts_nothing():
    """A ruling silent on a dimension can still answer a question that takes a side on it."""
    asked = stance.of_question("can I testify against him?")
    assert stance.contradictions(asked, stance.of_ruling("Going to court with the person", frozenset())) == []


def test_who_asked_comes_from_a_request_not_a_mention():
    """Only mentioning the team ("the team stuck him with a goal") is not the team asking."""
    assert "who asked" not in stance.of_question("the team stuck him with a goal he hates, can I raise it?")


def test_a_risk_a_ruling_hangs_on_has_the_side_its_verdict_gives():
    """A ruling leaning yes that declares an agenda risk is about doing the task without pushing; a
    question that pushes ("tell her she should stop her meds") contradicts it, and agrees with the no."""
    asked = stance.of_question("can I tell her she should stop taking her meds like I did?")
    without_pushing = stance.of_ruling("Helping someone coming off medication find other supports",
                                       frozenset({"agenda"}), "yes")
    pushing = stance.of_ruling("Using your own story to persuade someone about medication", frozenset({"agenda"}), "no")
    assert stance.contradictions(asked, without_pushing) == ["whose agenda"]
    assert stance.agreements(asked, pushing) == ["whose agenda"]


def test_words_that_say_a_risks_side_outright_overrule_the_verdict():
    """A ruling leaning yes about telling the team still reports, and one leaning no about keeping it
    to yourself does not: "do I have to tell the team…?" stands with the first, against the second."""
    asked = stance.of_question("do I have to tell the team if someone tells me they're suicidal?")
    telling = stance.of_ruling("Telling your supervisor or team when someone discloses thoughts of suicide",
                               frozenset({"reporting"}), "yes")
    keeping = stance.of_ruling("Keeping it to yourself when someone talks about suicide, because they asked you to",
                               frozenset({"reporting"}), "no")
    assert "watching or reporting" in stance.agreements(asked, telling)
    assert stance.contradictions(asked, keeping) == ["watching or reporting"]


def test_having_a_say_leaves_the_power_with_the_person():
    """"Help someone have a say in how their payee is set up" mentions a payee but takes no power."""
    sides = stance.of_question("can I help someone have a say in how their payee is set up?")
    assert sides["power over the person"] == frozenset({"leaves it with them"})


def test_backing_up_what_the_person_wants_is_their_own_agenda():
    """"Back up what he actually wants" stands with the person, even in a question about the team's goals."""
    sides = stance.of_question("the team set him a goal he never chose; can I back up what he actually wants?")
    assert "the person's own" in sides["whose agenda"]


def test_her_before_what_is_hers_is_not_doing_it_for_her():
    """"Get ready for her review", "be there for her" do not do anything in her place; "phone the
    landlord for her" does."""
    assert "who acts" not in stance.of_question("can I help someone get ready for her care plan review?")
    assert "who acts" not in stance.of_question("she wants me at the meeting just to be there for her")
    assert stance.of_question("can I phone the landlord for her?")["who acts"] == frozenset({"for"})


def test_a_ruling_about_supervising_peer_workers_contradicts_a_peer_worker_asking_about_their_own_work():
    """"Telling a peer worker… to take time off" answers a supervisor, not "it's stirring up my own past"."""
    ruling = stance.of_ruling("Telling a peer worker whose own past is stirred up to take time off", frozenset(), "no")
    asked = stance.of_question("supporting someone is stirring up my own past, what now?")
    assert stance.contradictions(asked, ruling) == ["asking as"]


def test_testifying_for_them_is_taking_their_side_however_they_are_named():
    """"Testify for them", like "testify for him", takes the person's side and does nothing in their place."""
    assert "who acts" not in stance.of_question("the person I support wants me to testify for them at the tribunal. ok?")


def test_a_sentence_that_starts_with_the_supervisor_is_not_a_supervisor_asking():
    """"Supervisor keeps giving me…" is a peer worker talking about their supervisor."""
    assert stance.of_question("supervisor keeps giving me the jobs nobody wants. is that ok?").get("asking as") != frozenset({"supervisor"})


def test_falling_for_someone_is_not_doing_it_for_them():
    """"I'm falling for someone I support" does nothing in the person's place."""
    assert "who acts" not in stance.of_question("i'm falling for someone i support, what now?")


def test_not_wanting_to_be_alive_is_not_refusing_the_support():
    """"She doesn't want to be alive anymore" tells of a danger to life, not of support she turned down."""
    sides = stance.of_question("she told me she doesn't want to be alive anymore. can I keep talking with her?")
    assert "the person's wish" not in sides and "whose agenda" not in sides


def test_phone_shorthand_is_read_in_full():
    """Round 11, second pass: shorthand typed on a phone reads as the words it stands for, so the
    stance and facets see "without asking me" in "w/o asking me"."""
    from bot.answering.facets import detect, phone_words

    assert phone_words("tell my story w/o asking me") == "tell my story without asking me"
    assert phone_words("coffee w someone, jobs r in her tx plan b/c shes ok") == \
        "coffee with someone, jobs are in her treatment plan because she's ok"
    assert phone_words("r&b night") == "r&b night"
    assert "reporting" in detect("police came asking what a resident has been telling me lately")
    assert "for" in detect("ok to just fill out her ODSP paperwork for her to save time")
