"""The plan's dates as people type them: where each one lives, what it is called, and the typed
text kept in the draft until it reads as a date.

A date goes into the plan only once its whole text reads as one ("30 February" passes through
"30" on the way, and the plan should never hold a date nobody meant). Until then the text waits in
the draft's extra data (`DraftExtra.typed_dates`, field key -> text), so a closed terminal loses nothing
and a save can say which date still needs a look. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from careplan.dates import Looking, parse_optional_date, parse_partial_date
from careplan.errors import InvalidDate
from careplan.model import CarePlan
from careplan.partial_dates import PartialDate

if TYPE_CHECKING:
    from careplan.drafts import DraftExtra

_GENERAL_HINT = (
    'try something like "24 Dec 2026", "2026-12-24" or "in 3 weeks"'  # see errors.InvalidDate
)


PlanDate = date | PartialDate  # a date field holds a day, or (a `partial` field) what was given


@dataclass(frozen=True)
class DateFieldInfo:
    key: str  # also where the date lives in a CarePlan: "about.date_of_birth" is plan.about.date_of_birth;
    # a "*" stands for an item of a list by its id ("treatment_decisions.<id>.starts_on")
    section: str  # the part of the plan (careplan.vocab.SECTIONS) whose screen shows the field
    label: str
    examples: tuple[str, ...]  # ways to type it, shown in the hint and in "could not read"
    expect: Literal["past", "future"] | None = (
        None  # the other side gets a gentle note, never a refusal
    )
    # which year "12 Sep" means: the next one ("ahead") or the last one ("back")
    looks: Looking = "ahead"
    partial: bool = False  # a year or a month and year is kept as given ("1973", "March 1974")

    @property
    def examples_text(self) -> str:
        quoted = [f'"{example}"' for example in self.examples]
        return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)

    @property
    def hint(self) -> str:
        """What an empty field says."""
        return f"No date yet. Type it as you like, e.g. {self.examples_text}."


DATE_FIELDS: dict[str, DateFieldInfo] = {
    info.key: info
    for info in (
        DateFieldInfo(
            "about.date_of_birth",
            "about",
            "Date of birth",
            ("3 March 1956", "March 1956", "1956"),
            "past",
            looks="back",
            partial=True,
        ),
        DateFieldInfo(
            "modifications.*.since",
            "modifications",
            "Since",
            ("12 March 2026", "last week", "yesterday"),
            "past",
            looks="back",
        ),
        DateFieldInfo(
            "treatment_decisions.*.decided_on",
            "treatment_decisions",
            "First talked about",
            ("12 March 2026", "yesterday"),
            "past",
            looks="back",
        ),
        DateFieldInfo(
            "treatment_decisions.*.event_on",
            "treatment_decisions",
            "The day of the event",
            ("22 Aug 2026", "in 5 weeks"),
        ),
        DateFieldInfo(
            "treatment_decisions.*.starts_on",
            "treatment_decisions",
            "When the break would start",
            ("24 Dec 2026", "in 3 weeks", "tomorrow"),
        ),
        DateFieldInfo(
            "treatment_decisions.*.ends_on",
            "treatment_decisions",
            "When it would end",
            ("6 Jan 2027", "in 2 months"),
        ),
        DateFieldInfo(
            "treatment_decisions.*.look_again_on",
            "treatment_decisions",
            "A date to look at this again",
            ("in 3 weeks", "24 Dec 2026"),
            "future",
        ),
        DateFieldInfo(
            "team.*.joined_on",
            "team",
            "Joined on",
            ("12 March 2026", "last month", "yesterday"),
            "past",
            looks="back",
        ),
        DateFieldInfo(
            "next_review", "review", "Next review", ("in 6 weeks", "24 Dec 2026"), "future"
        ),
    )
}


def decision_date_key(decision_id: str, attribute: str) -> str:
    """The key of one decision's date field: "treatment_decisions.<id>.starts_on"."""
    return f"treatment_decisions.{decision_id}.{attribute}"


# The keys of the days typed in a small editor (a modal) before the item is in the plan: read
# by these fields' rules (`read_typed`, `gentle_note`), never kept waiting in the draft.
MODIFICATION_SINCE = "modifications.*.since"
MEMBER_JOINED = "team.*.joined_on"


def field_info(key: str) -> DateFieldInfo | None:
    """What is known about the date field `key` (an item's field by its list's "*" entry)."""
    if key in DATE_FIELDS:
        return DATE_FIELDS[key]
    parts = key.split(".")
    if len(parts) == 3:
        return DATE_FIELDS.get(f"{parts[0]}.*.{parts[2]}")
    return None


def item_id(key: str) -> str | None:
    """The id of the list item a field key names ("treatment_decisions.<id>.starts_on" -> id)."""
    parts = key.split(".")
    return parts[1] if len(parts) == 3 and parts[0] + ".*." + parts[2] in DATE_FIELDS else None


# Dates typed outside the fields above, each with the way it looks, so every "12 Sep" in the app
# is read by the same rule: the day of the conversation and the day a document was signed have
# been.
OTHER_TYPED_DATES: dict[str, Looking] = {
    "session_date": "back",
    "advance_care.documents.dated": "back",
}


def looking(key: str) -> Looking:
    """Which way the date typed for `key` (a DATE_FIELDS or OTHER_TYPED_DATES key) looks."""
    info = field_info(key)
    return info.looks if info is not None else OTHER_TYPED_DATES[key]


@dataclass(frozen=True)
class WaitingDate:
    """Text typed into a date field that has not gone into the plan."""

    field: DateFieldInfo
    text: str
    problem: str  # why it cannot be read; "" when it reads as a date but was not yet taken in
    key: str = ""  # the field's own key (an item's, for a field of a list item)


def read_typed(key: str, text: str, today: date | None = None) -> PlanDate | None:
    """The date `text` reads as (None: empty), "tomorrow" from `today` (default: the clock's), a
    year without a year read the way the field looks; a PartialDate for a `partial` field.
    Raises InvalidDate, with this field's examples."""
    info = field_info(key)
    try:
        if info is not None and info.partial:
            if not text.strip():
                return None
            value = parse_partial_date(text, today, info.looks)
            return value if isinstance(value, PartialDate) else PartialDate.of(value)
        return parse_optional_date(text, today, info.looks if info else None)
    except InvalidDate as error:
        if info is None or _GENERAL_HINT not in str(error):
            raise
        raise InvalidDate(text, f"try something like {info.examples_text}") from None


def plan_date(plan: CarePlan, key: str) -> PlanDate | None:
    owner, attribute = _owner(plan, key)
    return getattr(owner, attribute)


def typed_text(extra: DraftExtra, key: str) -> str | None:
    """Text typed into the field and not yet taken into the plan (None: nothing waiting)."""
    return extra.typed_dates.get(key)


def keep_typed(extra: DraftExtra, key: str, text: str) -> None:
    extra.typed_dates[key] = text


def forget_typed(extra: DraftExtra, key: str) -> bool:
    """Drop the waiting text for `key`; True when there was some."""
    return extra.typed_dates.pop(key, None) is not None


def take_typed(
    plan: CarePlan, extra: DraftExtra, key: str, text: str, today: date | None = None
) -> bool:
    """The person is done with the field: put the date `text` reads as into the plan (empty text:
    no date) and stop keeping the text; if it cannot be read, the plan keeps its date and the text
    stays waiting. True when the plan or the waiting texts changed (the draft needs writing)."""
    try:
        value = read_typed(key, text, today)
    except InvalidDate:
        changed = typed_text(extra, key) != text
        keep_typed(extra, key, text)
        return changed
    owner, attribute = _owner(plan, key)
    changed = getattr(owner, attribute) != value
    setattr(owner, attribute, value)
    return forget_typed(extra, key) or changed


def waiting_dates(extra: DraftExtra) -> list[WaitingDate]:
    """Every date typed but not in the plan, in the order the plan's parts come."""
    order = list(DATE_FIELDS)
    found = []
    for key, text in extra.typed_dates.items():
        info = field_info(key)
        if info is None:
            continue
        try:
            read_typed(key, text)
            problem = ""
        except InvalidDate as error:
            problem = str(error)
        found.append(WaitingDate(info, text, problem, key))
    found.sort(key=lambda waiting: order.index(waiting.field.key))
    return found


def gentle_note(key: str, value: PlanDate | None, today: date) -> str:
    """A calm word when a date is on the side it rarely is (a birth date to come, a review date
    gone by); "" otherwise. Never a refusal: the person may mean it."""
    info = field_info(key)
    if value is None or info is None:
        return ""
    if isinstance(value, PartialDate):  # only what was given is compared: "2026" is not future
        given = value.parts()
        now = (today.year, today.month, today.day)[: len(given)]
        later, earlier = given > now, given < now
    else:
        later, earlier = value > today, value < today
    if info.expect == "past" and later:
        return "That is in the future; is the year right?"
    if info.expect == "future" and earlier:
        return "That date has already gone by; is that what you meant?"
    return ""


def _owner(plan: CarePlan, key: str) -> tuple[Any, str]:
    """The object holding the date `key` names, and the date's attribute. A KeyError when the key
    names a list item the plan no longer has."""
    *path, attribute = key.split(".")
    owner: Any = plan
    for name in path:
        if isinstance(owner, list):
            owner = next((item for item in owner if getattr(item, "id", None) == name), None)
            if owner is None:
                raise KeyError(f"{key}: no item {name!r} in the plan")
        else:
            owner = getattr(owner, name)
    return owner, attribute
