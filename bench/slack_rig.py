"""The Slack rig the Slack benchmarks share: a fake Web API, the endpoints under test, signed requests.

Everything stays on 127.0.0.1. The endpoint under test runs in a process of its own (so its peak
memory is its own and the load generator does not share its CPU):

- `python -m bench.slack_rig server peerbot API_URL DB_PATH`: peerbot's real Slack platform in HTTP mode
  (`SlackPlatform`, the same Bolt app, `AppRunner` and `TCPSite` that `peerbot run` serves);
- `python -m bench.slack_rig server bare API_URL DB_PATH` (the path unused): a bare slack-bolt `AsyncApp` with the same
  signing secret, served the same way, whose only listener does the same Slack work peerbot does for `/peer ask`
  without peerbot's own: it acknowledges, then posts one ephemeral reply through the same fake Web API (the
  fair comparison: before, the bare app only acknowledged);
- `python -m bench.slack_rig api`: the fake Slack Web API alone (for the throughput run, so
  answering peerbot's replies does not take CPU from the load generator).

A server prints `port N` once listening, serves until its stdin closes, then prints one JSON line
with its memory (VmRSS after start-up, VmHWM at the end) and exits. Both servers log the way
`peerbot run` does (INFO; aiohttp's access log, a line per request, only at DEBUG), into a file.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import web
from slack_sdk.signature import SignatureVerifier

from testing.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret-0123456789ab"
TOKEN = "xoxb-bench-token"
PATH = "/slack/events"


def memory_mb() -> dict[str, float]:
    """This process's resident memory now and at its peak (Linux /proc), in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            name, kb = line.split()[:2]
            values[name.rstrip(":")] = round(int(kb) / 1024, 1)
    return values


def questions() -> list[str]:
    """The task and topic questions of the dev sets (the same ones `bench.answering` times)."""
    found = []
    for name in ("task_questions.toml", "topic_questions.toml", "topic_questions_defs_myths.toml"):
        found += [c["question"] for c in tomllib.loads((ROOT / "tests/data" / name).read_text())["case"]]
    return found


def signed(fields: dict[str, str], timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
    """A slash-command body and the headers Slack would sign it with."""
    body = urlencode(fields).encode()
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body) or ""
    return body, {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature,
                  "Content-Type": "application/x-www-form-urlencoded"}


def slash(text: str, *, user: str, channel: str, n: int) -> dict[str, str]:
    """`/peer text` as Slack sends it (the fields peerbot reads, trimmed like tests/slack's payloads)."""
    return {"token": "legacy", "team_id": "T1", "team_domain": "peer", "channel_id": channel,
            "channel_name": "peer-circle", "user_id": user, "user_name": user.lower(), "command": "/peer",
            "text": text, "api_app_id": "A1", "is_enterprise_install": "false",
            "response_url": "http://127.0.0.1:9/response", "trigger_id": f"trigger.{n}"}


def fake_web_api() -> FakeSlack:
    """The shared fake Slack Web API (testing/fake_slack.py), set up as the benchmarks need it: the
    "facilitators" user group holds UFAC, and calls are counted, not kept (memory stays flat)."""
    return FakeSlack(groups={"S1": ("facilitators", ["UFAC"])}, keep_calls=False)


class Server:
    """An endpoint under test in its own process (`python -m bench.slack_rig server ...`).
    Start it with `await Server(...).started()`: its start-up calls the fake Web API, which may be
    served by the caller's own event loop, so the caller must not block while waiting."""

    def __init__(self, kind: str, api_url: str, workdir: Path, db: str = "", name: str = ""):
        self.kind = kind
        self.log = workdir / f"{name or kind}.log"
        db = db or str(workdir / f"{kind}.db")
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.slack_rig", "server", kind, api_url, db],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log.open("w"), text=True, env=bench_env())
        self.port = 0
        self.url = ""

    async def started(self) -> "Server":
        line = await asyncio.to_thread(self.proc.stdout.readline)
        if not line.startswith("port "):
            self.proc.kill()
            raise RuntimeError(f"{self.kind} server did not start: {line!r}; see {self.log}")
        self.port = int(line.split()[1])
        self.url = f"http://127.0.0.1:{self.port}{PATH}"
        return self

    async def stop(self) -> dict:
        """Close its stdin, read its final JSON line (memory), and wait for it."""
        out, _ = await asyncio.to_thread(self.proc.communicate, "", 60)
        return json.loads(out.strip().splitlines()[-1])


class FakeAPIProcess:
    """The fake Web API in a process of its own (`python -m bench.slack_rig api`)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.slack_rig", "api"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=bench_env())
        self.url = self.proc.stdout.readline().split()[1]
        self.api_url = f"{self.url}/api/"

    def stop(self) -> None:
        self.proc.communicate("", timeout=30)


def bench_env() -> dict[str, str]:
    """The environment for child processes: no tokens or settings from the caller's shell or .env."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PEERBOT_", "SLACK_", "DISCORD_"))}
    return {**keep, "PYTHONPATH": str(ROOT)}


# -- the child processes --------------------------------------------------------------------
async def _until_stdin_closes() -> None:
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


async def _serve_peerbot(api_url: str, db: str) -> None:
    from adapters.bootstrap import build_bot
    from adapters.settings import AppSettings as Settings
    from adapters.slack import SlackPlatform
    from bot.delivery.outbox import Outbox

    # DB_PATH may be a postgresql:// URL instead: workers on one PostgreSQL database (bench.slack_workers).
    where = {"PEERBOT_DATABASE_URL": db} if db.startswith("postgresql://") else {"PEERBOT_DB": db}
    settings = Settings(_env_file=None, **where, SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET,
                        SLACK_APP_TOKEN=None, SLACK_FACILITATOR_GROUP="facilitators", PORT=0)
    bot = build_bot(settings)
    platform = SlackPlatform(bot, settings, Outbox(bot.store, {}, bot.clock), base_url=api_url, host="127.0.0.1")
    await platform.start()
    started = memory_mb()
    print(f"port {platform.port}", flush=True)
    await _until_stdin_closes()
    await platform.drain()
    await platform.stop()
    print(json.dumps({"rss_after_start_mb": started["VmRSS"], **{"peak_rss_mb": memory_mb()["VmHWM"]}}), flush=True)


async def _serve_bare(api_url: str) -> None:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    app = AsyncApp(client=AsyncWebClient(token=TOKEN, base_url=api_url), signing_secret=SECRET, name="bare")
    tasks: set[asyncio.Task] = set()
    reply = "Here is what the guide says. " * 8  # about the length of one of peerbot's answers

    # The same Slack work peerbot does per `/peer ask` (ack, then one reply posted in a task of its
    # own), without peerbot's core: the difference between the two is what peerbot adds.
    @app.command("/peer")
    async def peer(ack, body, client) -> None:  # noqa: ANN001 - Bolt injects by name
        await ack()
        task = asyncio.ensure_future(client.chat_postEphemeral(channel=body["channel_id"], user=body["user_id"],
                                                               text=reply))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    runner = web.AppRunner(app.web_app(path=PATH, port=0))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    started = memory_mb()
    print(f"port {runner.addresses[0][1]}", flush=True)
    await _until_stdin_closes()
    await runner.cleanup()
    print(json.dumps({"rss_after_start_mb": started["VmRSS"], "peak_rss_mb": memory_mb()["VmHWM"]}), flush=True)


async def _serve_api() -> None:
    api = await fake_web_api().start()
    print(f"url {api.url}", flush=True)
    await _until_stdin_closes()
    await api.stop()


if __name__ == "__main__":
    # Log like `peerbot run` (adapters/cli.py): INFO, to stderr, aiohttp's access log only at DEBUG.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # as `peerbot run` does below DEBUG
    role = sys.argv[1]
    if role == "api":
        logging.disable(logging.CRITICAL)
        asyncio.run(_serve_api())
    elif sys.argv[2] == "peerbot":
        asyncio.run(_serve_peerbot(sys.argv[3], sys.argv[4]))
    else:
        asyncio.run(_serve_bare(sys.argv[3]))
