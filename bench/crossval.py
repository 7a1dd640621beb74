"""Leave-phrasings-out cross-validation of the task answerer, inside content alone (no question set).

Each fold holds out every k-th phrasing of every ruling (its `phrasings` and `retriever_phrasings`
counted as one list, each kept phrasing staying in its own field), builds the answerer (search index and
retriever) on the rest, and asks it each held-out phrasing. It reports how often the answer's
coarse verdict (yes/likely, depends, unlikely/no) agrees with the held-out phrasing's own ruling,
how often that ruling comes first, and how often a phrasing of a ruling leaning no is answered
yes. A phrasing is one sentence in people's words, so this measures how well the engine carries
to wording it has not seen, with no question set involved; it says nothing about routing to topics.

Run: `.venv/bin/python -m bench.crossval [--folds K] [--misses]` (about 5 s a fold).
"""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from bot.answering.answerer import COARSE, Answerer
from bot.content.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent


def fold(catalog, k: int, i: int) -> tuple[object, list[tuple[str, str]]]:
    """The catalog without fold `i` of `k` of every ruling's phrasings, and the (ruling id, phrasing)
    pairs held out."""
    kept, held = {}, []
    for rid, r in catalog.rulings.items():
        held += [(rid, p) for n, p in enumerate(r.all_phrasings) if n % k == i]
        out = {p for n, p in enumerate(r.all_phrasings) if n % k == i}
        kept[rid] = r.model_copy(update={"phrasings": tuple(p for p in r.phrasings if p not in out),
                                         "retriever_phrasings": tuple(p for p in r.retriever_phrasings if p not in out)})
    return dataclasses.replace(catalog, rulings=kept), held


def run(k: int = 3, misses: bool = False) -> dict[str, int]:
    catalog = load_catalog(ROOT / "content")
    total = {"asked": 0, "agree": 0, "first": 0, "unsure": 0, "yes_to_no": 0}
    for i in range(k):
        trimmed, held = fold(catalog, k, i)
        answerer = Answerer(trimmed, cache=None)
        for rid, phrasing in held:
            expected = COARSE[catalog.rulings[rid].verdict]
            got = answerer.answer(phrasing)
            coarse = COARSE.get(got.verdict, "unsure")
            total["asked"] += 1
            total["agree"] += coarse == expected
            total["first"] += got.top is not None and got.top.id == rid
            total["unsure"] += got.verdict == "unsure"
            total["yes_to_no"] += expected == "no" and coarse == "yes"
            if misses and coarse != expected:
                print(f"    {rid} ({expected}) got {got.verdict}: {phrasing}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    t = run(args.folds, args.misses)
    n = t["asked"]
    print(f"leave-phrasings-out ({args.folds} folds): verdict {t['agree']}/{n} ({100 * t['agree'] / n:.1f}%), "
          f"own ruling first {t['first']}/{n} ({100 * t['first'] / n:.1f}%), unsure {t['unsure']}, "
          f"yes to a ruling leaning no {t['yes_to_no']}")


if __name__ == "__main__":
    main()
