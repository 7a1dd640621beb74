"""The shape of the code and its documentation, checked: a neutral core, docstrings, a README that is true."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import main
from adapters.settings import AppSettings
from bot import router
from bot.settings import Settings, packaged_content

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PLATFORM_LIBS = {"slack_bolt", "slack_sdk", "discord", "microsoft_teams", "httpx", "aiohttp", "sqlite3", "sqlite_utils",
                 "apscheduler"}
PLATFORMS = ("adapters.slack", "adapters.discord", "adapters.teams")
# What each layer must never import (a module or anything under it), wherever the import stands.
# Nothing in bot/ imports bot.app: handlers receive a `Context` (bot.context), and only the adapters
# and the composition root hold a `Bot`. The fake platforms in testing/ may import what they need
# (aiohttp, the platforms' libraries, the core's types), but only tests and benchmarks import them.
TEST_ONLY = {"testing", "tests", "bench"}
FORBIDDEN = {
    "bot": {"adapters", "storage", "bot.app", *PLATFORM_LIBS, *TEST_ONLY},
    "storage": {"adapters", *TEST_ONLY},
    "adapters": TEST_ONLY,
    "testing": {"tests", "bench"},
    **{platform: set(PLATFORMS) - {platform} for platform in PLATFORMS},
}
# Features: the modules behind the command, button and timer tables, by capability package under
# bot/ (each package also holds modules every feature may use: answering's index, scenarios'
# rounds, people's roles). A feature
# imports the core's shared modules (messages, actions, errors, context, roles, replies, rounds,
# the answering index…) and its own capability's modules, never another capability's.
FEATURES = {
    "answering": {"asking", "task_check", "checks", "choosing"},
    "schedules": {"chat", "calendar_commands", "calendar_days", "outcomes", "prompts", "request", "spec", "words"},
    "scenarios": {"runs"},
    "people": {"privacy", "sharing"},
    "safety": {"screen", "support", "crisis", "crisis_model", "warning_signs", "warning_words", "confidentiality"},
}
CAPABILITY = {f"bot.{capability}.{name}": capability for capability, names in FEATURES.items() for name in names}
# Imports that break a rule on purpose, as (importing module, imported module): each says why.
ALLOWED: set[tuple[str, str]] = {
    # Free text can ask for a schedule ("can you post a check-in every friday?") or for the crisis
    # lines ("where are the crisis lines?"); `ask` hands those to their commands until the router
    # reads whole sentences.
    ("bot.answering.asking", "bot.schedules.request"), ("bot.answering.asking", "bot.schedules.chat"),
    ("bot.answering.asking", "bot.safety.support"),
    # A scenario's timer and its posts read the channel's time zone, as schedules do, and carry the
    # same privacy line as a prompt.
    ("bot.scenarios.runs", "bot.schedules.chat"), ("bot.scenarios.runs", "bot.schedules.spec"),
    ("bot.scenarios.runs", "bot.schedules.prompts"),
}


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def every_import(module: str, source: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports: top-level, inside functions, under TYPE_CHECKING, relative ones
    resolved; `from a import b` counts as both `a` and `a.b` (b may be a module)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*package[:len(package) - node.level + 1], *([node.module] if node.module else [])]) \
                if node.level else node.module or ""
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def under(name: str, layer: str) -> bool:
    return name == layer or name.startswith(layer + ".")


def layer_breaches(module: str, source: str, is_package: bool = False) -> list[str]:
    imported = every_import(module, source, is_package)
    banned = sorted(name for layer, banned in FORBIDDEN.items() if under(module, layer)
                    for name in imported if any(under(name, b) for b in banned))
    own = CAPABILITY.get(module)
    # Another capability's feature module, named once however much of it is imported.
    crossing = sorted({owner for owner in map(feature_module, imported) if own and owner
                       and CAPABILITY[owner] != own})
    return [name for name in banned + crossing if (module, name) not in ALLOWED]


def feature_module(name: str) -> str | None:
    """The feature module `name` is or lies in ("bot.answering.asking.ask" -> "bot.answering.asking"), if any."""
    parts = name.split(".")
    return next((m for m in (".".join(parts[:i]) for i in range(len(parts), 0, -1)) if m in CAPABILITY), None)


def test_the_layer_check_sees_imports_inside_functions_and_relative_ones():
    """An import hidden in a function, under TYPE_CHECKING or written relatively still breaks the layer."""
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import slack_sdk.web\n"
              "def fire():\n    from apscheduler.triggers.cron import CronTrigger\n"
              "    from ...adapters.slack import render\n    from . import messages\n")
    assert layer_breaches("bot.schedules.spec", source) == [
        "adapters.slack", "adapters.slack.render", "apscheduler.triggers.cron", "apscheduler.triggers.cron.CronTrigger",
        "slack_sdk.web"]
    assert layer_breaches("adapters.slack.render", "from adapters.discord.render import to_messages\n")
    assert not layer_breaches("adapters.slack.render", "from adapters.slack_extra import x\nfrom bot import messages\n")


def test_production_code_never_imports_the_fake_platforms():
    """bot/, adapters/ and storage/ may not import testing/ (nor tests/ or bench/), even inside a
    function; testing/ may import the core and the platforms' libraries but not the tests."""
    assert layer_breaches("adapters.slack.listeners", "def f():\n    from testing.fake_slack import FakeSlack\n")
    assert layer_breaches("bot.app", "import testing\n") == ["testing"]
    assert layer_breaches("storage.sqlite", "from testing import fake_teams\n")
    assert not layer_breaches("testing.fake_slack", "from aiohttp import web\nfrom bot.messages import Who\n")
    assert layer_breaches("testing.fake_discord", "from tests.conftest import FakeSleep\n")


def test_a_feature_imports_neither_the_core_nor_another_feature():
    """A handler's module gets a `Context`: importing `bot.app`, even only for a type, breaks the layer,
    and so does reaching into another capability's module; its own capability's modules are fine."""
    assert layer_breaches("bot.people.privacy", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                         "    from bot.app import Bot\n") == ["bot.app", "bot.app.Bot"]
    assert layer_breaches("bot.people.privacy", "from bot.scenarios import runs\n") == ["bot.scenarios.runs"]
    assert layer_breaches("bot.people.sharing", "from bot.answering.asking import ask\n") == ["bot.answering.asking"]
    assert not layer_breaches("bot.schedules.chat", "from bot.schedules import calendar_days\nfrom bot.context import Context\n")


@pytest.mark.parametrize("path", modules("bot", "adapters", "storage", "testing"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_keeps_to_its_layer(path):
    """bot/ imports no adapter, storage or platform library; storage imports no adapter; one platform's
    adapter never imports another's; none of them imports the fake platforms of testing/. Every import
    counts, including those inside functions."""
    assert not layer_breaches(module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py")


@pytest.mark.parametrize("path", modules("bot", "adapters", "storage", "testing", "bench"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_says_what_it_is_for(path):
    """Every module opens with a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree) or path.name == "__init__.py" and not tree.body


def readme_commands() -> dict[str, set[str]]:
    """The README's command table as {first command word(s): the "who" of every row it starts}."""
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        first = re.match(r"`([a-z-]+(?: me)?)[ `]", cells[0]) if len(cells) == 3 else None
        if first:
            rows.setdefault(first.group(1), set()).add(cells[1])
    return rows


def test_the_readme_lists_every_chat_command_with_its_role():
    """Every command in the command table has a row in the README's, saying who may use it as the table does."""
    table = readme_commands()
    wrong = {name: (table.get(name.replace("-", " ")), row.who) for name, row in router.COMMANDS.items()
             if table.get(name.replace("-", " ")) != {row.who}}
    assert not wrong, f"README's command table disagrees with the router's (README, router): {wrong}"


def test_the_readme_lists_every_setting():
    """Every setting peerbot reads appears in the README's settings table by its variable name."""
    table = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    names = [alias for field in AppSettings.model_fields.values()
             for alias in field.validation_alias.choices]
    missing = [name for name in names if f"`{name}`" not in table and not re.search(rf"`{name}`|, `{name}`", table)]
    assert not missing, f"README's settings table lacks {missing}"


def test_the_readme_lists_every_command_line_command():
    """Every `peerbot` command and subcommand is named in the README."""
    def walk(group, prefix):
        for name, command in group.commands.items():
            yield f"{prefix} {name}"
            if hasattr(command, "commands"):
                yield from walk(command, f"{prefix} {name}")

    missing = [c for c in walk(main, "peerbot") if c not in README]
    assert not missing, f"README does not mention {missing}"


def test_make_run_and_make_test_come_first_in_the_readme():
    """The two commands a newcomer needs are the first code block of the README."""
    first_block = README.split("```", 2)[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_cli_command_has_help():
    """`peerbot --help` describes each command in a line."""
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert re.search(rf"^\s+{name}\s+\S", result.output, re.M), name


def test_a_bot_collected_while_another_gets_its_worker_does_not_deadlock():
    """Finalizing an old bot's core worker from inside `for_bot` (the garbage collector runs on any
    allocation there) takes the registry's lock again on the same thread, and must not hang."""
    import gc
    import threading

    from adapters import core_worker

    class Bot:  # a stand-in: the registry only needs an object it can watch
        pass

    old, new = Bot(), Bot()
    core_worker.for_bot(old)
    done = threading.Event()

    def collect_inside_the_lock():
        with core_worker._lock:  # what for_bot holds when the collector runs
            nonlocal old
            old = None
            gc.collect()
        core_worker.for_bot(new)
        done.set()

    worker = threading.Thread(target=collect_inside_the_lock, daemon=True)
    worker.start()
    assert done.wait(timeout=10), "for_bot deadlocked while an old bot's worker was being forgotten"
    core_worker.close_for(new)


def test_a_core_worker_lets_the_event_loops_thread_have_the_interpreter_every_half_millisecond():
    """Acks run on the loop's thread while answers run on the core's: the interpreter's lock must
    change hands often enough that an ack never waits Python's default 5 ms behind an answer."""
    import sys

    from adapters.core_worker import SWITCH_INTERVAL_S, CoreWorker

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        worker = CoreWorker("peerbot-test")
        assert sys.getswitchinterval() <= SWITCH_INTERVAL_S <= 0.001
        worker.close()
    finally:
        sys.setswitchinterval(before)


def test_the_core_settings_hold_no_platform_setting():
    """Tokens, ports and facilitator groups of Slack, Discord and Teams live with their adapters."""
    assert not [name for name in Settings.model_fields if name.startswith(("slack", "discord", "teams", "port"))]
    assert {"slack_bot_token", "discord_token", "teams_app_id", "port"} <= set(AppSettings.model_fields)


def test_the_content_folder_is_found_as_package_data_and_shipped():
    """The default content folder is the `content` package's files (importlib.resources), and
    pyproject.toml ships every content file with it, so an installed peerbot finds its content."""
    import importlib.resources
    import tomllib
    from fnmatch import fnmatchcase

    assert Settings(_env_file=None).content_dir == packaged_content() == Path(str(importlib.resources.files("content")))
    assert packaged_content() == ROOT / "content"  # in a checkout, the checkout's folder
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "content" in setup["packages"]["find"]["include"]
    globs = setup["package-data"]["content"]
    files = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*")
             if p.is_file() and p.suffix in (".toml", ".md") and ".cache" not in p.parts]

    def shipped(name: str, glob: str) -> bool:  # setuptools' globs: `*` never crosses a folder
        parts, wanted = name.split("/"), glob.split("/")
        return len(parts) == len(wanted) and all(map(fnmatchcase, parts, wanted))

    assert files and not [f for f in files if not any(shipped(f, g) for g in globs)]
