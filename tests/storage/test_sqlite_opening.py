"""Several processes opening one new SQLite file at the same moment (workers starting together)."""
from __future__ import annotations

import multiprocessing


def _open(path: str, barrier, results) -> None:
    from storage.sqlite import SqliteStore

    barrier.wait()
    try:
        SqliteStore(path)
        results.put("ok")
    except Exception as e:  # noqa: BLE001 (reported to the test, which names it)
        results.put(f"{type(e).__name__}: {e}")


def test_processes_opening_a_new_file_together_wait_for_each_others_migrations(tmp_path):
    """Each waits for the one migrating instead of being refused with "database is locked" (before
    the migrations took the write lock up front, most such openings failed)."""
    context = multiprocessing.get_context("fork")
    for trial in range(5):
        path = str(tmp_path / f"shared-{trial}.db")
        barrier, results = context.Barrier(3), context.Queue()
        workers = [context.Process(target=_open, args=(path, barrier, results)) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
        assert sorted(results.get(timeout=5) for _ in workers) == ["ok"] * 3
