"""Scenario discussions in the terminal chat, through the real core: the documentation of how a run
behaves. A facilitator previews privately and confirms; the content note leads, the situation is
posted, the questions and an anonymous poll follow in its thread; the responses stay hidden until
Reveal or the timer, then the debrief. Participants vote, step out, and cannot reveal. State lives in
SQLite, so a timer fires after a restart, and once a run is over nothing links a voter to a choice.

(The Slack and Discord suites check how the same run looks on each platform: threading, ephemeral
replies, in-place poll updates. These tests check what the core decides.)"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.actions import decode
from bot.content.catalog import Response, Scenario
from bot.messages import Post, Press, Reply
from bot.replies import LEANING
from bot.scenarios.rounds import OPEN_FOR, voter_hash
from tests.conftest import Chat, reopen


def private_replies(messages) -> list[Reply]:
    return [m for m in messages if isinstance(m, Reply) and m.private]


def labels(message: Reply | Post) -> list[str]:
    reply = message.reply if isinstance(message, Post) else message
    return [c.label for c in reply.choices]


def polls(chat: Chat) -> list[Post]:
    return [p for p in chat.posts if p.reply.text.startswith("Poll")]


def vote(chat: Chat, poll: Post, choice: int) -> Reply:
    """Press one choice of one particular poll; returns the poll as it now reads."""
    return chat.press_action(poll.reply.choices[choice].action)[0]


def round_of(poll: Post) -> str:
    return decode(poll.reply.choices[0].action)[1][0]


def started(facilitator: Chat, ask: str = "gifts no timer") -> list[Post]:
    facilitator.say(f"/peer scenario {ask}")
    return [m for m in facilitator.press("Start") if isinstance(m, Post)]


# -- the run, step by step ---------------------------------------------------------------------
def test_the_preview_is_private_and_nothing_is_posted_before_start(facilitator: Chat):
    """"/peer scenario gifts" shows only the facilitator a preview with Start, and the channel sees nothing yet."""
    out = facilitator.say("/peer scenario gifts")
    assert len(out) == 1 and out[0].private
    assert "A handmade gift" in out[0].text and "reveal after 20 minutes" in out[0].text
    assert labels(out[0]) == ["Start", "Another one", "Cancel"]
    assert facilitator.posts == []


def test_starting_posts_the_situation_then_the_questions_and_poll_in_its_thread(facilitator: Chat, catalog):
    """Start posts the situation in the channel and the questions and poll under it, in that order."""
    situation, questions, poll = started(facilitator)
    gifts = catalog.scenarios["gifts"]
    assert situation.thread_of is None and gifts.situation.strip()[:60] in situation.reply.text
    assert questions.thread_of == poll.thread_of == situation.key
    assert all(q in questions.reply.text for q in gifts.questions)
    assert gifts.poll.question in poll.reply.text and labels(poll) == list(gifts.poll.choices)
    assert labels(situation) == ["Step out"]
    assert not any(r.response in p.reply.text for p in (situation, questions, poll) for r in gifts.more_helpful)


def test_the_content_note_comes_before_the_situation(facilitator: Chat, catalog):
    """A scenario with content notes opens with them, before a word of the situation."""
    situation = started(facilitator, "close-to-home no timer")[0]
    text = situation.reply.text
    assert text.startswith("Content note: domestic violence, trauma.")
    assert text.index("Content note") < text.index(catalog.scenarios["close-to-home"].situation.strip()[:40])
    assert situation.reply.card.body.startswith("Content note")


def test_two_votes_are_counted_but_the_counts_stay_hidden_below_three(facilitator: Chat):
    """With two answers the poll says counts show from three, and each voter's thanks is private."""
    started(facilitator)
    poll = polls(facilitator)[0]
    vote(facilitator.as_("u-ana"), poll, 0)
    after = facilitator.as_("u-ben").press_action(poll.reply.choices[3].action)
    updated, thanks = after
    assert updated.replace and "Counts show once at least 3 people have answered." in updated.text
    assert thanks.private and "anonymously" in thanks.text


def test_a_third_vote_shows_counts_only_and_a_changed_vote_counts_once(facilitator: Chat):
    """From three answers the poll shows counts, never names, and a person who changes their answer counts once."""
    started(facilitator)
    poll = polls(facilitator)[0]
    vote(facilitator.as_("u-ana"), poll, 0)
    vote(facilitator.as_("u-ben"), poll, 3)
    vote(facilitator.as_("u-cat"), poll, 3)
    updated = vote(facilitator.as_("u-cat"), poll, 2)
    assert "3 answers" in updated.text and "Accept it for the agency, for everyone to enjoy 1" in updated.text
    assert "u-ana" not in updated.text and "u-cat" not in updated.text


def test_the_facilitator_reveals_the_responses_and_then_the_debrief(facilitator: Chat, catalog):
    """The issue's gifts run: preview, start, two votes, Reveal, then the responses and the debrief in the thread."""
    situation = started(facilitator)[0]
    poll = polls(facilitator)[0]
    vote(facilitator.as_("u-ana"), poll, 3)
    vote(facilitator.as_("u-ben"), poll, 2)
    out = facilitator.press("Reveal")
    controls, reveal, debrief = out
    gifts = catalog.scenarios["gifts"]
    assert controls.private and controls.replace and labels(controls) == ["End"]
    assert reveal.thread_of == debrief.thread_of == situation.key
    text = reveal.reply.text
    assert text.index("More helpful") < text.index("Less helpful")
    assert all(r.response in text for r in gifts.more_helpful + gifts.less_helpful)
    assert "counts stay private" in text  # two answers: the threshold holds at the reveal too
    assert debrief.reply.text == f"To close: {gifts.debrief}"


def test_the_reveal_says_which_options_were_added_for_discussion(facilitator: Chat, catalog):
    """Options the sources don't give (the payee scenario's less helpful ones) are marked at the reveal, with a note why."""
    started(facilitator, "payee no timer")
    reveal = facilitator.press("Reveal")[1].reply
    payee = catalog.scenarios["payee"]
    assert payee.less_helpful and all(x.added_for_discussion for x in payee.less_helpful)
    for x in payee.less_helpful:
        assert f"(Added for discussion) {x.response}" in reveal.text
    for x in payee.more_helpful:  # the supervision course gives these: no mark
        assert f"• {x.response}" in reveal.text
    assert "the sources below do not give them" in reveal.text
    assert any(f.name == "Note" and "added for discussion" in f.value for f in reveal.card.fields)


def test_a_reveal_with_only_the_sources_options_has_no_added_note(facilitator: Chat):
    """The gifts scenario's options all come from the supervision course, so its reveal marks nothing."""
    started(facilitator)
    reveal = facilitator.press("Reveal")[1].reply
    assert "Added for discussion" not in reveal.text and "added for discussion" not in reveal.text


def test_the_scenarios_whose_less_helpful_options_the_sources_lack_say_so(catalog):
    """The organisation scenarios, unopened bills and harm reduction supplies flag the options the project wrote."""
    scenarios = catalog.scenarios
    for sid in ("payee", "firing-a-peer", "mandatory-wrap", "reporting-back", "transport", "unopened-bills",
                "harm-reduction-supplies"):
        assert any(x.added_for_discussion for x in scenarios[sid].less_helpful), sid


def test_a_participant_who_presses_reveal_is_told_only_facilitators_can(facilitator: Chat):
    """A participant pressing Reveal gets a private, polite no, and nothing is revealed."""
    started(facilitator)
    out = facilitator.as_("u-ana").press("Reveal")
    assert len(out) == 1 and out[0].private
    assert out[0].text.startswith("Only facilitators can reveal the responses.")
    assert not any(p.key.endswith(":reveal") for p in facilitator.posts)


@pytest.mark.parametrize("control, doing", [("Pause", "pause a scenario"), ("End", "end a scenario")])
def test_a_participant_cannot_pause_or_end_a_scenario(facilitator: Chat, control: str, doing: str):
    """Pause and End are the facilitator's too: a participant is told so privately and the run carries on."""
    started(facilitator)
    out = facilitator.as_("u-ana").press(control)
    assert out[0].private and out[0].text.startswith(f"Only facilitators can {doing}.")
    assert facilitator.press("Reveal")[1].key.endswith(":reveal")  # still running, so it can still be revealed


def test_the_controls_also_work_typed_so_a_lost_button_never_strands_a_run(facilitator: Chat):
    """"/peer scenario reveal" reveals the channel's running scenario as the button would, in a new message."""
    situation = started(facilitator)[0]
    out = facilitator.say("/peer scenario reveal")
    assert out[0].private and not out[0].replace and out[0].text == "Revealed."
    assert [p.key for p in out[1:]] == [situation.key.replace("situation", step) for step in ("reveal", "debrief")]
    assert "already been revealed" in facilitator.say("/peer scenario reveal")[0].text


def test_typed_controls_are_for_facilitators_and_need_a_running_scenario(facilitator: Chat):
    """Typing "/peer scenario end" needs a running scenario, and a participant is told only facilitators can."""
    assert "no scenario running" in facilitator.say("/peer scenario end")[0].text
    started(facilitator)
    refused = facilitator.as_("u-ana").say("/peer scenario end")[0]
    assert refused.private and refused.text.startswith("Only facilitators can end a scenario.")


def test_ending_closes_the_run_for_everyone(facilitator: Chat):
    """After End the thread gets a closing note and a late vote is kindly refused."""
    started(facilitator)
    poll = polls(facilitator)[0]
    out = facilitator.press("End")
    assert out[0].private and out[1].thread_of.endswith(":situation") and "closed this scenario" in out[1].reply.text
    late = facilitator.as_("u-ana").press_action(poll.reply.choices[0].action)
    assert late[0].private and "has closed" in late[0].text


# -- time ------------------------------------------------------------------------------------
def test_the_timer_reveals_when_it_runs_out_and_only_once(bot, facilitator: Chat, clock):
    """With "timer 10", a tick at nine minutes posts nothing, at ten the reveal and debrief, and again nothing."""
    situation = started(facilitator, "gifts timer 10")[0]
    clock.advance(minutes=9)
    assert bot.tick() == []
    clock.advance(minutes=1)
    due = bot.tick()
    assert [p.key for p in due] == [situation.key.replace("situation", step) for step in ("reveal", "debrief")]
    assert due[0].thread_of == situation.key
    clock.advance(minutes=1)
    assert bot.tick() == []


def test_the_started_reply_gives_the_reveal_time_in_the_channels_time_zone(facilitator: Chat):
    """The facilitator is told the reveal time as the channel's clocks show it (Toronto here), not in UTC."""
    facilitator.say("/peer scenario gifts timer 10")
    started_reply = facilitator.press("Start")[0]
    assert "07:10 EST" in started_reply.text  # 12:10 UTC on 23 November


def test_the_timer_still_fires_after_a_restart(bot, facilitator: Chat, clock, settings, catalog):
    """A scenario started before a restart is revealed by the new process when its time comes."""
    situation = started(facilitator, "gifts timer 15")[0]
    clock.advance(minutes=5)
    again = reopen(bot, settings, clock, catalog)
    assert again.tick() == []
    clock.advance(minutes=10)
    assert [p.key for p in again.tick()][:1] == [situation.key.replace("situation", "reveal")]


def test_a_paused_scenario_keeps_the_time_it_had_left(bot, facilitator: Chat, clock):
    """Pausing stops the timer; after Resume the reveal comes when the remaining minutes are up."""
    started(facilitator, "gifts timer 10")
    clock.advance(minutes=4)
    assert "Paused" in facilitator.press("Pause")[0].text
    clock.advance(minutes=30)
    assert bot.tick() == []
    facilitator.press("Resume")
    clock.advance(minutes=5, seconds=59)
    assert bot.tick() == []
    clock.advance(seconds=1)
    assert any(p.key.endswith(":reveal") for p in bot.tick())


# -- care and anonymity -----------------------------------------------------------------------
@pytest.mark.sqlite_file
def test_after_the_scenario_ends_nothing_in_the_database_links_a_voter_to_a_choice(bot, facilitator: Chat, settings):
    """Once a run is over, the SQLite file holds the counts but no voter's id or hash, in any table or byte."""
    started(facilitator)
    poll = polls(facilitator)[0]
    voters = {"u-ana": 0, "u-ben": 3, "u-cat": 3}
    for user, choice in voters.items():
        vote(facilitator.as_(user), poll, choice)
    rid = round_of(poll)
    hashes = {voter_hash(bot, rid, Press("x", facilitator.as_(u).who, facilitator.where)) for u in voters}
    assert bot.store.tally(rid) == {"0": 1, "3": 2}  # while open, the hashes are there to stop double votes
    facilitator.press("Reveal")
    facilitator.press("End")

    needles = set(voters) | hashes
    conn = sqlite3.connect(settings.db)
    try:
        for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
            for row in conn.execute(f"select * from [{table}]"):
                assert not [v for v in row if isinstance(v, str) and any(n in v for n in needles)], (table, row)
        assert conn.execute("select count(*) from votes").fetchone()[0] == 0
        assert conn.execute("select counts from rounds where id = ?", [rid]).fetchone()[0] == '{"0": 1, "3": 2}'
    finally:
        conn.close()
    # Deleted rows must not linger in the file's pages either (SQLite's secure_delete, and the WAL
    # folded back in when the store closes).
    bot.store.close()
    for path in Path(settings.db).parent.glob(Path(settings.db).name + "*"):
        data = path.read_bytes()
        assert not [n for n in needles if n.encode() in data], path


def test_stepping_out_removes_the_vote_and_leaves_no_trace(bot, facilitator: Chat, settings):
    """A participant who steps out has their vote taken off the count, and nothing in the store names them."""
    started(facilitator)
    poll = polls(facilitator)[0]
    for user in ("u-ana", "u-ben", "u-cat"):
        vote(facilitator.as_(user), poll, 1)
    out = facilitator.as_("u-cat").press("Step out")
    assert len(out) == 1 and out[0].private and "your vote is removed" in out[0].text
    assert "3 answers" in vote(facilitator.as_("u-dan"), poll, 1).text  # Ana, Ben and Dan: Cat's vote is gone
    conn = sqlite3.connect(settings.db)
    try:
        for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
            rows = conn.execute(f"select * from [{table}]").fetchall()
            assert not [r for r in rows if any(isinstance(v, str) and "u-cat" in v for v in r)], table
    finally:
        conn.close()


def test_stepping_out_after_the_reveal_says_honestly_there_is_nothing_to_remove(facilitator: Chat):
    """After the reveal, stepping out says the poll has closed and points to nobody, not that a vote was removed."""
    started(facilitator)
    vote(facilitator.as_("u-ana"), polls(facilitator)[0], 0)
    facilitator.press("Reveal")
    out = facilitator.as_("u-ana").press("Step out")
    assert out[0].private and "poll has closed" in out[0].text and "vote is removed" not in out[0].text


def test_a_channel_never_gets_a_random_repeat_but_can_ask_for_one_by_id(facilitator: Chat, catalog):
    """Random picks go through every scenario once; then the bot says so, and asking by id still runs a repeat."""
    seen = []
    for _ in catalog.scenarios:
        preview = facilitator.say("/peer scenario no timer")[0]
        seen.append(preview.text.splitlines()[0])
        facilitator.press("Start")
    assert len(set(seen)) == len(catalog.scenarios)
    done = facilitator.say("/peer scenario")[0]
    assert done.private and "already run every scenario" in done.text and "by id" in done.text
    again = facilitator.say("/peer scenario gifts")[0]
    assert labels(again) == ["Start", "Another one", "Cancel"] and "A handmade gift" in again.text


def test_a_tag_picks_among_scenarios_with_that_tag_not_yet_run_here(facilitator: Chat, catalog):
    """"/peer scenario money" offers each money scenario once, then says they have all been run here."""
    tagged = {s.title for s in catalog.scenarios.values() if "money" in s.tags}
    seen = set()
    for _ in tagged:
        seen.add(facilitator.say("/peer scenario money")[0].text.splitlines()[0].split(": ", 1)[1])
        facilitator.press("Start")
    assert seen == tagged
    assert "every scenario tagged money" in facilitator.say("/peer scenario money")[0].text


def test_another_one_offers_a_different_scenario_without_counting_the_first_as_run(facilitator: Chat):
    """"Another one" swaps the preview, and the one passed over is not marked as run in this channel."""
    first = facilitator.say("/peer scenario gifts")[0]
    second = facilitator.press("Another one")[0]
    assert second.private and labels(second) == ["Start", "Another one", "Cancel"]
    assert second.text.splitlines()[0] != first.text.splitlines()[0]
    listing = facilitator.say("/peer scenarios")[0].text
    assert "• gifts: " in listing and "run here before" not in listing


# -- quick rounds ------------------------------------------------------------------------------
def test_a_quick_round_polls_each_task_and_reveals_the_sources_leaning(facilitator: Chat, catalog):
    """A quick round previews its tasks, polls each ruling, and reveals each count beside the sources' leaning."""
    quick = catalog.scenarios["quick-paperwork-and-forms"]
    rulings = [catalog.rulings[r] for r in quick.rulings]
    preview = facilitator.say("/peer scenario quick-paperwork-and-forms no timer")[0]
    assert preview.private and all(r.task in preview.text for r in rulings)

    situation, questions, *poll_posts = started_posts = [m for m in facilitator.press("Start") if isinstance(m, Post)]
    assert len(poll_posts) == len(rulings) and all(p.thread_of == situation.key for p in started_posts[1:])
    for post, ruling in zip(poll_posts, rulings, strict=True):
        assert f"Should a peer worker do this? {ruling.task}" in post.reply.text
        assert labels(post) == ["Yes, a peer task", "It depends", "Not a peer task"]
    for user in ("u-ana", "u-ben", "u-cat"):
        vote(facilitator.as_(user), poll_posts[1], 2)

    _, reveal, debrief = facilitator.press("Reveal")
    text = reveal.reply.text
    for ruling in rulings:
        assert ruling.task in text and LEANING[ruling.verdict] in text and ruling.sources[0].cite() in text
    assert "3 answers: Yes, a peer task 0, It depends 0, Not a peer task 3" in text
    assert debrief.reply.text == f"To close: {quick.debrief}"


def test_every_quick_round_is_listed_as_one_and_can_be_picked_by_its_tag(facilitator: Chat, catalog):
    """The private "/peer scenarios" list marks quick rounds, and "/peer scenario quick-round" offers one of them."""
    quick = {s.id for s in catalog.scenarios.values() if s.kind == "quick-round"}
    assert len(quick) >= 3
    listing = facilitator.say("/peer scenarios")[0]
    assert listing.private
    lines = {line.split(":")[0][2:]: line for line in listing.text.splitlines() if line.startswith("• ")}
    assert quick <= set(lines) and all("; quick round" in lines[q] for q in quick)
    assert not [line for sid, line in lines.items() if sid not in quick and "quick round" in line]
    preview = facilitator.say("/peer scenario quick-round")[0]
    assert preview.text.splitlines()[0].split(": ", 1)[1].startswith("Quick round")


@pytest.mark.parametrize("change, complaint", [
    ({"less_helpful": [{"response": "x", "why": "y"}]}, "takes its poll and responses from its rulings"),
    ({"sources": []}, "needs sources"),
    ({"rulings": ["ws-06-document-interactions"]}, "2-5 'rulings'"),
])
def test_the_content_check_refuses_a_malformed_quick_round(change: dict, complaint: str):
    """A quick round with its own responses, no sources or a single ruling is refused with a reason."""
    item = {"id": "quick-x", "title": "Quick round: x", "kind": "quick-round", "audience": "both",
            "rulings": ["ws-06-document-interactions", "ws-22-lengthy-notes"],
            "sources": [{"doc": "toolkit", "lines": "1718-1722"}]}
    Scenario.model_validate(item)  # the well-formed one passes
    with pytest.raises(ValidationError, match=complaint):
        Scenario.model_validate({**item, **change})


@pytest.mark.parametrize("flag", ["yes", 1, "true"])
def test_the_content_check_refuses_an_added_for_discussion_that_is_not_true_or_false(flag):
    """`added_for_discussion` takes only true or false, so a typo can't silently hide the reveal's note."""
    option = {"response": "Say no at once.", "why": "It closes the talk."}
    Response.model_validate({**option, "added_for_discussion": True})
    with pytest.raises(ValidationError, match="boolean"):
        Response.model_validate({**option, "added_for_discussion": flag})


# The scenarios the sources give (MAP.md, "Supervision scenarios"): document and the line each starts on.
SOURCE_SCENARIOS = [("supervision", n) for n in (4161, 4190, 4225, 4255, 4292, 4318, 4369, 4404, 4434,
                                                 4483, 4504, 4523, 4542, 4581)] + [
    ("toolkit", 3175), ("toolkit", 3292), ("handbook", 2101), ("standards", 640), ("standards", 657)]


def covers(lines: str, line: int) -> bool:
    for part in lines.split(","):
        first, _, last = part.strip().partition("-")
        if int(first) <= line <= int(last or first):
            return True
    return False


@pytest.mark.parametrize("doc, line", SOURCE_SCENARIOS)
def test_every_scenario_in_the_sources_has_a_scenario_file(catalog, doc: str, line: int):
    """Each of the 19 scenarios in the source documents is the main source of a scenario in the library."""
    assert [s.id for s in catalog.scenarios.values() if s.kind == "scenario"
            and s.sources[0].doc == doc and covers(s.sources[0].lines, line)]


# -- rounds close on their own -------------------------------------------------------------------
def test_a_weekly_checkin_closes_when_the_next_one_is_posted_and_drops_its_hashes(bot, facilitator: Chat, clock):
    """A check-in pulse stays open for its week; at the next week's check-in it closes, keeping only its counts."""
    facilitator.say("/peer schedule checkin every monday 10:00")
    clock.advance(hours=3, minutes=1)  # Monday 10:01 in Toronto
    (first,) = bot.tick()
    for user in ("u-ana", "u-ben", "u-cat"):
        facilitator.as_(user).press_action(first.reply.choices[0].action)
    old = round_of(first)
    assert bot.store.voters(old) and bot.store.round(old).open

    clock.advance(days=7)
    (second,) = bot.tick()
    assert round_of(second) != old and bot.store.round(round_of(second)).open
    assert not bot.store.round(old).open and bot.store.voters(old) == set()
    assert sum(bot.store.round(old).counts.values()) == 3
    late = facilitator.as_("u-dan").press_action(first.reply.choices[1].action)
    assert late[0].private and "has closed" in late[0].text


def test_a_scenario_poll_nobody_revealed_closes_after_a_week(bot, facilitator: Chat, clock):
    """A no-timer scenario left running keeps no voter hashes past a week; a later Reveal still works."""
    started(facilitator)
    poll = polls(facilitator)[0]
    vote(facilitator.as_("u-ana"), poll, 0)
    clock.advance(days=OPEN_FOR.days, minutes=1)
    bot.tick()
    assert bot.store.voters(round_of(poll)) == set() and not bot.store.round(round_of(poll)).open
    assert any(m.key.endswith(":reveal") for m in facilitator.press("Reveal") if isinstance(m, Post))
