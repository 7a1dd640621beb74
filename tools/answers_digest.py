"""Every question of the question sets in tests/data, with what the engine chose for it, one per line.

A performance change to the core (a compiled stemmer, a memo, precomputed search factors) must not
change a single answer: run this before and after and compare (`diff`), or compare its digest line.

Run: `.venv/bin/python -m tools.answers_digest [--digest]`. To compare two runs' full output:
`.venv/bin/python -m tools.answers_digest --compare BEFORE AFTER` says how many lines differ, and
whether any differs in more than its floats (a score's last bits, which a change in summation order
moves) and by how much.
"""
from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lines() -> list[str]:
    from adapters.bootstrap import build_bot
    from bot.answering.asking import choose
    from bot.settings import Settings

    bot = build_bot(Settings(db=":memory:", _env_file=None))
    out = []
    for path in sorted((ROOT / "tests" / "data").glob("*.toml")):
        if "holdout" in path.name:  # held back from everyone working on the engine
            continue
        for case in tomllib.loads(path.read_text()).get("case", []):
            question = case.get("question")
            if isinstance(question, str):
                out.append(f"{path.name}\t{question}\t{choose(bot, question)!r}")
    return out


FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d+(?:e-?\d+)?")


def compare(before: list[str], after: list[str]) -> dict:
    """How `after` differs from `before`, line by line: in floats only (and the largest such
    difference), or in anything else (a different answer)."""
    if len(before) != len(after):
        return {"lines": [len(before), len(after)], "same_questions": False}
    floats_only, other, largest = 0, [], 0.0
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        if FLOAT.sub("#", old) != FLOAT.sub("#", new):
            other.append(new.split("\t")[1])
            continue
        floats_only += 1
        largest = max([largest, *(abs(float(a) - float(b)) for a, b in zip(FLOAT.findall(old), FLOAT.findall(new),
                                                                           strict=True))])
    return {"lines": len(before), "identical": len(before) - floats_only - len(other),
            "differing_in_floats_only": floats_only, "largest_float_difference": largest,
            "differing_otherwise": len(other), "questions_answered_differently": other[:20]}


if __name__ == "__main__":
    if "--compare" in sys.argv:
        first, second = sys.argv[sys.argv.index("--compare") + 1:][:2]
        print(compare(Path(first).read_text().splitlines(), Path(second).read_text().splitlines()))
        sys.exit(0)
    found = lines()
    if "--digest" in sys.argv:
        print(len(found), hashlib.sha256("\n".join(found).encode()).hexdigest())
    else:
        print("\n".join(found))
