"""`peerbot doctor` on Discord: says what is missing and how to invite the bot, never the token."""
from __future__ import annotations

import base64

from adapters.doctor import doctor_report
from adapters.settings import AppSettings as Settings

BOT = "900000000000000001"
TOKEN = base64.urlsafe_b64encode(BOT.encode()).decode().rstrip("=") + ".GhIjKl." + "s3cr3t" * 7


def rows(**env) -> dict[str, tuple[bool, str]]:
    return {name: (ok, advice) for name, ok, advice in doctor_report(Settings(_env_file=None, **env))}


def test_without_a_token_discord_adds_nothing_to_the_report():
    """No DISCORD_TOKEN: a Slack-only or terminal-only setup is complete, so Discord stays silent."""
    assert not [name for name in rows() if "Discord" in name]


def test_a_token_is_described_never_shown():
    """A bot token is reported as set, with the bot's public id and an invite link, but not the token."""
    report = rows(DISCORD_TOKEN=TOKEN, DISCORD_FACILITATOR_ROLE="Peer leads")
    assert report["DISCORD_TOKEN set"] == (True, f"set, for the bot with id {BOT}")
    ok, link = report["Discord invite link"]
    assert f"client_id={BOT}" in link and "scope=bot+applications.commands" in link
    assert "Peer leads" in report["Discord facilitators"][1]
    assert all("s3cr3t" not in advice for _, advice in report.values())


def test_a_token_of_the_wrong_shape_is_flagged():
    """Something pasted that is not a bot token (a client secret, say) is flagged, and not echoed."""
    ok, advice = rows(DISCORD_TOKEN="not-a-token-s3cr3t")["DISCORD_TOKEN looks like a bot token"]
    assert not ok and "s3cr3t" not in advice
