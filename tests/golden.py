"""Golden files: a value rendered for a platform, pinned as JSON beside the tests that make it.

Every golden in the suite goes through `goldens(folder)`. After a deliberate change to a rendering,
rewrite them with `PEERBOT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/slack tests/discord`
and read the diff before committing it.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

UPDATE = "PEERBOT_UPDATE_GOLDEN"


def goldens(folder: Path) -> Callable[[str, Any], None]:
    """A check that `value` equals the golden `<folder>/<name>.json` (or rewrites it, with the variable set)."""
    def check(name: str, value: Any) -> None:
        path = folder / f"{name}.json"
        text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if os.environ.get(UPDATE):
            folder.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden {path.name} yet; run with {UPDATE}=1 to write it"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} changed; run with {UPDATE}=1 after a deliberate change"
    return check
