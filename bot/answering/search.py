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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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
        index._ids, index._texts = list(state["ids"]), list(state["texts"])
        index._weights, index._groups = [float(w) for w in state["weights"]], list(state["groups"])
        index._lengths, index._surface = [int(n) for n in state["lengths"]], list(state["surface"])
        # Terms and passages in the order they were first met, as when built: sums over them come
        # out to the same last bit.
        # (JSON gives the [passage, count] pairs as ints already: `dict` takes them as they are.)
        index._postings = defaultdict(dict, {t: dict(p) for t, p in state["postings"].items()})
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

    def _closest(self, word: str) -> str | None:
        if len(word) < 5 or not self._surface:
            return None
        # Imported here: only a question with a word the index has never seen needs it (5 ms of a start).
        from rapidfuzz import fuzz, process

        best = process.extractOne(word, self._surface, scorer=fuzz.ratio, score_cutoff=88)
        return best[0] if best else None

    def query_terms(self, text: str) -> list[tuple[str, bool]]:
        """Stemmed query terms, each with whether the index knows it (after typo correction)."""
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
        return out

    def search(self, text: str, limit: int = 10, groups: Iterable[str] | None = None) -> list[Hit]:
        """The best items for `text`, best first; with `groups`, only items of those groups."""
        keep = frozenset(groups) if groups is not None else None
        qterms = self.query_terms(text)
        known = list(dict.fromkeys(t for t, k in qterms if k))
        unknown = sum(1 for _, k in qterms if not k)
        # A word the question comes back to ("grocery shopping … the store") is what it is about.
        repeats = {t: 1 + REPEAT_WEIGHT * math.log(sum(1 for q, _ in qterms if q == t)) for t in known}
        scores: dict[int, float] = defaultdict(float)
        norms, weights, doc_groups = self._norms, self._weights, self._groups
        for t in known:
            idf = self._idf[t] * repeats[t]
            for doc, tf in self._postings[t].items():
                if keep is not None and doc_groups[doc] not in keep:
                    continue
                scores[doc] += idf * tf * K1_PLUS_1 / (tf + norms[doc]) * weights[doc]
        best: dict[tuple[str, str], tuple[float, int]] = {}  # (group, item) -> its best passage
        for doc, score in scores.items():
            item = (self._groups[doc], self._ids[doc])
            if item not in best or score > best[item][0]:
                best[item] = (score, doc)
        total = sum(self._idf[t] for t in known) + unknown * UNKNOWN_WEIGHT * self._max_idf
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        return [Hit(item, score, round(self._confidence(doc, known, total), 4), self._texts[doc], group)
                for (group, item), (score, doc) in ranked]

    def _confidence(self, doc: int, known: list[str], total: float) -> float:
        matched_terms = [t for t in known if doc in self._postings[t]]
        matched = sum(self._idf[t] for t in matched_terms)
        # Two views of fit: how much of the question the passage explains, and how much of the
        # passage the question contains. Long questions with context score on the second, short
        # ones on the first; supporting text (weight < 1) counts for less.
        question_cov = matched / total if total else 0.0
        passage_cov = matched / self._mass[doc] if self._mass[doc] else 0.0
        confidence = (0.5 * question_cov + 0.5 * min(passage_cov, 1.0)) * min(1.0, self._weights[doc] + 0.3)
        if len(matched_terms) < 2:
            confidence *= 0.5  # one shared word is weak evidence, however rare the word
        return confidence
