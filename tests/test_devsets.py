"""The question sets: realistic questions with the answers the sources support, scored.

All sets were written from the source documents in ../shared/seeds/, not from content/, so they
measure agreement with the sources. They are not all equally independent of the tuning:

- development sets (task_questions.toml, topic_questions.toml, topic_questions_defs_myths.toml):
  tuned against; their floors are the issues' targets (90% coarse agreement and no "yes" to a task
  the sources rule out; 90% top-1 for topics), which the answerer now meets;
- held-out sets 1 and 2 (*_heldout.toml, *_heldout2.toml): each was written before a round of
  tuning and looked at after it, then used as development data, so they are partly tuned against;
- held-out set 3 (*_heldout3.toml): written after the last change and looked at once;
- held-out set 4 (*_heldout4.toml, out_of_scope_heldout4.toml): written by someone who had not seen
  content/ or the other sets, looked at once; its out-of-scope misses were then fixed, so only its
  task and topic figures are still unseen-by-tuning.

A topic answer that opens with a leaning (a question that asked for one, `bot.answering.choosing`) counts
with that leaning for the task sets: the reply gives it. Their floors pin what the answerer reaches
today (docs/answer-quality.md has the figures and the
history), so a change that makes any of them worse fails here. The held-out figures are well below
the development ones: much of the gain on the development sets is fitting, not generalising.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.answering.asking import choose

DATA = Path(__file__).parent / "data"
COARSE = {"yes": "yes", "likely": "yes", "depends": "depends", "unlikely": "no", "no": "no", "unsure": "unsure"}
HELD_OUT = ("heldout", "heldout2", "heldout3", "heldout4")


def cases(*names: str) -> list[dict]:
    out: list[dict] = []
    for name in names:
        out += tomllib.loads((DATA / name).read_text())["case"]
    return out


def task_verdict(bot, question: str) -> str:
    """The verdict the reply gives: a task answer's, or the leaning a topic answer opens with."""
    kind, found = choose(bot, question)
    if kind == "topic" and found.leaning is not None:
        return found.leaning.verdict
    return found.verdict if kind in ("task", "unsure-task") else "unsure"


def task_agreement(bot, data: list[dict]) -> int:
    return sum(COARSE[task_verdict(bot, c["question"])] == COARSE[c["expect"]] for c in data)


def yes_to_no(bot, data: list[dict]) -> list[str]:
    return [c["question"] for c in data
            if COARSE[c["expect"]] == "no" and COARSE[task_verdict(bot, c["question"])] == "yes"]


def topic_hits(bot, data: list[dict]) -> int:
    hits = 0
    for c in data:
        kind, found = choose(bot, c["question"])
        hits += kind == "topic" and found.item.id == c["expect"]
    return hits


def out_of_scope_unknown(bot, data: list[dict]) -> int:
    return sum(choose(bot, c["question"])[0] in ("unknown", "unsure-task", "clinical") for c in data)


@pytest.fixture(scope="module")
def module_bot(catalog, tmp_path_factory):
    from adapters.bootstrap import build_bot
    from bot.settings import Settings

    return build_bot(Settings(db=str(tmp_path_factory.mktemp("dev") / "dev.db"), _env_file=None), catalog=catalog)


# -- development sets: the issues' targets -----------------------------------------------------
DEV_FLOORS = (114, 84)  # (task agreement, topic top-1): today's figures
def test_task_questions_agree_with_the_sources(module_bot):
    """At least 113 of the 119 task development questions (95%) get the sources' coarse leaning
    (target 90%)."""
    data = cases("task_questions.toml")
    assert len(data) >= 60
    agree = task_agreement(module_bot, data)
    assert agree >= DEV_FLOORS[0], f"{agree}/{len(data)}"


def test_task_answers_never_say_yes_to_what_the_sources_rule_out(module_bot):
    """No question the sources answer "no" to gets a "yes" or "likely"."""
    assert yes_to_no(module_bot, cases("task_questions.toml")) == []


def test_questions_that_are_not_about_tasks_get_unsure(module_bot):
    """Questions that are not about a task at all ("what time is the staff meeting?") get no verdict."""
    not_tasks = [c for c in cases("task_questions.toml") if c["expect"] == "unsure"]
    unsure = sum(task_verdict(module_bot, c["question"]) == "unsure" for c in not_tasks)
    assert unsure >= 5, f"{unsure}/{len(not_tasks)}"


def test_topic_questions_find_their_topic(module_bot):
    """At least 83 of the 92 topic development questions (90%) land on the expected topic or
    definition first."""
    data = [c for c in cases("topic_questions.toml", "topic_questions_defs_myths.toml") if c["expect"] != "unsure"]
    assert len(data) >= 40
    hits = topic_hits(module_bot, data)
    assert hits >= DEV_FLOORS[1], f"{hits}/{len(data)}"


def test_out_of_scope_topic_questions_get_i_dont_know(module_bot):
    """Every out-of-scope question ("who won the game last night") gets an honest "I don't know"."""
    data = [c for c in cases("topic_questions.toml") if c["expect"] == "unsure"]
    unknown = out_of_scope_unknown(module_bot, data)
    assert unknown == len(data), f"{unknown}/{len(data)}"


# -- held-out sets: what the answerer reaches on questions it was not tuned on -------------------
# (set, task agreement floor, topic top-1 floor); see the module docstring for how held-out each is.
HELD_OUT_FLOORS = {"heldout": (22, 22), "heldout2": (16, 16), "heldout3": (12, 11), "heldout4": (27, 29)}


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_task_questions_stay_at_their_level(module_bot, name):
    """Held-out task questions keep at least the agreement they reach today."""
    data = cases(f"task_questions_{name}.toml")
    agree = task_agreement(module_bot, data)
    assert agree >= HELD_OUT_FLOORS[name][0], f"{agree}/{len(data)}"


def test_held_out_task_answers_never_say_yes_to_a_ruled_out_task(module_bot):
    """No held-out question the sources answer "no" to gets a "yes" or "likely" either."""
    wrong = yes_to_no(module_bot, cases(*(f"task_questions_{name}.toml" for name in HELD_OUT)))
    assert wrong == []


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_topic_questions_stay_at_their_level(module_bot, name):
    """Held-out topic questions keep at least the top-1 hits they reach today."""
    data = [c for c in cases(f"topic_questions_{name}.toml") if c["expect"] != "unsure"]
    hits = topic_hits(module_bot, data)
    assert hits >= HELD_OUT_FLOORS[name][1], f"{hits}/{len(data)}"


def test_held_out_out_of_scope_questions_get_i_dont_know(module_bot):
    """Every held-out out-of-scope topic question gets "I don't know"."""
    data = [c for name in HELD_OUT for c in cases(f"topic_questions_{name}.toml") if c["expect"] == "unsure"]
    unknown = out_of_scope_unknown(module_bot, data)
    assert unknown == len(data), f"{unknown}/{len(data)}"


def test_workplace_chatter_and_clinical_questions_get_no_answer(module_bot):
    """Every question of the out-of-scope set (office logistics, pay, weather, chit-chat, symptoms,
    doses) gets "I don't know" or "that's a clinical question", never a topic or a verdict."""
    data = cases("out_of_scope_heldout4.toml")
    unknown = out_of_scope_unknown(module_bot, data)
    assert unknown == len(data), f"{unknown}/{len(data)}"


# -- blind sets: written by people who had seen neither content/ nor any other set ----------------
# fresh (round 1), blind2 (round 2), blind3 and its held-out third (round 3), blind4 (the tuning two
# thirds of round 4) and its held-out third (published after round 4), blind5 (the tuning two thirds of
# round 5) and its held-out third and blind6 (both published after round 5's final figures), blind7 (the
# tuning two thirds of round 6's seventh writer), blind9a and blind9b (the tuning two thirds of round 9's
# community-settings and clinical-settings writers; their floors start at the first look), blind10a and
# blind10b (round 10's two writers, opened whole for tuning after their first look); blind9a_heldout,
# blind9b_heldout and blind9c (round 9's unseen parts, published at their final figures; round 11's topic tuning
# read their misses, so they are tuned on now too), blind11a and blind11b (round 11's two writers' tuning two thirds);
# blind11a_heldout, blind11b_heldout and blind11c (round 11's unseen parts, published at their final figures,
# 7bd6e19, then tuned on in round 11's second pass); blind12a and blind12b (round 12's two writers, wholly
# unseen: first look fea92ea, final a776c86, at their final figures). All but round 12's were
# tuned on after their first look (blind4_heldout in round 5, blind5_heldout and blind6 after round 5;
# blind3_heldout was only a no-worse check, but round 5 read some of its misses). (set, task agreement floor, topic top-1 floor,
# out of scope "not sure" floor): what the answerer reaches today, so no change may make one worse.
BLIND = ("fresh", "blind2", "blind3", "blind3_heldout", "blind4", "blind4_heldout", "blind5", "blind5_heldout", "blind6", "blind7", "blind9a", "blind9b", "blind10a", "blind10b",
         "blind11a", "blind11b", "blind9a_heldout", "blind9b_heldout", "blind9c", "blind11a_heldout", "blind11b_heldout",
         "blind11c", "blind12a", "blind12b")
BLIND_FLOORS = {"fresh": (151, 89, 22), "blind2": (121, 43, 20), "blind3": (95, 46, 16),
                "blind3_heldout": (43, 21, 8), "blind4": (102, 40, 16), "blind4_heldout": (58, 22, 8),
                "blind5": (94, 50, 14), "blind5_heldout": (44, 24, 6), "blind6": (113, 48, 18),
                "blind7": (72, 34, 12), "blind9a": (79, 48, 14), "blind9b": (79, 50, 14),
                "blind10a": (80, 44, 15), "blind10b": (77, 42, 15), "blind11a": (78, 40, 14),
                "blind11b": (77, 48, 14), "blind9a_heldout": (25, 19, 6), "blind9b_heldout": (32, 21, 6),
                "blind9c": (85, 67, 20), "blind11a_heldout": (35, 16, 6), "blind11b_heldout": (29, 20, 6),
                "blind11c": (104, 68, 20), "blind12a": (86, 50, 13), "blind12b": (97, 50, 18)}


@pytest.mark.parametrize("name", BLIND)
def test_blind_task_questions_stay_at_their_level(module_bot, name):
    """Blind task questions keep at least the coarse agreement they reach today."""
    data = cases(f"task_questions_{name}.toml")
    agree = task_agreement(module_bot, data)
    assert agree >= BLIND_FLOORS[name][0], f"{agree}/{len(data)}"


# Blind questions the sources rule out that still get "yes" or "likely": the known ones, listed so
# that none may be added (issue 13's no-yes guard is not there yet).
KNOWN_YES_TO_NO = {"blind2": 1, "blind3": 0, "blind4": 1, "blind4_heldout": 0, "blind5": 0, "blind5_heldout": 0, "blind6": 0,
                   "blind7": 0, "blind9a": 0, "blind9b": 0, "blind10a": 0, "blind10b": 0, "blind11a": 0, "blind11b": 0, "blind9a_heldout": 2, "blind9b_heldout": 2, "blind9c": 3,
                   "blind11a_heldout": 1, "blind11b_heldout": 0, "blind11c": 0,
                   "blind12a": 8, "blind12b": 4}


@pytest.mark.parametrize("name", BLIND)
def test_blind_yes_to_a_ruled_out_task_does_not_rise(module_bot, name):
    """No blind set gets more "yes" to a ruled-out task than today."""
    wrong = yes_to_no(module_bot, cases(f"task_questions_{name}.toml"))
    assert len(wrong) <= KNOWN_YES_TO_NO.get(name, 0), wrong


@pytest.mark.parametrize("name", BLIND)
def test_blind_topic_questions_stay_at_their_level(module_bot, name):
    """Blind topic questions keep at least the top-1 hits they reach today."""
    data = [c for c in cases(f"topic_questions_{name}.toml") if c["expect"] != "unsure"]
    hits = topic_hits(module_bot, data)
    assert hits >= BLIND_FLOORS[name][1], f"{hits}/{len(data)}"


@pytest.mark.parametrize("name", BLIND)
def test_blind_out_of_scope_questions_get_not_sure(module_bot, name):
    """Blind out-of-scope questions (arithmetic, trivia, office logistics, clinical facts) keep at
    least the "not sure" answers they get today."""
    data = cases(f"out_of_scope_{name}.toml")
    unknown = out_of_scope_unknown(module_bot, data)
    assert unknown >= BLIND_FLOORS[name][2], f"{unknown}/{len(data)}"
