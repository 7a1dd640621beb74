"""What PostgreSQL adds beyond the shared contract: several workers on one database.

Workers here are stores (or bots) on their own connections, in threads of this process: to the
database they are as separate as processes. Waits are on the database's own state (a session seen
waiting for a lock), never on the clock.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg
import pytest
from click.testing import CliRunner

from adapters.bootstrap import build_bot
from adapters.cli import main
from adapters.settings import AppSettings as Settings
from bot.messages import Role, Where
from bot.records import Run, RunState, Schedule
from bot.schedules.spec import next_fire
from storage import postgres_schema
from storage.postgres import PostgresStore
from tests.conftest import Chat

pytestmark = pytest.mark.postgres

NOW = "2026-11-23T12:00:00+00:00"


def schedule(n: int) -> Schedule:
    return Schedule(f"slack:T1:C{n}", "slack", "T1", f"C{n}", "reflection",
                    "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0;BYSECOND=0", NOW)


@pytest.fixture
def stores(postgres_url, clock):
    """Two workers' stores on one database."""
    made = [PostgresStore(postgres_url, clock), PostgresStore(postgres_url, clock)]
    yield made
    for store in made:
        store.close()


def in_thread(call):
    """Run `call` in a thread; (thread, result box). The box holds its result or its exception."""
    box: dict = {}

    def run():
        try:
            box["result"] = call()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, box


def wait_until_blocked(url: str, thread: threading.Thread) -> None:
    """Until some session on the database waits for a row lock (or the thread has finished)."""
    with psycopg.connect(url, autocommit=True) as conn:
        while thread.is_alive():
            waiting = conn.execute("select count(*) from pg_stat_activity where datname = current_database() "
                                   "and wait_event_type = 'Lock'").fetchone()[0]
            if waiting:
                return
            conn.execute("select pg_sleep(0.005)")  # the database's own pause between looks


def test_workers_starting_together_migrate_the_database_once(postgres_server, clock):
    """Eight workers opening an empty database at the same moment apply each migration exactly once."""
    url = postgres_server.create(migrated=False)
    try:
        barrier = threading.Barrier(8)

        def start():
            barrier.wait()
            return PostgresStore(url, clock)

        started = [in_thread(start) for _ in range(8)]
        for thread, _ in started:
            thread.join(60)
        errors = [box["error"] for _, box in started if "error" in box]
        assert not errors, errors
        with psycopg.connect(url, autocommit=True) as conn:
            names = [name for (name,) in conn.execute("select name from peerbot_migrations order by name")]
        assert names == [name for name, _ in postgres_schema.STEPS]
        stores = [box["result"] for _, box in started]
        stores[0].add_facilitator("slack:T1", "U1")
        assert stores[7].facilitators("slack:T1") == ["U1"]
        for store in stores:
            store.close()
    finally:
        postgres_server.drop(url)


def test_migrating_again_applies_nothing(postgres_url):
    """A worker starting on a database already migrated finds nothing to apply."""
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert postgres_schema.apply(conn) == []


def test_a_worker_ticking_skips_the_schedules_another_worker_holds(stores):
    """While one worker's tick holds the due schedules, another's sees none of them and does not wait."""
    first, second = stores
    ids = [first.add_schedule(schedule(n)) for n in range(3)]
    with first.transaction():
        held = [row.id for row in first.due_schedules(NOW)]
        thread, box = in_thread(lambda: [row.id for row in second.due_schedules(NOW)])
        thread.join(10)
        assert not thread.is_alive(), "the second worker waited for the first one's rows"
        assert (held, box["result"]) == (ids, [])
        for sid in held:  # the tick moves each schedule on, as bot.schedules.chat.tick does
            first.update_schedule(sid, next_due="2026-11-30T15:00:00+00:00")
    assert second.due_schedules(NOW) == []


def test_two_workers_share_the_due_schedules_without_overlap(stores):
    """Each worker takes what the other has not: together they get every due schedule once."""
    first, second = stores
    ids = [first.add_schedule(schedule(n)) for n in range(4)]
    with first.transaction():
        # The first worker locks two of them (as a tick holds the row it is working on).
        taken = first._rows("select id from schedules where id = any(%s) order by id for update", [ids[:2]])
        with second.transaction():
            rest = [row.id for row in second.due_schedules(NOW)]
    assert [row["id"] for row in taken] == ids[:2] and rest == ids[2:]


def test_workers_taking_due_schedules_in_batches_each_take_a_different_batch(stores):
    """Asked in batches, as a tick asks, a second worker's first batch is the one after the first's."""
    first, second = stores
    ids = [first.add_schedule(schedule(n)) for n in range(5)]
    with first.transaction(), second.transaction():
        a1 = [row.id for row in first.due_schedules(NOW, limit=2)]
        b1 = [row.id for row in second.due_schedules(NOW, limit=2)]
        a2 = [row.id for row in first.due_schedules(NOW, after=a1[-1], limit=2)]
        b2 = [row.id for row in second.due_schedules(NOW, after=b1[-1], limit=2)]
    assert (a1, b1, a2, b2) == (ids[:2], ids[2:4], ids[4:], [])


def test_scenario_reveals_and_rounds_to_close_are_claimed_too(stores):
    """A scenario due for its reveal and a round due to close go to one worker at a time."""
    first, second = stores
    first.save_run(Run("sc1", "slack:T1:C1", "slack", "T1", "C1", "boundaries-1", "U-fay", NOW, RunState.RUNNING,
                       reveal_at=NOW))
    first.open_round("r1", "slack:T1:C1", "pulse", ["a"])
    with first.transaction():
        assert [r.id for r in first.runs_due(NOW)] == ["sc1"]
        assert first.rounds_open_before("2026-12-31T00:00:00+00:00") == ["r1"]
        with second.transaction():
            assert second.runs_due(NOW) == []
            assert second.rounds_open_before("2026-12-31T00:00:00+00:00") == []


def test_a_post_claimed_by_two_workers_at_once_goes_to_one(stores, postgres_url):
    """A second claim of a key waits for the first worker's transaction; then it loses if that committed."""
    first, second = stores
    with first.transaction():
        assert first.claim_delivery("sched:1:2026-11-23T15:00", "slack:T1:C1")
        thread, box = in_thread(lambda: second.claim_delivery("sched:1:2026-11-23T15:00", "slack:T1:C1"))
        wait_until_blocked(postgres_url, thread)
        assert thread.is_alive(), "the second claim must wait for the first to commit or roll back"
    thread.join(10)
    assert box == {"result": False}


def test_a_claim_rolled_back_by_one_worker_is_free_for_another(stores, postgres_url):
    """If the first claimant's transaction fails, the waiting worker's claim wins instead."""
    first, second = stores
    with pytest.raises(RuntimeError), first.transaction():
        first.claim_delivery("k", "slack:T1:C1")
        thread, box = in_thread(lambda: second.claim_delivery("k", "slack:T1:C1"))
        wait_until_blocked(postgres_url, thread)
        raise RuntimeError("the first worker's tick fails")
    thread.join(10)
    assert box == {"result": True}


def test_the_vote_key_is_one_key_for_every_worker(stores):
    """Two workers asking for the vote key at first use get the same key."""
    first, second = stores
    assert first.secret() == second.secret()


def test_a_named_lock_is_held_until_its_holders_session_ends_however_old_its_lease(postgres_url, clock):
    """Two workers on one database: the gateway lock stays one's while its session lives, long past the
    lease it named; the moment that session ends (as when its process is killed) the standby gets it,
    and the first, trying again on a new session, is refused."""
    one, two = PostgresStore(postgres_url, clock), PostgresStore(postgres_url, clock)
    try:
        assert one.try_lock("discord-gateway", "w1", "2026-11-23T12:00:00", "2026-11-23T12:00:20")
        assert not two.try_lock("discord-gateway", "w2", "2026-11-23T13:00:00", "2026-11-23T13:00:20")
        assert one.try_lock("discord-gateway", "w1", "2026-11-23T13:00:01", "2026-11-23T13:00:21")  # kept
        with psycopg.connect(postgres_url, autocommit=True) as admin:  # the holder's session ends
            [[ended]] = admin.execute("select pg_terminate_backend(pid, 5000) from pg_locks "
                                      "where locktype = 'advisory' and granted").fetchall()
            assert ended
        assert two.try_lock("discord-gateway", "w2", "2026-11-23T13:00:02", "2026-11-23T13:00:22")
        assert not one.try_lock("discord-gateway", "w1", "2026-11-23T13:00:03", "2026-11-23T13:00:23")
        assert two.everything()["locks"] == [{"name": "discord-gateway", "holder": "w2",
                                              "lease_until": "2026-11-23T13:00:22"}]
    finally:
        one.close()
        two.close()


def test_a_holder_that_loses_its_session_and_cannot_get_another_is_told_it_no_longer_holds_the_lock(
        postgres_url, clock):
    """The holder's lock session ends while the database takes no new connections: its next renewal
    says the lock is no longer its (so it leaves the gateway), rather than failing like a busy database."""
    one = PostgresStore(postgres_url, clock)
    dbname = psycopg.conninfo.conninfo_to_dict(postgres_url)["dbname"]
    try:
        assert one.try_lock("discord-gateway", "w1", "2026-11-23T12:00:00", "2026-11-23T12:00:20")
        with psycopg.connect(postgres_url.replace(f"/{dbname}", "/postgres"), autocommit=True) as admin:
            admin.execute(f'alter database "{dbname}" allow_connections false')
            try:
                admin.execute("select pg_terminate_backend(pid, 5000) from pg_locks "
                              "where locktype = 'advisory' and granted")
                assert not one.try_lock("discord-gateway", "w1", "2026-11-23T12:00:07", "2026-11-23T12:00:27")
            finally:
                admin.execute(f'alter database "{dbname}" allow_connections true')
    finally:
        one.close()


def test_two_workers_sweeping_at_once_never_take_over_the_same_post(postgres_url, clock):
    """Posts whose lease ran out go to exactly one of two workers taking over at the same moment."""
    one, two = PostgresStore(postgres_url, clock), PostgresStore(postgres_url, clock)
    try:
        for n in range(20):
            one.claim_delivery(f"k{n}", "slack:T1:C1", payload="{}", at="2026-11-23T11:00:00")
        assert one.hold_deliveries([f"k{n}" for n in range(20)], "dead", "2026-11-23T11:01:00") == {
            f"k{n}" for n in range(20)}
        with ThreadPoolExecutor(2) as pool:
            taken = list(pool.map(lambda pair: pair[0].take_over_deliveries(
                pair[1], "2026-11-23T12:00:00", "2026-11-23T11:59:00", "2026-11-23T10:00:00", "2026-11-23T12:01:00"),
                [(one, "w1"), (two, "w2")]))
        keys = [d.key for batch in taken for d in batch]
        assert sorted(keys) == sorted(f"k{n}" for n in range(20)) and len(keys) == len(set(keys)) == 20
    finally:
        one.close()
        two.close()


# -- PEERBOT_DATABASE_URL selects PostgreSQL -----------------------------------------------------------
def pg_settings(postgres_url: str, tmp_path) -> Settings:
    return Settings(_env_file=None, db=str(tmp_path / "unused.db"), database_url=postgres_url)


def test_the_database_url_selects_postgresql(postgres_url, tmp_path, clock, catalog):
    """With PEERBOT_DATABASE_URL set the bot keeps its state in PostgreSQL and never makes a SQLite file."""
    settings = pg_settings(postgres_url, tmp_path)
    bot = build_bot(settings, clock=clock, catalog=catalog)
    try:
        assert isinstance(bot.store, PostgresStore)
        Chat(bot, "u-fay", Role.FACILITATOR).say("/peer schedule reflection every monday 10:00")
    finally:
        bot.store.close()
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("select kind, created_by from schedules").fetchall() == [("reflection", "u-fay")]
    assert not (tmp_path / "unused.db").exists()


def test_a_database_url_that_is_not_postgresql_is_refused_kindly():
    """Any other scheme is a one-line configuration error naming the setting; empty means SQLite."""
    from bot.settings_check import SettingsProblem, load

    with pytest.raises(SettingsProblem, match="PEERBOT_DATABASE_URL must be a PostgreSQL URL"):
        load(Settings, _env_file=None, PEERBOT_DATABASE_URL="mysql://peerbot@db/peerbot")
    assert load(Settings, _env_file=None, PEERBOT_DATABASE_URL="  ").database_url is None


def test_chat_schedules_and_tick_use_postgresql_from_the_command_line(postgres_url, tmp_path):
    """`peerbot chat`, `schedules` and `tick` all read and write the database PEERBOT_DATABASE_URL names;
    tick delivers a due post once, and a second tick delivers nothing."""
    env = {"PEERBOT_DATABASE_URL": postgres_url, "PEERBOT_DB": str(tmp_path / "unused.db"),
           "PEERBOT_LOG_LEVEL": "WARNING"}
    made = CliRunner().invoke(main, ["chat"], input="/peer schedule reflection every monday 10:00\n", env=env)
    assert made.exit_code == 0 and "Scheduled #1" in made.output, made.output
    listed = CliRunner().invoke(main, ["schedules", "--json"], env=env)
    assert listed.exit_code == 0 and '"id": 1' in listed.output, listed.output
    with psycopg.connect(postgres_url) as conn:
        recurrence, created = conn.execute("select recurrence, created_at from schedules where id = 1").fetchone()
    due = next_fire(recurrence, ZoneInfo("America/Toronto"), datetime.now(UTC), datetime.fromisoformat(created))

    def tick():
        return CliRunner().invoke(main, ["tick", "--force", "--at", (due + timedelta(minutes=1)).isoformat()],
                                  env=env)

    first = tick()
    assert "1 post(s) delivered" in first.output and first.output.count("Co-reflection") == 1, first.output
    assert "0 post(s) delivered" in tick().output
    assert not (tmp_path / "unused.db").exists()


def test_an_unreachable_database_is_said_in_one_line_without_the_password(tmp_path):
    """A PostgreSQL server that cannot be reached stops the command with one line, the password hidden."""
    url = f"postgresql://peerbot:hunter2@/peerbot?host={tmp_path}&connect_timeout=1"
    result = CliRunner().invoke(main, ["schedules"], env={"PEERBOT_DATABASE_URL": url})
    assert result.exit_code == 3
    assert f"peerbot cannot use its database postgresql://peerbot@/peerbot?host={tmp_path}:" in result.output
    assert "hunter2" not in result.output and "Traceback" not in result.output


def test_the_doctor_reads_the_postgresql_database_without_changing_it(postgres_url, clock):
    """`peerbot doctor` says the database is reached and lists a channel a schedule could not post in."""
    from adapters.doctor import doctor_report

    store = PostgresStore(postgres_url, clock)
    sid = store.add_schedule(schedule(9))
    store.note_schedule_post(sid, last_failure="not_in_channel")
    store.close()
    rows = {name: (ok, advice) for name, ok, advice in
            doctor_report(Settings(_env_file=None, database_url=postgres_url))}
    assert rows["PostgreSQL database reachable"][0]
    ok, advice = rows["slack channel C9 can take posts"]
    assert not ok and f"#{sid}" in advice


def test_the_doctor_says_when_the_postgresql_database_cannot_be_reached(tmp_path):
    """An unreachable database is one MISSING row naming the URL without its password."""
    from adapters.doctor import doctor_report

    url = f"postgresql://peerbot:hunter2@/peerbot?host={tmp_path}"
    rows = {name: (ok, advice) for name, ok, advice in doctor_report(Settings(_env_file=None, database_url=url))}
    ok, advice = rows["PostgreSQL database reachable"]
    assert not ok and advice.startswith(f"postgresql://peerbot@/peerbot?host={tmp_path}: ")
    assert "hunter2" not in advice


def test_four_workers_ticking_the_same_minute_claim_each_post_once(postgres_url, tmp_path, clock, catalog):
    """Four workers on one database tick at the same moment: every due post is claimed by exactly one."""
    settings = pg_settings(postgres_url, tmp_path)
    workers = [build_bot(settings, clock=clock, catalog=catalog) for _ in range(4)]
    try:
        for n in range(12):
            Chat(workers[0], "u-fay", Role.FACILITATOR, Where("test", "team", f"c-{n}")).say(
                "/peer schedule reflection every monday 10:00")
        due = datetime(2026, 11, 23, 15, 0, 30, tzinfo=UTC)  # Monday 10:00 in Toronto, half a minute on
        barrier = threading.Barrier(4)

        def tick(bot):
            barrier.wait()
            return [post.key for post in bot.tick(due)]

        ticking = [in_thread(lambda bot=bot: tick(bot)) for bot in workers]
        for thread, _ in ticking:
            thread.join(60)
        assert not [box["error"] for _, box in ticking if "error" in box]
        claimed = [key for _, box in ticking for key in box["result"]]
        assert len(claimed) == 12 and len(set(claimed)) == 12, claimed
        assert [post.key for bot in workers for post in bot.tick(due)] == [], "a second tick claims nothing"
    finally:
        for bot in workers:
            bot.store.close()


def test_a_tick_a_minute_later_runs_what_an_earlier_tick_held_while_working_out_its_next_time(
        postgres_url, tmp_path, clock, catalog):
    """Two new schedules, at 10:00 and 10:01, whose next times no tick has worked out yet: while a
    worker ticking 10:00 holds both, a worker ticking 10:01 waits for it to let go, then posts the
    10:01 run, which the first worker worked out and left; the 10:00 run is the first worker's."""
    settings = pg_settings(postgres_url, tmp_path)
    early, late = (build_bot(settings, clock=clock, catalog=catalog) for _ in range(2))
    try:
        for n, at in enumerate(["10:00", "10:01"]):
            Chat(early, "u-fay", Role.FACILITATOR, Where("test", "team", f"c-{n}")).say(
                f"/peer schedule reflection every monday {at}")
        ten = datetime(2026, 11, 23, 15, 0, 30, tzinfo=UTC)  # Monday 10:00 in Toronto, half a minute on
        with early.store.transaction():  # the 10:00 tick, not committed yet: it holds both schedules
            first = {post.where.channel for post in early.tick(ten)}
            thread, box = in_thread(lambda: {post.where.channel for post in late.tick(ten + timedelta(minutes=1))})
            wait_until_blocked(postgres_url, thread)
            assert thread.is_alive(), "the 10:01 tick finished without waiting for the schedules held"
        thread.join(30)
        assert (first, box.get("result")) == ({"c-0"}, {"c-1"}), box.get("error")
    finally:
        early.store.close()
        late.store.close()


def test_a_database_that_cannot_be_written_is_said_in_chat_and_the_next_request_works(postgres_url, tmp_path,
                                                                                      clock, catalog):
    """When PostgreSQL refuses writes, the person hears that storage is the cause; once it takes
    them again, the same request works (the pool's connections are replaced, not left broken)."""
    bot = build_bot(pg_settings(postgres_url, tmp_path), clock=clock, catalog=catalog)
    facilitator = Chat(bot, "u-fay", Role.FACILITATOR)

    def read_only(on: bool) -> None:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("set default_transaction_read_only = off")  # this session may still write
            admin.execute(f"alter database {admin.info.dbname} set default_transaction_read_only = {on}")
            # Sessions pick the setting up when they start: end the bot's, so its pool opens new ones.
            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                          "where datname = current_database() and pid != pg_backend_pid()")

    try:
        read_only(True)
        reply = facilitator.say("/peer schedule reflection every monday 10:00")[-1]
        assert "my storage cannot be written to" in reply.text and "something went wrong" not in reply.text
        read_only(False)
        assert "Scheduled" in facilitator.say("/peer schedule reflection every monday 11:00")[-1].text
    finally:
        bot.store.close()
