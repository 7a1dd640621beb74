"""The answerer's global thresholds as one value, so they can be set without editing code.

Each field's default is the module constant it stands for (`bot.answering.answerer` and
`bot.answering.choosing`), where the comments say why it has that value. `Answerer(params=…)` takes
another setting; `tools/answer_params_cv.py` scores a grid of settings by leaving each question set
out in turn. Only what decides between candidates is here: what builds them (the pools, the
search limit) stays fixed, so a question's evidence can be read once and re-decided per setting.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerParams:
    # Ranking the candidates (`Answerer.rank`): the retriever/word-search blend.
    fusion_k: float = 5.0
    model_bonus: float = 1.0
    lead_bonus: float = 1.0
    stance_agrees: float = 0.15
    out_margin: float = 0.25
    out_unknown_share: float = 0.4
    model_floor: float = -0.9
    model_span: float = 1.0
    # Deciding (`Answerer.answer`): a ruling given rather than "not sure", the no-yes guard, "depends".
    confident: float = 0.25
    no_confident: float = 0.8
    yes_confident: float = 0.28
    no_yes_margin: float = 0.85
    no_yes_confidence: float = 1.0
    no_yes_reach: int = 5
    bare_margin: float = 0.45
    same_thing: int = 2
    support_rank: float = 0.85
    support_weight: float = 0.5
    # A question asking for a leaning whose best ruling is weak: "depends" with the two nearest
    # rulings when the best reaches this share of `confident` (0: off, "not sure" as before).
    weak_depends: float = 0.0
    # Routing (`bot.answering.choosing.choose`).
    task_min_confidence_unprompted: float = 0.5
    logistics_min_confidence: float = 0.8
    task_shaped_edge: float = 1.0
    other_edge: float = 0.8
    verdict_asked_edge: float = 1.3
    how_edge: float = 0.5
    out_of_scope_topic: float = 0.6
    out_of_scope_named: float = 0.3
    leaning_min_confidence: float = 0.35
    no_leaning_share: float = 0.8
