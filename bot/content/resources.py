"""Crisis lines and local services: the content in `content/support/`, validated when the bot starts.

`regions.toml` holds one `[[region]]` per country with its emergency number and crisis lines;
`local.toml` (optional, written by the organization running peerbot; `local.example.toml` shows the
shape) adds local services, each for every region or only some. Like the rest of the content, a
problem in either file stops start-up with every problem named: a bot that is asked for crisis
lines must never find out at that moment that they do not load.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from bot.errors import ContentError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
RegionId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Line(Model):
    name: Text
    how: Text  # "call or text 9-8-8, any time"
    who: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] = ""  # "young people"

    def render(self) -> str:
        who = f" ({self.who})" if self.who else ""
        return f"{self.name}{who}: {self.how}"


class Region(Model):
    id: RegionId
    name: Text
    aliases: tuple[Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2)], ...] = ()
    emergency: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=30)]
    line: Annotated[tuple[Line, ...], Field(min_length=1, max_length=6)]


class Service(Line):
    regions: tuple[RegionId, ...] = ()  # empty: shown for every region


class RegionsFile(Model):
    region: Annotated[tuple[Region, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> "RegionsFile":
        seen: set[str] = set()
        for region in self.region:
            names = {region.id.lower(), *region.aliases}
            if names & seen:
                raise ValueError(f"region {region.id}: id or alias used twice: {sorted(names & seen)}")
            seen |= names
        return self


class LocalFile(Model):
    service: Annotated[tuple[Service, ...], Field(min_length=1, max_length=10)]


@dataclass(frozen=True)
class Resources:
    """Every region's lines, and the organization's own services."""

    regions: dict[str, Region]
    services: tuple[Service, ...] = ()

    def find(self, name: str) -> Region | None:
        """The region called `name`: its id ("UK") or an alias ("united kingdom"), any case."""
        wanted = " ".join(name.strip().lower().split())
        for region in self.regions.values():
            if wanted == region.id.lower() or wanted in region.aliases:
                return region
        return None

    def local(self, region: Region) -> tuple[Service, ...]:
        return tuple(s for s in self.services if not s.regions or region.id in s.regions)


def _read(path: Path, model: type[Model], problems: list[str]) -> Model | None:
    try:
        return model.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        problems.append(f"{path}: (file): not valid TOML: {e}")
    except ValidationError as e:
        for error in e.errors():
            where = ".".join(str(p) for p in error["loc"]) or "(file)"
            problems.append(f"{path}: {where}: {error['msg']}")
    return None


def load_resources(content: Path, default_region: str = "") -> Resources:
    """Read `content/support/`; raise `ContentError` naming every problem, including a default
    region (`PEERBOT_REGION`) that the content has no lines for."""
    problems: list[str] = []
    regions_path, local_path = content / "support" / "regions.toml", content / "support" / "local.toml"
    regions = None
    if regions_path.exists():
        regions = _read(regions_path, RegionsFile, problems)
    else:
        problems.append(f"{regions_path}: (file): missing; peerbot needs crisis lines to run")
    local = _read(local_path, LocalFile, problems) if local_path.exists() else None
    if regions is not None and local is not None:
        known = {r.id for r in regions.region}  # type: ignore[attr-defined]
        for i, service in enumerate(local.service):  # type: ignore[attr-defined]
            for region in set(service.regions) - known:
                problems.append(f"{local_path}: service.{i}.regions: no region '{region}' in regions.toml")
    if problems or regions is None:
        raise ContentError(problems)
    resources = Resources({r.id: r for r in regions.region},  # type: ignore[attr-defined]
                          local.service if local is not None else ())  # type: ignore[attr-defined]
    if default_region and resources.find(default_region) is None:
        raise ContentError([f"PEERBOT_REGION={default_region}: no crisis lines for that region; "
                            f"{regions_path} has {', '.join(resources.regions)}"])
    return resources
