"""Loads and validates everything in `content/` into frozen objects.

Each kind of item has a pydantic model that forbids unknown keys and checks lengths and
vocabularies; `load_catalog` reads every file, validates every item, then checks what only the
whole set can show (duplicate ids, broken cross-references) and raises one `ContentError` listing
every problem as `file: item: field: message`. Nothing starts on invalid content.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, ValidationError, model_validator

from bot import cache_file
from bot.errors import ContentError

DOCS = ("toolkit", "supervision", "handbook", "standards", "implementation")
DOC_TITLES = {
    "toolkit": "Supervising Peer Workers toolkit (CMHA Waterloo Wellington, Ontario)",
    "supervision": "Peer Supervision e-learning (Café TA Center, US)",
    "handbook": "Provider handbook on peer roles (US, Massachusetts)",
    "standards": "B.C. peer support standards of practice",
    "implementation": "Peer Support Implementation Toolkit (Support House, Ontario)",
}
VERDICTS = ("yes", "likely", "depends", "unlikely", "no")
FACETS = ("with", "for", "asked-by-person", "asked-by-staff", "routine", "occasional", "reporting",
          "agenda", "clinical", "power", "relationship")
TOPIC_GROUPS = ("role", "supervision", "sharing", "values", "myths", "boundaries", "documentation",
                "community")

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=700)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Long = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2500)]
LINES = re.compile(r"^\d+(-\d+)?(,\s*\d+(-\d+)?)*$")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    doc: Literal[DOCS]  # type: ignore[valid-type]
    lines: str
    note: str = ""

    @model_validator(mode="after")
    def _lines_shape(self) -> "Source":
        if not LINES.match(self.lines.strip()):
            raise ValueError(f"lines must look like '120-140' or '120-140, 150', got {self.lines!r}")
        return self

    def cite(self) -> str:
        return f"{self.doc} {self.lines}" + (f" ({self.note})" if self.note else "")

    def spans(self) -> tuple[tuple[int, int], ...]:
        """The cited line ranges, as (first, last) pairs."""
        return _spans(self.lines)


@lru_cache(maxsize=4096)
def _spans(lines: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in lines.split(","):
        first, _, last = part.strip().partition("-")
        out.append((int(first), int(last or first)))
    return tuple(out)


def shared_passages(a: tuple[Source, ...], b: tuple[Source, ...]) -> int:
    """How many of `a`'s cited ranges overlap one of `b`'s in the same document."""
    theirs = [(s.doc, span) for s in b for span in s.spans()]
    return sum(1 for s in a for lo, hi in s.spans()
               if any(doc == s.doc and lo <= other_hi and other_lo <= hi for doc, (other_lo, other_hi) in theirs))


Sources = Annotated[tuple[Source, ...], Field(min_length=1)]


class View(Model):
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    verdict: Literal[VERDICTS] | None = None  # type: ignore[valid-type]
    sources: Sources


class Ruling(Model):
    id: Id
    task: Line
    phrasings: Annotated[tuple[Line, ...], Field(min_length=3)]
    # More ways of asking that only train the retriever (`bot.answering.retriever`); the word search
    # (`bot.answering.corpus`) indexes the task and `phrasings` alone, so these never pull a topic
    # question onto the ruling by the words they share with it (content/FORMAT.md).
    retriever_phrasings: tuple[Line, ...] = ()
    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    reasons: Annotated[tuple[Reason, ...], Field(min_length=1, max_length=4)]
    criteria: dict[str, Literal["yes", "no", "partly"]] = {}
    facets: tuple[Literal[FACETS], ...] = ()  # type: ignore[valid-type]
    instead: Annotated[str, StringConstraints(max_length=500)] = ""
    question: Line
    jurisdiction: Annotated[str, StringConstraints(max_length=300)] = ""
    # The answer is about an emergency or someone's safety: the reply adds the region's emergency
    # number and crisis lines, privately (content/FORMAT.md).
    show_lines: StrictBool = False
    sources: Sources
    views: tuple[View, ...] = ()

    @model_validator(mode="after")
    def _instead_when_no(self) -> "Ruling":
        if self.verdict in ("unlikely", "no") and not self.instead.strip():
            raise ValueError("'instead' is required when the verdict is unlikely or no")
        unknown = set(self.criteria) - set(CRITERIA)
        if unknown:
            raise ValueError(f"unknown criteria {sorted(unknown)}")
        seen = {_same(p) for p in (self.task, *self.phrasings)}
        twice = []
        for p in self.retriever_phrasings:
            if _same(p) in seen:
                twice.append(p)
            seen.add(_same(p))
        if twice:
            raise ValueError(f"retriever_phrasings repeats the task, a phrasing or itself: {twice[:3]}")
        return self

    @property
    def all_phrasings(self) -> tuple[str, ...]:
        """Every way of asking for this ruling: `phrasings`, then `retriever_phrasings`."""
        return self.phrasings + self.retriever_phrasings


def _same(text: str) -> str:
    """A phrasing as compared for repeats: case, spacing and end punctuation ignored."""
    return " ".join(text.lower().split()).strip(" ?.!")


class Term(Model):
    id: Id
    term: Line
    aliases: tuple[Line, ...] = ()
    meaning: Short
    more: Long | None = None
    related: tuple[Id, ...] = ()
    sources: Sources
    views: tuple[View, ...] = ()


class Topic(Model):
    id: Id
    title: Line
    group: Literal[TOPIC_GROUPS]  # type: ignore[valid-type]
    questions: Annotated[tuple[Line, ...], Field(min_length=3)]
    short: Short
    more: Long
    related: tuple[Id, ...] = ()
    check: Id | None = None
    jurisdiction: Annotated[str, StringConstraints(max_length=300)] = ""
    show_lines: StrictBool = False  # as for rulings: the reply adds the emergency number and lines
    sources: Sources
    views: tuple[View, ...] = ()


CRITERIA = ("lived_experience", "rapport", "connections", "everyone_duty", "interdisciplinary", "conflicts_values",
            "other_role_better")


class CheckChoice(Model):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    lean: int
    note: Annotated[str, StringConstraints(max_length=300)] = ""
    means: Literal["yes", "no", "partly"] | None = None  # the worksheet answer this choice amounts to


class CheckStep(Model):
    id: Id
    ask: Line
    why: Annotated[str, StringConstraints(max_length=300)] = ""
    criterion: Literal[CRITERIA] | None = None  # type: ignore[valid-type]  # the worksheet criterion it asks
    choice: Annotated[tuple[CheckChoice, ...], Field(min_length=2, max_length=5)]


class CheckOutcome(Model):
    min: int
    verdict: Line
    summary: Short


class Check(Model):
    id: Id
    title: Line
    intro: Short
    sources: Sources
    step: Annotated[tuple[CheckStep, ...], Field(min_length=2, max_length=10)]
    outcome: Annotated[tuple[CheckOutcome, ...], Field(min_length=2)]

    def outcome_for(self, score: int) -> CheckOutcome:
        for outcome in sorted(self.outcome, key=lambda o: o.min, reverse=True):
            if score >= outcome.min:
                return outcome
        return min(self.outcome, key=lambda o: o.min)


class Prompt(Model):
    id: Id
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    follow_up: Annotated[str, StringConstraints(max_length=200)] = ""
    sources: Sources


class PromptTheme(Model):
    theme: Id
    title: Line
    prompt: Annotated[tuple[Prompt, ...], Field(min_length=1)]


class SessionStep(Model):
    id: Id
    title: Line
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]


class CoreflectionFormat(Model):
    id: Literal["coreflection"]
    title: Line
    intro: Short
    sources: Sources
    step: Annotated[tuple[SessionStep, ...], Field(min_length=2)]


class PulseChoice(Model):
    id: Id
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class CheckinFormat(Model):
    id: Literal["checkin"]
    title: Line
    text: Short
    choices: Annotated[tuple[PulseChoice, ...], Field(min_length=2, max_length=5)]
    invitation: Annotated[str, StringConstraints(max_length=400)]
    privacy_reminder: Line
    hidden_until: Short
    sources: Sources


class Response(Model):
    response: Short
    why: Short
    # True when the sources give no such option and the project wrote it so the group has something
    # to weigh (most often a "less helpful" one): the reveal says so, so no one takes it for a source's.
    added_for_discussion: StrictBool = False


class Poll(Model):
    question: Line
    choices: Annotated[tuple[Annotated[str, StringConstraints(min_length=1, max_length=60)], ...],
                       Field(min_length=2, max_length=5)]


class Scenario(Model):
    id: Id
    title: Line
    kind: Literal["scenario", "quick-round"] = "scenario"
    audience: Literal["peer workers", "supervisors", "both"]
    tags: tuple[Id, ...] = ()
    content_notes: tuple[Line, ...] = ()
    situation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)] = ""
    questions: Annotated[tuple[Line | Reason, ...], Field(max_length=4)] = ()
    poll: Poll | None = None
    less_helpful: tuple[Response, ...] = ()
    more_helpful: tuple[Response, ...] = ()
    debrief: Reason = "What will you take from this into your own practice?"
    rulings: tuple[Id, ...] = ()
    sources: tuple[Source, ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> "Scenario":
        if not self.sources:
            raise ValueError(f"a {self.kind} needs sources")
        if self.kind == "scenario":
            missing = [name for name in ("situation", "less_helpful", "more_helpful") if not getattr(self, name)]
            if missing:
                raise ValueError(f"a scenario needs {', '.join(missing)}")
            if len(self.questions) < 2:
                raise ValueError("a scenario needs 2-4 discussion questions")
            if self.rulings:
                raise ValueError("'rulings' belongs to quick rounds (kind = \"quick-round\")")
        else:
            # One poll per ruling goes into the thread: two make a comparison, more than five a chore.
            if not 2 <= len(self.rulings) <= 5:
                raise ValueError("a quick round needs 2-5 'rulings'")
            if len(set(self.rulings)) != len(self.rulings):
                raise ValueError("a quick round lists each ruling once")
            # Its poll and its responses come from the rulings, so its own would never be shown.
            extra = [name for name in ("poll", "less_helpful", "more_helpful") if getattr(self, name)]
            if extra:
                raise ValueError("a quick round takes its poll and responses from its rulings; "
                                 f"remove {', '.join(extra)}")
        return self


@dataclass(frozen=True)
class Catalog:
    """Everything the bot knows, validated."""

    rulings: dict[str, Ruling]
    terms: dict[str, Term]
    topics: dict[str, Topic]
    checks: dict[str, Check]
    themes: dict[str, PromptTheme]
    scenarios: dict[str, Scenario]
    coreflection: CoreflectionFormat | None = None
    checkin: CheckinFormat | None = None
    prompts: dict[str, tuple[str, Prompt]] = field(default_factory=dict)  # id -> (theme, prompt)

    def counts(self) -> dict[str, int]:
        return {"rulings": len(self.rulings), "definitions": len(self.terms), "topics": len(self.topics),
                "checks": len(self.checks), "prompts": len(self.prompts), "themes": len(self.themes),
                "scenarios": len(self.scenarios)}

    def pick_scenario(self, rng: random.Random, exclude: set[str]) -> Scenario | None:
        fresh = [s for s in self.scenarios.values() if s.id not in exclude]
        return rng.choice(sorted(fresh, key=lambda s: s.id)) if fresh else None


# Where each kind lives: folder, how items sit in a file (array key, or None for one per file), model.
LAYOUT: dict[str, tuple[str, str | None, type[Model]]] = {
    "rulings": ("rulings", "ruling", Ruling),
    "terms": ("definitions", "term", Term),
    "topics": ("topics", None, Topic),
    "checks": ("checks", None, Check),
    "themes": ("prompts", None, PromptTheme),
    "scenarios": ("scenarios", None, Scenario),
}


def _describe(error: ValidationError) -> list[str]:
    out = []
    for e in error.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(item)"
        out.append(f"{where}: {e['msg']}")
    return out


def _item_key(model: type[Model]) -> str:
    return "theme" if model is PromptTheme else "id"


# The parsed TOML of every content file, saved as JSON in the cache folder beside the content (where
# the retriever keeps its model) and named by a hash of the files' bytes: `peerbot ask` then skips
# parsing about 120 TOML files (tomllib is pure Python and was most of the catalog's load time).
# Every item is still validated on every load; only the parsing is saved. Content that does not
# parse is never cached, so its errors are reported from the files themselves each time.
PARSED_VERSION = "1"  # bump when what is saved changes shape


def _content_files(root: Path) -> list[Path]:
    files = [p for folder, _, _ in LAYOUT.values() for p in sorted((root / folder).glob("*.toml"))]
    return files + [p for name in ("coreflection", "checkin") if (p := root / "formats" / f"{name}.toml").exists()]


def _parse(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _parsed(root: Path) -> dict[Path, dict[str, Any]]:
    """Every content file that parses, as parsed: from the cache when its files are unchanged."""
    files = _content_files(root)
    digest = hashlib.sha256(PARSED_VERSION.encode())
    try:
        for path in files:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return {}
    cache = root / ".cache" / f"content-{digest.hexdigest()[:20]}.json"
    try:
        saved = json.loads(cache.read_text(encoding="utf-8"))
        return {root / name: data for name, data in saved.items()}
    except (OSError, ValueError):
        pass  # absent or damaged: parse again, never trust a broken file
    out: dict[Path, dict[str, Any]] = {}
    for path in files:
        try:
            out[path] = _parse(path)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return out  # reported from the file by load_catalog; nothing is saved
    try:
        text = json.dumps({str(p.relative_to(root)): d for p, d in out.items()}, ensure_ascii=False)
    except (TypeError, ValueError):
        return out  # a TOML date or time has no JSON form: no cache, the files serve
    cache_file.save(cache, text, "content-*.json")
    return out


def load_catalog(root: Path) -> Catalog:
    """Read and validate all of `root`; raise `ContentError` naming every problem."""
    parsed = _parsed(root)

    def read(path: Path) -> dict[str, Any]:
        return parsed[path] if path in parsed else _parse(path)

    problems: list[str] = []
    found: dict[str, dict[str, Model]] = {kind: {} for kind in LAYOUT}
    origin: dict[str, str] = {}
    # Ids are unique within a namespace; terms and topics share one, since a question can land on either.
    namespace = {"terms": "answerable", "topics": "answerable"}

    def take(kind: str, model: type[Model], raw: dict[str, Any], path: Path, label: str) -> None:
        item_id = raw.get(_item_key(model), "?") if isinstance(raw, dict) else "?"
        try:
            item = model.model_validate(raw)
        except ValidationError as e:
            problems.extend(f"{path}: {label} {item_id}: {msg}" for msg in _describe(e))
            return
        key = getattr(item, _item_key(model))
        spaced = f"{namespace.get(kind, kind)}:{key}"
        if spaced in origin:
            problems.append(f"{path}: {label} {key}: id: duplicate id (also in {origin[spaced]})")
            return
        origin[spaced] = str(path)
        found[kind][key] = item

    for kind, (folder, array, model) in LAYOUT.items():
        for path in sorted((root / folder).glob("*.toml")):
            try:
                data = read(path)
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                problems.append(f"{path}: (file): not valid TOML: {e}")
                continue
            if array is None:
                take(kind, model, data, path, kind.rstrip("s"))
                continue
            extra = set(data) - {array}
            if extra:
                problems.append(f"{path}: (file): unknown top-level keys {sorted(extra)}")
            items = data.get(array, [])
            if not items:
                problems.append(f"{path}: (file): no [[{array}]] items")
            for raw in items:
                take(kind, model, raw, path, array)

    formats: dict[str, Model | None] = {"coreflection": None, "checkin": None}
    for name, model in (("coreflection", CoreflectionFormat), ("checkin", CheckinFormat)):
        path = root / "formats" / f"{name}.toml"
        if not path.exists():
            continue
        try:
            formats[name] = model.model_validate(read(path))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            problems.append(f"{path}: (file): not valid TOML: {e}")
        except ValidationError as e:
            problems.extend(f"{path}: {name}: {msg}" for msg in _describe(e))

    catalog = Catalog(
        rulings=found["rulings"], terms=found["terms"], topics=found["topics"],  # type: ignore[arg-type]
        checks=found["checks"], themes=found["themes"], scenarios=found["scenarios"],  # type: ignore[arg-type]
        coreflection=formats["coreflection"], checkin=formats["checkin"],  # type: ignore[arg-type]
        prompts={p.id: (t.theme, p) for t in found["themes"].values() for p in t.prompt},  # type: ignore[attr-defined]
    )
    problems.extend(_cross_references(catalog, origin))
    if problems:
        raise ContentError(problems)
    return catalog


def _cross_references(c: Catalog, origin: dict[str, str]) -> list[str]:
    problems = []
    answerable = set(c.terms) | set(c.topics)
    for item in list(c.terms.values()) + list(c.topics.values()):
        for ref in item.related:
            if ref not in answerable:
                problems.append(f"{origin['answerable:' + item.id]}: {item.id}: related: no topic or term '{ref}'")
    for topic in c.topics.values():
        if topic.check and topic.check not in c.checks:
            problems.append(f"{origin['answerable:' + topic.id]}: {topic.id}: check: no check '{topic.check}'")
    for scenario in c.scenarios.values():
        for ref in scenario.rulings:
            if ref not in c.rulings:
                problems.append(f"{origin['scenarios:' + scenario.id]}: {scenario.id}: rulings: no ruling '{ref}'")
    seen: dict[str, str] = {}
    for theme in c.themes.values():
        for prompt in theme.prompt:
            if prompt.id in seen:
                problems.append(f"{origin['themes:' + theme.theme]}: {prompt.id}: id: duplicate prompt id "
                                f"(also in theme {seen[prompt.id]})")
            seen[prompt.id] = theme.theme
    if "task" not in c.checks:
        problems.append("checks/task.toml: (file): the guided task check is missing")
    return problems
