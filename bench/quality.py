"""Score question sets against the answerer, the way `tests/test_devsets.py` does, for any set files.

Run: `.venv/bin/python -m bench.quality FILE...` (default: every set in tests/data). A file's kind
comes from its name: `task_questions*` score on the coarse verdict (and "yes" to a ruled-out task),
`topic_questions*` on the expected topic or term first (their "unsure" cases, and every case of an
`out_of_scope*` file, must get "I don't know", "not sure" or the clinical reply). Files may sit
anywhere (a fresh held-out set is scored from where its writer left it, never copied into tests/).
`--misses` lists what was missed. Prints one line per file.
"""
from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from tests.test_devsets import COARSE, DATA, choose, task_verdict

SETS = ("task_questions", "topic_questions", "out_of_scope")


def score(bot, path: Path, misses: bool = False) -> str:
    cases = tomllib.loads(path.read_text())["case"]
    name = path.name
    lines = []
    if name.startswith("task_questions"):
        agree, yes_no, flips, flips_right = 0, 0, 0, 0
        for c in cases:
            got = task_verdict(bot, c["question"])
            right = COARSE[got] == COARSE[c["expect"]]
            agree += right
            yes_no += COARSE[c["expect"]] == "no" and COARSE[got] == "yes"
            # blind sets mark the questions whose ruling hinges on one word ("against", "without her")
            if c.get("flip"):
                flips += 1
                flips_right += right
            if misses and not right:
                lines.append(f"    expected {c['expect']}, got {got}: {c['question']}")
        head = f"{name}: task {agree}/{len(cases)} ({100 * agree / len(cases):.1f}%), yes to a ruled-out task {yes_no}"
        if flips:
            head += f", hinging on a flip word {flips_right}/{flips}"
    else:
        hits = unknown = outside = 0
        inside = [c for c in cases if c["expect"] != "unsure" and not name.startswith("out_of_scope")]
        for c in cases:
            kind, found = choose(bot, c["question"])
            if c in inside:
                ok = kind == "topic" and found.item.id == c["expect"]
                hits += ok
            else:
                outside += 1
                ok = kind in ("unknown", "unsure-task", "clinical")
                unknown += ok
            if misses and not ok:
                got = found.item.id if kind == "topic" else kind
                lines.append(f"    expected {c['expect']}, got {got}: {c['question']}")
        head = f"{name}: topic {hits}/{len(inside)}" + (f" ({100 * hits / len(inside):.1f}%)" if inside else "")
        head += f", out of scope answered \"not sure\" {unknown}/{outside}"
    return "\n".join([head] + lines)


def main() -> None:
    from adapters.bootstrap import build_bot
    from bot.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted(p for p in DATA.glob("*.toml")
                                 if p.name.startswith(SETS))
    bot = build_bot(Settings(db=":memory:", _env_file=None))
    for path in files:
        if not path.name.startswith(SETS):  # `tests/data/*.toml` also holds crisis corpora, schedule phrases
            print(f"{path.name}: skipped (not a task, topic or out-of-scope question set)")
            continue
        print(score(bot, path, args.misses))


if __name__ == "__main__":
    main()
