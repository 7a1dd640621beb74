"""The compiled stemmer (PyStemmer) is a speed-up only: it stems as the pure-Python Snowball one does."""
from __future__ import annotations

from pathlib import Path

import pytest
from snowballstemmer.english_stemmer import EnglishStemmer

from bot.answering import text

ROOT = Path(__file__).resolve().parent.parent


def test_the_compiled_stemmer_is_in_use():
    """peerbot stems with PyStemmer's C build (a dependency), not the slower pure-Python one."""
    Stemmer = pytest.importorskip("Stemmer")
    assert isinstance(text._stemmer, Stemmer.Stemmer)


def test_every_word_of_the_content_and_questions_stems_as_the_pure_python_snowball_does():
    """Every word of the content and of the question sets gets the same stem from both builds, so
    every answer stays exactly what it was (tools/answers_digest.py compares whole answers)."""
    vocabulary: set[str] = set()
    for path in [*ROOT.joinpath("content").rglob("*.toml"), *ROOT.joinpath("content").rglob("*.md"),
                 *ROOT.joinpath("tests", "data").glob("*.toml")]:
        vocabulary.update(text.words(path.read_text()))
    assert len(vocabulary) > 1000
    pure = EnglishStemmer()
    different = sorted(w for w in vocabulary if pure.stemWord(w) != text._stemmer.stemWord(w))
    assert different == []
