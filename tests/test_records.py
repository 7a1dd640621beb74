"""The records the store hands the core: a scenario run moves only along its table of states."""
from __future__ import annotations

import dataclasses
import itertools

import pytest

from bot.records import TRANSITIONS, IllegalTransition, Run, RunState
from storage.sqlite import SqliteStore

PREVIEW = Run(id="sc1", channel="test:team:c-general", platform="test", workspace="team", channel_id="c-general",
              scenario_id="gifts", facilitator="u-fay", started_at="2026-11-23T12:00:00+00:00", reveal_minutes=10)
ALLOWED = {("preview", "running"), ("preview", "ended"), ("running", "paused"), ("running", "revealed"),
           ("running", "ended"), ("paused", "running"), ("paused", "revealed"), ("paused", "ended"),
           ("revealed", "ended")}


def test_the_table_allows_exactly_the_moves_a_scenario_makes():
    """Preview starts or is cancelled; running pauses, reveals or ends; paused resumes, reveals or ends;
    revealed ends; ended goes nowhere."""
    assert {(a.value, b.value) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("before", "after"), [
    pair for pair in itertools.product(RunState, RunState) if (pair[0].value, pair[1].value) not in ALLOWED])
def test_an_illegal_move_is_refused_and_names_both_states(before, after):
    """Every move outside the table raises, saying where the run was, where it was sent and where it could go."""
    run = dataclasses.replace(PREVIEW, state=before)
    with pytest.raises(IllegalTransition) as refused:
        run.to(after)
    assert f"from {before.value} to {after.value}" in str(refused.value) and "sc1" in str(refused.value)
    assert run.state is before  # the record itself never changes: it is frozen


def test_a_legal_move_gives_a_new_run_with_its_changes():
    """Starting a preview gives a running copy with the reveal time set; the preview is left as it was."""
    running = PREVIEW.to(RunState.RUNNING, reveal_at="2026-11-23T12:10:00+00:00")
    assert (running.state, running.reveal_at) == (RunState.RUNNING, "2026-11-23T12:10:00+00:00")
    assert PREVIEW.state is RunState.PREVIEW and PREVIEW.reveal_at == ""
    assert running.to(RunState.PAUSED, paused_left=600).to(RunState.RUNNING).to(RunState.REVEALED).to(
        RunState.ENDED).state is RunState.ENDED


def test_a_run_read_back_from_the_store_is_the_run_saved(tmp_path, clock):
    """The store keeps a run's state as the enum's value and gives back an equal record."""
    store = SqliteStore(tmp_path / "runs.db", clock)
    revealed = PREVIEW.to(RunState.RUNNING).to(RunState.REVEALED)
    try:
        store.save_run(revealed)
        assert store.run("sc1") == revealed and store.active_run("test:team:c-general") == revealed
    finally:
        store.close()
