"""Every question of the question sets in tests/data, with what the engine chose for it, one per line.

A performance change to the core (a compiled stemmer, a memo, precomputed search factors) must not
change a single answer: run this before and after and compare (`diff`), or compare its digest line.

Run: `.venv/bin/python -m tools.answers_digest [--digest]`.
"""
from __future__ import annotations

import hashlib
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


if __name__ == "__main__":
    found = lines()
    if "--digest" in sys.argv:
        print(len(found), hashlib.sha256("\n".join(found).encode()).hexdigest())
    else:
        print("\n".join(found))
