"""The shape of the code and its documentation, checked: a neutral core, docstrings, a README that is true."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import main
from bot import router
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PLATFORM_LIBS = {"slack_bolt", "slack_sdk", "discord", "microsoft_teams", "httpx", "aiohttp", "sqlite3", "sqlite_utils",
                 "apscheduler"}


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def top_level_imports(path: Path) -> set[str]:
    """Modules imported at import time (imports inside functions are deliberate and lazy)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", modules("bot"), ids=lambda p: p.name)
def test_the_core_imports_no_platform_storage_or_scheduler_library(path):
    """bot/ speaks only in its own value types; Slack, Discord, SQLite and APScheduler stay outside."""
    assert not top_level_imports(path) & PLATFORM_LIBS


@pytest.mark.parametrize("path", modules("bot", "adapters", "storage", "bench"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_says_what_it_is_for(path):
    """Every module opens with a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree) or path.name == "__init__.py" and not tree.body


def test_the_readme_lists_every_chat_command():
    """Every command word the router knows is in the README's command table."""
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    missing = [verb for verb in router.COMMANDS if f"`{verb.replace('-', ' ')}" not in table]
    assert not missing, f"README's command table lacks {missing}"


def test_the_readme_lists_every_setting():
    """Every setting peerbot reads appears in the README's settings table by its variable name."""
    table = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    names = [alias for field in Settings.model_fields.values()
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
