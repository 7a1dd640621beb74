"""Finds the definition or topic that answers a question about the peer role.

Terms are indexed by their name, aliases and "what is" forms; topics by their title and the ways
people ask them. The best match is kept only above a confidence threshold; below it the caller says
it doesn't know and lists what it can talk about.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.catalog import Catalog, Term, Topic
from bot.search import Index

CONFIDENT = 0.25
BODY_WEIGHT = 0.8


@dataclass(frozen=True)
class TopicAnswer:
    item: Term | Topic
    confidence: float

    @property
    def kind(self) -> str:
        return "definition" if isinstance(self.item, Term) else "topic"


class TopicFinder:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        passages: list[tuple[str, str]] = []
        for term in catalog.terms.values():
            for name in (term.term, *term.aliases):
                passages.append((term.id, name, 1.0))
            passages.append((term.id, term.meaning, BODY_WEIGHT))
        for topic in catalog.topics.values():
            passages.append((topic.id, topic.title, 1.0))
            passages.extend((topic.id, q, 1.0) for q in topic.questions)
            passages.append((topic.id, topic.short, BODY_WEIGHT))
        self.index = Index(passages)

    def lookup(self, item_id: str) -> Term | Topic | None:
        return self.catalog.terms.get(item_id) or self.catalog.topics.get(item_id)

    def find(self, question: str, prefer_terms: bool = False) -> TopicAnswer | None:
        hits = self.index.search(question, limit=5)
        if not hits:
            return None
        best = hits[0]
        if prefer_terms:
            # "what is X" should land on the term X when one is close, not a topic mentioning X.
            for hit in hits[:3]:
                if hit.item_id in self.catalog.terms and hit.confidence >= best.confidence - 0.1:
                    best = hit
                    break
        item = self.lookup(best.item_id)
        if item is None or best.confidence < CONFIDENT:
            return None
        return TopicAnswer(item, best.confidence)
