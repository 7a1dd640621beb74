"""`peerbot run` as an operator starts it, end to end: a separate process in Slack HTTP mode, its Web API
pointed by `SLACK_API_URL` at the fake Slack on 127.0.0.1, which refuses to post in the channel
(not_in_channel, the state right after install). A correctly signed `/peer reflect` from a facilitator
reaches the process over HTTP, and what the facilitator is told is read from the fake."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest
from slack_harness import SECRET
from slack_workspace import Workspace, text_of

from testing.fake_slack import FakeSlack

PEERBOT = Path(sys.executable).parent / "peerbot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def started(process: asyncio.subprocess.Process, marker: str, timeout: float = 30.0) -> list[str]:
    """The process's log lines up to the one containing `marker` (read as they come, never slept on)."""
    lines: list[str] = []

    async def read() -> list[str]:
        assert process.stderr is not None
        while line := (await process.stderr.readline()).decode():
            lines.append(line)
            if marker in line:
                return lines
        raise AssertionError("peerbot exited before it was ready:\n" + "".join(lines))
    return await asyncio.wait_for(read(), timeout)


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def test_peerbot_run_tells_the_facilitator_when_slack_refuses_the_post(tmp_path, fake: FakeSlack, store,
                                                                              request):
    """`peerbot run` with SLACK_API_URL set uses that Web API: `/peer reflect` in a channel peerbot is not in
    gets a private "invite me with /invite @peerbot", and nothing says "Posted". The same on SQLite and on
    the PostgreSQL database PEERBOT_DATABASE_URL names."""
    fake.refuse["C1"] = "not_in_channel"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "PEERBOT_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-test-token", SLACK_SIGNING_SECRET=SECRET, PORT=str(port),
               SLACK_API_URL=fake.api_url, SLACK_FACILITATOR_GROUP="facilitators",
               PEERBOT_DB=str(tmp_path / "run.db"), PEERBOT_LOG_LEVEL="INFO")
    if store == "postgres":
        env["PEERBOT_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    process = await asyncio.create_subprocess_exec(str(PEERBOT), "run", cwd=tmp_path, env=env,
                                                   stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        await started(process, "HTTP mode")
        assert fake.called("auth.test")  # the start-up check went to SLACK_API_URL
        ws = Workspace(f"http://127.0.0.1:{port}/slack/events", SECRET, fake)
        assert await ws.command("reflect", user="UFAC", channel="C1", response_url=fake.response_url(3)) == 200
        [note] = await fake.wait_until(lambda: [c for c in fake.called("response_url") if "/invite @peerbot" in
                                                text_of(c)], timeout=15)
        assert note.args["response_type"] == "ephemeral" and "nothing went out" in text_of(note)
        assert fake.called("chat.postMessage", channel="C1") and not fake.messages
        assert not [c for c in fake.calls if "Posted" in text_of(c) and c.result.get("ok", True)]
        assert (tmp_path / "run.db").exists() == (store == "sqlite")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 15)
