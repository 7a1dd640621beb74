"""Helpers the Slack tests share (kept out of conftest.py, whose module name other test folders share):
the signing secret, settings for a Slack workspace, and a fake time for the outbox."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from adapters.settings import AppSettings as Settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@dataclass
class FakeTime:
    """Time for the outbox: `sleep` records how long it was asked to wait and moves `now` on."""

    now: float = 1000.0
    slept: list[float] = field(default_factory=list)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

    def monotonic(self) -> float:
        return self.now


def slack_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"PEERBOT_DB": str(tmp_path / "t.db"), "SLACK_BOT_TOKEN": "xoxb-test-token",
                                 "SLACK_SIGNING_SECRET": SECRET, "SLACK_APP_TOKEN": None,
                                 "SLACK_FACILITATOR_GROUP": "facilitators", "PORT": 0}
    return Settings(_env_file=None, **{**values, **overrides})
