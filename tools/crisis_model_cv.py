"""How much the crisis screen's trained model adds on a corpus it was not trained on.

Leaves each blind corpus round out in turn (rounds 1 to 4, round 5's two writers, round 6's five and round 8's two, and any corpus named
on the command line), fits the model on everything else (`bot.safety.crisis_model.training_files`), and
scores the round left out twice with the real screen (`bot.safety.crisis.read`): with the model's
lift switched off and with it at each threshold. Prints, per threshold, the crisis statements the
lift added and the false alarms it added (a crisis reply on a message from someone not in crisis),
summed over the rounds. This is where `crisis_model.LIFT` comes from.

Run from the repository's root: `.venv/bin/python tools/crisis_model_cv.py [CORPUS.toml ...]`
(about a minute; uses scikit-learn).
"""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scipy.sparse import hstack  # noqa: E402

from bot.safety import crisis, crisis_model  # noqa: E402

THRESHOLDS = (0.75, 0.8, 0.85, 0.9)
DATA = crisis_model.DATA
ROUNDS = {
    "round1": [DATA / "crisis_corpus_fresh.toml"],
    "round2": [DATA / "crisis_corpus_fresh2.toml", DATA / "crisis_corpus_fresh2_heldout.toml"],
    "round3": [DATA / "crisis_corpus_fresh3.toml", DATA / "crisis_corpus_fresh3_heldout.toml"],
    "round4": [DATA / "crisis_corpus_fresh4.toml", DATA / "crisis_corpus_fresh4_heldout.toml"],
    "round5a": [DATA / "crisis_corpus_fresh5a.toml", DATA / "crisis_corpus_fresh5a_heldout.toml"],
    "round5b": [DATA / "crisis_corpus_fresh5b.toml", DATA / "crisis_corpus_fresh5b_heldout.toml"],
    "round6a": [DATA / "crisis_corpus_fresh6a.toml", DATA / "crisis_corpus_fresh6a_heldout.toml"],
    "round6b": [DATA / "crisis_corpus_fresh6b.toml", DATA / "crisis_corpus_fresh6b_heldout.toml"],
    "round6c": [DATA / "crisis_corpus_fresh6c.toml", DATA / "crisis_corpus_fresh6c_heldout.toml"],
    "round6d": [DATA / "crisis_corpus_fresh6d.toml"],
    "round6e": [DATA / "crisis_corpus_fresh6e.toml"],
    "round8a": [DATA / "crisis_corpus_fresh8a.toml"],
    "round8b": [DATA / "crisis_corpus_fresh8b.toml"],
}


def messages(paths: list[Path]) -> list[dict]:
    return [m for p in paths for m in tomllib.loads(p.read_text(encoding="utf-8"))["message"]]


def main() -> None:
    rounds = dict(ROUNDS)
    for extra in sys.argv[1:]:
        rounds[Path(extra).stem] = [Path(extra)]
    added = {t: [0, 0] for t in THRESHOLDS}
    for name, held in rounds.items():
        held_names = {p.name for p in held}
        train = [p for p in crisis_model.training_files() if p.name not in held_names]
        texts, kinds = crisis_model.examples(train)
        vectorisers, model = crisis_model.fit(texts, [crisis_model.in_crisis(k) for k in kinds])

        def cv_likeness(normalised: str, vectorisers=vectorisers, model=model) -> float:
            row = hstack([v.transform([normalised]) for v in vectorisers.values()]).tocsr()
            return float(model.predict_proba(row)[0, 1])

        crisis_model.likeness = cv_likeness  # the screen asks the held-out model, not the shipped one
        test = messages(held)
        readings = {}
        for threshold in (2.0, *THRESHOLDS):
            crisis_model.LIFT = threshold
            readings[threshold] = [crisis.read(m["text"]).level for m in test]
        for threshold in THRESHOLDS:
            for m, off, on in zip(test, readings[2.0], readings[threshold], strict=True):
                if m["expect"] == "crisis":
                    added[threshold][0] += (on == crisis.CRISIS) - (off == crisis.CRISIS)
                elif m["kind"] in crisis_model.NOT_IN_CRISIS[:-1]:
                    added[threshold][1] += (on == crisis.CRISIS) - (off == crisis.CRISIS)
        print(f"{name}: {len(test)} messages left out, trained on {len(texts)}")
    for threshold, (caught, alarms) in added.items():
        print(f"lift at {threshold}: +{caught} crisis statements caught, +{alarms} false alarms")


if __name__ == "__main__":
    main()
