"""Answers "is this a peer task?": a leaning, the reasons, the closest rulings and a question.

Search finds candidate rulings; the facets of the question (for or with, who asked, how often,
reporting, agenda, clinical, power) then rerank them so the ruling on the right side of a
distinction wins, and temper the leaning when the question carries a risk the ruling does not
account for. Below a confidence threshold the answer is `unsure` and offers the guided check.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.catalog import Catalog, Ruling, View
from bot.corpus import RULING, index_for
from bot.facets import EXPLAIN, OPPOSITES, RISKY, detect
from bot.text import terms

CONFIDENT = 0.25
COARSE = {"yes": "yes", "likely": "yes", "depends": "depends", "unlikely": "no", "no": "no"}
DECISIVE = frozenset({"for", "with", "asked-by-person", "asked-by-staff", "routine", "occasional", "reporting",
                      "agenda", "power"})
STRONG_RISKS = ("reporting", "agenda", "power")
LEAN_DOWN = {"yes": "depends", "likely": "depends", "depends": "unlikely"}
LEAN_DOWN_HARD = {"yes": "unlikely", "likely": "unlikely", "depends": "unlikely"}


@dataclass(frozen=True)
class TaskAnswer:
    question: str
    verdict: str  # yes | likely | depends | unlikely | no | unsure
    reasons: tuple[str, ...]
    matches: tuple[Ruling, ...]
    instead: str = ""
    reflect: str = ""
    views: tuple[View, ...] = ()
    jurisdiction: str = ""
    tempered_by: tuple[str, ...] = ()
    confidence: float = 0.0
    score: float = 0.0  # the best ruling's search score, on the scale the topic finder shares

    @property
    def top(self) -> Ruling | None:
        return self.matches[0] if self.matches else None


class Answerer:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.index = index_for(catalog)
        # Declared facets are the authors' reading; from the task text only for/with is safe to infer.
        self._facets = {r.id: frozenset(r.facets) | (detect(r.task) & {"for", "with"})
                        for r in catalog.rulings.values()}

    def candidates(self, question: str) -> list[tuple[Ruling, float, float, float]]:
        """Rulings ranked for `question`: (ruling, adjusted score, confidence, search score)."""
        asked = detect(question)
        ranked = []
        for hit in self.index.search(question, limit=15, groups=(RULING,)):
            rf = self._facets[hit.item_id]
            shared = asked & rf
            agree = sum(0.35 if f in STRONG_RISKS else 0.15 for f in shared)
            conflict = sum(1 for a in asked for b in rf if (a, b) in OPPOSITES and b not in asked)
            # A ruling about a risky side (reporting, agenda…) the question never mentions is the
            # wrong ruling for it, just as the reverse is.
            unasked_risk = sum(1 for f in rf & set(RISKY) if f not in asked)
            missing_risk = sum(1 for f in asked & set(RISKY) if f not in rf)
            factor = 1 + agree - 0.45 * conflict - 0.15 * unasked_risk - 0.15 * missing_risk
            ranked.append((self.catalog.rulings[hit.item_id], hit.score * max(factor, 0.1), hit.confidence, hit.score))
        ranked.sort(key=lambda x: (-x[1], x[0].id))
        return ranked

    def answer(self, question: str, threshold: float = CONFIDENT) -> TaskAnswer:
        ranked = self.candidates(question)
        if not ranked or ranked[0][2] < threshold:
            return TaskAnswer(question, "unsure", (), tuple(r for r, _, c, _ in ranked[:3] if c >= threshold / 2),
                              confidence=ranked[0][2] if ranked else 0.0,
                              score=max((raw for *_, raw in ranked), default=0.0))
        top, top_score, confidence, _ = ranked[0]
        asked = detect(question)
        rf = self._facets[top.id]
        # Doing it *for* the person only changes a ruling that was about doing it *with* them.
        unaccounted = [f for f in RISKY if f in asked and f not in rf and (f != "for" or "with" in rf)]
        verdict = top.verdict
        if unaccounted:
            table = LEAN_DOWN_HARD if any(f in STRONG_RISKS for f in unaccounted) else LEAN_DOWN
            verdict = table.get(verdict, verdict)
        tempered = tuple(f"You mentioned that {EXPLAIN[f]}, which moves this away from peer work."
                         for f in unaccounted) if verdict != top.verdict else ()
        split = self._split(asked, ranked, top_score) if not tempered else None
        reasons = tempered + top.reasons[: 3 - min(len(tempered), 1)]
        if split is not None:
            verdict = "depends"
            reasons = (f"It turns on the details: {split[0].task.lower()} leans {split[0].verdict}, but "
                       f"{split[1].task.lower()} leans {split[1].verdict}.",) + top.reasons[:1]
        matches = tuple({r.id: r for r, *_ in ranked[:3]}.values())
        return TaskAnswer(
            question=question, verdict=verdict, reasons=reasons,
            matches=matches, instead=top.instead, reflect=top.question, views=top.views,
            jurisdiction=top.jurisdiction, tempered_by=tuple(unaccounted) if tempered else (),
            confidence=confidence, score=max(raw for *_, raw in ranked),
        )

    def _split(self, asked: frozenset[str], ranked, top_score: float) -> tuple[Ruling, Ruling] | None:
        """A bare question ("is giving rides a peer task?") that lands between rulings on both sides
        of a distinction gets "it depends", with both sides shown."""
        if asked & DECISIVE:
            return None
        top = ranked[0][0]
        for other, score, *_ in ranked[1:4]:
            if score < 0.6 * top_score:
                break
            sides = COARSE[top.verdict], COARSE[other.verdict]
            same_thing = len(set(terms(top.task)) & set(terms(other.task))) >= 2
            if ("yes" in sides and "no" in sides and same_thing
                    and (self._facets[other.id] ^ self._facets[top.id]) & DECISIVE):
                return top, other
        return None
