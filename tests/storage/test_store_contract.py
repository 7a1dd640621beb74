"""The `Store` contract (bot/ports.py), one suite run against both stores: SQLite and PostgreSQL.

Every test here runs twice, once per store, and says what any store must do; a store that passes
them can stand in for the other. The PostgreSQL runs get a fresh database each (tests/conftest.py).
The last test checks that every method of the protocol is exercised here.
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from bot.ports import Store
from bot.records import Closure, ConversationRef, Run, RunState, Schedule
from storage.sqlite import SqliteStore

T0 = "2026-11-23T12:00:00+00:00"  # the fixed clock's start (tests/conftest.py START)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path, clock):
    if request.param == "sqlite":
        made = SqliteStore(tmp_path / "contract.db", clock)
    else:
        from storage.postgres import PostgresStore

        made = PostgresStore(request.getfixturevalue("postgres_url"), clock)
    yield made
    made.close()


WEEKLY = "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0;BYSECOND=0"


def schedule_row(**changes) -> Schedule:
    row = {"channel": "slack:T1:C1", "platform": "slack", "workspace": "T1", "channel_id": "C1", "kind": "checkin",
           "recurrence": WEEKLY, "created_by": "U-fay", "created_at": T0, "last_fired_at": T0}
    return Schedule(**{**row, **changes})


def run_row(**changes) -> Run:
    row = {"id": "sc1", "channel": "slack:T1:C1", "platform": "slack", "workspace": "T1", "channel_id": "C1",
           "scenario_id": "boundaries-1", "facilitator": "U-fay", "state": RunState.PREVIEW, "reveal_minutes": 20,
           "started_at": T0}
    row = {**row, **changes}
    return Run(**{**row, "state": RunState(row["state"])})


# -- transactions ------------------------------------------------------------------------------
def test_a_transaction_commits_all_its_writes_together(store):
    """Writes inside a transaction are all there once it ends."""
    with store.transaction():
        store.add_facilitator("slack:T1", "U1")
        store.set_channel_timezone("slack:T1:C1", "Europe/London")
    assert store.facilitators("slack:T1") == ["U1"]
    assert store.channel_timezone("slack:T1:C1") == "Europe/London"


def test_a_transaction_that_fails_leaves_nothing_behind(store):
    """An error inside a transaction undoes every write made in it."""
    with pytest.raises(RuntimeError), store.transaction():
        store.add_facilitator("slack:T1", "U1")
        assert store.claim_delivery("post-1", "slack:T1:C1")
        raise RuntimeError("crash half-way")
    assert store.facilitators("slack:T1") == []
    assert store.delivery("post-1") is None
    assert store.claim_delivery("post-1", "slack:T1:C1"), "the rolled-back claim must not count"


def test_a_nested_transaction_is_a_savepoint(store):
    """A failing inner block undoes only its own writes; the outer block still commits."""
    with store.transaction():
        store.add_facilitator("slack:T1", "U-kept")
        with pytest.raises(ValueError), store.transaction():
            store.add_facilitator("slack:T1", "U-undone")
            raise ValueError("one broken schedule")
        store.add_facilitator("slack:T1", "U-after")
    assert sorted(store.facilitators("slack:T1")) == ["U-after", "U-kept"]


# -- flows -----------------------------------------------------------------------------------
def test_a_flow_is_saved_replaced_and_ended(store):
    """A flow's state round-trips, saving again replaces it, and ending it forgets it."""
    assert store.get_flow("slack:T1:U1", "check") is None
    store.save_flow("slack:T1:U1", "check", {"step": 1, "chosen": ["a"]})
    store.save_flow("slack:T1:U1", "check", {"step": 2, "chosen": ["a", "b"]})
    assert store.get_flow("slack:T1:U1", "check") == {"step": 2, "chosen": ["a", "b"]}
    assert store.get_flow("slack:T1:U1", "other") is None
    store.end_flow("slack:T1:U1", "check")
    assert store.get_flow("slack:T1:U1", "check") is None


# -- deliveries ------------------------------------------------------------------------------
def test_a_post_key_is_claimed_once_ever(store):
    """The first claim of a key wins; every later claim of it is refused, even after it was sent."""
    assert store.claim_delivery("sched:1:2026-11-23", "slack:T1:C1", payload="{}", at=T0)
    assert not store.claim_delivery("sched:1:2026-11-23", "slack:T1:C1")
    store.finish_delivery("sched:1:2026-11-23", "sent", ref="1700000000.0001")
    assert not store.claim_delivery("sched:1:2026-11-23", "slack:T1:C1")


def test_claiming_several_posts_answers_for_each_in_order(store):
    """Several claims at once say which were won, in the order given; a repeated key wins once."""
    store.claim_delivery("b", "slack:T1:C1")
    assert store.claim_deliveries([("c", "slack:T1:C1", "p"), ("b", "slack:T1:C1", "p"), ("a", "slack:T1:C1", "p"),
                                   ("c", "slack:T1:C1", "p")], at=T0) == [True, False, True, False]


def test_a_finished_delivery_keeps_its_reference_and_drops_its_payload(store):
    """Finishing records status, reference and attempt, and the sent post's payload is dropped."""
    store.claim_delivery("k", "slack:T1:C1", payload='{"text": "hello"}', at=T0)
    claimed = store.delivery("k")
    assert (claimed.status, claimed.payload, claimed.attempts) == ("claimed", '{"text": "hello"}', 0)
    store.finish_delivery("k", "claimed")  # a retry to come: the payload stays
    assert store.delivery("k").payload == '{"text": "hello"}'
    store.finish_delivery("k", "sent", ref="m-42")
    sent = store.delivery("k")
    assert (sent.status, sent.ref, sent.payload, sent.attempts) == ("sent", "m-42", "", 2)
    assert sent.sent_at == T0
    assert store.delivery("missing") is None


def test_unfinished_deliveries_are_the_claimed_ones_since_a_time_oldest_first(store):
    """Recovery sees claimed posts from `since` on, oldest first, and never a sent one."""
    store.claim_delivery("late", "slack:T1:C1", at="2026-11-23T12:05:00+00:00")
    store.claim_delivery("early", "slack:T1:C1", at="2026-11-23T12:01:00+00:00")
    store.claim_delivery("old", "slack:T1:C1", at="2026-11-22T12:00:00+00:00")
    store.claim_delivery("done", "slack:T1:C1", at="2026-11-23T12:02:00+00:00")
    store.finish_delivery("done", "sent")
    assert [d.key for d in store.unfinished_deliveries("2026-11-23T00:00:00+00:00")] == ["early", "late"]
    assert [d.key for d in store.unfinished_deliveries("")] == ["old", "early", "late"]


# -- channels, roles, audit ------------------------------------------------------------------
def test_a_channel_time_zone_is_set_and_makes_its_schedules_due_again(store):
    """Setting a channel's zone is remembered and asks the next tick to work its schedules out again."""
    sid = store.add_schedule(schedule_row())
    store.update_schedule(sid, next_due="2026-11-30T15:00:00+00:00")
    assert store.channel_timezone("slack:T1:C1") is None
    store.set_channel_timezone("slack:T1:C1", "America/Vancouver")
    assert store.channel_timezone("slack:T1:C1") == "America/Vancouver"
    assert store.schedule(sid).next_due == ""


def test_facilitators_are_added_once_listed_in_order_and_removed(store):
    """Adding says whether the person is new; the list is per workspace in the order added."""
    assert store.add_facilitator("slack:T1", "U2")
    assert store.add_facilitator("slack:T1", "U1")
    assert not store.add_facilitator("slack:T1", "U2")
    assert store.add_facilitator("slack:T9", "U3")
    assert store.facilitators("slack:T1") == ["U1", "U2"]  # same second: by id
    assert store.remove_facilitator("slack:T1", "U2")
    assert not store.remove_facilitator("slack:T1", "U2")
    assert store.facilitators("slack:T1") == ["U1"]


def test_the_audit_log_is_per_workspace_newest_first_and_limited(store):
    """The audit log returns a workspace's entries, newest first, at most `limit` of them."""
    for n in range(3):
        store.audit("slack:T1", "U1", "schedule create", f"#{n}")
    store.audit("slack:T9", "U9", "region", "UK")
    log = store.audit_log("slack:T1", limit=2)
    assert [e.detail for e in log] == ["#2", "#1"]
    assert log[0].at == T0


# -- schedules and rotation --------------------------------------------------------------------
def test_a_schedule_is_added_read_listed_and_deleted(store):
    """A schedule gets a new id, reads back with the store's defaults, lists by channel or workspace."""
    first = store.add_schedule(schedule_row())
    second = store.add_schedule(schedule_row(channel="slack:T1:C2", channel_id="C2", created_at=""))
    other = store.add_schedule(schedule_row(channel="discord:G1:C7", platform="discord", workspace="G1"))
    assert first < second < other
    row = store.schedule(first)
    assert row.recurrence == WEEKLY and not row.paused
    assert (row.next_due, row.on_holiday, row.last_failure, row.failure_told, row.paused_why) == \
        ("", "skip", "", False, "")
    assert store.schedule(second).created_at == T0  # stamped by the store when not given
    assert [r.id for r in store.schedules(channel="slack:T1:C2")] == [second]
    assert [r.id for r in store.schedules(workspace="slack:T1")] == [first, second]
    assert [r.id for r in store.schedules()] == [first, second, other]
    assert store.count_schedules() == 3
    store.delete_schedule(second)
    assert store.schedule(second) is None and store.count_schedules() == 2


def test_updating_a_schedule_makes_it_due_again_unless_told_when(store):
    """An update resets when it is next due, unless it says; noting a post's outcome never does."""
    sid = store.add_schedule(schedule_row())
    store.update_schedule(sid, next_due="2026-11-30T15:00:00+00:00", last_fired_at="2026-11-23T15:00:00+00:00")
    assert store.schedule(sid).next_due == "2026-11-30T15:00:00+00:00"
    store.note_schedule_post(sid, last_failure="not_in_channel", failure_told=1)
    row = store.schedule(sid)
    assert (row.last_failure, row.failure_told, row.next_due) == \
        ("not_in_channel", True, "2026-11-30T15:00:00+00:00")
    store.update_schedule(sid, paused=True)
    row = store.schedule(sid)
    assert (row.paused, row.next_due) == (True, "")


def test_due_schedules_are_the_active_ones_due_by_now_or_not_worked_out(store):
    """Due: not paused, and next due at or before `now`, or not known yet; never later or "never"."""
    unknown = store.add_schedule(schedule_row())
    due = store.add_schedule(schedule_row())
    store.update_schedule(due, next_due="2026-11-23T12:00:00+00:00")
    later = store.add_schedule(schedule_row())
    store.update_schedule(later, next_due="2026-11-23T12:00:01+00:00")
    never = store.add_schedule(schedule_row())
    store.update_schedule(never, next_due="never")
    paused = store.add_schedule(schedule_row())
    store.update_schedule(paused, paused=1)
    with store.transaction():
        assert [r.id for r in store.due_schedules("2026-11-23T12:00:00+00:00")] == [unknown, due]
        assert [r.id for r in store.due_schedules("2026-11-23T12:00:00+00:00", limit=1)] == [unknown]
        assert [r.id for r in store.due_schedules("2026-11-23T12:00:00+00:00", after=unknown)] == [due]


def test_prompts_used_in_a_channel_are_remembered_and_reset(store):
    """Used prompts are per channel; using one twice is fine; a reset forgets the ones named."""
    store.use_prompt("slack:T1:C1", "p1", "boundaries")
    store.use_prompt("slack:T1:C1", "p2", "boundaries")
    store.use_prompt("slack:T1:C1", "p2", "self-care")
    store.use_prompt("slack:T1:C2", "p3", "")
    assert store.used_prompts("slack:T1:C1") == {"p1", "p2"}
    store.reset_prompts("slack:T1:C1", ["p1", "p2", "p9"])
    assert store.used_prompts("slack:T1:C1") == set()
    assert store.used_prompts("slack:T1:C2") == {"p3"}


# -- anonymous rounds --------------------------------------------------------------------------
def test_a_round_counts_one_vote_per_voter_and_keeps_only_counts_when_closed(store):
    """Voting again changes a vote; closing keeps the counts and drops every voter hash."""
    store.open_round("r1", "slack:T1:C1", "pulse", ["good", "ok", "low"])
    store.open_round("r1", "slack:T1:C1", "pulse", ["other"])  # opening again changes nothing
    assert store.round("r1").choices == ("good", "ok", "low")
    store.record_vote("r1", "h-ana", "good")
    store.record_vote("r1", "h-ben", "low")
    store.record_vote("r1", "h-ana", "ok")
    assert store.tally("r1") == {"ok": 1, "low": 1}
    assert store.voters("r1") == {"h-ana", "h-ben"}
    assert store.close_round("r1") == {"ok": 1, "low": 1}
    closed = store.round("r1")
    assert (closed.open, closed.counts, closed.closed_at) == (False, {"ok": 1, "low": 1}, T0)
    assert store.voters("r1") == set()
    assert store.tally("r1") == {"ok": 1, "low": 1}
    assert store.close_round("r1") == {"ok": 1, "low": 1}, "closing twice keeps the first counts"
    assert store.round("missing") is None


def test_a_vote_can_be_taken_back(store):
    """Forgetting a vote removes that voter's hash and choice only."""
    store.open_round("r1", "slack:T1:C1", "poll", ["a", "b"])
    store.record_vote("r1", "h-ana", "a")
    store.record_vote("r1", "h-ben", "b")
    store.forget_vote("r1", "h-ana")
    assert store.tally("r1") == {"b": 1}


def test_rounds_open_before_a_time_and_open_rounds_by_channel_prefix(store, clock):
    """Rounds to close are the open ones opened before the cut-off; open rounds list by channel prefix."""
    store.open_round("old", "slack:T1:C1", "pulse", ["a"])
    clock.advance(days=7)
    store.open_round("new", "slack:T1:C2", "pulse", ["a"])
    store.open_round("elsewhere", "discord:G1:C1", "pulse", ["a"])
    with store.transaction():
        assert store.rounds_open_before("2026-11-24T00:00:00+00:00") == ["old"]
    assert sorted(r.id for r in store.open_rounds("slack:T1:")) == ["new", "old"]
    store.close_round("old")
    assert sorted(store.rounds_open_before("2026-12-31T00:00:00+00:00")) == ["elsewhere", "new"]
    assert [(r.id, r.channel) for r in store.open_rounds("slack:T1:")] == [("new", "slack:T1:C2")]


def test_the_vote_secret_is_made_once_and_kept(store, tmp_path):
    """The key for voter hashes is 32 random bytes, the same every time it is asked for."""
    key = store.secret()
    assert len(key) == 32 and store.secret() == key
    assert "meta" not in store.everything(), "the secret never leaves in an export"


# -- scenario runs -----------------------------------------------------------------------------
def test_a_scenario_run_is_saved_replaced_and_found_active(store):
    """A run round-trips; saving it again replaces it; the channel's active run is the newest live one."""
    assert store.active_run("slack:T1:C1") is None
    store.save_run(run_row())
    assert store.active_run("slack:T1:C1") is None, "a preview is not running yet"
    store.save_run(run_row(state="running", reveal_at="2026-11-23T12:20:00+00:00"))
    assert store.run("sc1").state == "running"
    assert store.active_run("slack:T1:C1").id == "sc1"
    store.save_run(run_row(id="sc0", state="ended", started_at="2026-11-20T12:00:00+00:00"))
    assert store.active_run("slack:T1:C1").id == "sc1"
    assert store.run("missing") is None


def test_runs_due_are_running_ones_whose_reveal_time_has_come(store):
    """A run is due for its reveal when running and its reveal time is at or before now."""
    store.save_run(run_row(id="due", state="running", reveal_at="2026-11-23T12:20:00+00:00"))
    store.save_run(run_row(id="later", state="running", reveal_at="2026-11-23T12:21:00+00:00"))
    store.save_run(run_row(id="paused", state="paused", reveal_at=""))
    store.save_run(run_row(id="revealed", state="revealed", reveal_at="2026-11-23T12:00:00+00:00"))
    with store.transaction():
        assert [r.id for r in store.runs_due("2026-11-23T12:20:00+00:00")] == ["due"]


def test_scenarios_already_run_in_a_channel_are_remembered(store):
    """Marking a scenario as run is per channel and idempotent."""
    store.mark_scenario_run("slack:T1:C1", "boundaries-1")
    store.mark_scenario_run("slack:T1:C1", "boundaries-1")
    store.mark_scenario_run("slack:T1:C2", "grief-2")
    assert store.scenarios_run("slack:T1:C1") == {"boundaries-1"}


# -- what is kept about a person, forgetting, retention -------------------------------------------
def _person_everywhere(store) -> None:
    store.save_flow("slack:T1:U_1", "check", {"step": 1})
    store.save_flow("slack:T1:XU_1", "check", {"step": 1})  # another person whose id ends alike
    store.add_facilitator("slack:T1", "U_1")
    store.audit("slack:T1", "U_1", "role add", "U_2")
    store.audit("slack:T1", "U_2", "role add", "U_1 as facilitator")
    store.add_schedule(schedule_row(created_by="U_1"))
    store.save_run(run_row(facilitator="U_1"))
    store.claim_delivery("contact-1", "slack:T1:D9", payload="<@U_1> asked to be in touch")
    store.open_round("r1", "slack:T1:C1", "pulse", ["a"])
    store.record_vote("r1", "h-u1", "a")
    store.record_vote("r1", "h-other", "a")


def test_about_a_person_finds_every_row_naming_them_and_only_them(store):
    """Export finds the person's flows, role, audit entries, schedules, runs and unsent posts."""
    _person_everywhere(store)
    found = store.about_person("slack", "U_1")
    assert set(found) == {"flows", "facilitators", "audit", "schedules", "scenario_runs", "deliveries"}
    assert [f["owner"] for f in found["flows"]] == ["slack:T1:U_1"]
    assert len(found["audit"]) == 2
    assert store.about_person("slack", "U_1", workspace="T9") == {}
    assert store.about_person("discord", "U_1") == {}
    assert set(store.about_person("slack", "U_1", workspace="T1")) == set(found)


def test_forgetting_a_person_deletes_or_blanks_every_row_naming_them(store):
    """Forgetting removes their rows, blanks their id where others need the row, and drops their votes."""
    _person_everywhere(store)
    removed = store.forget_person("slack", "U_1", {"r1": "h-u1"})
    assert removed == {"flows": 1, "facilitators": 1, "deliveries": 1, "audit": 2, "schedules": 1,
                       "scenario_runs": 1, "votes": 1}
    assert store.about_person("slack", "U_1") == {}
    assert store.get_flow("slack:T1:XU_1", "check") == {"step": 1}
    log = store.audit_log("slack:T1")
    assert {e.actor for e in log} == {"forgotten", "U_2"}
    assert "(forgotten) as facilitator" in {e.detail for e in log}
    assert store.schedules()[0].created_by == ""
    assert store.voters("r1") == {"h-other"}


def test_pruning_drops_only_what_has_served_its_purpose_and_is_old(store, clock):
    """Prune removes closed rounds, sent posts, ended or stale runs, idle flows and past closures."""
    store.open_round("r-closed", "slack:T1:C1", "pulse", ["a"])
    store.close_round("r-closed")
    store.open_round("r-open", "slack:T1:C1", "pulse", ["a"])
    store.claim_delivery("sent", "slack:T1:C1")
    store.finish_delivery("sent", "sent")
    store.claim_delivery("claimed", "slack:T1:C1")
    store.save_run(run_row(id="ended", state="ended", ended_at=T0))
    store.save_run(run_row(id="stale", state="running"))
    store.save_flow("slack:T1:U1", "check", {})
    store.add_closure("slack:T1:C1", "2026-11-01", "2026-11-02", "retreat")
    store.add_closure("slack:T1:C1", "2026-12-24", "2026-12-26", "holidays")
    assert store.prune("2026-11-23T00:00:00+00:00") == {"closures": 1}
    assert store.prune("2026-11-24T00:00:00+00:00") == {"rounds": 1, "deliveries": 1, "scenario_runs": 2,
                                                        "flows": 1}
    assert store.round("r-open") is not None and store.delivery("claimed") is not None
    assert [c.label for c in store.closures("slack:T1:C1")] == ["holidays"]


def test_everything_exports_every_table_but_the_secret(store):
    """The operator's export has a list of rows for each table, rows as they are stored."""
    store.add_facilitator("slack:T1", "U1")
    store.secret()
    tables = store.everything()
    assert {"flows", "deliveries", "channels", "facilitators", "audit", "schedules", "rounds", "votes",
            "scenario_runs", "workspaces", "closures", "seen_requests"} <= set(tables)
    assert tables["facilitators"] == [{"workspace": "slack:T1", "user_id": "U1", "added_at": T0}]
    assert not {"meta", "_sqlite_migrations", "peerbot_migrations"} & set(tables)


# -- workspace and channel settings ----------------------------------------------------------------
def test_a_workspace_region_and_answers_are_kept_side_by_side(store):
    """Region and answers are separate settings of one workspace; empty goes back to the default."""
    assert store.workspace_region("slack:T1") is None and store.workspace_answers("slack:T1") is None
    store.set_workspace_region("slack:T1", "UK")
    store.set_workspace_answers("slack:T1", "public")
    assert (store.workspace_region("slack:T1"), store.workspace_answers("slack:T1")) == ("UK", "public")
    store.set_workspace_region("slack:T1", "")
    assert (store.workspace_region("slack:T1"), store.workspace_answers("slack:T1")) == (None, "public")


def test_a_channel_holiday_calendar_is_kept_beside_its_time_zone(store):
    """The holiday calendar and the time zone are separate; setting either makes schedules due again."""
    sid = store.add_schedule(schedule_row())
    store.update_schedule(sid, next_due="2026-11-30T15:00:00+00:00")
    store.set_channel_timezone("slack:T1:C1", "Europe/London")
    store.set_channel_holidays("slack:T1:C1", "UK-SCT")
    assert (store.channel_holidays("slack:T1:C1"), store.channel_timezone("slack:T1:C1")) == \
        ("UK-SCT", "Europe/London")
    assert store.schedule(sid).next_due == ""
    store.set_channel_holidays("slack:T1:C1", "")
    assert store.channel_holidays("slack:T1:C1") is None


def test_closures_are_added_listed_by_date_and_removed_in_their_channel_only(store):
    """Closures list by start date; removing one returns it, and only from its own channel."""
    sid = store.add_schedule(schedule_row())
    later = store.add_closure("slack:T1:C1", "2026-12-24", "2026-12-26", "holidays")
    store.update_schedule(sid, next_due="2026-11-30T15:00:00+00:00")
    sooner = store.add_closure("slack:T1:C1", "2026-12-01", "2026-12-01", "training day")
    assert store.schedule(sid).next_due == "", "a closure moves when schedules fall due"
    assert store.closures("slack:T1:C1") == [Closure(sooner, "2026-12-01", "2026-12-01", "training day"),
                                             Closure(later, "2026-12-24", "2026-12-26", "holidays")]
    assert store.remove_closure("slack:T1:C2", later) is None
    assert store.remove_closure("slack:T1:C1", later).label == "holidays"
    assert [c.id for c in store.closures("slack:T1:C1")] == [sooner]


# -- Microsoft Teams conversation references ------------------------------------------------------
def test_a_conversation_reference_is_kept_replaced_found_and_forgotten(store):
    """A reference is kept per channel key, replaced when it changes, found by team or tenant, forgotten."""
    assert store.conversation("teams:T_1:19:general") is None
    store.remember_conversation("teams:T_1:19:general", ConversationRef("19:general", "https://smba.example/old",
                                                                        "tenant-a"))
    store.remember_conversation("teams:T_1:19:general", ConversationRef("19:general", "https://smba.example/amer/",
                                                                        "tenant-a"))
    store.remember_conversation("teams:TX1:19:other", ConversationRef("19:other", "https://smba.example/emea",
                                                                      "tenant-b"))
    assert store.conversation("teams:T_1:19:general") == \
        ConversationRef("19:general", "https://smba.example/amer", "tenant-a")
    assert store.conversation_under("teams:T_1:").conversation_id == "19:general"
    assert store.conversation_under("teams:T%1:") is None, "only the team's own channels"
    assert store.conversation_in_tenant("tenant-b").conversation_id == "19:other"
    store.forget_conversation("teams:T_1:19:general")
    assert store.conversation("teams:T_1:19:general") is None
    assert store.conversation_in_tenant("tenant-a") is None


# -- requests already seen -----------------------------------------------------------------------
def test_a_request_is_new_once_until_it_expires(store):
    """The first sighting of a key is new; later ones are not, until it has expired."""
    assert store.first_sighting("evt-1", "2026-11-23T12:05:00+00:00", T0)
    assert not store.first_sighting("evt-1", "2026-11-23T12:05:00+00:00", "2026-11-23T12:04:00+00:00")
    assert store.first_sighting("evt-1", "2026-11-23T12:15:00+00:00", "2026-11-23T12:06:00+00:00")


# -- the contract itself -----------------------------------------------------------------------------
# -- installations (Slack for many workspaces) --------------------------------------------------
def test_an_installation_is_kept_per_workspace_and_an_uninstall_pauses_only_its_schedules(store):
    """Installing keeps the install's data per workspace; removing it pauses that workspace's schedules
    (a person's own pause stays theirs), and installing again resumes what the uninstall paused."""
    store.save_installation("slack", "T1", {"team_id": "T1", "bot_token": "xoxb-1"})
    store.save_installation("slack", "T2", {"team_id": "T2", "bot_token": "xoxb-2"})
    assert store.installation("slack", "T1")["bot_token"] == "xoxb-1"
    assert store.installed_workspaces("slack") == ["T1", "T2"]
    active = store.add_schedule(schedule_row())
    by_hand = store.add_schedule(schedule_row(paused=True))
    other = store.add_schedule(schedule_row(channel="slack:T2:C9", workspace="T2", channel_id="C9"))
    assert store.remove_installation("slack", "T1") is True
    assert store.remove_installation("slack", "T1") is False
    assert store.installation("slack", "T1") is None
    assert (store.schedule(active).paused, store.schedule(other).paused) == (True, False)
    store.save_installation("slack", "T1", {"team_id": "T1", "bot_token": "xoxb-1b"})
    assert store.schedule(active).paused is False and store.schedule(by_hand).paused is True


def test_forgetting_a_workspace_deletes_its_rows_and_no_others(store):
    """Forgetting a workspace deletes what was kept for it, installation included, and leaves others."""
    store.save_installation("slack", "T1", {"team_id": "T1"})
    store.add_schedule(schedule_row())
    store.add_schedule(schedule_row(channel="slack:T2:C9", workspace="T2", channel_id="C9"))
    store.add_facilitator("slack:T1", "U1")
    counts = store.forget_workspace("slack", "T1")
    assert counts["schedules"] == 1 and counts["installations"] == 1 and counts["facilitators"] == 1
    assert [s.workspace for s in store.schedules()] == ["T2"]


def test_an_oauth_state_is_consumed_once_and_never_after_it_expires(store):
    """A state issued for an install is good once; a second use, an unknown state or an old one fail."""
    store.issue_oauth_state("s1", "2026-11-23T12:10:00+00:00")
    store.issue_oauth_state("s2", "2026-11-23T12:10:00+00:00")
    assert store.consume_oauth_state("s1", T0) is True
    assert store.consume_oauth_state("s1", T0) is False
    assert store.consume_oauth_state("nope", T0) is False
    assert store.consume_oauth_state("s2", "2026-11-23T12:11:00+00:00") is False


# -- leases, claims of due work, named locks (several workers on one database) -----------------
def test_a_held_post_is_its_workers_until_the_lease_runs_out_then_another_takes_it_over(store):
    """A claimed post held by one worker is not another's; renewing never shortens the lease; once it
    ran out (or was released) a sweep hands it to exactly one new worker."""
    store.claim_delivery("k1", "slack:T1:C1", payload="{}", at="2026-11-23T11:00:00")
    store.claim_delivery("k2", "slack:T1:C1", payload="{}", at="2026-11-23T11:00:00")
    assert store.hold_deliveries(["k1", "k2"], "w1", "2026-11-23T11:01:00") == {"k1", "k2"}
    assert store.hold_deliveries(["k1"], "w2", "2026-11-23T11:05:00") == set()
    assert store.renew_leases("w1", "2026-11-23T11:02:00") == 2
    store.renew_leases("w1", "2026-11-23T11:00:30")  # never shorter
    assert store.delivery("k1").lease_until == "2026-11-23T11:02:00"
    store.release_deliveries(["k2"], "w1", "2026-11-23T11:00:40")
    early = store.take_over_deliveries("w2", "2026-11-23T11:01:00", "2026-11-23T11:00:00", "2026-11-23T10:00:00",
                                       "2026-11-23T11:03:00")
    assert [d.key for d in early] == ["k2"] and early[0].worker == "w2"
    late = store.take_over_deliveries("w3", "2026-11-23T11:02:30", "2026-11-23T11:01:30", "2026-11-23T10:00:00",
                                      "2026-11-23T11:04:00")
    assert [d.key for d in late] == ["k1"]


def test_a_due_run_and_a_timed_reveal_are_each_claimed_once(store):
    """Of two workers that read the same due schedule, or the same reveal, only the first claims it."""
    sid = store.add_schedule(schedule_row(next_due="2026-11-23T10:00:00+00:00"))
    seen = ("2026-11-23T10:00:00+00:00", T0)
    assert store.advance_schedule(sid, seen, last_fired_at="2026-11-23T10:00:00+00:00", next_due="x") is True
    assert store.advance_schedule(sid, seen, last_fired_at="2026-11-23T10:00:00+00:00", next_due="y") is False
    assert store.schedule(sid).next_due == "x"
    store.save_run(run_row(state=RunState.RUNNING, reveal_at="2026-11-23T12:20:00+00:00"))
    assert store.claim_reveal("sc1", "2026-11-23T12:20:00+00:00") is True
    assert store.claim_reveal("sc1", "2026-11-23T12:20:00+00:00") is False
    assert store.run("sc1").state == RunState.REVEALED


def test_a_named_lock_has_one_holder_until_it_lets_go(store):
    """The gateway lock: one holder takes and keeps it; another is refused until it unlocks. (When a
    holder stops without unlocking, SQLite frees the lock once its lease runs out,
    tests/discord/test_discord_gateway_lock.py; PostgreSQL as its session ends, tests/storage/test_postgres.py.)"""
    assert store.try_lock("gw", "a", "2026-11-23T12:00:00", "2026-11-23T12:00:20")
    assert store.try_lock("gw", "a", "2026-11-23T12:00:10", "2026-11-23T12:00:30")
    assert not store.try_lock("gw", "b", "2026-11-23T12:00:20", "2026-11-23T12:00:40")
    store.unlock("gw", "a")
    assert store.try_lock("gw", "b", "2026-11-23T12:00:21", "2026-11-23T12:00:41")
    assert not store.try_lock("gw", "a", "2026-11-23T12:00:22", "2026-11-23T12:00:42")
    store.unlock("gw", "b")
    assert store.try_lock("gw", "a", "2026-11-23T12:00:23", "2026-11-23T12:00:43")


def test_every_store_method_is_covered_by_this_suite():
    """Each method of the Store protocol is called somewhere in this file, so both stores are held to it."""
    methods = {name for name, _ in inspect.getmembers(Store, inspect.isfunction) if not name.startswith("_")}
    text = Path(__file__).read_text()
    missing = sorted(m for m in methods if not re.search(rf"store\.{m}\(", text))
    assert not missing, f"Store methods no contract test calls: {missing}"
