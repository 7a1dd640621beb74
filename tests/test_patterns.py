"""`bot.patterns.lazy`: compiled on first use, and then exactly `re`'s pattern."""
from __future__ import annotations

import re

from bot.patterns import lazy


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_re_does():
    source, text = r"\b(?P<w>th\w+)\b", "Then the thought: that, there."
    pattern = lazy(source, re.IGNORECASE)
    assert pattern._compiled is None
    plain = re.compile(source, re.IGNORECASE)
    assert pattern.search(text).span() == plain.search(text).span()
    assert pattern.compiled is plain  # re's own cache hands back the same compiled pattern
    assert pattern.match(text).group("w") == "Then"
    assert pattern.fullmatch("that").group(0) == "that"
    assert pattern.findall(text) == plain.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert pattern.sub("x", text, 2) == plain.sub("x", text, 2)
    assert pattern.split(text) == plain.split(text)
    assert pattern.pattern == source
