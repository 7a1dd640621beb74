"""The crisis screen tries a sign only when the words its pattern needs are in the sentence
(`bot.safety.crisis._worth_trying`). That shortcut must never skip a sign that would have matched:
here every sign is run on every sentence of the suite's own corpus and rounds 1 to 3 of the fresh ones
(1,500 sentences; all the corpora take ten times as long and were checked once by hand when the
needles were last changed), and each one that matches must have been worth trying."""
from __future__ import annotations

import tomllib
from pathlib import Path

from bot.safety import crisis

DATA = Path(__file__).parent / "data"


def sentences() -> list[str]:
    texts = [text for group in tomllib.loads((DATA / "crisis_corpus.toml").read_text(encoding="utf-8")).values()
             for text in group]
    for path in (DATA / f"crisis_corpus_fresh{n}.toml" for n in ("", "2", "3")):
        texts += [m["text"] for m in tomllib.loads(path.read_text(encoding="utf-8"))["message"]]
    return [crisis.normalise(s).strip(" ,") for text in texts for s in crisis.SENTENCES.findall(text)]


def test_no_sign_that_matches_a_sentence_of_any_corpus_is_left_untried():
    skipped = []
    for sentence in sentences():
        worth = set(crisis._worth_trying(sentence))
        skipped += [(crisis.SIGNS[i].name, sentence) for i in range(len(crisis.SIGNS))
                    if i not in worth and crisis._pattern(i).search(sentence)]
    assert not skipped, skipped[:5]


def test_most_signs_are_not_worth_trying_on_an_ordinary_sentence():
    """The point of the shortcut: a plain work sentence tries a handful of the ~560 signs (7 today, 12 before the needles were read in sets of three)."""
    worth = crisis._worth_trying(crisis.normalise("can someone cover my thursday group, i will swap for friday"))
    assert len(worth) < 10, [crisis.SIGNS[i].name for i in worth]
