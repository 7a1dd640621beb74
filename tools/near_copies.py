#!/usr/bin/env python3
"""Find content sentences that follow a source sentence with only a word or two changed.

Usage: python3 tools/near_copies.py [CONTENT_DIR] [--min SHARE] [--seeds DIR]

The verbatim check (../shared/tools/verbatim_check.py) finds runs of 10 identical words; a
sentence that keeps a source sentence's order and wording but swaps a word every few words slips
past it. This tool compares every sentence of the content's text with the source sentences that
share the most uncommon words with it, and reports it when most of its words appear in the same
order in one source sentence (`SHARE`, default 0.7, of the content sentence's words, counted by
difflib's matching blocks of two words or more). Quoted names, lists of short terms and the
like can trip it: read each hit beside its source before rewriting.
Exit status: 0 when nothing is reported, 1 when something is.
"""
from __future__ import annotations

import difflib
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

WORD = re.compile(r"[a-z0-9']+")
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n|\s+[•\-]\s+|\n(?=[-•*]\s)")
MIN_WORDS = 8
HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
# Fields that hold sentences people read; ids, phrasings (questions people ask) and sources do not.
PROSE = {"task", "reasons", "instead", "question", "jurisdiction", "summary", "meaning", "more",
         "short", "situation", "questions", "response", "why", "debrief", "text", "follow_up",
         "intro", "ask", "note", "title", "choices", "label", "invitation", "hidden_until"}
SKIP = {"sources", "phrasings", "retriever_phrasings", "aliases", "related", "id", "tags"}


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def sentences(text: str) -> list[str]:
    flat = re.sub(r"(?<!\n)\n(?!\n)", " ", text)  # the sources wrap lines inside sentences
    return [s.strip() for s in SENTENCE_END.split(flat) if s and s.strip()]


def prose(value, key: str = "") -> list[str]:
    """Every readable string in a TOML value, from the fields that hold prose."""
    if key in SKIP:
        return []
    if isinstance(value, str):
        return [value] if key in PROSE else []
    if isinstance(value, list):
        return [t for v in value for t in prose(v, key)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in prose(v, k)]
    return []


def shared_in_order(a: list[str], b: list[str]) -> int:
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(m.size for m in blocks if m.size >= 2)


def main(argv: list[str]) -> int:
    share, seeds = 0.7, SEEDS
    if "--min" in argv:
        i = argv.index("--min")
        share = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if "--seeds" in argv:
        i = argv.index("--seeds")
        seeds = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    root = Path(argv[0]) if argv else Path("content")
    source: list[tuple[str, list[str]]] = []
    for path in sorted(seeds.glob("*.txt")):
        for s in sentences(path.read_text(errors="replace")):
            ws = words(s)
            if len(ws) >= 5:
                source.append((s, ws))
    df = Counter(w for _, ws in source for w in set(ws))
    rare = {w for w, n in df.items() if n <= len(source) // 50}  # words that say what a sentence is about
    index: dict[str, list[int]] = defaultdict(list)
    for n, (_, ws) in enumerate(source):
        for w in set(ws) & rare:
            index[w].append(n)
    found = 0
    for path in sorted(root.rglob("*.toml")):
        for text in prose(tomllib.loads(path.read_text())):
            for s in sentences(text):
                ws = words(s)
                if len(ws) < MIN_WORDS:
                    continue
                hits = Counter(n for w in set(ws) & rare for n in index.get(w, ()))
                best, best_share = None, 0.0
                for n, _ in hits.most_common(8):
                    got = shared_in_order(ws, source[n][1]) / len(ws)
                    if got > best_share:
                        best, best_share = n, got
                if best is not None and best_share >= share:
                    found += 1
                    print(f"{path}: {best_share:.0%} of its words follow a source sentence\n"
                          f"  content: {s}\n  source:  {source[best][0]}\n")
    if found:
        print(f"{found} sentence(s) follow a source sentence closely: rewrite them in your own words.")
        return 1
    print("no near-copied sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
