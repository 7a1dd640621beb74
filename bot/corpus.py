"""One search index over everything a question can land on: rulings, terms and topics.

The task answerer and the topic finder search the same index, each keeping to its own groups, so
their scores share one scale (the same word weights, the same passage lengths) and `choosing.choose`
can compare them directly instead of guessing from two unrelated confidence numbers.

What is indexed, and how much it counts:
- rulings: the task and each phrasing;
- terms: the name and each alias, and the meaning as supporting text;
- topics: the title and each question, and the short answer as supporting text.
"""
from __future__ import annotations

from bot.catalog import Catalog
from bot.search import Index, Passage

RULING, TERM, TOPIC = "ruling", "term", "topic"
# Supporting text explains an item but was not written as a way of asking for it.
BODY_WEIGHT = 0.8

_built: dict[int, tuple[Catalog, Index]] = {}


def passages(catalog: Catalog) -> list[Passage]:
    out: list[Passage] = []
    for r in catalog.rulings.values():
        out += [Passage(r.id, text, 1.0, RULING) for text in (r.task, *r.phrasings)]
    for term in catalog.terms.values():
        out += [Passage(term.id, name, 1.0, TERM) for name in (term.term, *term.aliases)]
        out.append(Passage(term.id, term.meaning, BODY_WEIGHT, TERM))
    for topic in catalog.topics.values():
        out += [Passage(topic.id, text, 1.0, TOPIC) for text in (topic.title, *topic.questions)]
        out.append(Passage(topic.id, topic.short, BODY_WEIGHT, TOPIC))
    return out


def index_for(catalog: Catalog) -> Index:
    """The shared index for `catalog`, built once (the answerer and the finder both ask for it)."""
    key = id(catalog)
    if key not in _built or _built[key][0] is not catalog:
        if len(_built) >= 4:  # tests build a few catalogs; keep memory bounded all the same
            _built.clear()
        _built[key] = (catalog, Index(passages(catalog)))
    return _built[key][1]
