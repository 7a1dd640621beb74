"""Issue 18: the core, the store and the command line hold under abuse and bad luck.

Each test here failed before the fix it names (defects numbered as in the issue); the Slack HTTP
side is in tests/slack/test_slack_abuse.py, the generated inputs in tests/test_fuzz.py, and the
timings under load in bench/abuse.py.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from adapters.cli import main as cli
from adapters.clockguard import ClockGuard
from adapters.scheduler import Registrar
from bot import bounds
from bot.delivery.outbox import Outbox
from bot.messages import Role
from bot.safety import confidentiality, crisis
from tests.conftest import Chat

ENV = {"PEERBOT_LOG_LEVEL": "WARNING", "PEERBOT_DB": None}


def run_cli(args: list[str], **env: str):
    return CliRunner().invoke(cli, args, env={**ENV, **env})


# -- 1. one long message stalls everyone ---------------------------------------------------------
@pytest.mark.parametrize("shape", ["a" * 40_000, "1" * 40_000, "<" * 40_000, "<mailto:" * 5_000,
                                   ("Jane relapse " * 4_000)[:40_000], ("Jane Smith " * 4_000)[:40_000],
                                   "a." * 20_000])
def test_the_identifying_patterns_take_linear_time_on_slacks_longest_message(shape):
    """Each shape that once took 2.5-17 s (the e-mail pattern, the health-word look-back, a name per
    word) is read in well under a second: generous, since the p99 target is measured in bench.abuse."""
    started = time.perf_counter()
    confidentiality.identifying(shape)
    assert time.perf_counter() - started < 1.0


def test_a_long_message_is_cut_before_the_safety_screen_and_the_person_told(chat: Chat, monkeypatch):
    """A message past the limit is cut before any pattern reads it, the crisis screen's reading of
    the part cut off aside (crisis words at the end of a long text still count), and the answer
    says so kindly."""
    read: list[int] = []
    real = crisis.read
    monkeypatch.setattr(crisis, "read", lambda text: read.append(len(text)) or real(text))
    said = "ask is it ok to drive someone to court " + "and back " * 10_000
    replies = chat.say(said)
    head, beyond = read
    assert head <= bounds.MAX_CHARS and beyond == len(said) - bounds.MAX_CHARS
    assert f"so I read only the first {bounds.MAX_CHARS:,}" in replies[-1].text and replies[-1].private


def test_ask_jsonl_goes_through_the_safety_screen(tmp_path):
    """`peerbot ask --jsonl` answers crisis language with the crisis lines, as the chat does, and adds
    the private reminder to a question that names a person."""
    lines = "I want to kill myself tonight\nJane Smith relapsed after her appointment, can I visit?\n"
    result = CliRunner().invoke(cli, ["ask", "--jsonl"], input=lines,
                                env={**ENV, "PEERBOT_DB": str(tmp_path / "p.db")})
    crisis_answer, named = [json.loads(line) for line in result.output.splitlines()]
    assert crisis_answer["kind"] == "crisis" and "crisis service" in " ".join(crisis_answer["reasons"])
    assert any("gentle reminder" in note for note in named["notes"])


# -- 2. one failed upsert broke guided checks for the life of the process -----------------------
@pytest.mark.sqlite_file
def test_a_lock_held_past_the_timeout_does_not_break_guided_checks_for_anyone_after(bot, settings):
    """Another program holds the write lock through a person's first guided check; once it lets go,
    a new person's check works (sqlite-utils used to cache the failed upsert probe for good)."""
    bot.store.db.execute("PRAGMA busy_timeout=50")  # wait 50 ms, not 5 s, for the lock below
    other = sqlite3.connect(settings.db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    first = Chat(bot, "u-first").say("/peer check")
    other.execute("ROLLBACK")
    other.close()
    assert "storage is busy" in first[-1].text  # the first person hears why, and nothing half-saved
    newcomer = Chat(bot, "u-new")
    question = newcomer.say("/peer check")[0]
    assert question.choices, "the check should ask its first question with buttons"
    answer = newcomer.press(question.choices[0].label)
    assert "finished or was stopped" not in answer[0].text


# -- 4. a mistaken tick --at far ahead moved every schedule ---------------------------------------
def test_tick_at_more_than_a_day_ahead_is_refused_unless_forced(tmp_path, bot, facilitator):
    """`tick --at` a year ahead changes nothing and says why; with --force it runs."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    before = bot.store.schedule(1)
    ahead = (datetime.now(UTC) + timedelta(days=365)).isoformat()
    refused = run_cli(["tick", "--at", ahead], PEERBOT_DB=bot.settings.db)
    assert refused.exit_code == 2 and "more than a day ahead of now" in refused.output
    assert "--force" in refused.output and "Traceback" not in refused.output
    assert bot.store.schedule(1).last_fired_at == before.last_fired_at
    assert run_cli(["tick", "--force", "--at", ahead], PEERBOT_DB=bot.settings.db).exit_code == 0


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+05:00", "1900-01-01T00:00:00Z"])
def test_tick_at_a_date_far_in_the_past_is_one_line(tmp_path, at):
    """Year one (and other dates before any schedule) get one line, not an OverflowError traceback."""
    result = run_cli(["tick", "--at", at], PEERBOT_DB=str(tmp_path / "p.db"))
    assert result.exit_code == 2 and "too far in the past" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


async def test_a_clock_that_jumps_years_ahead_does_not_move_schedules_past_their_runs(bot, clock, facilitator):
    """The minute sweep notices a forward jump of the system clock and keeps to the time it should be,
    so the next real run still posts."""
    facilitator.say("/peer schedule reflection every monday 10:00")  # Toronto; the clock is at 07:00 there
    seconds = [0.0]
    registrar = Registrar(bot, Outbox(bot.store, {}, clock), guard=ClockGuard(clock, monotonic=lambda: seconds[0]))
    await registrar.sweep()
    clock.advance(days=365 * 20)  # the clock jumps twenty years...
    seconds[0] += 60  # ...while a minute passes
    await registrar.sweep()
    assert bot.store.schedule(1).last_fired_at < "2027"
    clock.advance(days=-365 * 20, hours=3)  # the clock is right again; it is now 10:01 in Toronto
    seconds[0] += 3 * 3600
    assert len(bot.tick(registrar.guard.now())) == 1  # today's run posts


# -- 5, 11. settings that cannot work are one line naming the setting ------------------------------
@pytest.mark.parametrize("command", [["schedules"], ["tick"], ["export"], ["doctor"]])
def test_an_empty_peerbot_db_is_one_line_naming_it(command):
    """PEERBOT_DB= (empty) used to be a temporary database, silently; now every command says so."""
    result = run_cli(command, PEERBOT_DB="")
    assert result.exit_code == 2 and "PEERBOT_DB is set but empty" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["schedules"], ["tick"], ["doctor"]])
def test_a_symlink_loop_in_peerbot_db_is_one_line(tmp_path, command):
    """A database path whose symlinks loop is named in one line, not a RuntimeError traceback."""
    os.symlink(tmp_path / "b.db", tmp_path / "a.db")
    os.symlink(tmp_path / "a.db", tmp_path / "b.db")
    result = run_cli(command, PEERBOT_DB=str(tmp_path / "a.db"))
    assert result.exit_code == 2 and "symbolic links loop" in result.output and "PEERBOT_DB" in result.output
    assert not isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize("setting, value", [("PEERBOT_RETENTION_DAYS", "abc"), ("PORT", "notaport"),
                                            ("PEERBOT_GRACE_MINUTES", "1.5"), ("PEERBOT_LOG_LEVEL", "loud")])
@pytest.mark.parametrize("command", [["schedules"], ["run"], ["doctor"], ["tick"]])
def test_a_malformed_setting_is_one_line_naming_it(tmp_path, command, setting, value):
    """`PEERBOT_RETENTION_DAYS=abc` or `PORT=notaport` stops every command, `run` and `doctor`
    included, with one line that names the setting instead of a pydantic traceback."""
    result = run_cli(command, PEERBOT_DB=str(tmp_path / "p.db"), **{setting: value})
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if setting in line]
    assert len(lines) == 1 and "cannot be used" in lines[0] and "Traceback" not in result.output


@pytest.mark.sqlite_file
def test_a_full_disk_in_chat_says_storage_is_the_cause(bot, chat):
    """When SQLite says the disk is full, the person hears that storage is the cause, not a bare
    "something went wrong"; once there is room again, the same request works."""
    pages = bot.store.db.execute("PRAGMA page_count").fetchone()[0]
    bot.store.db.execute(f"PRAGMA max_page_count={pages}")
    facilitator = chat.as_("u-fay", Role.FACILITATOR)
    for n in range(200):  # fill the last free pages
        reply = facilitator.say(f"/peer schedule reflection every monday 10:{n % 60:02d}")[-1]
        if "full" in reply.text:
            break
    assert "my storage is full" in reply.text and "something went wrong" not in reply.text
    bot.store.db.execute(f"PRAGMA max_page_count={pages * 100}")
    assert "Scheduled" in facilitator.say("/peer schedule reflection every monday 11:00")[-1].text


# -- 8. simultaneous ticks failed at once, with a false message -------------------------------------
@pytest.mark.sqlite_file
def test_a_writer_takes_the_write_lock_before_it_reads(bot, settings):
    """A transaction holds the write lock from its start (BEGIN IMMEDIATE), so another writer waits
    for it instead of SQLite refusing one of them at once mid-way."""
    other = sqlite3.connect(settings.db, timeout=0, isolation_level=None)
    with bot.store.transaction():
        bot.store.due_schedules("2026-11-23T12:00:00+00:00")  # reads only, so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free once the transaction ends
    other.execute("ROLLBACK")
    other.close()


def test_a_tick_that_waited_for_the_lock_says_how_long_it_waited(tmp_path, monkeypatch):
    """The message says how long the tick actually waited, not a fixed "5 seconds"."""
    monkeypatch.setattr("storage.sqlite.BUSY_TIMEOUT", 0.2, raising=False)
    db = str(tmp_path / "p.db")
    assert run_cli(["schedules"], PEERBOT_DB=db).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run_cli(["tick"], PEERBOT_DB=db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 3 and "gave up after" in result.output and "5 seconds" not in result.output


# -- 10. the deliverer lock was per path, not per file (leases in the database replaced it) ----------
def test_a_lease_holds_through_a_symlink(tmp_path):
    """Two workers naming one database by two paths (one a symlink) share its leases: while the
    first holds a post, the second cannot take it over."""
    from storage.sqlite import SqliteStore

    real = tmp_path / "peerbot.db"
    first = SqliteStore(real)
    os.symlink(real, tmp_path / "link.db")
    second = SqliteStore(tmp_path / "link.db")
    assert first.claim_delivery("k1", "slack:T1:C1", '{"x": 1}', at="2026-12-01T10:00:00+00:00")
    assert first.hold_deliveries(["k1"], "w1", "2026-12-01T10:01:00+00:00") == {"k1"}
    assert second.take_over_deliveries("w2", "2026-12-01T10:00:30+00:00", "2026-12-01T09:59:30+00:00",
                                       "2026-12-01T09:00:00+00:00", "2026-12-01T10:01:30+00:00") == []
    assert second.hold_deliveries(["k1"], "w2", "2026-12-01T10:01:30+00:00") == set()
    first.close()
    second.close()


def test_teams_request_lines_are_kept_out_of_the_log_at_the_default_level():
    """At INFO, httpx's line per Teams request (its URL names the conversation) is not logged, and the
    Teams SDK's own lines are clipped like every other library's."""
    import logging

    from click.testing import CliRunner

    from adapters.cli import main
    from adapters.logfilter import _from_library

    httpx_log = logging.getLogger("httpx")
    before = httpx_log.level
    try:
        CliRunner().invoke(main, ["schedules"], env={"PEERBOT_DB": ":memory:", "PEERBOT_LOG_LEVEL": "INFO"})
        assert not httpx_log.isEnabledFor(logging.INFO)
    finally:
        httpx_log.setLevel(before)
    assert _from_library("microsoft_teams.apps.http_plugin") and _from_library("httpx")
