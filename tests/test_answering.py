"""How the answerer reads a question: the side it is on, what it asks for, and when it must not say yes."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answering import retriever
from bot.answering.asking import choose
from bot.answering.choosing import task_shaped
from bot.replies import topic_reply
from tests.conftest import ROOT, Chat
from tests.test_devsets import task_verdict


def test_a_flip_pair_is_answered_on_both_sides(chat: Chat):
    """Phoning a landlord on someone's behalf without them there is not peer work; making the call
    with them beside you is."""
    without_them = chat.say("can I call his landlord on his behalf without him there?")[0]
    with_them = chat.say("can I call his landlord with him sitting next to me?")[0]
    assert without_them.card.tone in ("unlikely", "no")
    assert with_them.card.tone in ("yes", "likely")


def test_testifying_against_someone_is_not_testifying_for_them(chat: Chat):
    """"Against him" and "for her" at a hearing land on opposite rulings."""
    against = chat.say("the hospital wants me to give evidence against him at his hearing")[0]
    for_her = chat.say("she asked me to testify for her at her commitment hearing, can I?")[0]
    assert against.card.tone in ("unlikely", "no")
    assert for_her.card.tone in ("yes", "likely")


def test_describing_how_unwell_someone_is_at_a_hearing_is_testifying_against_them(chat: Chat):
    """Testifying about how ill someone has been, because the team says it would help, is not
    taking their side, though it never says "against"."""
    reply = chat.say("the treatment team says it would help if I testified at her hearing about how sick she has been. should I?")[0]
    assert reply.card.tone not in ("yes", "likely")


def test_letting_a_peer_worker_off_the_rules_is_not_holding_them_to_the_same_expectations(chat: Chat):
    """A supervisor asking to exempt a peer worker from the usual policies does not get the yes of
    holding peer workers to the same expectations as other staff."""
    reply = chat.say("as her manager, can I let my peer worker skip the usual attendance policies because of her lived experience?")[0]
    assert reply.card.tone not in ("yes", "likely")


def test_a_supervisor_asking_about_their_own_peer_worker_needs_a_ruling_about_supervision(bot):
    """"(supervisor) my peer worker…" is a question about supervising, which a ruling about working
    with the people supported cannot answer yes (the reply's verdict, whether it leads a task or a
    topic answer)."""
    verdict = task_verdict(bot, "(supervisor) my peer worker spends our supervision talking through her own "
                                "mental health. should I keep just listening to her?")
    assert verdict not in ("yes", "likely")


def test_a_task_the_team_makes_a_routine_duty_is_not_answered_by_a_ruling_about_the_task_alone(bot):
    """A yes about grant writing now and then does not carry over to the manager making it most of
    the week."""
    verdict = task_verdict(bot, "my boss wants me to spend most of my week on grant reports and funder stats. is that ok for a peer?")
    assert verdict not in ("yes", "likely")


def test_doing_it_without_the_person_there_is_not_answered_by_a_ruling_silent_on_that(bot):
    """Sorting out someone's housing by going there yourself, without them, does not get the yes of
    advocating for someone."""
    verdict = task_verdict(bot, "she's so stressed, so i'm going to go down to the housing office myself and "
                                "sort it out for her. that's advocacy, right? can i?")
    assert verdict not in ("yes", "likely")


def test_standing_by_while_someone_is_not_breathing_is_not_a_yes(bot):
    """Only staying beside someone who has stopped breathing, to respect their choices, leans no:
    an emergency calls for getting help (standards 1095-1099)."""
    verdict = task_verdict(bot, "a man just collapsed in the lobby and has stopped breathing, looks like an overdose. "
                                "should I only stay with him and leave it up to him?")
    assert verdict in ("no", "unlikely")


def test_a_manager_asking_about_a_peer_worker_on_their_team_gets_no_yes_from_a_ruling_about_the_work(bot):
    """"A peer worker on my team…" is a supervisor asking; a ruling about work alongside another staff
    member cannot answer yes to phoning her counsellor about her job."""
    verdict = task_verdict(bot, "A peer worker on my team keeps clashing with co-workers and running late. "
                                "Should I ring her counsellor to discuss it?")
    assert verdict not in ("yes", "likely")


def test_a_peer_job_or_not_question_gets_a_leaning(bot):
    """"Peer job or not: <activity>" asks for a verdict, so the reply opens with one."""
    assert task_verdict(bot, "Peer job or not: going on a home visit to someone I support.") in ("yes", "likely")


def test_asking_whether_something_i_did_is_ok_gets_a_leaning(bot):
    """"I did X… is that ok?" asks for a verdict on what the asker did, so it gets a leaning
    rather than "I don't know"; asked about someone else's conduct it stays a topic question."""
    assert task_verdict(bot, "i covered the reception desk phones a few times while everyone was in a meeting. is that ok?") != "unsure"
    kind, _ = choose(bot, "my supervisor asks every week if im taking my meds and seeing my psychiatrist, is that ok")
    assert kind == "topic"


def test_taking_someone_where_they_do_not_want_to_go_is_not_a_ride_they_asked_for(chat: Chat):
    """What the person wants decides a ride to treatment."""
    unwanted = chat.say("can I drive him to rehab? he keeps saying he doesn't want to go")[0]
    assert unwanted.card.tone in ("unlikely", "no")


def test_a_ruling_silent_on_what_the_person_wants_cannot_say_yes_against_it(chat: Chat):
    """A yes about hospital visits does not carry over to getting someone admitted who says he won't go."""
    reply = chat.say("can I drive him to the hospital to get him admitted when he says he won't go?")[0]
    assert reply.card.tone in ("unlikely", "no")
    assert "don't want it" in reply.text


def test_a_yes_no_question_gets_a_verdict_and_a_see_also_topic(chat: Chat):
    """Asking whether to do something gets a verdict first, with the closest topic offered beside it."""
    reply = chat.say("is it ok to buy a few beers for someone as harm reduction so he doesn't go into withdrawal?")[0]
    assert reply.card.tone in ("unlikely", "no")
    assert "See also: " in reply.text
    assert any(c.action.startswith("v1:topic:") for c in reply.choices)


def test_see_also_prefers_the_topic_that_cites_what_the_ruling_cites(chat: Chat):
    """Of topics matched about as well, "see also" offers the one built on the ruling's own passages:
    telling the team about suicide points to the limits of confidentiality, not a myth page that shares its words."""
    reply = chat.say("do I have to tell the team if someone tells me they're suicidal?")[0]
    assert "See also: Confidentiality and its limits" in reply.text


def test_what_is_a_sum_is_not_a_meaning_asked_for_by_name(chat: Chat):
    """"What is 12 times 9?" asks for a meaning in form only: a topic sharing the word "time" does not
    take it back from out of scope, while "what is the PSIQI" names its topic and gets it."""
    assert chat.say("what is 12 times 9?")[0].text.startswith("I don't know that one")
    assert "PSIQI" in chat.say("what is the PSIQI")[0].text


def test_a_leaning_question_about_a_topic_opens_with_the_verdict(chat: Chat):
    """When the topic is what a "part of peer work?" question is about, the reply still opens with a leaning."""
    reply = chat.say("is co-facilitating a WRAP class part of peer work?")[0]
    first = reply.text.splitlines()[0]
    assert first.startswith(("Yes", "Likely", "It depends", "Usually not", "No"))
    assert "More on this: WRAP" in reply.text


def test_a_question_asked_word_for_word_as_the_content_asks_it_is_found(chat: Chat):
    """"What is peer support?" is all words the search leaves out, yet the content asks it word for word."""
    reply = chat.say("what is peer support?")[0]
    assert not reply.text.startswith("I don't know")
    assert "peer support" in reply.text.splitlines()[0].lower()


def test_arithmetic_is_out_of_scope(chat: Chat):
    """"What is 17 times 23?" gets an honest "I don't know", not a topic or a verdict."""
    reply = chat.say("what is 17 times 23?")[0]
    assert reply.text.startswith("I don't know that one")


def test_trivia_is_out_of_scope(chat: Chat):
    """A trivia question gets "I don't know" too."""
    reply = chat.say("who won the world cup in 2018?")[0]
    assert reply.text.startswith("I don't know that one")


def test_the_guard_turns_a_contested_yes_into_depends(chat: Chat):
    """A bare question that lands between a yes and a close no on the same thing says it depends, showing both."""
    reply = chat.say("is giving people rides a peer task?")[0]
    assert reply.card.tone == "depends"
    assert "turns on the details" in reply.text
    assert "(yes)" in reply.text or "(likely)" in reply.text
    assert "(no)" in reply.text or "(unlikely)" in reply.text


def test_a_myth_page_reached_by_a_practical_question_does_not_open_with_no(catalog):
    """A myth page's "No." answers the myth; reached by a practical question, the first line says so."""
    myth = next(t for t in catalog.topics.values() if t.group == "myths")
    reply = topic_reply(myth, catalog, practical=True)
    first = reply.text.splitlines()[0]
    assert not first.startswith(("No", "Not"))
    assert "myth" in first


def _small(catalog, extra: str = ""):
    """A catalog of three rulings (fast to fit), the first with one more phrasing when `extra` is given."""
    picked = sorted(catalog.rulings)[:3]
    rulings = {rid: catalog.rulings[rid] for rid in picked}
    if extra:
        first = rulings[picked[0]]
        rulings[picked[0]] = first.model_copy(update={"phrasings": first.phrasings + (extra,)})
    return dataclasses.replace(catalog, rulings=rulings)


def test_the_model_is_rebuilt_when_content_changes(catalog, tmp_path):
    """The fitted model is cached beside the content under a hash of what it learned from; changing a
    phrasing gives a new model (and the old file is dropped), and the same content loads the cached one."""
    before = retriever.model_for(_small(catalog), tmp_path)
    assert [p.name for p in tmp_path.glob("retriever-*")] == [f"retriever-{before.key}.bin"]
    after = retriever.model_for(_small(catalog, "a brand new way of asking about pottery classes"), tmp_path)
    assert after.key != before.key
    assert [p.name for p in tmp_path.glob("retriever-*")] == [f"retriever-{after.key}.bin"]
    reloaded = retriever.load(tmp_path / f"retriever-{after.key}.bin")
    question = "a brand new way of asking about pottery classes"
    assert reloaded.ranked(question, 1) == after.ranked(question, 1)


def test_a_read_only_content_folder_still_answers(catalog, tmp_path):
    """When the cache folder cannot be written, the model is fitted in memory and used all the same."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    small = _small(catalog, "yet another phrasing about gardening")
    model = retriever.model_for(small, blocked / "cache")
    assert set(small.rulings) < set(model.classes)
    assert len(model.ranked("can I help with her garden?", 3)) == 3
    assert not (blocked / "cache").exists()


@pytest.mark.parametrize("question", ["can I drive someone to the food bank?"])
def test_answering_from_the_cached_model_never_imports_scikit_learn_or_numpy(question):
    """With the model cached, a `peerbot ask --json` process answers without importing scikit-learn
    (which alone takes about a second to import) or numpy (a tenth of a second). (Its store is opened
    on first use, as `ask --json` does: sqlite-utils imports numpy itself when it is installed.)"""
    code = ("import sys; from adapters.bootstrap import build_bot; from bot.settings import Settings; "
            "from bot.answering.asking import choose; "
            "bot = build_bot(Settings(db=':memory:', _env_file=None), store_on_first_use=True); "
            f"choose(bot, {question!r}); print('sklearn' in sys.modules, 'numpy' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)  # fits if needed
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False False"


def test_the_written_negatives_are_never_rulings(catalog):
    """The out-of-scope class is a class of its own: none of its questions is also a ruling's phrasing."""
    phrasings = {p.lower() for r in catalog.rulings.values() for p in (r.task, *r.all_phrasings)}
    assert not phrasings & {q.lower() for q in retriever.negatives()}
    assert Path(retriever.NEGATIVES).is_file()


@pytest.mark.parametrize("question", ["could you draft my resume for the warehouse job?",
                                      "how can i claim mileage for visiting people at home?"])
def test_asking_the_bot_to_write_something_personal_or_how_to_claim_expenses_is_out_of_scope(bot, question):
    """A personal writing errand or an expense claim is office business, not the peer role: "I don't know"."""
    assert choose(bot, question)[0] == "unknown"


# -- round 3: people's words, pushing toward treatment, the supervisor's side --------------------

def test_a_word_about_his_meds_on_the_drive_is_not_a_plain_ride(chat: Chat):
    """A ride the team wants used to talk someone into their medication is someone else's agenda,
    though it is put as "have a word with him"."""
    reply = chat.say("my case manager wants me to drive him to the clinic and have a word with him about taking his meds on the way. ok?")[0]
    assert reply.card.tone not in ("yes", "likely")


def test_leaving_medication_at_the_door_is_not_a_visit(chat: Chat):
    """Dropping off someone's medication with no visit is not read as the home visit they wanted."""
    reply = chat.say("can I leave her dosette at the door on my way past? no visit, just drop it off")[0]
    assert reply.card.tone not in ("yes", "likely")


def test_a_personal_cell_is_a_personal_phone_number(bot):
    """"My personal cell" meets the ruling on giving out your own phone number, which leans no."""
    assert task_verdict(bot, "a guy I support keeps asking for my personal cell so he can reach me at night. should I give it to him?") \
        in ("unlikely", "no")


@pytest.mark.parametrize("question", ["having a quick smoke with him while we talk about his week - fine?",
                                      "helping him look for an apartment he picked out himself. ok for peers?",
                                      "she wants help with her resume for a job she found. my lane?"])
def test_a_leaning_asked_in_a_few_words_gets_one(bot, question):
    """"…fine?", "ok for peers?" or "my lane?" asks for a leaning, and the reply gives one."""
    assert task_verdict(bot, question) in ("yes", "likely")


def test_a_supervisor_letting_supervision_become_therapy_gets_a_no(bot):
    """A supervisor whose peer worker uses supervision for his own mental health hears that supervision is
    about the work."""
    question = "my peer worker spends every supervision on his own moods and meds, not the work. should I let that carry on?"
    assert task_verdict(bot, question) in ("unlikely", "no")


def test_asking_why_gets_the_reasons_not_a_verdict(bot):
    """"Why…?" asks for reasons, which a topic gives, even where a ruling shares its words."""
    assert choose(bot, "why shouldn't supervision turn into therapy for a peer worker?")[0] == "topic"


@pytest.mark.parametrize("question", ["can you take advil with lithium?", "is it ok to mix clonazepam and beer?",
                                      "do I have PTSD? loud noises make me jump"])
def test_mixing_and_self_diagnosis_are_clinical_even_when_asked_like_a_task(bot, question):
    """"Can you take X with Y?" or "do I have…?" gets the clinical reply, though it starts like a task question."""
    assert choose(bot, question)[0] == "clinical"


def test_asking_the_bot_for_code_is_out_of_scope(bot):
    """A spreadsheet script is an errand, not the peer role: "I don't know"."""
    assert choose(bot, "could you write me a python script to tidy up our mailing list?")[0] == "unknown"


def _npz(model, path, weights_dtype):
    """`model` saved as the cache of the earlier format was (`np.savez`, before issue 22)."""
    import json

    import numpy as np

    order = sorted(model.vocab, key=model.vocab.__getitem__)
    weights = np.frombuffer(model.weights.raw(), dtype="<f2").reshape(len(order), len(model.classes))
    np.savez(path, vocab=np.array(order), idf=np.array(model.idf), weights=weights.astype(weights_dtype),
             intercept=np.array(model.intercept, dtype=np.float32), classes=np.array(model.classes),
             meta=np.array(json.dumps({"key": model.key, "version": retriever.VERSION})))


@pytest.mark.parametrize("weights_dtype", ["float16", "float32"])
def test_a_cache_of_the_earlier_format_is_kept_in_the_new_one_without_fitting(catalog, tmp_path, monkeypatch,
                                                                            weights_dtype):
    """A model cached as numpy arrays (`.npz`, in half or full precision) is read once, saved in the
    new format in its place, and scores exactly as the model it was saved from: no refit."""
    small = _small(catalog, "one more phrasing about bus passes")
    fitted = retriever.model_for(small, tmp_path / "fitted")
    (tmp_path / "old").mkdir()
    _npz(fitted, tmp_path / "old" / f"retriever-{fitted.key}.npz", weights_dtype)
    retriever._memo.clear()
    retriever._by_catalog.clear()
    monkeypatch.setattr(retriever, "fit", lambda *a, **k: pytest.fail("refitted instead of reading the cache"))
    converted = retriever.model_for(small, tmp_path / "old")
    assert [p.name for p in (tmp_path / "old").glob("retriever-*")] == [f"retriever-{fitted.key}.bin"]
    question = "one more phrasing about bus passes"
    assert converted.scores(question) == fitted.scores(question)
    assert retriever.load(tmp_path / "old" / f"retriever-{fitted.key}.bin").scores(question) == fitted.scores(question)


def test_retriever_phrasings_train_the_retriever_and_stay_out_of_the_word_search(catalog):
    """A ruling's `retriever_phrasings` are fitted into the retriever with its task and phrasings, and
    never indexed for word search (where their everyday words would pull topic questions onto it)."""
    from bot.answering import corpus

    picked = sorted(catalog.rulings)[:3]
    extra = "a brand new way of asking about pottery classes"
    first = catalog.rulings[picked[0]]
    rulings = {rid: catalog.rulings[rid] for rid in picked}
    rulings[picked[0]] = first.model_copy(update={"retriever_phrasings": first.retriever_phrasings + (extra,)})
    small = dataclasses.replace(catalog, rulings=rulings)
    texts, labels = retriever.training_data(small)
    assert (extra, picked[0]) in zip(texts, labels, strict=True)
    assert extra not in {p.text for p in corpus.passages(small)}
    assert all(p.text in {r.task, *r.phrasings} for p in corpus.passages(small) if p.group == corpus.RULING
               for r in [small.rulings[p.item_id]])


@pytest.mark.parametrize("repeat", ["Can I drive someone to the food bank?", "  can i DRIVE someone to the food bank "])
def test_a_retriever_phrasing_that_repeats_a_phrasing_is_refused(tmp_path, repeat):
    """The content check refuses a retriever phrasing that repeats the task, a phrasing or another
    retriever phrasing (case, spacing and end punctuation aside): it would only weigh one wording twice."""
    from bot.content.catalog import Ruling

    raw = {"id": "ws-test", "task": "driving someone to the food bank", "verdict": "yes",
           "phrasings": ["can I drive someone to the food bank", "rides to the food bank?", "is giving a lift ok"],
           "reasons": ["builds rapport"], "question": "what does the person want?",
           "sources": [{"doc": "toolkit", "lines": "1-2"}]}
    Ruling.model_validate(raw | {"retriever_phrasings": ["my manager asks me to drive people to the food bank"]})
    with pytest.raises(ValueError, match="retriever_phrasings repeats"):
        Ruling.model_validate(raw | {"retriever_phrasings": [repeat]})
    with pytest.raises(ValueError, match="retriever_phrasings repeats"):
        Ruling.model_validate(raw | {"retriever_phrasings": ["a lift to the shops", "A lift to the shops?"]})


def test_the_answerers_readings_are_cached_beside_the_content_and_never_stale(catalog, tmp_path):
    """Each ruling's facets and stance are saved under a hash of what they are read from; a later
    start reads exactly what reading the rulings gives, a damaged file is read again from the
    content, and a changed ruling gives a new file (the old one dropped)."""
    from bot.answering import answerer

    cache = tmp_path / "cache"
    fresh = answerer._read_rulings(catalog)
    assert answerer._cached_readings(catalog, cache) == fresh
    [saved] = cache.glob("readings-*.json")
    assert answerer._cached_readings(catalog, cache) == fresh  # this time from the file
    saved.write_text(saved.read_text()[:100])
    assert answerer._cached_readings(catalog, cache) == fresh
    ruling = next(r for r in catalog.rulings.values() if "with" not in r.facets)
    edited = dataclasses.replace(catalog, rulings={**catalog.rulings,
                                                   ruling.id: ruling.model_copy(update={"facets": ("with",)})})
    assert answerer._cached_readings(edited, cache)[0][ruling.id] >= {"with"}
    assert [p.name for p in cache.glob("readings-*.json")] != [saved.name]
    assert len(list(cache.glob("readings-*.json"))) == 1


def test_the_cached_weights_stay_in_the_file_and_equal_what_was_saved(catalog, tmp_path):
    """A cached model's weights are read from its file as questions need them, never mapped into
    the process (a mapping grew the server's resident memory by the whole file) nor read whole, and
    are exactly the saved bytes; a file cut short is refused, and the model is fitted again rather
    than trusted."""
    small = _small(catalog, "one more way of asking about knitting circles")
    fitted = retriever.model_for(small, tmp_path)
    [path] = tmp_path.glob("retriever-*")
    loaded = retriever.load(path)
    assert loaded.weights._data is None
    assert loaded.weights.raw() == fitted.weights.raw() and loaded.idf == fitted.idf
    assert str(path) not in Path("/proc/self/maps").read_text()
    question = "one more way of asking about knitting circles"
    assert loaded.ranked(question, 5) == fitted.ranked(question, 5)
    path.write_bytes(path.read_bytes()[:-2])
    with pytest.raises(ValueError, match="not whole"):
        retriever.load(path)
    retriever._memo.clear()
    retriever._by_catalog.clear()
    refitted = retriever.model_for(small, tmp_path)  # (LinearSVC's shuffling: not always the same floats)
    assert retriever.load(path).weights.raw() == refitted.weights.raw()


@pytest.mark.parametrize("question", ["can I drive someone to the food bank?", "what is 17 times 23?", "zzzz qqqq"])
def test_scores_are_the_exact_sums_rounded_to_float32(catalog, question):
    """Each class's score is the question's unit TF-IDF vector (rounded to float32) times that class's
    weights plus its intercept, summed exactly and then rounded to float32, as numpy computes it in
    float64 (`bot.answering.retriever.Model.scores` uses neither numpy nor a machine-dependent order)."""
    import numpy as np

    model = retriever.model_for(catalog, ROOT / "content" / ".cache")
    counts: dict[int, int] = {}
    for f in retriever.features(question):
        if f in model.vocab:
            counts[model.vocab[f]] = counts.get(model.vocab[f], 0) + 1
    weights = np.frombuffer(model.weights.raw(), dtype="<f2").reshape(len(model.vocab), len(model.classes))
    expected = np.array(model.intercept, dtype=np.float64)
    if counts:
        idx = np.array(list(counts))
        x = (1 + np.log(np.array(list(counts.values()), dtype=np.float64))) * np.array(model.idf)[idx]
        x = (x / np.sqrt(np.sum(x * x))).astype(np.float32).astype(np.float64)
        expected = x @ weights[idx].astype(np.float64) + expected
    assert model.scores(question) == expected.astype(np.float32).tolist()
    if counts:  # the plain-Python sums (what a process without numpy runs) are the same floats
        assert model._exact_sums(list(counts), x.tolist(), range(len(model.classes))) == model.scores(question)


def test_numpy_and_plain_python_give_the_same_scores_for_every_question_set(catalog):
    """A server (numpy loaded by sqlite-utils) scores with numpy, `peerbot ask` in plain Python: over
    every third text of tests/data (questions, crisis messages, schedule phrases) both give the very
    same floats for every class."""
    import tomllib

    import numpy as np

    model = retriever.model_for(catalog, ROOT / "content" / ".cache")
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob("*.toml")):
        data = tomllib.loads(path.read_text())
        texts += [c["question"] for c in data.get("case", [])]
        texts += [c["text"] for c in data.get("message", []) + data.get("phrase", [])]
    for text in texts[::3]:
        counts: dict[int, int] = {}
        for f in retriever.features(text):
            if f in model.vocab:
                counts[model.vocab[f]] = counts.get(model.vocab[f], 0) + 1
        if not counts:
            continue
        x = [(1.0 + np.log(n)) * model.idf[i] for i, n in counts.items()]
        x32 = np.array(x / np.sqrt(np.sum(np.square(x))), dtype=np.float32).tolist()
        assert model._numpy_sums(np, list(counts), x32) == model._exact_sums(list(counts), x32, range(len(model.classes)))


def test_a_score_on_a_float32_rounding_boundary_is_summed_exactly():
    """1 + 2^-24 lies half way between two float32 values (ties go to the even one, 1.0): numpy's
    sum cannot tell which side of the boundary the exact sum is, so that class is summed exactly
    and both ways give 1.0; the class beside it (1 + 2^-22, a float32) needs no second look."""
    import struct

    import numpy as np

    weights = retriever.Weights(struct.pack("<2e", 1.0, 1.0), 2)
    model = retriever.Model({"w:hello": 0}, (1.0,), weights, (2.0 ** -24, 2.0 ** -22), ("half", "whole"), "k")
    assert model._numpy_sums(np, [0], [1.0]) == [1.0, 1.0 + 2.0 ** -22]
    assert model._exact_sums([0], [1.0], range(2)) == [1.0, 1.0 + 2.0 ** -22]
    assert model.scores("hello") == [1.0, 1.0 + 2.0 ** -22]


def test_peerbot_ask_json_answers_without_opening_the_store(tmp_path):
    """`peerbot ask --json` answers from the content alone: a plain question never opens the
    database (nor imports sqlite-utils); crisis language, whose reply reads the workspace's region
    from the store, opens it then and gets the same reply as before."""
    code = ("import sys, io, contextlib; from adapters.cli import main; sys.argv = ['peerbot'] + sys.argv[1:]\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print(out.getvalue().count('\"kind\"'), 'sqlite_utils' in sys.modules)")
    db = tmp_path / "peerbot.db"
    env = {"PATH": "/usr/bin:/bin", "PEERBOT_DB": str(db)}
    plain = subprocess.run([sys.executable, "-c", code, "ask", "--json", "can I drive someone to the food bank?"],
                           cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    assert plain.stdout.split() == ["1", "False"] and not db.exists()
    crisis = subprocess.run([sys.executable, "-c", code, "ask", "--json", "I want to kill myself"],
                            cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    assert crisis.stdout.split() == ["1", "True"] and db.exists()


@pytest.mark.parametrize("question", ["can I drive someone to the food bank?", "what does peer support mean?"])
def test_peerbot_ask_answers_without_numpy_and_says_the_same_as_with_it(tmp_path, question):
    """A plain `peerbot ask` opens its store without letting sqlite-utils import numpy (0.1 s of the
    start), says exactly what it says when numpy is loaded first (the retriever's other way of
    summing), and numpy still imports afterwards."""
    code = ("import sys, io, contextlib\n"
            "if sys.argv[1] == 'numpy':\n    import numpy\n"
            "from adapters.cli import main; sys.argv = ['peerbot'] + sys.argv[2:]\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "loaded = 'numpy' in sys.modules\nimport numpy\nprint(loaded, 'sqlite_utils' in sys.modules)\n"
            "print(out.getvalue())")
    env = {"PATH": "/usr/bin:/bin", "PEERBOT_DB": str(tmp_path / "peerbot.db")}
    without = subprocess.run([sys.executable, "-c", code, "-", "ask", question], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True).stdout
    with_numpy = subprocess.run([sys.executable, "-c", code, "numpy", "ask", question], cwd=ROOT, env=env, check=True,
                                capture_output=True, text=True).stdout
    assert without.splitlines()[0] == "False True" and with_numpy.splitlines()[0] == "True True"
    assert without.splitlines()[1:] == with_numpy.splitlines()[1:] and len(without.splitlines()) > 2


def test_a_question_that_names_an_activity_asks_whether_it_is_peer_work(bot):
    """"Sitting with someone at the drop-in…" asks for a leaning, while a label before a colon opens a
    what-if question that does not."""
    assert task_verdict(bot, "sitting with someone at the drop-in while she waits for her appointment") != "unsure"
    assert not task_shaped("hiring panel question: what if they relapse?")


def test_what_should_i_do_asks_how_not_whether(bot):
    """"What should I do when…" asks how to handle something, as "how do I…" does."""
    assert not task_shaped("what should I do when someone I support tells me her partner hits her?")


def test_passing_on_what_clients_say_is_not_telling_the_team_about_a_risk_to_life(bot):
    """A supervisor having a peer worker pass on what people say about their drinking does not get the
    yes of telling the team when someone's life is at risk."""
    verdict = task_verdict(bot, "as a supervisor, can I have my peer worker tell me what the people she supports say about their drinking?")
    assert verdict not in ("yes", "likely")


def test_work_that_takes_the_place_of_peer_work_gets_no_yes(bot):
    """Most of the week on other work "instead of seeing people" does not get a yes."""
    verdict = task_verdict(bot, "my manager has me doing data entry most of the week instead of seeing people. ok?")
    assert verdict not in ("yes", "likely")


def test_an_office_word_in_a_question_about_someone_supported_is_not_an_office_question(bot):
    """"Payday" in a question about a loan from someone the asker supports does not make it office logistics."""
    assert task_verdict(bot, "a man I support offered me fifty bucks till payday, can I take it?") != "unsure"


def test_a_question_about_what_others_believe_gets_the_myth_page(bot):
    """"My coworker thinks peer workers will relapse… is that true?" gets the myth page about relapse."""
    kind, found = choose(bot, "my coworker thinks peer workers will relapse if the job gets hard. is that true?")
    assert kind == "topic" and found.item.id == "myth-will-relapse"


@pytest.mark.parametrize("question", ["how's your week going?", "tell me a joke"])
def test_small_talk_is_out_of_scope(bot, question):
    """Small talk and asking for a joke get "I don't know", not a topic."""
    assert choose(bot, question)[0] == "unknown"


def test_how_to_answer_is_left_out_of_what_is_searched(bot):
    """"What is peer support, in plain words" is asked as the content asks it."""
    kind, found = choose(bot, "what is peer support, in plain words")
    assert kind == "topic" and found.item.id == "what-peer-support-is"


def test_most_of_the_job_on_a_task_using_no_lived_experience_gets_no_yes(bot):
    """A task that uses no lived experience, grant writing, does not get a yes when it takes most of the week."""
    verdict = task_verdict(bot, "these days about 80% of my time goes on funder reports and grant applications. "
                                "is that alright for a peer?")
    assert verdict not in ("yes", "likely")


def test_keeping_a_danger_to_life_quiet_is_not_everyday_confidentiality(bot):
    """Keeping quiet about a danger to someone's life does not get the yes of keeping what people say private."""
    verdict = task_verdict(bot, "if someone tells me their life is in danger, do I keep it to myself since peers keep things confidential?")
    assert verdict not in ("yes", "likely")


@pytest.mark.parametrize("question", ["which mood stabilizer has the fewest side effects?",
                                      "does one antidepressant give worse side effects than another for sleep?"])
def test_comparing_medications_is_clinical(bot, question):
    """Which medication has fewer or worse side effects is a prescriber's question: the clinical reply."""
    assert choose(bot, question)[0] == "clinical"


def test_asking_how_after_a_dash_is_not_a_task_question():
    """"…not a peer myself - how do I supervise…" asks how, as it would after a full stop."""
    assert not task_shaped("I'm an OT, not a peer - how do I give feedback to the peer specialist on my team?")


@pytest.mark.parametrize("question", ["what is peer support not, in a few words?",
                                      "what isn't peer support? our new social workers keep asking"])
def test_asking_what_something_is_not_gets_the_page_on_what_it_is_not(bot, question):
    """"What is peer support not?" gets the page on what it is not, not the page on what it is."""
    kind, found = choose(bot, question)
    assert kind == "topic" and found.item.id == "what-peer-support-is-not"


def test_a_meaning_then_what_to_do_about_it_gets_the_topic(bot):
    """"What's X and how do we…?" asks for the practice too: the topic, which goes on where the term stops."""
    kind, found = choose(bot, "what is a community of practice and how do we set one up for our peer staff?")
    assert kind == "topic" and found.item.id == "training-and-community-of-practice"


def test_a_worry_about_what_the_peer_will_be_like_gets_the_myth_page(bot):
    """"Won't our peer get…?" is a worry about peer workers, which a myth page answers, even on a weaker match."""
    kind, found = choose(bot, "wouldn't our peer specialist get triggered on a detox unit?")
    assert kind == "topic" and found.item.id == "myth-easily-triggered"


def test_asking_how_prefers_the_topic_on_the_practice_to_the_term_that_names_it(bot):
    """"How can a manager stop peer staff slipping into clinical work?" gets the page on keeping the
    role clear, not the definition of drift ("slipping" meets "drift")."""
    kind, found = choose(bot, "how can a manager stop peer staff slipping into clinical work?")
    assert kind == "topic" and found.item.id == "keeping-the-role-clear"


def test_asking_where_the_line_is_gets_the_topic(bot):
    """"…Where's the line between…?" asks for the explanation a topic gives, even after a sentence naming a task."""
    kind, _ = choose(bot, "Our nurses hand the peer all the discharge paperwork. Where's the line between her job and theirs?")
    assert kind == "topic"
