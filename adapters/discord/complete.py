"""Autocomplete for `/peer`'s text option: scenario ids, prompt themes, checks and topics.

Suggestions complete the word being typed, so they work wherever in a command the id goes
(`/peer scenario gifts`, `/peer schedule reflection every monday 10:00 theme hope`). They are only
suggestions: the person can still send whatever they typed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from adapters.discord import limits as L
from bot.content.catalog import Catalog

# (id or phrase to insert, what to show) for each command that has something to complete.
Source = Callable[[Catalog], Iterable[tuple[str, str]]]
SOURCES: dict[str, Source] = {
    "scenario": lambda c: [(s.id, f"{s.title} ({s.id})") for s in c.scenarios.values()],
    "reflect": lambda c: [(t.theme, f"{t.title} ({t.theme})") for t in c.themes.values()],
    "schedule": lambda c: [(t.theme, f"theme: {t.title} ({t.theme})") for t in c.themes.values()],
    "check": lambda c: [(k.id, f"{k.title} ({k.id})") for k in c.checks.values()],
    "ask": lambda c: [(t.title, t.title) for t in c.topics.values()] + [(t.term, t.term) for t in c.terms.values()],
}
PHRASES = {"ask"}  # these insert the whole text, not one word


def suggestions(catalog: Catalog, command: str, current: str) -> list[tuple[str, str]]:
    """(name shown, value inserted) pairs for what has been typed so far, at most 25."""
    source = SOURCES.get(command)
    if source is None:
        return []
    if command in PHRASES:
        head, word = "", current.strip()
    else:
        head, _, word = current.rpartition(" ")
        head = f"{head} " if head else ""
    word = word.lower()
    out: list[tuple[str, str]] = []
    for value, shown in sorted(source(catalog), key=lambda p: p[1].lower()):
        if word and word not in value.lower() and word not in shown.lower():
            continue
        full = head + value
        if len(full) > L.CHOICE_NAME:
            continue
        out.append((L.clip(full if head else shown, L.CHOICE_NAME), full))
        if len(out) == L.CHOICES:
            break
    return out
