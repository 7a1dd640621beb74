"""Finds the definition or topic that answers a question about the peer role.

Terms are found by their name, aliases and meaning; topics by their title, the ways people ask
them and their short answer (see `bot.corpus`). The best match is kept only above a confidence
threshold; below it the caller says it doesn't know and lists what it can talk about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.catalog import Catalog, Term, Topic
from bot.corpus import TERM, TOPIC, index_for
from bot.text import clean

CONFIDENT = 0.25
# How close a term must come to the best match to be preferred when the question asks for a
# meaning ("what is X", "is there a word for this").
TERM_PREFERENCE = 0.1

# Questions that ask for a name or a meaning, beyond the "what is …" shapes of `bot.intent`.
ASKS_FOR_MEANING = re.compile(
    r"\b(?:is there a (?:name|word|term) for|what(?:'s| is) (?:that|this|it) called|what(?:'s| is) (?:that|this) about"
    r"|what (?:does|do) (?:that|this|it) (?:actually |really )?mean|(?:can you |could you )?explain\b)")


def asks_for_meaning(question: str) -> bool:
    return bool(ASKS_FOR_MEANING.search(clean(question)))


@dataclass(frozen=True)
class TopicAnswer:
    item: Term | Topic
    confidence: float
    score: float = 0.0  # search score, on the scale the task answerer shares

    @property
    def kind(self) -> str:
        return "definition" if isinstance(self.item, Term) else "topic"


class TopicFinder:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.index = index_for(catalog)

    def lookup(self, item_id: str) -> Term | Topic | None:
        return self.catalog.terms.get(item_id) or self.catalog.topics.get(item_id)

    def find(self, question: str, prefer_terms: bool = False) -> TopicAnswer | None:
        hits = self.index.search(question, limit=5, groups=(TERM, TOPIC))
        if not hits:
            return None
        best = hits[0]
        if prefer_terms or asks_for_meaning(question):
            # "what is X" should land on the term X when one is close, not a topic mentioning X.
            for hit in hits[:3]:
                if hit.group == TERM and hit.confidence >= best.confidence - TERM_PREFERENCE:
                    best = hit
                    break
        item = self.lookup(best.item_id)
        if item is None or best.confidence < CONFIDENT:
            return None
        return TopicAnswer(item, best.confidence, hits[0].score)
