"""What the audit of content/ against the sources (issue 14, item 3) fixed, kept fixed.

Each test states one finding as the behaviour the content now has: a verdict that follows its
source, a headline that carries its condition, a myth page that can't be read as a bare "No" to a
practical question, a ruling that no longer leans on a source that doesn't support it."""
from __future__ import annotations

import re

import pytest

from tests.conftest import Chat


# -- verdicts follow the sources -----------------------------------------------------------------
@pytest.mark.parametrize("ruling, verdict", [
    # supervision 646-650 only sets sponsorship apart; 2509-2544: explore dual relationships, don't refuse by habit
    ("sv-not-a-sponsor", "unlikely"),
    # the handbook's chart, 1265-1589: consistent with the peer role ...
    ("hb-commit-testify-for", "yes"),
    ("hb-phones-occasional", "yes"),
    ("hb-filing-occasional-own", "yes"),
    # ... and not consistent
    ("hb-social-only-recreation", "no"),
])
def test_the_audited_verdicts_follow_their_sources(catalog, ruling: str, verdict: str):
    """The rulings the audit found softened or hardened lean as their sources do."""
    assert catalog.rulings[ruling].verdict == verdict


def test_the_sponsor_ruling_says_to_explore_the_dual_relationship_with_a_supervisor(catalog):
    """Being asked to sponsor someone you support is "usually not", with the reason: a dual relationship to explore."""
    sponsor = catalog.rulings["sv-not-a-sponsor"]
    assert "dual relationship" in sponsor.reasons[0] and "supervisor" in sponsor.reasons[0]
    assert "supervisor" in sponsor.instead


def test_the_suicide_risk_assessment_headline_carries_its_condition(chat: Chat, catalog):
    """The first line of the answer on assessing suicide risk says: only as far as you're trained, within the protocol."""
    ruling = catalog.rulings["ws-24-suicide-risk-assessment"]
    assert "trained" in ruling.task and "protocol" in ruling.task
    assert "training" in ruling.reasons[0] and "protocol" in ruling.reasons[0]
    first = chat.say("/peer ask am I allowed to do a suicide risk assessment?")[0].text.splitlines()[0]
    assert "trained" in first and "protocol" in first


# -- citations point at what they claim ----------------------------------------------------------
def test_no_ruling_rests_a_task_on_the_research_list_of_outcomes(catalog):
    """Implementation 130-144 lists outcomes research links to peer support; no ruling cites it as support for a task."""
    for ruling in catalog.rulings.values():
        cited = [*ruling.sources, *(s for v in ruling.views for s in v.sources)]
        assert not any(s.doc == "implementation" and s.lines == "130-144" for s in cited), ruling.id


def test_the_code_white_view_cites_the_example_not_a_page_footer(catalog):
    """The co-optation example (distracting someone while others call an ambulance) is at supervision 2267-2276."""
    view = catalog.rulings["ws-19-code-white-response"].views[1]
    assert [(s.doc, s.lines) for s in view.sources] == [("supervision", "2267-2276")]


def test_reminding_people_about_medication_is_sourced_where_the_ruling_says_it(catalog):
    """The monitoring ruling names reminders only as the team's, and cites the worksheet and co-optation lines for it."""
    ruling = catalog.rulings["hb-meds-monitor-report"]
    assert "because the team wants it" in ruling.task
    cited = {(s.doc, s.lines) for s in ruling.sources}
    assert ("supervision", "2267-2273") in cited and any(s.doc == "toolkit" and "3085" in s.lines for s in ruling.sources)


@pytest.mark.parametrize("flourish", ["even when someone invites it", "harms public trust", "makes such a relationship unsafe"])
def test_additions_the_sources_do_not_make_are_gone(catalog, flourish: str):
    """Phrases the audit found added to a source's point are nowhere in the rulings."""
    for ruling in catalog.rulings.values():
        assert flourish not in " ".join((ruling.task, *ruling.reasons, ruling.instead)), ruling.id


# -- myth pages answer the question they were matched to honestly --------------------------------
BARE = re.compile(r"^(no|not|yes)\b", re.IGNORECASE)


def test_every_myth_page_opens_by_naming_the_myth_not_with_a_bare_no(catalog):
    """A myth page's short answer names the idea it answers first, so its "no" can't be read as the answer to another question."""
    myths = [t for t in catalog.topics.values() if t.group == "myths"]
    assert len(myths) >= 20
    for topic in myths:
        first = topic.short.strip().split(". ")[0]
        assert not BARE.match(topic.short.strip()), topic.id
        assert re.match(r"The (idea|worry) that ", first), topic.id
