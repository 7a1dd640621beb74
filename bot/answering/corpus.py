"""One search index over everything a question can land on: rulings, terms and topics.

The task answerer and the topic finder search the same index, each keeping to its own groups, so
their scores share one scale (the same word weights, the same passage lengths) and `choosing.choose`
can compare them directly instead of guessing from two unrelated confidence numbers.

What is indexed, and how much it counts:
- rulings: the task and each of `phrasings` (never `retriever_phrasings`, which train the retriever
  alone: many more ways of asking, whose everyday words would pull topic questions onto rulings);
- terms: the name and each alias, and the meaning as supporting text;
- topics: the title and each question, and the short answer as supporting text.

Built once per content: the index is saved beside the content (the cache folder the retriever's
model uses), as plain JSON named by a hash of its passages and of the code that turns text into
terms, so `peerbot ask` loads it instead of cleaning and stemming every passage again. Any change to
the content or to `bot/answering/text.py`/`bot/answering/search.py` gives a new name; a damaged file is rebuilt.
"""
from __future__ import annotations

import json
from pathlib import Path

from bot import cache_file
from bot.answering import search, text
from bot.answering.search import Index, Passage
from bot.content.catalog import Catalog

RULING, TERM, TOPIC = "ruling", "term", "topic"
# Supporting text explains an item but was not written as a way of asking for it.
BODY_WEIGHT = 0.8

_built: dict[int, tuple[Catalog, Index]] = {}
VERSION = "1"  # bump when the saved state's shape changes


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


def index_for(catalog: Catalog, cache: Path | None = None) -> Index:
    """The shared index for `catalog`, built once (the answerer and the finder both ask for it),
    loaded from `cache` when it was saved there before."""
    key = id(catalog)
    if key not in _built or _built[key][0] is not catalog:
        if len(_built) >= 4:  # tests build a few catalogs; keep memory bounded all the same
            _built.clear()
        _built[key] = (catalog, cached_index(passages(catalog), cache))
    return _built[key][1]


def index_key(found: list[Passage]) -> str:
    digest = cache_file.digest(VERSION, text, search)  # the stemmer, synonyms and stopwords make the terms
    digest.update(json.dumps(found).encode())
    return digest.hexdigest()[:20]


def cached_index(found: list[Passage], cache: Path | None) -> Index:
    if cache is None:
        return Index(found)
    path = cache / f"index-{index_key(found)}.json"
    try:
        return Index.from_state(json.loads(path.read_text()))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError):
        pass  # a damaged cache file is rebuilt, never trusted
    index = Index(found)
    cache_file.save(path, json.dumps(index.state(), separators=(",", ":")), "index-*.json")
    return index
