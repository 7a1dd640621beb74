"""The content's search index is saved beside the content and loaded at the next start, unchanged."""
from __future__ import annotations

from bot.answering import corpus
from bot.answering.search import Index
from bot.content.catalog import Catalog


def ranked(index: Index, question: str) -> list:
    return [(h.item_id, h.score, h.confidence, h.group) for h in index.search(question, limit=20)]


def test_a_saved_index_answers_exactly_as_a_freshly_built_one(catalog: Catalog, tmp_path):
    """The index loaded from the cache folder ranks and scores every question exactly as the built one."""
    found = corpus.passages(catalog)
    built = corpus.cached_index(found, tmp_path)
    saved = list(tmp_path.glob("index-*.json"))
    assert len(saved) == 1
    loaded = corpus.cached_index(found, tmp_path)
    assert loaded is not built
    for question in ("can I drive someone to the food bank?", "what is a WRAP plan", "medicaton reminders",
                     "my coworker keeps oversharing in group"):
        assert ranked(loaded, question) == ranked(built, question)


def test_a_damaged_cache_file_is_rebuilt(catalog: Catalog, tmp_path):
    """A cache file cut short is not trusted: the index is built again and the file rewritten."""
    found = corpus.passages(catalog)
    corpus.cached_index(found, tmp_path)
    path = next(tmp_path.glob("index-*.json"))
    path.write_text(path.read_text()[:100])
    index = corpus.cached_index(found, tmp_path)
    assert ranked(index, "can I drive someone to the food bank?")
    assert len(path.read_text()) > 1000


def test_changed_content_gets_a_new_file_and_the_old_one_goes(catalog: Catalog, tmp_path):
    """Different passages give a different name, and the earlier content's index is removed."""
    found = corpus.passages(catalog)
    corpus.cached_index(found, tmp_path)
    first = next(tmp_path.glob("index-*.json"))
    corpus.cached_index(found[:-1], tmp_path)
    names = [p.name for p in tmp_path.glob("index-*.json")]
    assert len(names) == 1 and names[0] != first.name
