"""How much the crisis screen's trained model adds on a corpus it was not trained on.

Leaves each blind corpus round out in turn (rounds 1 to 4, round 5's two writers, round 6's five, round 8's two, round 9's two, round 10's three and round 11's two, and any corpus named
on the command line), fits the model on everything else (`bot.safety.crisis_model.training_files`), and
scores the round left out twice with the real screen (`bot.safety.crisis.read`): with the model's
lift switched off and with it at each threshold. Prints, per round, the crisis statements caught and
the false alarms (a crisis reply on a message from someone not in crisis) without the lift and with
it at the shipped threshold; then, per threshold, summed over the rounds left out, the whole screen's
figures (caught of all crisis statements, false alarms of all messages from people not in crisis) and
what the lift added, with its smallest and largest addition in one round (the spread says how much a
threshold would be fitted to particular rounds). This is where `crisis_model.LIFT` and `LIFT_SIGNED` come from.

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

# (threshold with a weak sign of the writer's own heard, threshold with no sign): one figure for both up
# to round 8, split in round 9
THRESHOLDS = ((0.75, 0.75), (0.8, 0.8), (0.85, 0.85), (0.9, 0.9), (0.7, 0.8), (0.7, 0.85), (0.75, 0.85), (0.7, 0.9))
LIFT = (crisis_model.LIFT_SIGNED, crisis_model.LIFT)  # the shipped pair, whose per-round figures are printed
OFF = (2.0, 2.0)
# false alarms: a crisis reply to someone not in crisis (hopelessness alone is not counted either way)
NOT_IN_CRISIS = crisis_model.NOT_IN_CRISIS[:-1]
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
    "round9a": [DATA / "crisis_corpus_fresh9a.toml"],
    "round9b": [DATA / "crisis_corpus_fresh9b.toml"],
    "round10a": [DATA / "crisis_corpus_fresh10a.toml"],
    "round10b": [DATA / "crisis_corpus_fresh10b.toml"],
    "round10c": [DATA / "crisis_corpus_fresh10c.toml"],
    "round11a": [DATA / "crisis_corpus_fresh11a.toml"],
    "round11b": [DATA / "crisis_corpus_fresh11b.toml"],
}


def messages(paths: list[Path]) -> list[dict]:
    return [m for p in paths for m in tomllib.loads(p.read_text(encoding="utf-8"))["message"]]


def main() -> None:
    rounds = dict(ROUNDS)
    for extra in sys.argv[1:]:
        rounds[Path(extra).stem] = [Path(extra)]
    # per threshold (2.0: the lift off), per round: [crisis statements caught, crisis statements,
    # false alarms, messages from people not in crisis]
    figures: dict[tuple[float, float], dict[str, list[int]]] = {t: {} for t in (OFF, *THRESHOLDS, LIFT)}
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
        for threshold in figures:
            crisis_model.LIFT_SIGNED, crisis_model.LIFT = threshold
            counts = figures[threshold][name] = [0, 0, 0, 0]
            for m in test:
                on = crisis.read(m["text"]).level == crisis.CRISIS
                if m["expect"] == "crisis":
                    counts[0] += on
                    counts[1] += 1
                elif m["kind"] in NOT_IN_CRISIS:
                    counts[2] += on
                    counts[3] += 1
        crisis_model.LIFT_SIGNED, crisis_model.LIFT = LIFT
        off, on = figures[OFF][name], figures[LIFT][name]
        print(f"{name}: {len(test)} messages left out, trained on {len(texts)}; caught {off[0]}/{off[1]} "
              f"without the lift, {on[0]}/{on[1]} with it at {LIFT}; false alarms {off[2]} and {on[2]} of {on[3]}")
    for threshold, by_round in figures.items():
        caught, statements, alarms, safe = (sum(f[i] for f in by_round.values()) for i in range(4))
        label = "lift off" if threshold == OFF else f"lift at {threshold[0]} with a sign, {threshold[1]} without"
        line = (f"{label}: screen caught {caught}/{statements} ({100 * caught / statements:.1f}%), "
                f"false alarms {alarms}/{safe} ({100 * alarms / safe:.2f}%)")
        if threshold != OFF:
            added = [f[0] - figures[OFF][r][0] for r, f in by_round.items()]
            alarmed = [f[2] - figures[OFF][r][2] for r, f in by_round.items()]
            line += (f"; the lift adds +{sum(added)} caught (per round {min(added)}-{max(added)}), "
                     f"+{sum(alarmed)} false alarms (per round {min(alarmed)}-{max(alarmed)})")
        print(line)


if __name__ == "__main__":
    main()
