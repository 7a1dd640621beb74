"""Setting Slack up: the app manifest asks for what the adapter uses, and `doctor` explains the
configuration without ever showing a secret."""
from __future__ import annotations

import re
from pathlib import Path

from slack_harness import slack_settings

from adapters.doctor import SECTIONS, doctor_report
from adapters.settings import AppSettings as Settings
from bot.records import Schedule

MANIFEST = Path(__file__).resolve().parents[2] / "slack-manifest.yml"


def listed(section: str) -> set[str]:
    """The `- item` lines under a key of the manifest (a plain reading; the file has no anchors)."""
    text = MANIFEST.read_text(encoding="utf-8")
    block = re.search(rf"^(\s*){section}:\n((?:\1\s+- .*\n)+)", text, re.MULTILINE)
    assert block, f"no list under {section} in the manifest"
    return {line.strip()[2:] for line in block.group(2).splitlines()}


def test_the_manifest_declares_the_command_events_and_scopes_the_adapter_uses():
    """The manifest has /peer, the three events peerbot listens to, interactivity, App Home and Socket Mode."""
    text = MANIFEST.read_text(encoding="utf-8")
    assert "command: /peer" in text and "should_escape: true" in text
    assert listed("bot_events") == {"app_mention", "message.im", "app_home_opened"}
    assert {"commands", "chat:write", "app_mentions:read", "im:history", "users:read", "usergroups:read",
            "channels:history"} <= listed("bot")
    for setting in ("home_tab_enabled: true", "messages_tab_enabled: true", "socket_mode_enabled: true"):
        assert setting in text
    assert re.search(r"interactivity:\n\s+is_enabled: true", text)


# Each bot scope and the Web API methods (or events) that need it (api.slack.com/scopes/<scope>,
# "Compatible API methods"); a scope with nothing here would be asked for and never used.
SCOPE_USES = {"chat:write": ("chat_postMessage", "chat_postEphemeral", "chat_update"),
              "channels:history": ("conversations_history", "conversations_replies"),
              "groups:history": ("conversations_history", "conversations_replies"),
              "channels:read": ("conversations_info",), "groups:read": ("conversations_info",),
              "users:read": ("users_info",), "usergroups:read": ("usergroups_list", "usergroups_users_list"),
              "im:history": ("message.im",), "app_mentions:read": ("app_mention",), "commands": ("/peer",)}


def test_the_manifest_asks_for_no_scope_the_bot_does_not_use():
    """Every bot scope in the manifest is needed by a call the Slack adapter makes or an event it takes;
    im:read and im:write (no call needs them) and chat:write.public (peerbot posts where invited) are not asked."""
    scopes = listed("bot")
    assert scopes == set(SCOPE_USES)
    assert not scopes & {"im:read", "im:write", "chat:write.public"}
    source = " ".join(p.read_text(encoding="utf-8") for p in (MANIFEST.parents[0] / "adapters" / "slack").glob("*.py"))
    source += MANIFEST.read_text(encoding="utf-8")
    for scope, uses in SCOPE_USES.items():
        assert any(use in source for use in uses), f"{scope}: nothing uses it"


def test_doctor_lists_channels_where_schedules_could_not_post(tmp_path):
    """After a scheduled post was refused, `peerbot doctor` names the channel, the schedule and what to do."""
    from adapters.bootstrap import build_bot  # noqa: PLC0415

    settings = slack_settings(tmp_path)
    bot = build_bot(settings)
    sid = bot.store.add_schedule(Schedule(channel="slack:T1:C9", platform="slack", workspace="T1", channel_id="C9",
                                          kind="reflection", recurrence="RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0",
                                          created_by="UFAC", created_at="2026-11-23T12:00:00+00:00"))
    bot.store.note_schedule_post(sid, last_failure="not_in_channel")
    bot.store.close()
    [row] = [r for r in doctor_report(settings) if "C9" in r[0]]
    assert row[1] is False and f"#{sid}" in row[2] and "/invite @peerbot" in row[2] and "#C9" in row[2]


def test_doctor_says_where_the_web_api_is_when_not_slacks_own(tmp_path):
    """SLACK_API_URL pointed elsewhere (a proxy) shows in doctor; Slack's own is not mentioned."""
    assert not [r for r in doctor_report(slack_settings(tmp_path)) if r[0] == "SLACK_API_URL"]
    [row] = [r for r in doctor_report(slack_settings(tmp_path, SLACK_API_URL="https://proxy.example/api"))
             if r[0] == "SLACK_API_URL"]
    assert "https://proxy.example/api/" in row[2]


def test_doctor_never_shows_a_secret(tmp_path):
    """Whatever the tokens are, the report mentions only whether they are set and their kind."""
    for bot, app in (("xoxb-111-222-s3cr3t", "xapp-1-A1-s3cr3t"), ("s3cr3t-bot", "s3cr3t-app")):
        report = doctor_report(slack_settings(tmp_path, SLACK_BOT_TOKEN=bot, SLACK_APP_TOKEN=app,
                                              SLACK_SIGNING_SECRET="s3cr3t-signing"))
        assert "s3cr3t" not in repr(report) and "111-222" not in repr(report)


def test_doctor_says_socket_mode_when_both_tokens_are_set(tmp_path):
    """With a bot token and an app token, doctor reports Socket Mode and nothing missing."""
    report = doctor_report(slack_settings(tmp_path, SLACK_APP_TOKEN="xapp-1-A1-x", SLACK_SIGNING_SECRET=None))
    assert all(ok for _, ok, _ in report)
    assert any("Socket Mode" in advice for _, _, advice in report)


def test_doctor_says_http_mode_with_only_a_signing_secret(tmp_path):
    """With a bot token and a signing secret but no app token, doctor reports HTTP mode and its URL."""
    report = doctor_report(slack_settings(tmp_path))
    assert any("HTTP mode" in advice and "/slack/events" in advice for _, _, advice in report)


def test_doctor_spots_tokens_pasted_into_the_wrong_setting(tmp_path):
    """A bot token where the app token belongs (or the reverse) is flagged, by prefix only."""
    report = doctor_report(slack_settings(tmp_path, SLACK_BOT_TOKEN="xapp-1-A1-x", SLACK_APP_TOKEN="xoxb-1-2"))
    failed = [check for check, ok, _ in report if not ok]
    assert any("SLACK_BOT_TOKEN" in c for c in failed) and any("SLACK_APP_TOKEN" in c for c in failed)


def test_doctor_says_what_is_missing_for_slack_to_start(tmp_path):
    """A bot token alone is not enough: doctor names the two ways to finish the setup."""
    report = doctor_report(slack_settings(tmp_path, SLACK_SIGNING_SECRET=None))
    [mode] = [row for row in report if row[0] == "Slack mode"]
    assert mode[1] is False and "SLACK_APP_TOKEN" in mode[2] and "SLACK_SIGNING_SECRET" in mode[2]


def test_without_slack_settings_doctor_says_slack_is_off(tmp_path):
    """No Slack settings at all is one calm line, not a list of failures."""
    settings = Settings(_env_file=None, PEERBOT_DB=str(tmp_path / "t.db"), SLACK_BOT_TOKEN=None,
                        SLACK_APP_TOKEN=None, SLACK_SIGNING_SECRET=None)
    assert [row[0] for row in doctor_report(settings)] == ["Slack configured"]


def test_other_platforms_can_add_their_checks(tmp_path):
    """A platform adds its section by appending a function to SECTIONS."""
    SECTIONS.append(lambda settings: [("Discord configured", False, "not set")])
    try:
        assert doctor_report(slack_settings(tmp_path))[-1][0] == "Discord configured"
    finally:
        SECTIONS.pop()
