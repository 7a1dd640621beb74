"""Posts to and from JSON, so a claimed post can be resent exactly after a restart."""
from __future__ import annotations

import json
from dataclasses import asdict

from bot.messages import Card, Choice, Field, Form, FormField, Post, Reply, Where


def dump_post(post: Post) -> str:
    return json.dumps(asdict(post), separators=(",", ":"))


def load_post(raw: str) -> Post:
    d = json.loads(raw)
    r = d["reply"]
    card = r.get("card")
    form = r.get("form")
    reply = Reply(
        text=r["text"],
        card=Card(**{**card, "fields": tuple(Field(**f) for f in card["fields"])}) if card else None,
        choices=tuple(Choice(**c) for c in r["choices"]),
        private=r["private"], in_thread=r["in_thread"], replace=r["replace"],
        form=Form(form["title"], form["submit"], tuple(FormField(**f) for f in form["fields"])) if form else None,
        about=r.get("about", ""),
    )
    # .get: payloads claimed before a field existed still load after an upgrade.
    return Post(where=Where(**d["where"]), reply=reply, key=d["key"], thread_of=d["thread_of"], due_at=d["due_at"],
                opens_thread=d.get("opens_thread", False))
