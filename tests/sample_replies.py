"""Buttons and a form that the platform render tests (Discord, Teams) draw the same way, so their
golden files show the same core reply in each platform's idiom."""
from __future__ import annotations

from bot.actions import encode
from bot.messages import Choice, Form, FormField

CHOICES = (Choice("Why?", encode("why", "food-bank")), Choice("Sources", encode("sources", "ruling", "food-bank")),
           Choice("Talk it through", encode("check", "task"), "primary"),
           Choice("Stop", encode("answer", "task", 0, "stop"), "danger"))
FORM = Form("New schedule", encode("schedform"),
            (FormField("kind", "What to post: reflection, checkin or session", "reflection"),
             FormField("when", "When", "every monday 10:00"),
             FormField("notes", "Anything else", multiline=True, optional=True)))
