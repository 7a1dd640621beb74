"""A small trained reading of how much a message sounds like someone in crisis, to back up the signs.

`likeness(normalised_text)` is a probability-like score in [0, 1] from a linear model over character
n-grams (3 to 5 letters within words, counted over the message's distinct words), trained on first-person crisis and hopeless statements
against everyday peer-work messages, talk about others, past experience and denials. Character
n-grams carry over to typos, missing apostrophes and new inflections that a word table misses.

It never decides alone and never gives the crisis reply (`bot.safety.crisis._combine` says how it is used):
it can raise a first-person message with no sign at all to the short note. Lifting a single weak
sign to a crisis with it was tried and dropped: leave-one-corpus-out it caught nothing more, and on
everyday text it raised false alarms. It is weak (a few hundred training messages): out of fold on
round 1 it scores 60% of crisis statements but also 9% of everyday ones above 0.8, which is why it
only ever adds a note.

The weights are plain numbers in `bot/safety/data/crisis_model.json`, scored here without scikit-learn
(a sum over the message's words, each word's share cached). Retrain, from the repository's
root, after changing a corpus:

    .venv/bin/python -m bot.safety.crisis_model tests/data/crisis_corpus.toml tests/data/crisis_corpus_fresh.toml …

which uses scikit-learn (a dependency) and rewrites the JSON file.
"""
from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).parent / "data" / "crisis_model.json"
SIZES = (3, 4, 5)
NOT_IN_CRISIS = ("everyday", "helper", "others", "past", "denial")


@lru_cache(maxsize=8192)
def word_grams(word: str) -> tuple[str, ...]:
    """Character n-grams of one word, padded by a space each side (scikit-learn's 'char_wb')."""
    padded = f" {word} "
    return tuple(padded[i:i + n] for n in SIZES for i in range(len(padded) - n + 1))


def grams(text: str) -> list[str]:
    """The n-grams of every distinct word of `text` (a word said twice counts once)."""
    return [g for word in set(text.split()) for g in word_grams(word)]


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float]]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["intercept"], data["weights"]


@lru_cache(maxsize=8192)
def _word_score(word: str) -> float:
    weights = _model()[1]
    return sum(weights.get(g, 0.0) for g in word_grams(word))


def likeness(normalised: str) -> float:
    """How much `normalised` (see `bot.safety.crisis.normalise`) reads like a first-person crisis, 0 to 1."""
    z = _model()[0] + sum(_word_score(word) for word in set(normalised.split()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def examples(paths: list[str]) -> tuple[list[str], list[int]]:
    """(normalised texts, 1 for a first-person crisis or hopeless statement, 0 otherwise) from
    corpora of either shape: `[[message]]` with `kind`, or the suite's lists (explicit, everyday, …)."""
    import tomllib

    from bot.safety.crisis import normalise

    texts, labels = [], []
    for path in paths:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        if "message" in data:
            for m in data["message"]:
                texts.append(m["text"])
                labels.append(0 if m["kind"] in NOT_IN_CRISIS else 1)
        else:
            for group, items in data.items():
                for text in items:
                    texts.append(text)
                    labels.append(1 if group == "explicit" else 0)
    return [normalise(t) for t in texts], labels


def train(paths: list[str]) -> dict[str, Any]:
    """Fit the model on the corpora at `paths`; the weights as written to the JSON file."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = examples(paths)
    vectoriser = CountVectorizer(analyzer=grams, min_df=2)
    features = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(features, labels)
    weights = {g: round(float(w), 4) for g, w in zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 0.005}
    return {"trained_on": [Path(p).name for p in paths], "sizes": list(SIZES),
            "intercept": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m bot.safety.crisis_model CORPUS.toml [CORPUS.toml …]")
    WEIGHTS.parent.mkdir(exist_ok=True)
    WEIGHTS.write_text(json.dumps(train(sys.argv[1:]), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS} ({len(_model.__wrapped__()[1])} weights)")
