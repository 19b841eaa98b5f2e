"""How we show a person: by the name they like to be called, the same everywhere.

The plan's person has About.preferred_name; people taking part (Participant) and people on the
support team (TeamMember) have their own optional `preferred_name`. Every screen, grid heading,
export and diff asks `called` rather than reading a name field, so one person is never "Dana" in
one place and "Dana Whitfield" in another. Nothing here guesses: without a preferred name a person
is shown by their name as typed, never by its first word.

One person may be written down more than once (the caregiver who took part is also on the team):
with the plan at hand, a preferred name given in one place is used for the same name in the others.
"""

from __future__ import annotations

from careplan.display import shown_name
from careplan.model import About, CarePlan, Participant, Spokesperson, TeamMember

Someone = About | Participant | TeamMember | Spokesperson

ELLIPSIS = "…"


def _key(name: str) -> str:
    return " ".join(shown_name(name).split()).casefold()


def _one_line(text: str) -> str:
    """A name as typed, without spaces around it. Not made safe for a terminal or a page here:
    each screen and export does that its own way (careplan.display, careplan.markdown_escape),
    as for any typed text."""
    return text.strip()


def _own_preference(someone: Someone) -> str:
    return _one_line(getattr(someone, "preferred_name", ""))


def called(someone: Someone, plan: CarePlan | None = None) -> str:
    """The name to show `someone` by: the name they like to be called, else (with `plan`) the one
    the same person likes to be called where else the plan names them, else their name as typed.
    "" when they have no name at all (the caller says "someone unnamed" in its own words)."""
    if isinstance(someone, About):
        return someone.called  # the plan's person: About.called, as every screen has shown it
    own = _own_preference(someone)
    if own:
        return own
    name = _one_line(someone.name)
    if plan is not None and name:
        linked = _linked_member(someone, plan)
        if linked is not None and _own_preference(linked):
            return _own_preference(linked)
        for other in _everyone(plan):
            if other is someone or _key(other.name) != _key(name):
                continue
            preferred = other.called if isinstance(other, About) else _own_preference(other)
            if preferred and _key(preferred) != _key(other.name):
                return preferred
    return name


def introduced(someone: Someone, plan: CarePlan | None = None) -> str:
    """Where a person's details are listed: "Tom (Tom Ellis)" when the name they like differs
    from their name as written, else just the name. Everywhere else: `called`."""
    name = _one_line(someone.name)
    shown_as = called(someone, plan)
    if shown_as and name and _key(shown_as) != _key(name):
        return f"{shown_as} ({name})"
    return shown_as or name


def shortened(text: str, width: int) -> str:
    """`text` cut to `width` characters with a visible ellipsis, never a guessed part of a name."""
    if width < 2 or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + ELLIPSIS


def headings(names: list[str], width: int) -> list[str]:
    """Short headings for `names` (a grid's columns): each at most `width` characters with an
    ellipsis where cut, made longer where two would otherwise read the same."""
    widths = [width] * len(names)
    for _ in range(max((len(name) for name in names), default=0)):
        shown = [shortened(name, size) for name, size in zip(names, widths, strict=True)]
        clashes = {text for text in shown if shown.count(text) > 1}
        if not clashes:
            return shown
        for index, text in enumerate(shown):
            if text in clashes and len(names[index]) > widths[index]:
                widths[index] += 1
    return [shortened(name, size) for name, size in zip(names, widths, strict=True)]


def _everyone(plan: CarePlan) -> list[Someone]:
    return [plan.about, *plan.about.participants, *plan.team]


def _linked_member(someone: Someone, plan: CarePlan) -> TeamMember | None:
    member_id = getattr(someone, "team_member", None)
    if not member_id:
        return None
    return next((member for member in plan.team if member.id == member_id), None)
