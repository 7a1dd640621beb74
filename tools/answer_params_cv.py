"""Which setting of the answerer's global thresholds carries to question sets it was not chosen on.

Each task set in tests/data (`task_questions*.toml`; each blind set was written by a different
person) is left out in turn: the setting of `bot.answering.params.AnswerParams` that scores best on
all the other task sets is picked from a small grid (GRID below, crossed with today's setting) and
the left-out set is scored with it. Summed over the sets that gives coarse agreement and "yes" to a
ruled-out task as a new writer's questions would see them, beside today's setting scored the same
way. The objective is agreement minus PENALTY per yes to a ruled-out task. Out-of-scope questions
(`out_of_scope*.toml` and the "unsure" cases of the topic sets) answered "not sure", and topic
questions answered with the right topic first, are a bar, not an objective: a setting that lowers
either, summed over every set, is never picked. The scoring is `tests/test_devsets.py`'s own
(`task_verdict`, `choose`), through the real router and answerer.

Nothing is refitted per setting: each question's evidence (the retriever's scores, the word search's
hits, its stance; `Answerer.evidence`) and the topic finder's answers are read once and kept, and
each setting only re-decides (`Answerer.with_params`). The grid runs in two processes.

Run from the repository's root: `.venv/bin/python tools/answer_params_cv.py [--show N] [--quick]`
(a few minutes; `--quick` tries each parameter alone around today's setting, not the full grid).
Prints the chosen setting per left-out set, the per-set table (today vs chosen) and the totals.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import itertools
import multiprocessing
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.bootstrap import build_bot  # noqa: E402
from bot.answering.params import AnswerParams  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.test_devsets import COARSE, DATA, choose, task_verdict  # noqa: E402

PENALTY = 3  # a yes to a ruled-out task costs this many agreements
# Values tried per parameter; the grid is their product (today's value is always among them).
GRID: dict[str, tuple[float, ...]] = {
    "confident": (0.2, 0.25, 0.3),  # the support a ruling needs before it is given, not "not sure"
    "no_confident": (0.6, 0.8, 1.0),  # the share of that bar a leaning no needs
    "no_yes_margin": (0.75, 0.85, 0.95),  # how close a no-leaning candidate must be to block a yes
    "bare_margin": (0.45, 0.6, 0.75),  # the same, when the question names no deciding detail
    "model_bonus": (0.5, 1.0, 2.0),  # the retriever's share of the blend with word search
    "weak_depends": (0.0, 0.5),  # a leaning asked with a weak best ruling: "depends" with two shown
}
QUICK: dict[str, tuple[float, ...]] = {
    **GRID,
    "yes_confident": (0.22, 0.28, 0.34), "bare_margin": (0.35, 0.45, 0.6, 0.75), "support_weight": (0.25, 0.5, 0.75), "out_margin": (0.15, 0.25, 0.35),
    "lead_bonus": (0.5, 1.0, 2.0), "stance_agrees": (0.1, 0.15, 0.25), "leaning_min_confidence": (0.3, 0.35, 0.45),
    "no_leaning_share": (0.6, 0.8, 1.0), "task_min_confidence_unprompted": (0.4, 0.5, 0.6),
    "verdict_asked_edge": (1.1, 1.3, 1.6), "other_edge": (0.7, 0.8, 0.9), "weak_depends": (0.0, 0.3, 0.5, 0.7),
    "how_edge": (0.3, 0.5, 0.7, 0.8), "out_unknown_share": (0.3, 0.4, 0.6, 1.01),
}

_ctx: Any = None  # the router's context with the memoizing answerer and finder (set before forking)
_sets: list[tuple[str, list[dict[str, Any]]]] = []


class MemoFinder:
    """The topic finder with its answers kept per question: they do not depend on any threshold."""

    def __init__(self, finder: Any):
        self._finder = finder
        self.find = functools.cache(finder.find)
        self.names = functools.cache(finder.names)
        self._see_also: dict[tuple[str, int, str], Any] = {}

    def see_also(self, question: str, found: Any, ruling: Any) -> Any:
        key = (question, id(found), ruling.id)  # rulings do not hash; `found` is kept by `find`'s cache
        if key not in self._see_also:
            self._see_also[key] = self._finder.see_also(question, found, ruling)
        return self._see_also[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._finder, name)


def load_sets() -> list[tuple[str, list[dict[str, Any]]]]:
    files = sorted(p for p in DATA.glob("*.toml") if p.name.startswith(("task_questions", "topic_questions", "out_of_scope")))
    return [(p.stem, tomllib.loads(p.read_text())["case"]) for p in files]


def setup() -> None:
    global _ctx, _sets
    bot = build_bot(Settings(db=":memory:", _env_file=None))
    answerer = bot.context.answerer.with_params(AnswerParams())
    answerer.evidence = functools.cache(answerer.evidence)  # type: ignore[method-assign]
    _ctx = dataclasses.replace(bot.context, answerer=answerer, finder=MemoFinder(bot.context.finder))
    _sets = load_sets()


def score(params: AnswerParams) -> dict[str, tuple[int, int, int]]:
    """Per set: (agreement or right topic, yes to a ruled-out task, out of scope answered "not sure")."""
    ctx = dataclasses.replace(_ctx, answerer=_ctx.answerer.with_params(params))
    out: dict[str, tuple[int, int, int]] = {}
    for name, cases in _sets:
        agree = yes_no = unsure = 0
        for c in cases:
            if name.startswith("task_questions"):
                got = COARSE[task_verdict(ctx, c["question"])]
                agree += got == COARSE[c["expect"]]
                yes_no += COARSE[c["expect"]] == "no" and got == "yes"
                continue
            kind, found = choose(ctx, c["question"])
            if c["expect"] == "unsure" or name.startswith("out_of_scope"):
                unsure += kind in ("unknown", "unsure-task", "clinical")
            else:
                agree += kind == "topic" and found.item.id == c["expect"]
        out[name] = (agree, yes_no, unsure)
    return out


def settings(grid: dict[str, tuple[float, ...]], quick: bool) -> list[AnswerParams]:
    base = AnswerParams()
    if quick:
        found = [base] + [dataclasses.replace(base, **{k: v}) for k, vs in grid.items() for v in vs
                          if v != getattr(base, k)]
    else:
        found = [dataclasses.replace(base, **dict(zip(grid, combo, strict=True)))
                 for combo in itertools.product(*grid.values())]
    return list(dict.fromkeys([base, *found]))


def objective(scores: dict[str, tuple[int, int, int]], names: list[str]) -> int:
    return sum(scores[n][0] - PENALTY * scores[n][1] for n in names)


def changed(params: AnswerParams) -> str:
    base = AnswerParams()
    diff = {k: v for k, v in dataclasses.asdict(params).items() if v != getattr(base, k)}
    return ", ".join(f"{k}={v}" for k, v in diff.items()) or "today's"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="each parameter alone around today's setting")
    parser.add_argument("--show", type=int, default=5, help="how many of the best settings on all sets to list")
    args = parser.parse_args()
    setup()
    today = score(AnswerParams())  # also reads every question's evidence once, before the fork
    tried = settings(QUICK if args.quick else GRID, args.quick)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(score, tried, chunksize=4)
    tasks = [n for n, _ in _sets if n.startswith("task_questions")]
    others = [n for n, _ in _sets if not n.startswith("task_questions")]
    # The bar: out of scope "not sure" and topic top-1, summed over every set, no lower than today's.
    bar = (sum(today[n][2] for n in others), sum(today[n][0] for n in others))
    allowed = [(p, s) for p, s in zip(tried, results, strict=True)
               if sum(s[n][2] for n in others) >= bar[0] and sum(s[n][0] for n in others) >= bar[1]]
    print(f"{len(tried)} settings tried, {len(allowed)} keep out of scope \"not sure\" >= {bar[0]} "
          f"and topic top-1 >= {bar[1]}")
    print(f"{'left out':34} {'n':>4}  {'today agree/yes-no':>18}  {'chosen agree/yes-no':>19}  chosen on the rest")
    totals = {"today": [0, 0], "chosen": [0, 0]}
    for left in tasks:
        rest = [n for n in tasks if n != left]
        best_params, best = max(allowed, key=lambda ps: (objective(ps[1], rest), ps[0] == AnswerParams()))
        n = len(dict(_sets)[left])
        t, c = today[left], best[left]
        totals["today"][0] += t[0]
        totals["today"][1] += t[1]
        totals["chosen"][0] += c[0]
        totals["chosen"][1] += c[1]
        print(f"{left:34} {n:>4}  {t[0]:>12}/{t[1]:<5}  {c[0]:>13}/{c[1]:<5}  {changed(best_params)}")
    for k, (a, y) in totals.items():
        print(f"leave-one-set-out total, {k}: agreement {a}, yes to a ruled-out task {y}, objective {a - PENALTY * y}")
    ranked = sorted(zip(tried, results, strict=True), key=lambda ps: -objective(ps[1], tasks))
    print(f"best on all task sets (objective; today's is {objective(today, tasks)}; * lowers a bar):")
    for p, s in ranked[:args.show]:
        mark = " " if any(p is q for q, _ in allowed) else "*"
        print(f" {mark}{objective(s, tasks)}  agree {sum(s[n][0] for n in tasks)} yes-no {sum(s[n][1] for n in tasks)}"
              f"  oos {sum(s[n][2] for n in others)} topic {sum(s[n][0] for n in others)}  {changed(p)}")


if __name__ == "__main__":
    main()
