"""Setting Teams up: the app manifest in the repository, `peerbot doctor`'s Teams section, and
`peerbot run` starting Teams beside the scheduler in one process."""
from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import aiohttp
import teams_payloads as P

from adapters import runner
from adapters.bootstrap import build_bot
from adapters.doctor import doctor_report
from adapters.settings import AppSettings as Settings
from bot.router import COMMANDS

MANIFEST = Path(__file__).resolve().parents[2] / "teams" / "manifest.json"
APP = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def rows(**env) -> dict[str, tuple[bool, str]]:
    return {name: (ok, advice) for name, ok, advice in doctor_report(Settings(_env_file=None, **env))}


def test_the_manifest_offers_peerbot_in_personal_team_and_group_chat_scopes():
    """teams/manifest.json declares one bot in the personal, team and groupChat scopes, with its icons."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    [bot] = manifest["bots"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    for icon in manifest["icons"].values():
        assert (MANIFEST.parent / icon).exists()


def test_the_manifests_commands_are_the_routers_and_within_teams_limit_of_ten():
    """Every command the manifest suggests is one the router answers; Teams shows at most ten."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    commands = [c["title"] for cl in manifest["bots"][0]["commandLists"] for c in cl["commands"]]
    assert 0 < len(commands) <= 10 and set(commands) <= set(COMMANDS)
    assert all(len(c["description"]) <= 128 for cl in manifest["bots"][0]["commandLists"] for c in cl["commands"])


def test_the_manifest_asks_for_no_consent_to_read_channel_messages():
    """peerbot sees only what is addressed to it: no ChannelMessage.Read.Group or ChatMessage.Read.Chat."""
    text = MANIFEST.read_text(encoding="utf-8")
    assert "ChannelMessage.Read" not in text and "ChatMessage.Read" not in text
    permissions = json.loads(text)["authorization"]["permissions"]["resourceSpecific"]
    assert [p["name"] for p in permissions] == ["TeamMember.Read.Group"]


def test_without_an_app_id_teams_adds_nothing_to_the_doctors_report():
    """No TEAMS_APP_ID: Teams is optional, so its section stays silent."""
    assert not [name for name in rows() if "Teams" in name or "TEAMS" in name]


def test_the_doctor_describes_the_teams_settings_and_never_shows_the_password():
    """With Teams set, the doctor checks the ids' shapes and names the credential, never its value."""
    report = rows(TEAMS_APP_ID=APP, TEAMS_TENANT_ID=TENANT, TEAMS_APP_PASSWORD="pa55-w0rd-value")
    assert report["TEAMS_APP_ID is a GUID"][0] and report["TEAMS_TENANT_ID is a GUID"][0]
    assert "client secret" in report["Teams credential"][1]
    assert all("pa55-w0rd-value" not in advice for _, advice in report.values())


def test_the_doctor_flags_a_missing_tenant_and_names_managed_identity():
    """No tenant is a problem (single-tenant bots need it); no password means managed identity."""
    report = rows(TEAMS_APP_ID=APP)
    assert report["TEAMS_TENANT_ID is a GUID"][0] is False
    assert "managed identity" in report["Teams credential"][1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_run_starts_teams_with_authentication_on_and_stops_cleanly(tmp_path, catalog, clock):
    """`peerbot run` with TEAMS_APP_ID set serves /api/messages (refusing a request without the Bot
    Connector's token) beside the scheduler, and stops when told to."""
    port = free_port()
    settings = Settings(_env_file=None, PEERBOT_DB=str(tmp_path / "t.db"), TEAMS_APP_ID=APP,
                        TEAMS_TENANT_ID=TENANT, TEAMS_APP_PASSWORD="pa55-w0rd-value", TEAMS_PORT=port)
    assert "teams" in runner.platform_classes(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(runner.serve(build_bot(settings, clock=clock, catalog=catalog), settings, stop))
    status = None
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.post(f"http://127.0.0.1:{port}/api/messages",
                                        json=P.personal("http://127.0.0.1:9", "hello")) as response:
                    status = response.status
                    break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 10)
    assert status == 401
