"""The answerer's thresholds as a value (`bot.answering.params`): defaults as the constants, settable."""
from __future__ import annotations

import dataclasses

from bot.answering import answerer, choosing
from bot.answering.params import AnswerParams

# Each field and the module constant it stands for, where the comments say why it has its value.
CONSTANTS = {
    "fusion_k": answerer.FUSION_K, "model_bonus": answerer.MODEL_BONUS, "lead_bonus": answerer.LEAD_BONUS,
    "stance_agrees": answerer.STANCE_AGREES, "out_margin": answerer.OUT_MARGIN,
    "out_unknown_share": answerer.OUT_UNKNOWN_SHARE,
    "model_floor": answerer.MODEL_FLOOR, "model_span": answerer.MODEL_SPAN, "confident": answerer.CONFIDENT,
    "no_confident": answerer.NO_CONFIDENT, "yes_confident": answerer.YES_CONFIDENT,
    "no_yes_margin": answerer.NO_YES_MARGIN,
    "no_yes_confidence": answerer.NO_YES_CONFIDENCE, "no_yes_reach": answerer.NO_YES_REACH, "bare_margin": answerer.BARE_MARGIN, "same_thing": answerer.SAME_THING,
    "support_rank": answerer.SUPPORT_RANK, "support_weight": answerer.SUPPORT_WEIGHT,
    "weak_depends": answerer.WEAK_DEPENDS,
    "task_min_confidence_unprompted": choosing.TASK_MIN_CONFIDENCE_UNPROMPTED,
    "logistics_min_confidence": choosing.LOGISTICS_MIN_CONFIDENCE, "task_shaped_edge": choosing.TASK_SHAPED_EDGE,
    "other_edge": choosing.OTHER_EDGE, "verdict_asked_edge": choosing.VERDICT_ASKED_EDGE, "how_edge": choosing.HOW_EDGE,
    "out_of_scope_topic": choosing.OUT_OF_SCOPE_TOPIC, "out_of_scope_named": choosing.OUT_OF_SCOPE_NAMED,
    "leaning_min_confidence": choosing.LEANING_MIN_CONFIDENCE, "no_leaning_share": choosing.NO_LEANING_SHARE,
}


def test_the_default_thresholds_are_the_documented_constants():
    """Every field defaults to the constant whose comment explains it, and none is left without one."""
    defaults = dataclasses.asdict(AnswerParams())
    assert set(defaults) == set(CONSTANTS)
    assert defaults == CONSTANTS


def test_a_higher_confidence_bar_turns_a_leaning_into_not_sure(bot):
    """The bar a ruling must reach is read from the answerer's params, not from the code."""
    question = "can I drive someone to the food bank?"
    assert bot.answerer.answer(question).verdict != "unsure"
    strict = bot.answerer.with_params(AnswerParams(confident=1.01))
    assert strict.answer(question).verdict == "unsure"


def test_evidence_read_once_decides_as_the_question_does(bot):
    """Deciding from evidence read once gives the same answer as answering the question."""
    question = "my manager wants me to drive a client to court to testify against her ex"
    assert bot.answerer.decide(bot.answerer.evidence(question)) == bot.answerer.answer(question)
