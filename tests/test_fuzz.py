"""Hostile and odd input, generated: every command and button path answers kindly and safely.

Hypothesis throws long, empty, control-character, mixed-script, Markdown- and mention-laden text at
every command word and every button verb. Whatever comes back must be a reply (never the "something
went wrong" apology that stands for an unhandled error), must render inside Slack's and Discord's
limits, and must never carry a group ping or a link that came from the input.
"""
from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from adapters.bootstrap import build_bot
from adapters.discord.render import to_messages as discord_messages
from adapters.slack.render import to_messages as slack_messages
from bot import router
from bot.messages import Command, Post, Press, Reply, Role, Where, Who
from bot.settings import Settings
from tests.discord.test_discord_limits import assert_within_limits

INJECTIONS = ["@everyone", "@here", "<!channel>", "<!here>", "<!subteam^S123|@team>", "<@&123456>",
              "[click me](https://evil.example/x)", "https://evil.example", "<https://evil.example|click>",
              "**bold** __u__ ~~s~~ ||spoiler|| `code` ```block```", "# heading", "> quote",
              "\u202eevil\u202c", "\u200b\u200b", "\x00\x07\x1b[31m", "Ⅰ𝔁𝖊𝖗 дружба 同伴 مساعدة 🧡", "'; drop table flows; --",
              "NEAR(a b)", "\"unbalanced", "*", "%s %d {0}", "../../etc/passwd"]

text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=4000),
    st.lists(st.sampled_from(INJECTIONS + ["a", "the", "task", "every", "monday", "10:00", "#1", "9"]),
             max_size=12).map(" ".join),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=50),
)
verbs = st.sampled_from(sorted(router.COMMANDS) + ["", "peer", "PEER", "forget"])
# Sub-commands, so the fuzzing reaches past the first word of each command.
subwords = st.sampled_from(["", "add", "remove", "list", "pause", "resume", "skip", "now", "delete", "reflection",
                            "checkin", "session", "every", "timer", "no timer", "gifts", "self-disclosure", "me"])
actions = st.builds(lambda verb, args: ":".join(["v1", verb, *args]),
                    st.sampled_from(sorted(router.ACTIONS) + ["nope"]),
                    st.lists(st.text(alphabet=st.characters(exclude_characters=":"), max_size=30), max_size=4))

BROKEN = "Sorry, something went wrong"
FORBIDDEN = ("<!channel>", "<!here>", "<!everyone>", "<!subteam", "<@&", "@everyone", "@here",
             "https://evil", "](https", "\u202e", "\x00")


@pytest.fixture(scope="module")
def fuzz_bot(tmp_path_factory, catalog):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    return build_bot(Settings(db=str(path), _env_file=None), catalog=catalog)


def strings_in(payload) -> list[str]:
    if isinstance(payload, str):
        return [payload]
    if isinstance(payload, dict):
        return [s for v in payload.values() for s in strings_in(v)]
    if isinstance(payload, list):
        return [s for v in payload for s in strings_in(v)]
    return []


def assert_safe(messages, caplog) -> None:
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "an unhandled error was logged"
    caplog.clear()
    assert messages, "every request gets an answer"
    for message in messages:
        reply = message.reply if isinstance(message, Post) else message
        assert isinstance(reply, Reply) and reply.text.strip()
        assert not reply.text.startswith(BROKEN)
        slack = slack_messages(reply)
        for m in slack:
            assert len(m["text"]) <= 3000 and len(m.get("blocks", [])) <= 50
            for block in m.get("blocks", []):
                Block.parse(block).validate_json()
        discord = discord_messages(reply)
        for m in discord:
            assert_within_limits(m)
        rendered = " ".join(strings_in(slack) + strings_in(discord))
        leaked = [f for f in FORBIDDEN if f in rendered]
        assert not leaked, f"{leaked} reached a platform in reply to {reply.text[:80]!r}"


ROLES = st.sampled_from([Role.PARTICIPANT, Role.FACILITATOR, Role.ADMIN])
PLACES = st.sampled_from([Where("slack", "T1", "C1"), Where("discord", "G1", "42", thread="43"),
                          Where("slack", "T1", "D1", is_dm=True)])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(verb=verbs, sub=subwords, rest=text, role=ROLES, where=PLACES)
def test_any_command_gets_a_kind_answer_that_fits_and_pings_nobody(fuzz_bot, caplog, verb, sub, rest, role, where):
    """Any text after any command word is answered inside both platforms' limits, with nothing injected."""
    request = Command(f"/peer {verb} {sub} {rest}", Who("U1", role), where)
    assert_safe(fuzz_bot.handle(request).messages, caplog)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=actions, values=st.dictionaries(st.sampled_from(["kind", "when", "theme", "question", "q"]), text,
                                             max_size=3), role=ROLES, where=PLACES)
def test_any_button_or_form_press_gets_a_kind_answer(fuzz_bot, caplog, action, values, role, where):
    """A forged or stale button id, with any form values, is answered kindly and safely."""
    request = Press(action, Who("U1", role), where, tuple(values.items()))
    assert_safe(fuzz_bot.handle(request).messages, caplog)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=text)
def test_any_free_text_question_gets_a_kind_answer(fuzz_bot, caplog, question):
    """A mention or DM with any text at all reaches the answerer and comes back safe."""
    request = Command(question, Who("U2"), Where("discord", "G1", "42"), via="mention")
    assert_safe(fuzz_bot.handle(request).messages, caplog)


# -- issue 18: long inputs and settings -------------------------------------------------------------
CHUNKS = ["is it ok to drive someone to court ", "a", "1", "<", "<mailto:", "Jane Smith relapsed ", "a.", "id ",
          "I want to ", "🧡", "\u202e", " ", "\n", "@x.y ", "DOB 1/2/1990 "]
long_text = st.builds(lambda chunk, n, tail: (chunk * (n // max(len(chunk), 1) + 1))[:n] + tail,
                      st.sampled_from(CHUNKS), st.integers(3_000, 60_000), st.text(max_size=30))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(verb=verbs, rest=long_text, role=ROLES)
def test_any_command_with_a_long_message_is_cut_and_answered_kindly(fuzz_bot, caplog, verb, rest, role):
    """Messages up to and past Slack's 40,000 characters, made of the shapes that once stalled the
    bot, are answered kindly; past the limit the person hears that only the start was read.
    (Their time per message is measured in bench/abuse.py, not here.)"""
    from bot.bounds import MAX_CHARS

    text = f"/peer {verb} {rest}"
    messages = fuzz_bot.handle(Command(text, Who("U1", role), Where("slack", "T1", "C1"))).messages
    assert_safe(messages, caplog)
    if len(text) > MAX_CHARS:
        assert "read only the first" in messages[-1].text


SETTING_NAMES = ["PEERBOT_DB", "PEERBOT_RETENTION_DAYS", "PEERBOT_GRACE_MINUTES", "PEERBOT_REVEAL_MINUTES", "PORT",
                 "PEERBOT_LOG_LEVEL", "PEERBOT_TIMEZONE"]
setting_values = st.one_of(st.text(max_size=30), st.integers(-10**12, 10**12).map(str),
                           st.sampled_from(["", " ", "abc", "1.5", "1e3", "0", "-1", "65536", "0x10", "∞", "nan",
                                            "/dev/null/x", "/", ".", "debug", "INFO"]))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(SETTING_NAMES), setting_values, min_size=1, max_size=3))
def test_any_setting_value_is_accepted_or_refused_in_one_line_naming_it(monkeypatch, tmp_path, values):
    """Whatever a setting holds, loading the settings either works or says, in one line, which
    setting cannot be used; never a traceback."""
    from adapters.settings import checked
    from bot.settings_check import SettingsProblem

    values = {k: v.replace("\x00", "") for k, v in values.items()}
    with monkeypatch.context() as env:
        for name in SETTING_NAMES:
            env.delenv(name, raising=False)
        for name, value in values.items():
            env.setenv(name, value)
        try:
            checked(_env_file=None)
        except SettingsProblem as e:
            message = str(e)
            assert "\n" not in message and any(name in message for name in values), message
