"""Forms kept for later: a mention or a direct message cannot open a modal, so the answer carries a
button that opens it, and the form waits in the store (so the button still works after a restart).

Only the form's shape is kept (title, fields, the action its submission sends), never what anyone
types into it.
"""
from __future__ import annotations

import secrets
from dataclasses import asdict

from bot.messages import Form, FormField
from bot.ports import Flows

PREFIX = "peerform:"
TEMPLATE = r"peerform:(?P<token>[0-9a-f]{12})"
OWNER = "discord:forms"


class FormShelf:
    def __init__(self, store: Flows):
        self.store = store

    def shelve(self, form: Form) -> str:
        """Keep `form`; returns the custom id of a button that opens it."""
        token = secrets.token_hex(6)
        self.store.save_flow(OWNER, token, asdict(form))
        return PREFIX + token

    def take(self, token: str) -> Form | None:
        state = self.store.get_flow(OWNER, token)
        if state is None:
            return None
        return Form(state["title"], state["submit"], tuple(FormField(**f) for f in state["fields"]))
