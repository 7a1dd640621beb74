"""Where settings come from: keyword arguments, then environment variables (any case), then `.env`,
then the defaults (`bot.settings.EnvSettings`), for the core's settings and every platform's."""
from __future__ import annotations

import pytest

from adapters.settings import load
from bot.settings_check import SettingsProblem


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("PEERBOT_DB", "PEERBOT_REGION", "SLACK_BOT_TOKEN", "PEERBOT_RETENTION_DAYS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_the_dotenv_file_is_read_for_the_core_and_the_platforms(folder):
    """`.env` next to where peerbot runs sets the core's settings and a platform's (before, the
    platforms' own classes turned the core's `.env` off for all of them)."""
    (folder / ".env").write_text("PEERBOT_REGION=US\nSLACK_BOT_TOKEN=xoxb-from-file\nUNRELATED=1\nBARE\n")
    settings = load()
    assert settings.region == "US"
    assert settings.slack_bot_token is not None and settings.slack_bot_token.get_secret_value() == "xoxb-from-file"
    assert load(_env_file=None).region == "CA"


def test_the_environment_beats_the_file_and_arguments_beat_both(folder, monkeypatch):
    (folder / ".env").write_text("PEERBOT_DB=from-file.db\nPEERBOT_REGION=US\n")
    monkeypatch.setenv("peerbot_db", "from-env.db")  # matched whatever its case
    assert load().db == "from-env.db"
    assert load(db=":memory:").db == ":memory:"
    assert load(PEERBOT_DB=":memory:").db == ":memory:"  # by the variable's name too
    assert load().region == "US"


def test_an_empty_variable_is_a_value_and_a_bad_one_is_named(folder, monkeypatch):
    monkeypatch.setenv("PEERBOT_DB", "")
    assert load().db == ""
    monkeypatch.setenv("PEERBOT_RETENTION_DAYS", "abc")
    with pytest.raises(SettingsProblem, match="PEERBOT_RETENTION_DAYS='abc' cannot be used: it should be a whole number"):
        load()
