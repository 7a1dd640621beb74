"""Answers "is this a peer task?": a leaning, the reasons, the closest rulings and a question.

A trained retriever (`bot.answering.retriever`) proposes the candidate rulings and says when a question is
out of scope; the question's stance (`bot.answering.stance`: for or with, with the person there or not, who
asked, against or in support, routine or once, what the person wants) then rules out candidates on
the wrong side of a distinction, so the counterpart ruling answers instead; the facets that carry a
risk (reporting, someone else's agenda, power) rerank the rest and temper the leaning when the
question carries a risk the ruling does not account for. A "yes" must pass a guard: a confident
match, no contradicting stance, no close candidate that says no, and a ruling that covers the side
the question stands on where that side changes things (the team making it a routine duty, doing it
without the person there, a supervisor asking about their own peer worker); otherwise the answer is
"it depends" showing both sides, or "unsure" with the guided check.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import cache_file
from bot.answering import facets as facets_module
from bot.answering import retriever, stance
from bot.answering import text as text_module
from bot.answering.corpus import RULING, index_for
from bot.answering.facets import EXPLAIN, RISKY, detect
from bot.answering.params import AnswerParams
from bot.answering.search import Hit
from bot.answering.text import clean, terms
from bot.content.catalog import Catalog, Ruling, Term, Topic, View

COARSE = {"yes": "yes", "likely": "yes", "depends": "depends", "unlikely": "no", "no": "no"}
CONFIDENT = 0.25
# The retriever's decision score (one-vs-rest linear SVM: above 0 means "this class") is mapped
# onto 0-1 as (score - MODEL_FLOOR) / MODEL_SPAN, to compare with the lexical confidence.
MODEL_FLOOR, MODEL_SPAN = -0.9, 1.0
# Candidates: the retriever's best MODEL_POOL and the lexical search's best SEARCH_POOL. Each is
# ranked by its search score times (1 + MODEL_BONUS x its reciprocal-rank fusion of both rankings),
# times the facets' factor. Ranking on the fused ranks alone, or on the retriever alone, matched
# fewer development questions: the sets were written close to the content's words, where search is
# strong; the retriever's share is what moves other wording (docs/answer-quality.md has the trials).
MODEL_POOL, SEARCH_POOL, SEARCH_LIMIT = 8, 10, 20
FUSION_K = 5  # small, so the first places of either ranking count most
MODEL_BONUS = 1.0
# The retriever's first choice also gets LEAD_BONUS x how far its score leads its second's, a margin
# the fused ranks lose (1.0: no set changed, and more of a fresh probe of flip questions right).
LEAD_BONUS = 1.0
# Out of scope: the written negatives' class must beat the best ruling by this much (0.2 lost a
# development topic question; 0.25 keeps them all). What it leaves, the other gates (`bot.answering.intent`) catch.
OUT_MARGIN = 0.25
# Round 9: or beat it at all, when at least two of the question's search words, and this share of
# them, are words the content never uses ("Excel formula to total our peer's hours by week?": excel,
# formula, total). Over every set, in-scope questions that lean towards the negatives at all carry at
# most a third of their words unknown (doing someone's dishes, 3 of 9); out-of-scope ones mostly more.
# 0.4 and 0.34, with a lead of 0 or -0.1, gave the same: +1 out of scope on blind 9b, +1 "not sure"
# on the development task set, nothing lost.
OUT_UNKNOWN_SHARE = 0.4
# The no-yes guard: a candidate leaning the other way within this share of the top's rank contests
# it (a bare question with no deciding detail: BARE_MARGIN); the two must share SAME_THING terms.
# Leave-one-set-out over the 15 task sets (`tools/answer_params_cv.py`) preferred BARE_MARGIN 0.75:
# +4 summed over the left-out sets (1067 vs 1063, yes to a ruled-out task 3 either way), but it
# answers the development set's bare questions ("is giving people rides a peer task?") yes instead
# of depends (-2 there, -1 on blind 3 and held-out 4), and the floors only rise; left for the lead.
NO_YES_MARGIN, BARE_MARGIN, SAME_THING = 0.85, 0.45, 2
# Round 11, second pass: a yes is contested, on any subject, by a close no (within NO_YES_MARGIN of
# its rank, among the next NO_YES_REACH - 1) matching at least NO_YES_CONFIDENCE times as confidently,
# standing where the question does as much, and whose side near it outweighs the yes side (0: off).
# Over every task set: 3 fewer yes to a ruled-out task, no question lost; without the last two
# conditions it cost 9 questions for the same 3; reach 4 found one fewer.
NO_YES_CONFIDENCE, NO_YES_REACH = 1.0, 5
# Round 11, second pass: a short question told only in the first person ("can i testify at his
# commitment hearing", typed on a phone) names no detail either, so the no-yes guard reads it as bare.
# Up to SHORT_WORDS words: 8 to 12 gave +1 or +2 over every task set (blind 10b and 11c), none lost;
# 15 lost 5; 0 (off) is round 5's rule.
SHORT_WORDS = 10
# A ruling leaning no is answered on NO_CONFIDENT of the confidence bar (see `answer`): chosen by
# leave-phrasings-out cross-validation (`bench.crossval`: 0.8 answers 33 more held-out phrasings,
# 19 more of them right, no more yes to a no) and checked on every set (0.8 gains one fresh task
# question and loses none; 0.6 gains another on the fresh set and loses one on held-out 4).
NO_CONFIDENT = 0.8
# A "yes" also needs this confidence; below it the answer is "it depends", with the reason.
YES_CONFIDENT = 0.28
# A question asking outright for a leaning ("should I…") whose best ruling is too weak for one is
# answered "depends" with the two nearest rulings when the best reaches this share of the bar (issue
# 13, item 5), else "not sure". `tools/answer_params_cv.py` measured it on every set: 0.5 gained one
# task question and lost one topic question (a weak leaning shown before the right topic), 0.3 gained
# none and lost that topic, 0.7 changed nothing; so it stays off (0).
WEAK_DEPENDS = 0.0
# Support: the top's confidence plus SUPPORT_WEIGHT x the confidence of the next SUPPORT_FROM - 1
# candidates that lean the same way and rank within SUPPORT_RANK of it.
SUPPORT_FROM, SUPPORT_RANK, SUPPORT_WEIGHT = 3, 0.85, 0.5
# What each dimension of stance the ruling shares with the question adds to its rank and confidence.
STANCE_AGREES = 0.15
DECISIVE = frozenset({"for", "with", "asked-by-person", "asked-by-staff", "routine", "occasional", "reporting",
                      "agenda", "power"})
STRONG_RISKS = ("reporting", "agenda", "power")
# Sides of the question a "yes" must be about, together: (dimension, side), and how to say them.
# The team asking alone was tried: it turned 3 right yeses on the sets into "depends" ("the director
# asked me to share my story at the all-staff meeting") and fixed none; the team making it a routine
# duty is what the sources warn about (busy work, the peer role drifting).
GUARDED_SIDES = ((("who asked", "the team"), ("how often", "routine")),
                 "the team wants it as a routine part of your job")
SUPERVISOR_ASKS = re.compile(r"^\(?(?:non-peer )?(?:supervisor|manager)\)|\bmy peer (?:worker|staff|specialist|employee|supporter)s?\b"
                             # Round 6: "a peer worker on my team", "our new peer hire", "I manage the
                             # nursing side": a supervisor or manager asking about a peer worker's job.
                             r"|\ba peer (?:worker |staff |specialist |supporter )?on (?:my|our) team\b"
                             r"|\b(?:our|the) new peer (?:hire|worker|staff|specialist|supporter)\b"
                             r"|^i (?:supervise|manage) (?:the|a|an|our) ")
# ("…with another staff member" is work alongside staff, not about them.)
ABOUT_STAFF = re.compile(r"\b(?:peer workers?|peer staff|supervis\w*|employ\w*|hir(?:e|ing)|(?<!another )(?<!other )staff member|discipline|performance)\b")
# "Can my peer worker help a client think through…": a supervisor asking whether a task with the
# people supported is peer work, which the rulings about that task answer.
PEER_WORKERS_TASK = re.compile(
    r"\b(?:can|could|should|may|is it ok for|is it okay for) (?:my|our) peer (?:worker|staff|specialist|supporter)s?"
    r" (?:\w+ )?(?:help|go|drive|take|support|meet|sit|call|phone|visit|attend|lead|run|share|talk|work)\b"
    # Round 7: "my peer staff want to share recovery stories at our training day"
    r"|\b(?:my|our) peer (?:worker|staff|specialist|supporter)s? (?:wants?|would like|asked|offered|plans?|hopes?) to"
    r" (?:help|go|drive|take|support|meet|sit|call|phone|visit|attend|lead|run|share|talk|work|co-?facilitate|speak|present)\b"
    # Round 11, a manager setting the task: "can I ask our peer specialist to drive Mr. D…", "I'd like
    # our peer staff to do 1:1 visits", "can our peer worker stay with her…"
    r"|\b(?:(?:can|could|should|may) (?:i|we)|i'?d like to|we'?d like to) (?:ask|have|get|send|assign) (?:my|our|the) peer (?:worker|staff|specialist|supporter)s?"
    r" (?:to )?(?:help|go|drive|take|support|meet|sit|stay|call|phone|visit|attend|lead|run|share|talk|work|explain|accompany|be with|do)\b"
    r"|\b(?:i|we)(?:'d| would) like (?:my|our|the) peer (?:worker|staff|specialist|supporter)s? to"
    r" (?:help|go|drive|take|support|meet|sit|stay|call|phone|visit|attend|lead|run|share|talk|work|explain|accompany|be with|do)\b"
    r"|\b(?:can|could|should|may) (?:my|our) peer (?:worker|staff|specialist|supporter)s? (?:stay|explain|accompany|be with|do|check in|text|write|tell)\b")
DEFINING_SHARE = 0.7
GIFT_RULE = re.compile(r"\bno gifts\b|\b(?:policy|rule|rules|limit) (?:says?|is|allows?) (?:only )?(?:no |gifts? |nothing )"
                       r"|\bgifts? (?:under|over|up to|below|above|of more than|worth more than) \$?\d+"
                       # Round 11: "policy caps gifts at $10", "way over our $10 gift limit", "our $10 gift rule"
                       r"|\bcaps? (?:on )?gifts? (?:at )?\$?\d+|\$\d+ gift (?:limit|rule|cap|policy|max\w*)")
# A story or a past told ("never agreed to" a goal in a plan is not one).
STORY_WORDS = re.compile(r"\b(?:story|stories|history|histories|past|diagnos[ie]s|recovery|lived experience|hospitali[sz]ations?)\b")
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
    out_of_scope: bool = False  # the retriever put the question with the written negatives
    see_also: Term | Topic | None = None  # the closest topic or term (set by `bot.answering.choosing`)

    @property
    def top(self) -> Ruling | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True)
class Candidate:
    ruling: Ruling
    rank: float  # model score adjusted by stance and facets
    model: float  # the retriever's decision score
    search: float  # the lexical search score (shared scale with topics), 0 when not found
    confidence: float  # the lexical search's confidence, 0 when not found
    contradicts: tuple[str, ...]
    stood: int = 0  # the stance dimensions on which the ruling stands where the question does


_read: dict[int, tuple[Catalog, dict[str, Any], dict[str, Any]]] = {}
# Bump when what a reading holds changes shape (the code that makes it is hashed into the key anyway).
READINGS_VERSION = "1"


def readings_key(catalog: Catalog) -> str:
    """A hash of everything the readings come from: each ruling's task, facets and verdict, and the
    source of the modules that read them, so edited content or code never reads a stale file."""
    digest = cache_file.digest(READINGS_VERSION, facets_module, stance, text_module)
    digest.update(json.dumps([[r.id, r.task, sorted(r.facets), r.verdict] for r in catalog.rulings.values()]).encode())
    return digest.hexdigest()[:20]


def _read_rulings(catalog: Catalog) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, frozenset[str]]]]:
    # Declared facets are the authors' reading; from the task text only for/with is safe to infer.
    facets = {r.id: frozenset(r.facets) | (detect(r.task) & {"for", "with"}) for r in catalog.rulings.values()}
    stances = {r.id: stance.of_ruling(r.task, frozenset(r.facets), r.verdict) for r in catalog.rulings.values()}
    return facets, stances


def _cached_readings(catalog: Catalog, cache: Path | None
                     ) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, frozenset[str]]]]:
    """The readings from `cache` (a JSON file named by `readings_key`), else read and saved there:
    reading every ruling's stance is most of building the answerer, and `peerbot ask` builds it
    on every start."""
    if cache is None:
        return _read_rulings(catalog)
    path = cache / f"readings-{readings_key(catalog)}.json"
    try:
        state = json.loads(path.read_text())
        return ({rid: frozenset(f) for rid, f in state["facets"].items()},
                {rid: {d: frozenset(sides) for d, sides in st.items()} for rid, st in state["stances"].items()})
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # a damaged cache file is read again from the content, never trusted
    facets, stances = _read_rulings(catalog)
    cache_file.save(path, json.dumps({"facets": {rid: sorted(f) for rid, f in facets.items()},
                                      "stances": {rid: {d: sorted(sides) for d, sides in st.items()}
                                                  for rid, st in stances.items()}}, separators=(",", ":")),
                    "readings-*.json")
    return facets, stances


def _readings(catalog: Catalog, cache: Path | None = None
              ) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, frozenset[str]]]]:
    """Each ruling's facets and stance, read once per catalog (tests build many bots on one)."""
    key = id(catalog)
    if key not in _read or _read[key][0] is not catalog:
        if len(_read) >= 4:
            _read.clear()
        _read[key] = (catalog, *_cached_readings(catalog, cache))
    return _read[key][1], _read[key][2]


def _asked(question: str) -> frozenset[str]:
    """The question's facets, less reporting when the person decides what is told ("help her think
    through whether to tell the team, leaving it up to her"): nothing is passed on behind them."""
    found = detect(question)
    sides = stance.of_question(question)
    if sides.get("watching or reporting") == frozenset({"their own choice"}):
        found -= {"reporting"}
    # Round 9: "help her make a plan to get control of her money back": the power stays with her.
    if sides.get("power over the person") == frozenset({"leaves it with them"}):
        found -= {"power"}
    return found


@dataclass(frozen=True)
class Evidence:
    """What a question's candidates are ranked from, whatever the thresholds (`AnswerParams`): its
    facets and stance, the retriever's scores and the word search's hits."""
    question: str
    asked: frozenset[str]
    sides: dict[str, frozenset[str]]
    model: dict[str, float]  # the retriever's best MODEL_POOL rulings (out of scope left out), best first
    out_score: float  # the retriever's score for the written negatives
    scores: list[float]
    hits: dict[str, Hit]


ABUSE_DUTY = re.compile(r"\bchild\b[^.]*\babused\b")
ABUSE_ASKED = re.compile(r"\b(?:abus\w*|neglect\w*|child|children|kids?|minors?|elders?|elderly|older adults?|seniors?|hit(?:s|ting)?|beat\w*|hurt(?:s|ing)? (?:her|his|their) (?:kids?|child|children|mom|mother|dad|father|parents?|grandparents?))\b")


class Answerer:
    def __init__(self, catalog: Catalog, cache: Path | None = None, params: AnswerParams | None = None):
        self.catalog = catalog
        self.params = params or AnswerParams()
        text_module.SHORTHAND_ON[0] = False  # the content as written (text.SHORTHAND_ON)
        try:
            self.index = index_for(catalog, cache)
            self.model = retriever.model_for(catalog, cache)
            self._facets, self._stance = _readings(catalog, cache)
        finally:
            text_module.SHORTHAND_ON[0] = True

    def with_params(self, params: AnswerParams) -> Answerer:
        """This answerer with other thresholds, sharing its index, model and readings (nothing refitted)."""
        other = copy.copy(self)
        other.params = params
        return other

    def evidence(self, question: str) -> Evidence:
        """Read `question` once: what every setting of the thresholds ranks its candidates from."""
        scores = self.model.scores(question)
        model = {rid: s for rid, s in self.model.top(scores, MODEL_POOL + 1) if rid != retriever.OUT}
        hits = {h.item_id: h for h in self.index.search(question, limit=SEARCH_LIMIT, groups=(RULING,))}
        return Evidence(question, _asked(question), stance.of_question(question), model,
                        self.model.score_in(scores, retriever.OUT), scores, hits)

    def unknown_words(self, question: str) -> tuple[int, int]:
        """How many of the question's search words the content never uses (after typo correction),
        and how many search words it has."""
        found = self.index.query_terms(question)
        return sum(1 for _, known in found if not known), len(found)

    def candidates(self, question: str) -> tuple[list[Candidate], bool]:
        """Rulings ranked for `question`, best first, and whether the retriever put it out of scope."""
        return self.rank(self.evidence(question))

    def rank(self, ev: Evidence) -> tuple[list[Candidate], bool]:
        """The candidates of `ev`, best first, and whether the retriever put the question out of scope.

        The candidates are the retriever's best and the lexical search's best together; each is
        ranked by its search score, raised by where both rankings put it (and by the retriever's
        lead, for its first choice), times what the risk facets and the stance it shares say; any
        that contradicts the question's stance goes behind all that do not."""
        p = self.params
        asked, sides, scores, model, hits = ev.asked, ev.sides, ev.scores, ev.model, ev.hits
        # Out of scope: the written negatives beat every ruling, and clearly (or at all, when much of
        # the question is words the content never uses).
        out_lead = ev.out_score - max(model.values(), default=-9.0)
        out = out_lead > p.out_margin
        if not out and out_lead > 0:
            unknown, searched = self.unknown_words(ev.question)
            out = unknown >= 2 and unknown >= p.out_unknown_share * searched
        # Reciprocal-rank fusion of the two rankings: each contributes 1 / (FUSION_K + its place).
        fused: dict[str, float] = {}
        for ranking in (list(model), list(hits)):
            for position, rid in enumerate(ranking):
                fused[rid] = fused.get(rid, 0.0) + 1 / (p.fusion_k + position)
        found = []
        pool = [*list(model)[:MODEL_POOL], *list(hits)[:SEARCH_POOL]]
        # The retriever's first choice, by how far it leads its second: a margin the fused ranks lose.
        ordered = list(model.items())
        lead = {ordered[0][0]: ordered[0][1] - ordered[1][1]} if len(ordered) > 1 else {}
        floor = min((h.score for h in hits.values()), default=0.0) if len(hits) >= SEARCH_LIMIT else 0.0
        for rid in dict.fromkeys(pool):
            ruling = self.catalog.rulings.get(rid)
            if ruling is None:
                continue
            m = model[rid] if rid in model else self.model.score_in(scores, rid)
            hit = hits.get(rid)
            rf = self._facets[rid]
            shared = asked & rf
            agree = sum(0.35 if f in STRONG_RISKS else 0.15 for f in shared)
            # A ruling about a risky side (reporting, agenda…) the question never mentions is the
            # wrong ruling for it, just as the reverse is.
            unasked_risk = sum(1 for f in rf & set(RISKY) if f not in asked) if COARSE[ruling.verdict] != "yes" else 0
            missing_risk = sum(1 for f in asked & set(RISKY) if f not in rf)
            factor = max(1 + agree - 0.15 * unasked_risk - 0.15 * missing_risk, 0.1)
            # A ruling the retriever proposes that search did not return within its limit scores at
            # most what search's last hit did (search stopped before it, not at zero).
            base = (hit.score if hit else floor) * (1 + p.model_bonus * fused[rid] + p.lead_bonus * lead.get(rid, 0.0))
            against = tuple(stance.contradictions(sides, self._stance[rid]))
            # Standing where the question stands (against, unwanted, with them there) counts like a
            # shared facet, in the rank and in the confidence.
            stood = len(stance.agreements(sides, self._stance[rid]))
            # Round 9: a ruling that exists for one side of a dimension the question never speaks to
            # (a colleague telling a peer worker's story after asking them; turning away from a talk
            # about suicide) is about something else: "does our peer have to share her diagnosis…".
            # And the other way round: a question that speaks to one ("she was never asked") is about it.
            if any((d in self._stance[rid]) != (d in sides) for d in stance.DEFINING):
                factor *= DEFINING_SHARE
            # Round 10: keeping or passing on a danger to someone's life ("she'll stab him… do I just
            # keep it to myself?") is what the rulings about telling or keeping answer; one silent on
            # telling (family life, dual relationships) is about something else.
            if sides.get("why it is passed on") == frozenset({"safety"}) and "why it is passed on" not in self._stance[rid]:
                factor *= DEFINING_SHARE
            # Told to leave your own experience out ("don't get into my own history, just hand them
            # over") is what the rulings that speak of it answer (the toolkit's most essential test).
            if sides.get("own experience") == frozenset({"left out"}) and "own experience" not in self._stance[rid]:
                factor *= DEFINING_SHARE
            # Round 11: time off work ("go to the movies with one of her participants … off the
            # clock") is what the ruling on socialising outside work hours answers.
            if sides.get("work hours") == frozenset({"off"}) and "work hours" not in self._stance[rid]:
                factor *= DEFINING_SHARE
            # Round 10: a ruling about doing it *with* the person cannot answer doing it without them
            # there ("go to his meeting and speak for him so he doesn't have to come").
            if sides.get("person there") == frozenset({"absent"}) and "with" in rf \
                    and "person there" not in self._stance[rid]:
                factor *= DEFINING_SHARE
            found.append(Candidate(ruling, base * (factor + p.stance_agrees * stood), m, hit.score if hit else 0.0,
                                   (hit.confidence if hit else 0.0) * (1 + p.stance_agrees * stood), against, stood))
        found.sort(key=lambda c: (bool(c.contradicts), -c.rank, c.ruling.id))
        return found, out

    def answer(self, question: str, threshold: float | None = None, leaning: bool = False) -> TaskAnswer:
        """The leaning for `question`; `leaning`: the question asks for one outright ("should I…"),
        which a weak best ruling may answer "depends" (`AnswerParams.weak_depends`)."""
        return self.decide(self.evidence(question), threshold, leaning)

    def decide(self, ev: Evidence, threshold: float | None = None, leaning: bool = False) -> TaskAnswer:
        """`answer` from a question's evidence, read once (`evidence`) and decided per setting."""
        p = self.params
        threshold = p.confident if threshold is None else threshold
        question = ev.question
        ranked, out = self.rank(ev)
        best_search = max((c.search for c in ranked), default=0.0)
        top = ranked[0] if ranked else None
        # A leaning no may stand on less than a yes needs (NO_CONFIDENT of the bar): being told to
        # check with a supervisor costs less than a wrong yes.
        bar = threshold * (p.no_confident if top is not None and COARSE[top.ruling.verdict] == "no" else 1.0)
        if out or top is None or top.contradicts or self._support(top, ranked) < bar:
            near = tuple(c.ruling for c in ranked[:3] if self._confidence(c) >= threshold / 2 and not c.contradicts)
            confidence = self._confidence(top) if top else 0.0
            if leaning and not out and top is not None and not top.contradicts and p.weak_depends > 0 \
                    and confidence >= threshold * p.weak_depends and len(near) >= 2:
                # Asked outright for a leaning, with no ruling close enough to give one: the two
                # nearest, side by side, say what it turns on (issue 13, item 5).
                first, second = near[:2]
                return TaskAnswer(question, "depends", (
                    f"Nothing I know matches this closely, so it turns on the details: {first.task.lower()} leans "
                    f"{first.verdict}, and {second.task.lower()} leans {second.verdict}.",), near[:2],
                    instead=first.instead, reflect=first.question, confidence=confidence, score=best_search)
            return TaskAnswer(question, "unsure", (), near, confidence=confidence,
                              score=best_search, out_of_scope=out)
        asked = ev.asked
        rf = self._facets[top.ruling.id]
        # Doing it *for* the person only changes a ruling that was about doing it *with* them.
        unaccounted = [f for f in RISKY if f in asked and f not in rf and (f != "for" or "with" in rf)]
        # Doing something the person has said they don't want ("he says he won't go") is someone
        # else's agenda, whatever the task: a ruling silent on what the person wants cannot say yes to it.
        wish = ev.sides.get("the person's wish")
        if wish == frozenset({"unwanted"}) and not {"the person's wish", "whose agenda"} & set(self._stance[top.ruling.id]) \
                and "agenda" not in unaccounted:
            unaccounted.append("unwanted")
        # Pushing the person toward treatment or away from it ("have a word with him about taking his
        # injection") is someone else's agenda too: a ruling that never spoke of pushing cannot say yes.
        if "push" in ev.sides and not {"push", "whose agenda"} & set(self._stance[top.ruling.id]) \
                and "agenda" not in unaccounted and "agenda" not in rf:
            unaccounted.append("agenda")
        # Round 9: keeping your own doing from your supervisor ("keep the gift and not mention it to
        # anybody") is what a ruling that never spoke of telling them cannot say yes to.
        if ev.sides.get("supervisor told") == frozenset({"hidden"}) and "supervisor told" not in self._stance[top.ruling.id]:
            unaccounted.append("hidden")
        # Round 11: a peer worker's story told by someone else without asking them ("mention our peer
        # worker's psychiatric history to the new team members") is what a ruling silent on asking
        # cannot say yes to: the story is theirs (standards 1842-1856).
        if ev.sides.get("story told") == frozenset({"not asked"}) and "story told" not in self._stance[top.ruling.id] \
                and STORY_WORDS.search(clean(question)):
            unaccounted.append("not asked")
        verdict = top.ruling.verdict
        # Most of the job on a task that uses no lived experience ("70% of my week on grant writing")
        # fails the toolkit's most essential test, whatever the task is worth now and then.
        if stance.MOST_OF_THE_JOB.search(clean(question)) \
                and (top.ruling.criteria or {}).get("lived_experience") == "no" and COARSE[verdict] == "yes":
            unaccounted.append("most of the job")
        # Standing by while someone is not breathing, against a ruling that says to act in an
        # emergency (call for help, naloxone): the sources say no to standing by (standards 1095-1099).
        standing_by = stance.stands_by_in_emergency(question) and COARSE[verdict] == "yes" \
            and bool(stance.ACTS_IN_EMERGENCY.search(clean(top.ruling.task)))
        if standing_by:
            verdict = "no"
        if unaccounted:
            # Round 9: passing on a danger to life the person asked you not to tell ("he asked me not
            # to") is the exception the sources make to the person deciding what is shared: their
            # wish weighs, but against a life it leaves "it depends", not a no.
            hard = ("most of the job", "hidden", "not asked") if ev.sides.get("why it is passed on") == frozenset({"safety"}) \
                else ("unwanted", "most of the job", "hidden", "not asked")
            table = LEAN_DOWN_HARD if any(f in STRONG_RISKS or f in hard for f in unaccounted) else LEAN_DOWN
            verdict = table.get(verdict, verdict)
        tempered = tuple(f"You mentioned that {EXPLAIN[f]}, which moves this away from peer work."
                         for f in unaccounted) if verdict != top.ruling.verdict else ()
        reasons = tempered + top.ruling.reasons[: 3 - min(len(tempered), 1)]
        if standing_by:
            reasons = ("In an emergency the sources say to step in and get help, not to stand by: it is not the "
                       f"moment for leaving the choice with the person. {top.ruling.task} leans {top.ruling.verdict}.",
                       ) + top.ruling.reasons[:2]
        # A question told in the first person about the asker's own work (stance "asking as": "I'm the
        # one answering our peer warmline", "do I even have to document my interactions?") is about
        # a situation, not bare: round 5 measured +8 over five sets, one swap on blind 4.
        # (Round 11, second pass: or short and only in the first person, SHORT_WORDS.)
        bare = not asked & DECISIVE and (not ev.sides or (set(ev.sides) == {"asking as"} and len(question.split()) <= SHORT_WORDS))
        contested = self._contested(top, ranked, bare, COARSE.get(verdict, "")) if COARSE.get(verdict) in ("yes", "no") else None
        if contested is not None:
            verdict = "depends"
            reasons = (f"It turns on the details: {top.ruling.task.lower()} leans {top.ruling.verdict}, but "
                       f"{contested.ruling.task.lower()} leans {contested.ruling.verdict}.",) + top.ruling.reasons[:1]
        elif COARSE.get(verdict) == "yes" and (uncovered := self._uncovered(question, top)):
            verdict = "depends"
            reasons = (f"You mentioned that {uncovered}, and the closest ruling does not say whether that changes "
                       "things, so check your situation against it.",) + top.ruling.reasons[:2]
        elif COARSE.get(verdict) == "yes" and self._confidence(top) < p.yes_confident:
            verdict = "depends"
            reasons = ("The closest ruling leans yes, but it is not a close match for what you asked, so check "
                       "your situation against it.",) + top.ruling.reasons[:2]
        matches = tuple({c.ruling.id: c.ruling for c in ([top, contested] if contested else [top]) + ranked[1:3]
                         if not c.contradicts}.values())
        return TaskAnswer(
            question=question, verdict=verdict, reasons=reasons,
            matches=matches, instead=top.ruling.instead, reflect=top.ruling.question, views=top.ruling.views,
            jurisdiction=top.ruling.jurisdiction, tempered_by=tuple(unaccounted) if tempered else (),
            confidence=self._confidence(top), score=best_search,
        )

    def _uncovered(self, question: str, top: Candidate) -> str:
        """What a "yes" leaves out: a task the team wants as a routine duty ("my manager wants me to
        spend most of my week on grant reports") is not answered by a ruling that only spoke of the
        task itself. Returns how to say what is left out, or ""."""
        sides = stance.of_question(question)
        ruling = self._stance[top.ruling.id]
        pairs, said = GUARDED_SIDES
        asked = all(sides.get(dimension) == frozenset({side}) for dimension, side in pairs)
        # Round 11: a task that is every team member's duty (meetings, supervision, documentation) is
        # one the team may well make routine: "can I have our peer staff attend our weekly team meetings?"
        covered = all(side in ruling.get(dimension, frozenset()) for dimension, side in pairs) \
            or (top.ruling.criteria or {}).get("everyone_duty") == "yes"
        if asked and not covered:
            return said
        # Doing it without the person there ("I'll go down there myself and sort it out for her") is
        # not what a ruling that never spoke of whether they are there said yes to.
        if sides.get("person there") == frozenset({"absent"}) and "absent" not in ruling.get("person there", frozenset()):
            return "you'd be doing it without the person there"
        # Work that takes the place of peer work ("instead of seeing people") is not what a ruling
        # about the task itself said yes to.
        if sides.get("peer work") == frozenset({"displaced"}) and "displaced" not in ruling.get("peer work", frozenset()):
            return "it would take the place of your work with people"
        # Taking the person's problem over is what the rulings on fixing and rescuing answer.
        if sides.get("taking over") == frozenset({"takes over"}) and "takes over" not in ruling.get("taking over", frozenset()):
            return "you'd be taking the problem over from the person"
        # A danger to someone's life kept or passed on is what the rulings about risk to life answer,
        # not one about everyday confidentiality.
        if sides.get("why it is passed on") == frozenset({"safety"}) and "safety" not in ruling.get("why it is passed on", frozenset()):
            return "someone's life or safety may be at risk"
        # Round 10: a gift under an agency rule the question quotes ("our policy says no gifts at all",
        # "gifts under $10") is for that rule to decide: a ruling about a small gift within the limit
        # cannot say whether this one is.
        # (A ruling about a gift over the limit already speaks to the rule.)
        if GIFT_RULE.search(clean(question)) and "gift" in clean(top.ruling.task) and "over your agency's limit" not in clean(top.ruling.task):
            return "your agency has a rule about gifts, which decides"
        # Round 11, second pass: the legal duty to report is about a child (or an elder) being abused; a
        # "mandated reporter" rule the question puts to suicidal talk or to stopping treatment ("she has
        # to come straight to me if a client seems suicidal") is not what that ruling said yes to.
        if ABUSE_DUTY.search(clean(top.ruling.task)) and not ABUSE_ASKED.search(clean(question)):
            return "what you'd pass on is not the abuse of a child or an elder, which is what the duty to report covers"
        # A supervisor asking about their own peer worker is asking about supervision, which a
        # ruling about work with the people supported does not answer.
        if SUPERVISOR_ASKS.search(clean(question)) and not ABOUT_STAFF.search(clean(top.ruling.task)) \
                and not PEER_WORKERS_TASK.search(clean(question)):
            return "you are asking as a supervisor about your own peer worker"
        return ""

    def _support(self, top: Candidate, ranked: list[Candidate]) -> float:
        """How well the answer is supported: the top ruling's confidence, plus a share of the
        confidence of close runners-up that lean the same way (several rulings agreeing are more
        evidence than one)."""
        lean = COARSE[top.ruling.verdict]
        agreeing = sum(self._confidence(c) for c in ranked[1:SUPPORT_FROM]
                       if not c.contradicts and COARSE[c.ruling.verdict] == lean and c.rank >= self.params.support_rank * top.rank)
        return self._confidence(top) + self.params.support_weight * agreeing

    def _confidence(self, c: Candidate) -> float:
        """How sure the match is: the lexical coverage, or the retriever's score mapped onto the same
        0-1 scale when that is higher (a question in other words than the content's); either is
        raised by the stance the ruling shares with the question (with her, as she wants)."""
        p = self.params
        return min(max(c.confidence, (c.model - p.model_floor) / p.model_span * (1 + p.stance_agrees * c.stood), 0.0), 1.0)

    def _contested(self, top: Candidate, ranked: list[Candidate], bare: bool, says: str = "") -> Candidate | None:
        """The no-yes guard: a close candidate on the same subject, on the other side of a deciding
        detail (for/with, who asked, how often, reporting, agenda, power, or a stance), that leans
        the other way (no against a yes) and does not contradict the question makes the answer "it
        depends", with both shown. A yes is always guarded; a no only when the question names no
        deciding detail ("is giving rides a peer task?"), since a detail it names already chose."""
        mine = COARSE[top.ruling.verdict]
        if mine == "no" and not bare:
            return None
        margin = self.params.bare_margin if bare else self.params.no_yes_margin
        # Round 11, second pass: a yes with a close no that matches at least as confidently, on any
        # subject, is not a confident yes (issue 13: a close candidate that says no leaves it open):
        # "should I make sure every person at our shelter gets a WRAP done?" is near both a chart of
        # practical help (yes) and a mandatory WRAP for all (no).
        if mine == "yes" and says == "yes" and self.params.no_yes_confidence > 0:
            mine_confidence = self._confidence(top)
            near = [c for c in ranked[1:self.params.no_yes_reach] if not c.contradicts]
            weight = {"yes": mine_confidence, "no": 0.0, "depends": 0.0}
            for c in near:
                weight[COARSE[c.ruling.verdict]] += self._confidence(c)
            for other in near:
                if COARSE[other.ruling.verdict] == "no" and other.rank >= top.rank * self.params.no_yes_margin \
                        and other.stood >= top.stood and weight["no"] > weight["yes"] \
                        and self._confidence(other) >= mine_confidence * self.params.no_yes_confidence:
                    return other
        for other in ranked[1:6]:
            if other.contradicts or other.rank < top.rank * margin:
                continue
            if {mine, COARSE[other.ruling.verdict]} != {"yes", "no"}:
                continue
            same_thing = len(set(terms(top.ruling.task)) & set(terms(other.ruling.task))) >= self.params.same_thing
            differ = bool((self._facets[other.ruling.id] ^ self._facets[top.ruling.id]) & DECISIVE) or \
                self._stance[other.ruling.id] != self._stance[top.ruling.id]
            if same_thing and differ:
                return other
        return None
