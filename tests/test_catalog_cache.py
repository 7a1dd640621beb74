"""The content's parsed TOML is saved beside the content and used at the next start, never when stale."""
from __future__ import annotations

import shutil

from bot.content.catalog import load_catalog
from bot.settings import Settings


def content_copy(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(Settings(_env_file=None).content_dir, root, ignore=shutil.ignore_patterns(".cache"))
    return root


def test_a_catalog_loaded_from_the_saved_parse_equals_one_parsed_from_the_files(tmp_path):
    """The second load reads the saved parse and gives exactly the catalog the files give."""
    root = content_copy(tmp_path)
    first = load_catalog(root)
    assert len(list((root / ".cache").glob("content-*.json"))) == 1
    assert load_catalog(root) == first


def test_an_edited_file_is_read_again_not_taken_from_the_saved_parse(tmp_path):
    """Changing a content file changes the catalog at the next load, and the stale parse is removed."""
    root = content_copy(tmp_path)
    catalog = load_catalog(root)
    [old] = (root / ".cache").glob("content-*.json")
    ruling = next(iter(catalog.rulings.values()))
    path = next(p for p in (root / "rulings").glob("*.toml") if f'"{ruling.id}"' in p.read_text())
    path.write_text(path.read_text().replace(ruling.task, ruling.task + " again", 1))
    assert load_catalog(root).rulings[ruling.id].task == ruling.task + " again"
    assert [p.name for p in (root / ".cache").glob("content-*.json")] != [old.name]


def test_a_damaged_saved_parse_is_not_trusted(tmp_path):
    """A saved parse cut short is ignored: the files are parsed again and the cache rewritten."""
    root = content_copy(tmp_path)
    catalog = load_catalog(root)
    [path] = (root / ".cache").glob("content-*.json")
    path.write_text(path.read_text()[:100])
    assert load_catalog(root) == catalog
    assert len(path.read_text()) > 1000
