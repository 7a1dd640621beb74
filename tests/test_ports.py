"""The store port, split by capability: every capability is part of `Store`, and the SQLite store
provides every method of every one with the same parameters (a second store can run this test too)."""
from __future__ import annotations

import inspect
from typing import Protocol

import pytest

from bot import ports
from storage.sqlite import SqliteStore

CAPABILITIES = [obj for name, obj in vars(ports).items()
                if inspect.isclass(obj) and Protocol in obj.__bases__
                and obj.__module__ == ports.__name__ and name not in ("Store", "Clock")]


def methods(protocol: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(fn) for name, fn in vars(protocol).items()
            if inspect.isfunction(fn) and not name.startswith("_")}


def test_the_store_is_the_union_of_its_capabilities():
    """`Store` adds nothing of its own: each of its methods belongs to exactly one capability."""
    owners: dict[str, list[str]] = {}
    for capability in CAPABILITIES:
        assert capability in ports.Store.__mro__, capability.__name__
        for name in methods(capability):
            owners.setdefault(name, []).append(capability.__name__)
    assert methods(ports.Store) == {}
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}
    assert len(CAPABILITIES) >= 10 and len(owners) >= 50


@pytest.mark.parametrize("capability", CAPABILITIES, ids=lambda c: c.__name__)
def test_the_sqlite_store_provides_each_capability(capability):
    """Every method of the capability is on SqliteStore, taking the same parameters in the same order."""
    for name, wanted in methods(capability).items():
        found = getattr(SqliteStore, name, None)
        assert found is not None, f"SqliteStore has no {name}"
        assert list(inspect.signature(found).parameters) == list(wanted.parameters), name
