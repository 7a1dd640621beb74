"""The crisis screen on corpora it was not written alongside, each written by someone who had seen
neither the detector nor its corpora: `tests/data/crisis_corpus_fresh.toml` (round 1, all 227
messages: its tuning two thirds and the third held out in round 1, now seen) and
`tests/data/crisis_corpus_fresh2.toml` (round 2's tuning two thirds, 130 messages; its held-out
third, scored once, is `crisis_corpus_fresh2_heldout.toml`) and `tests/data/crisis_corpus_fresh3.toml`
(round 3's tuning two thirds, 180 messages; its held-out third is
`crisis_corpus_fresh3_heldout.toml`) and `tests/data/crisis_corpus_fresh4.toml` (round 4's tuning
two thirds, 189 messages) and `crisis_corpus_fresh5a.toml`, `crisis_corpus_fresh5b.toml` (round 5's
two writers, the tuning two thirds of each, 172 and 174 messages) and `crisis_corpus_fresh6a.toml`,
`crisis_corpus_fresh6b.toml`, `crisis_corpus_fresh6c.toml` (round 6's three writers, 174, 174 and 207) and
`crisis_corpus_fresh8a.toml`, `crisis_corpus_fresh8b.toml` (round 8's two writers, the tuning two thirds of
each, 174 messages each; their held-out thirds and round 8c stay outside the repository) and
`crisis_corpus_fresh9a.toml`, `crisis_corpus_fresh9b.toml` (round 9's two writers, the tuning two thirds of
each, 174 messages each: 9a tired late-night phone texts from community and harm-reduction workers, 9b
formal and understated writers; their other thirds stay outside the repository) and
`crisis_corpus_fresh10a.toml`, `…10b.toml`, `…10c.toml` (round 10's three writers, whole, 260 messages each,
with their own floors below: ROUND10) and `crisis_corpus_fresh11a.toml`, `…11b.toml` (round 11's two writers, the
tuning two thirds of each, 174 messages each, with floors below: ROUND11; lower than issue 15's for all crisis
statements caught, and for harm to others turned on 11a, where the tuning did not reach them); the held-out thirds of rounds 4 to 6,
scored and published, are `crisis_corpus_fresh{4,5a,5b,6a,6b,6c}_heldout.toml`; round 6's wholly unseen
corpus (round 7's writer) was kept outside the repository and lost with it (docs/safety.md); round 9's
unseen parts, published, are `crisis_corpus_fresh9{a,b}_heldout.toml` and `crisis_corpus_fresh9c.toml`;
round 11's, `crisis_corpus_fresh11{a,b}_heldout.toml` and `crisis_corpus_fresh11c.toml`; round 12's, `crisis_corpus_fresh12a.toml`
and `crisis_corpus_fresh12b.toml` (floors: UNSEEN_PUBLISHED).

Each message has an `expect` (crisis, note, quiet) and a `kind` (explicit, indirect, harm-others,
hopeless, helper, others, past, denial, everyday). The targets of issue 15 are the floors:
explicit statements all caught; all crisis statements (crisis and hopeless) at least 95% caught;
false alarms (the crisis reply on a message from someone not in crisis) at most 2%.

Score any corpus of the same shape, from the repository's root:

    .venv/bin/python -m tests.test_crisis_fresh PATH [-v]
"""
from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from bot.safety import crisis

FRESH = Path(__file__).parent / "data" / "crisis_corpus_fresh.toml"
FRESH2 = Path(__file__).parent / "data" / "crisis_corpus_fresh2.toml"
FRESH3 = Path(__file__).parent / "data" / "crisis_corpus_fresh3.toml"
FRESH4 = Path(__file__).parent / "data" / "crisis_corpus_fresh4.toml"
FRESH5A = Path(__file__).parent / "data" / "crisis_corpus_fresh5a.toml"
FRESH5B = Path(__file__).parent / "data" / "crisis_corpus_fresh5b.toml"
FRESH6A = Path(__file__).parent / "data" / "crisis_corpus_fresh6a.toml"
FRESH6B = Path(__file__).parent / "data" / "crisis_corpus_fresh6b.toml"
FRESH6C = Path(__file__).parent / "data" / "crisis_corpus_fresh6c.toml"
FRESH8A = Path(__file__).parent / "data" / "crisis_corpus_fresh8a.toml"
FRESH8B = Path(__file__).parent / "data" / "crisis_corpus_fresh8b.toml"
FRESH9A = Path(__file__).parent / "data" / "crisis_corpus_fresh9a.toml"
FRESH9B = Path(__file__).parent / "data" / "crisis_corpus_fresh9b.toml"
CORPORA = pytest.mark.parametrize("corpus", [FRESH, FRESH2, FRESH3, FRESH4, FRESH5A, FRESH5B, FRESH6A, FRESH6B, FRESH6C,
                                            FRESH8A, FRESH8B, FRESH9A, FRESH9B],
                                  ids=["round1", "round2-tune", "round3-tune", "round4-tune", "round5a-tune", "round5b-tune",
                                       "round6a-tune", "round6b-tune", "round6c-tune", "round8a-tune", "round8b-tune",
                                       "round9a-tune", "round9b-tune"])
# Round 6's training corpora (6d young workers and slang, 6e older and rural writers), whole: scored once
# before they were read, then tuned on in part; their floors are what the tuning reached.
TRAINING = pytest.mark.parametrize("corpus", [Path(__file__).parent / "data" / f"crisis_corpus_fresh{r}.toml"
                                              for r in ("6d", "6e")], ids=["round6d", "round6e"])
# Held-out thirds whose final figures are published (docs/safety.md), tuned on since: the same floors.
PUBLISHED = pytest.mark.parametrize("corpus", [Path(__file__).parent / "data" / f"crisis_corpus_fresh{r}_heldout.toml"
                                               for r in ("2", "3", "4", "5a", "5b", "6a", "6b", "6c")],
                                    ids=["round2-held", "round3-held", "round4-held", "round5a-held", "round5b-held",
                                         "round6a-held", "round6b-held", "round6c-held"])
NOT_IN_CRISIS = ("everyday", "helper", "others", "past", "denial")
ROUND10_A, ROUND10_B, ROUND10_C = 112, 105, 98
# Round 10's training corpora, whole (260 messages each, opened entirely to the tuner; no held-out part):
# 10a young peer workers writing Discord-style, 10b terse older men (veterans, trades, farming), 10c
# supervisors and workers hiding their own state behind "hypothetically" and policy questions. Scored once
# before anyone read them (first look: 89/127, 66/127 and 64/127 of all crisis statements caught, false alarms
# 3, 2 and 3 of 133), then trained and tuned on. The value is the floor of all crisis statements caught: what
# the tuning reached, short of issue 15's 95% (121 of 127) on all three; the other floors are issue 15's.
ROUND10 = pytest.mark.parametrize("corpus, caught", [(Path(__file__).parent / "data" / f"crisis_corpus_fresh10{r}.toml", n)
                                                     for r, n in (("a", ROUND10_A), ("b", ROUND10_B), ("c", ROUND10_C))],
                                  ids=["round10a", "round10b", "round10c"])


def load(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["message"]


def score(messages: list[dict]) -> tuple[Counter, list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Counts, misses and false alarms. Caught: a crisis statement read as a crisis; a hopeless one
    read as a note or a crisis. False alarm: a crisis reading for someone not in crisis. A note is
    due on messages expecting one (helper, others, past)."""
    counts: Counter = Counter()
    missed, alarms = [], []
    for m in messages:
        level, kind, expect = crisis.read(m["text"]).level, m["kind"], m["expect"]
        if expect == "crisis":
            counts["crisis_n"] += 1
            counts[f"{kind}_n"] += 1
            if level == crisis.CRISIS:
                counts["crisis_ok"] += 1
                counts[f"{kind}_ok"] += 1
            else:
                missed.append((kind, level, m["text"]))
        elif kind == "hopeless":
            counts["hopeless_n"] += 1
            if level in (crisis.NOTE, crisis.CRISIS):
                counts["hopeless_ok"] += 1
            else:
                missed.append((kind, level, m["text"]))
        else:
            counts["safe_n"] += 1
            if level == crisis.CRISIS:
                counts["false_alarm"] += 1
                alarms.append((kind, expect, m["text"]))
            if expect == "note":
                counts["note_n"] += 1
                if level != crisis.NONE:
                    counts["note_ok"] += 1
                else:
                    missed.append((kind, level, m["text"]))
    counts["all_ok"] = counts["crisis_ok"] + counts["hopeless_ok"]
    counts["all_n"] = counts["crisis_n"] + counts["hopeless_n"]
    return counts, missed, alarms


def report(counts: Counter) -> str:
    def part(ok: str, n: str) -> str:
        return f"{counts[ok]}/{counts[n]} ({100 * counts[ok] / max(counts[n], 1):.1f}%)"

    return (f"explicit {part('explicit_ok', 'explicit_n')}; indirect {part('indirect_ok', 'indirect_n')}; "
            f"harm-others {part('harm-others_ok', 'harm-others_n')}; crisis reply on crisis "
            f"{part('crisis_ok', 'crisis_n')}; hopeless noted {part('hopeless_ok', 'hopeless_n')}; all crisis "
            f"statements caught {part('all_ok', 'all_n')}; false alarms {part('false_alarm', 'safe_n')}; "
            f"notes where due {part('note_ok', 'note_n')}")


# -- the floors ---------------------------------------------------------------------------------
@CORPORA
def test_the_fresh_corpus_is_big_enough_and_covers_every_kind(corpus):
    """Each corpus has at least 55 crisis statements, 60 messages from people not in crisis, and every kind."""
    messages = load(corpus)
    kinds = Counter(m["kind"] for m in messages)
    assert sum(m["expect"] == "crisis" for m in messages) >= 55
    assert sum(kinds[k] for k in NOT_IN_CRISIS) >= 60
    assert set(kinds) == {"explicit", "indirect", "harm-others", "hopeless", *NOT_IN_CRISIS}


@CORPORA
def test_every_explicit_statement_in_the_fresh_corpus_gets_the_crisis_reply(corpus):
    """Explicit statements: 100% caught."""
    counts, missed, _ = score(load(corpus))
    assert counts["explicit_ok"] == counts["explicit_n"], [m for m in missed if m[0] == "explicit"]


@CORPORA
def test_at_least_95_percent_of_all_crisis_statements_are_caught(corpus):
    """Crisis and hopeless statements together, said outright or not: at least 95% caught."""
    counts, missed, _ = score(load(corpus))
    assert counts["all_ok"] >= 0.95 * counts["all_n"], (report(counts), missed)


@CORPORA
def test_false_alarms_stay_at_or_under_2_percent(corpus):
    """The crisis reply goes to at most 2% of messages from people who are not in crisis."""
    counts, _, alarms = score(load(corpus))
    assert counts["false_alarm"] <= 0.02 * counts["safe_n"], (report(counts), alarms)


@CORPORA
def test_a_helper_a_denial_or_a_past_experience_never_gets_the_crisis_reply(corpus):
    """A worker asking how to help, a denial and lived experience told as such are never read as a crisis."""
    wrong = [m["text"] for m in load(corpus) if m["kind"] in ("helper", "denial", "past")
             and crisis.read(m["text"]).level == crisis.CRISIS]
    assert not wrong


@CORPORA
def test_hopelessness_alone_gets_the_note_and_only_a_few_read_as_ideation(corpus):
    """"what's the point of any of it", "I'm done. just done.": at least the note; the crisis reply only
    where the field counts the words as ideation ("everyone would be better off without me"; the
    Columbia protocol's first question, "wished you could go to sleep and not wake up", which round
    3's writer filed under hopeless: 5 of its 17)."""
    levels = [crisis.read(m["text"]).level for m in load(corpus) if m["kind"] == "hopeless"]
    assert crisis.NONE not in levels
    assert levels.count(crisis.NOTE) >= 0.7 * len(levels), levels


@CORPORA
def test_intent_to_hurt_someone_else_is_read_as_such(corpus):
    """Every harm-to-others statement is a crisis reading turned towards others (its own reply)."""
    readings = {m["text"]: crisis.read(m["text"]) for m in load(corpus) if m["kind"] == "harm-others"}
    assert all(r.level == crisis.CRISIS and r.towards == "others" for r in readings.values()), readings


@pytest.mark.parametrize("corpus", [FRESH2, FRESH3], ids=["round2-tune", "round3-tune"])
def test_notes_are_due_on_every_message_about_someone_else_a_helper_or_the_past(corpus):
    """A worker asking how to help, talk about someone else and lived experience get the note (the tune parts of rounds 2 and 3: all)."""
    counts, missed, _ = score(load(corpus))
    assert counts["note_ok"] == counts["note_n"], [m for m in missed if m[0] not in ("explicit", "indirect")]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m tests.test_crisis_fresh PATH [-v]")
    found, misses, false_alarms = score(load(Path(sys.argv[1])))
    print(report(found))
    if "-v" in sys.argv:
        for line in misses:
            print("MISS", *line, sep=" | ")
        for line in false_alarms:
            print("FALSE ALARM", *line, sep=" | ")


# -- held-out thirds already published --------------------------------------------------------
@PUBLISHED
def test_a_published_held_out_third_keeps_every_explicit_statement_and_its_false_alarms_low(corpus):
    """On a held-out third tuned on after its figures were published: every explicit statement caught,
    at least 95% of all crisis statements, and the crisis reply on at most 2% of everyday messages."""
    counts, missed, alarms = score(load(corpus))
    assert counts["explicit_ok"] == counts["explicit_n"], missed
    assert counts["all_ok"] >= 0.95 * counts["all_n"], (report(counts), missed)
    assert counts["false_alarm"] <= 0.02 * counts["safe_n"], (report(counts), alarms)


@TRAINING
def test_a_training_corpus_keeps_its_explicit_statements_most_of_the_rest_and_few_false_alarms(corpus):
    """Round 6's training corpora: every explicit statement caught, at least 85% of all crisis statements,
    and the crisis reply on at most 2% of everyday messages."""
    counts, missed, alarms = score(load(corpus))
    assert counts["explicit_ok"] == counts["explicit_n"], missed
    assert counts["all_ok"] >= 0.85 * counts["all_n"], (report(counts), missed)
    assert counts["false_alarm"] <= 0.02 * counts["safe_n"], (report(counts), alarms)


@ROUND10
def test_a_round_10_training_corpus_keeps_its_explicit_statements_and_few_false_alarms(corpus, caught):
    """Round 10's training corpora: every explicit statement caught, the crisis reply on at most 2% of
    messages from people not in crisis, and never on a helper, a denial or the past (issue 15's floors);
    all crisis statements caught at least what the tuning reached (NOT issue 15's 95%: 10a 88%, 10b 83%,
    10c 77% when this floor was set; the misses are listed in docs/safety.md, round 10)."""
    messages = load(corpus)
    counts, missed, alarms = score(messages)
    assert counts["explicit_ok"] == counts["explicit_n"], missed
    assert counts["false_alarm"] <= 0.02 * counts["safe_n"], (report(counts), alarms)
    assert counts["all_ok"] >= caught, (report(counts), missed)
    wrong = [m["text"] for m in messages if m["kind"] in ("helper", "denial", "past")
             and crisis.read(m["text"]).level == crisis.CRISIS]
    assert not wrong


@ROUND10
def test_a_round_10_corpus_reads_harm_to_others_as_such(corpus, caught):
    """Every harm-to-others statement of round 10 a crisis turned towards others, but for three the screen
    does not turn (issue 15's floor is all of them): in 10b "Going to beat the hell out of Kevin…" (no sign
    the tables hold, no first person for the model) and a pistol outside an ex's place with "this time I'm
    going in"; in 10c "i'm going to end it for him", left the writer's own on purpose ("going to end it for
    them" is as often ending one's own life for someone's sake). Two of the three still get the crisis reply."""
    readings = {m["text"]: crisis.read(m["text"]) for m in load(corpus) if m["kind"] == "harm-others"}
    turned = [t for t, r in readings.items() if r.level == crisis.CRISIS and r.towards == "others"]
    allowed = {"crisis_corpus_fresh10b": 2, "crisis_corpus_fresh10c": 1}.get(corpus.stem, 0)
    assert len(turned) >= len(readings) - allowed, {t: r for t, r in readings.items() if t not in turned}


# -- round 11's training corpora ---------------------------------------------------------------------
# Round 11's two writers, the tuning two thirds of each (174 messages; the other thirds and a third corpus stay
# outside the repository): 11a peer workers writing plain English as a second or third language (short sentences,
# grammar slips, idioms translated from other languages), 11b long late-night venting paragraphs about work with
# the crisis clause buried inside (the quiet ones as long and heavy). First look (9693921, before anyone read
# them): 57/81 and 65/80 of all crisis statements caught, explicit 9/10 and 12/12, false alarms 8/93 and 4/94.
# Issue 15's floors are kept where the tuning reached them: every explicit statement, false alarms at most 2%
# (both now 0), never the crisis reply to a helper, a denial or the past, hopelessness at least noted, every
# harm-to-others statement turned towards others, and on 11b at least 95% of all crisis statements caught (76 of
# 80; 77 reached). NOT reached on 11a, so a lower floor there (docs/safety.md, round 11): all crisis statements
# caught, 95% being 77 of 81 (the tuning reached 74).
ROUND11 = pytest.mark.parametrize("corpus, caught, unturned",
                                  [(Path(__file__).parent / "data" / f"crisis_corpus_fresh11{r}.toml", n, u)
                                   for r, n, u in (("a", 74, 0), ("b", 77, 0))], ids=["round11a", "round11b"])


@ROUND11
def test_a_round_11_training_corpus_keeps_its_floors(corpus, caught, unturned):
    """Round 11's tuning parts: every explicit statement caught, the crisis reply on at most 2% of messages from
    people not in crisis and never on a helper, a denial or the past; every hopeless statement at least noted;
    all crisis statements caught at least what the tuning reached (11b 96%, above issue 15's 95%; 11a 91%, NOT
    issue 15's 95%)."""
    messages = load(corpus)
    counts, missed, alarms = score(messages)
    assert counts["explicit_ok"] == counts["explicit_n"], missed
    assert counts["false_alarm"] <= 0.02 * counts["safe_n"], (report(counts), alarms)
    assert counts["all_ok"] >= caught, (report(counts), missed)
    assert counts["hopeless_ok"] == counts["hopeless_n"], missed
    wrong = [m["text"] for m in messages if m["kind"] in ("helper", "denial", "past")
             and crisis.read(m["text"]).level == crisis.CRISIS]
    assert not wrong


@ROUND11
def test_a_round_11_corpus_reads_harm_to_others_as_such(corpus, caught, unturned):
    """Every harm-to-others statement a crisis turned towards others (issue 15's floor; `unturned` is kept for a
    corpus where the tuning does not reach it)."""
    readings = {m["text"]: crisis.read(m["text"]) for m in load(corpus) if m["kind"] == "harm-others"}
    turned = [t for t, r in readings.items() if r.level == crisis.CRISIS and r.towards == "others"]
    assert len(turned) >= len(readings) - unturned, {t: r for t, r in readings.items() if t not in turned}


# -- the unseen parts of rounds 9, 11 and 12, published ---------------------------------------------
# Each round's held-out thirds and its wholly unseen corpus, scored once before any change of the round
# and once after every merge, before anyone read them (docs/safety.md: round 9 on b93f71b and 21a4fea,
# round 11 on 9693921 and 7bd6e19). (explicit statements missed, crisis statements caught, false
# alarms): round 11's at their final figures; round 9's were tuned on in round 11 (training data of the
# model), so theirs are today's. The next change cannot quietly lose what they reach; issue 15's 95% is
# met on none of round 11's. Round 12's two corpora (12a, harm-reduction workers in recovery; 12b, parents
# of young children) were wholly unseen: first look on fea92ea, final on b36f26a after both of round
# 11's passes, at their final figures here.
UNSEEN_PUBLISHED = {"9a_heldout": (0, 37, 1), "9b_heldout": (0, 40, 0), "9c": (0, 106, 3),
                    "11a_heldout": (0, 44, 0), "11b_heldout": (0, 45, 0), "11c": (0, 111, 0),
                    "12a": (1, 93, 4), "12b": (0, 92, 1)}
# Round 11's published at 34, 38 and 100 caught, 0, 1 and 6 false alarms; tuned on since (round 11's second
# pass, docs/safety.md: the model retrained with them, and rules by kind).
# Helpers and denials given the crisis reply when published (issue 15 says never): 11c had two, a worker
# asking how to follow up after someone's attempt, and a denial that quotes "I've put my affairs in order";
# none since round 11's second pass.
# 12a has one: a worker asking the best way to do a safety plan with someone who uses every day.
UNSEEN_HELPERS_ALARMED = {"12a": 1}


@pytest.mark.parametrize("name", UNSEEN_PUBLISHED)
def test_published_unseen_parts_keep_what_they_reached(name):
    """Rounds 9, 11 and 12's unseen parts: every explicit statement caught that was caught when published,
    no fewer crisis statements caught, no more false alarms, and no crisis reply to a helper or a denial
    beyond the ones they had."""
    messages = load(Path(__file__).parent / "data" / f"crisis_corpus_fresh{name}.toml")
    counts, missed, alarms = score(messages)
    explicit_missed, caught, false_alarms = UNSEEN_PUBLISHED[name]
    assert counts["explicit_ok"] >= counts["explicit_n"] - explicit_missed, missed
    assert counts["all_ok"] >= caught, (report(counts), missed)
    assert counts["false_alarm"] <= false_alarms, (report(counts), alarms)
    alarmed = [m["text"] for m in messages if m["kind"] in ("helper", "denial")
               and crisis.read(m["text"]).level == crisis.CRISIS]
    assert len(alarmed) <= UNSEEN_HELPERS_ALARMED.get(name, 0), alarmed
