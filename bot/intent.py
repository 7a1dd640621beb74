"""Reading what kind of question a free-text message is, before searching.

A task question ("can I…", "my manager wants me to…", "is that a peer task?") goes to the task
answerer first; a definition question ("what is…", "what does … mean") to the definitions; anything
else is searched everywhere and kept only if the match is confident.
"""
from __future__ import annotations

import re

from bot.text import clean

TASK = re.compile(
    r"\b(?:(?:can|could|may|should|shall|do|must) (?:i|we|a peer(?: worker| supporter)?|peer workers?|peers|peer supporters?|you)\b"
    r"|is it (?:ok|okay|alright|fine|appropriate|allowed|acceptable|my job|part of)"
    r"|am i (?:allowed|supposed|expected|meant|ok)"
    r"|(?:wants?|asked|asks|told|expects?|expected|keeps? asking) (?:me|us|peers?|peer workers?) to"
    r"|peer (?:task|work|role)\b|part of (?:my|the|a peer'?s?) (?:job|role|work)"
    r"|(?:is|are) (?:this|that|it) (?:a |my )?(?:job|task|thing)"
    r"|would (?:it|that) be (?:ok|okay|appropriate)"
    r"|^(?:driving|taking|helping|going|doing|reading|giving|holding|filling|attending|leading|calling|phoning|picking|shopping|cleaning|reporting|sharing|dating)\b)")
DEFINITION = re.compile(
    r"^(?:what(?:'s| is| are|s)|define|definition of|meaning of|explain|tell me about)\b"
    r"|\bwhat does .+ mean\b|\bwhat do (?:you|we|people) mean by\b|\bwhat'?s? (?:a|an|the) .+\?$")


def looks_like_task(text: str) -> bool:
    return bool(TASK.search(clean(text)))


def looks_like_definition(text: str) -> bool:
    return bool(DEFINITION.search(clean(text).strip()))
