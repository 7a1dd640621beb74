"""A small BM25 index over short passages, tolerant of typos.

Each item (a ruling, a term, a topic) contributes several passages (its task or title and each way
people phrase it); an item scores as its best passage. Every passage belongs to a group ("ruling",
"topic" …) and a search can keep to some groups, so one index over all the content gives scores on
one scale: the task answerer and the topic finder can then be compared fairly. Query words the
index has never seen are matched to the closest known word (rapidfuzz) when they are close enough,
so "medicaton" still finds "medication". `confidence` says how much of the question the best
passage explains, so callers can say "I'm not sure" instead of guessing.
"""
from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from heapq import nsmallest
from typing import Any, NamedTuple

from bot.answering.text import STOPWORDS, stem, words

K1, B = 1.2, 0.5
K1_PLUS_1 = K1 + 1
# An unknown word in the question counts as this share of the rarest word's weight: it is probably
# what the question is really about, and nothing here covers it.
UNKNOWN_WEIGHT = 0.6
REPEAT_WEIGHT = 0.3


class Passage(NamedTuple):
    item_id: str
    text: str
    weight: float = 1.0  # below 1: supporting text (an answer's body) that counts less than a title
    group: str = ""


@dataclass(frozen=True)
class Hit:
    item_id: str
    score: float
    confidence: float
    passage: str
    group: str = ""


class Index:
    def __init__(self, passages: Iterable[Passage | tuple[Any, ...]]):
        self._ids: list[str] = []
        self._texts: list[str] = []
        self._weights: list[float] = []
        self._groups: list[str] = []
        self._lengths: list[int] = []
        self._postings: dict[str, dict[int, int]] = defaultdict(dict)
        surface: set[str] = set()
        for passage in passages:
            item_id, text, weight, group = Passage(*passage)
            n = len(self._ids)
            ws = [w for w in words(text) if w not in STOPWORDS]
            surface.update(ws)
            ts = [stem(w) for w in ws]
            self._ids.append(item_id)
            self._texts.append(text)
            self._weights.append(weight)
            self._groups.append(group)
            self._lengths.append(len(ts))
            for t in ts:
                self._postings[t][n] = self._postings[t].get(n, 0) + 1
        self._surface = sorted(surface)
        self._finish()

    def state(self) -> dict[str, Any]:
        """Everything the index was built from the text, as plain JSON-able data (for the cache
        beside the content, `bot.answering.corpus`); `from_state` rebuilds the same index from it."""
        return {"ids": self._ids, "texts": self._texts, "weights": self._weights, "groups": self._groups,
                "lengths": self._lengths, "surface": self._surface,
                "postings": {t: [[doc, tf] for doc, tf in p.items()] for t, p in self._postings.items()}}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> "Index":
        index = cls.__new__(cls)
        # Ids and groups interned: JSON gives each passage its own copy of its item's id and group.
        index._ids, index._texts = [sys.intern(i) for i in state["ids"]], list(state["texts"])
        index._weights, index._groups = [float(w) for w in state["weights"]], [sys.intern(g) for g in state["groups"]]
        index._lengths, index._surface = [int(n) for n in state["lengths"]], list(state["surface"])
        # Terms and passages in the order they were first met, as when built: sums over them come
        # out to the same last bit.
        # (Each passage's number is one int object shared by every posting that holds it: JSON gave
        # each posting its own; JSON gives the counts as ints already.)
        number = list(range(len(index._ids)))
        index._postings = defaultdict(dict, {t: {number[doc]: tf for doc, tf in p}
                                             for t, p in state["postings"].items()})
        if not (len(index._ids) == len(index._texts) == len(index._weights) == len(index._groups)
                == len(index._lengths)):
            raise ValueError("a damaged index state")
        index._finish()
        return index

    def _finish(self) -> None:
        """The figures worked out from the postings: word weights, passage masses and lengths."""
        self._avg = (sum(self._lengths) / len(self._lengths)) if self._lengths else 1.0
        count = len(self._ids)
        self._idf = {t: math.log(1 + (count - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()}
        self._mass = [0.0] * len(self._ids)
        for t, posting in self._postings.items():
            for doc in posting:
                self._mass[doc] += self._idf[t]
        self._max_idf = max(self._idf.values(), default=1.0)
        # Each passage's BM25 length factor, worked out once here rather than for every query term
        # that meets it (the same expression, so the same scores to the last bit).
        self._norms = [K1 * (1 - B + B * length / self._avg) for length in self._lengths]
        self._correct = lru_cache(maxsize=8192)(self._closest)
        self._terms_of = lru_cache(maxsize=32)(self._query_terms)
        # Per group, per term: the passages of that group holding the term, in the order of the
        # postings, each with its whole BM25 contribution for a term asked once (the expression
        # `search` used to work out per query, with the same operands in the same order, so every
        # score is the same to the last bit). A term the question repeats is still worked out then.
        # (One flat tuple per term and group, passage and contribution in turn: most postings hold a
        # passage or two, so a tuple per pair, or two per posting, would double what they take.)
        by_group: dict[str, dict[str, tuple[Any, ...]]] = {}
        norms, weights, groups = self._norms, self._weights, self._groups
        for t, posting in self._postings.items():
            idf = self._idf[t]
            split: dict[str, list[Any]] = {}
            for doc, tf in posting.items():
                split.setdefault(groups[doc], []).extend((doc, idf * tf * K1_PLUS_1 / (tf + norms[doc]) * weights[doc]))
            for group, pairs in split.items():
                by_group.setdefault(group, {})[t] = tuple(pairs)
        self._by_group = by_group

    def _closest(self, word: str) -> str | None:
        if len(word) < 5 or not self._surface:
            return None
        # Imported here: only a question with a word the index has never seen needs it (5 ms of a start).
        from rapidfuzz import fuzz, process

        best = process.extractOne(word, self._surface, scorer=fuzz.ratio, score_cutoff=88)
        return best[0] if best else None

    def query_terms(self, text: str) -> list[tuple[str, bool]]:
        """Stemmed query terms, each with whether the index knows it (after typo correction).
        (The last few questions' are kept: the answerer and the topic finder search the same one.)"""
        return list(self._terms_of(text))

    def _query_terms(self, text: str) -> tuple[tuple[str, bool], ...]:
        out = []
        for w in words(text):
            if w in STOPWORDS:
                continue
            t = stem(w)
            if t not in self._postings:
                fixed = self._correct(w)
                if fixed is not None:
                    t = stem(fixed)
            out.append((t, t in self._postings))
        return tuple(out)

    def search(self, text: str, limit: int = 10, groups: Iterable[str] | None = None) -> list[Hit]:
        """The best items for `text`, best first; with `groups`, only items of those groups."""
        keep = sorted(self._by_group) if groups is None else [g for g in dict.fromkeys(groups) if g in self._by_group]
        qterms = self._terms_of(text)
        known = list(dict.fromkeys(t for t, k in qterms if k))
        unknown = sum(1 for _, k in qterms if not k)
        scores: dict[int, float] = defaultdict(float)
        norms, weights = self._norms, self._weights
        for t in known:
            # A word the question comes back to ("grocery shopping … the store") is what it is about.
            asked = sum(1 for q, _ in qterms if q == t)
            idf = self._idf[t] * (1 + REPEAT_WEIGHT * math.log(asked)) if asked > 1 else 0.0
            for group in keep:
                found = self._by_group[group].get(t)
                if found is None:
                    continue
                if asked == 1:  # the contribution worked out when the index was made
                    pairs = iter(found)
                    for doc, part in zip(pairs, pairs, strict=False):  # (passage, contribution) in turn
                        scores[doc] += part
                else:
                    posting = self._postings[t]
                    for doc in found[::2]:
                        tf = posting[doc]
                        scores[doc] += idf * tf * K1_PLUS_1 / (tf + norms[doc]) * weights[doc]
        # Each item scores as its best passage; of passages scoring the same, the first one met
        # (items never span groups, so the order of the groups above does not change which).
        ids, groups = self._ids, self._groups
        best: dict[tuple[str, str], tuple[float, int]] = {}  # (group, item) -> its best passage
        for doc, score in scores.items():
            item = (groups[doc], ids[doc])
            held = best.get(item)
            if held is None or score > held[0]:
                best[item] = (score, doc)
        total = sum(self._idf[t] for t in known) + unknown * UNKNOWN_WEIGHT * self._max_idf
        ranked = nsmallest(limit, best.items(), key=lambda kv: (-kv[1][0], kv[0]))  # sorted(...)[:limit]
        weighed = [(self._idf[t], self._postings[t]) for t in known]
        return [Hit(item, score, round(self._confidence(doc, weighed, total), 4), self._texts[doc], group)
                for (group, item), (score, doc) in ranked]

    def _confidence(self, doc: int, weighed: list[tuple[float, dict[int, int]]], total: float) -> float:
        """`weighed`: each known query term's weight and postings, in the question's order."""
        matched, shared = 0.0, 0  # the weights summed in order, as `sum` did: the same to the last bit
        for idf, posting in weighed:
            if doc in posting:
                matched += idf
                shared += 1
        # Two views of fit: how much of the question the passage explains, and how much of the
        # passage the question contains. Long questions with context score on the second, short
        # ones on the first; supporting text (weight < 1) counts for less.
        question_cov = matched / total if total else 0.0
        passage_cov = matched / self._mass[doc] if self._mass[doc] else 0.0
        confidence = (0.5 * question_cov + 0.5 * min(passage_cov, 1.0)) * min(1.0, self._weights[doc] + 0.3)
        if shared < 2:
            confidence *= 0.5  # one shared word is weak evidence, however rare the word
        return confidence
