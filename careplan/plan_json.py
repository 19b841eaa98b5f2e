"""One saved version of a plan as a JSON document, and back: what `careplan export/import` carry.

    {"format": "careplan-plan", "format_version": 1, "id": ..., "version": ..., "saved_at": ...,
     "session_date": ..., "saved_by": ..., "note": ..., "plan": {...the plan, as careplan.codec writes it...}}

Reading checks the document's shape and the plan's content before anything is saved, and names
the first thing that is wrong in plain words.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from careplan.codec import from_dict, to_dict
from careplan.dates import year_problem
from careplan.errors import CarePlanError, InvalidPlanFile, ValidationError
from careplan.migrations import plan_dict_brought_up_to_date
from careplan.model import CarePlan
from careplan.validation import check, far_out_dates, tidy

if TYPE_CHECKING:
    from careplan.store import PlanFile

FORMAT = "careplan-plan"
FORMAT_VERSION = 2  # 2: treatment decisions, a list (1 held one treatment-break worksheet)
_UNPRINTED = re.compile(r"[\x7f-\x9f]")
_PLAN_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_WHAT_WE_EXPECT = "a file written by `careplan export --format json`"


def plan_to_json(plan_file: PlanFile, number: int | None = None) -> dict[str, Any]:
    """A saved version (the latest by default) as a JSON-ready dict."""
    if number is None:
        number = plan_file.latest
        if number is None:
            raise CarePlanError(
                f"{plan_file.person or plan_file.id}'s plan has no saved version yet."
            )
    info = plan_file.version(number)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": plan_file.id,
        "version": info.number,
        "saved_at": info.saved_at.isoformat(),
        "session_date": info.session_day.isoformat(),
        "saved_by": info.saved_by,
        "note": info.note,
        "plan": to_dict(plan_file.load(number)),
    }


def dumps(document: Any) -> str:
    """JSON text: indented, letters kept readable, ending with a newline.

    Control characters json leaves as they are (DEL and C1) are escaped too, so printing the
    text can never send a terminal a control sequence someone typed or pasted into a plan.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _UNPRINTED.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n"


def loads(text: str | bytes) -> tuple[str | None, CarePlan]:
    """Parse text that should hold a plan document; see `plan_from_json`."""
    plan_id, plan, _ = loads_document(text)
    return plan_id, plan


def loads_document(text: str | bytes) -> tuple[str | None, CarePlan, date | None]:
    """Like `loads`, with the day of the conversation the document records (None if it has none)."""
    try:
        data = json.loads(text)
    except UnicodeDecodeError:
        raise _not_a_plan("is not text (UTF-8)") from None
    except json.JSONDecodeError as error:
        raise _not_a_plan(
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise _not_a_plan("is nested too deeply to be a plan") from None
    except ValueError:  # e.g. a number thousands of digits long
        raise _not_a_plan("holds a number too long to be part of a plan") from None
    plan_id, plan = plan_from_json(data)
    return plan_id, plan, session_date_from_json(data)


def session_date_from_json(data: dict[str, Any]) -> date | None:
    """The document's "session_date": a past or present day, or None when absent (older files)."""
    text = data.get("session_date")
    if text is None:
        return None
    try:
        day = date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        day = None
    if day is None:
        raise InvalidPlanFile("session_date", "should be a day written as YYYY-MM-DD")
    if day > date.today():
        raise InvalidPlanFile("session_date", "is a future day; a session day has happened")
    if year_problem(day):
        raise InvalidPlanFile("session_date", f"{day.isoformat()}: {year_problem(day)}")
    return day


def plan_from_json(data: Any) -> tuple[str | None, CarePlan]:
    """(the plan's id if the document names one, the plan), or InvalidPlanFile/ValidationError.

    The plan is checked as a version would be before saving, so a plan returned here can be saved.
    """
    if not isinstance(data, dict):
        raise _not_a_plan(f"should hold a JSON object; expected {_WHAT_WE_EXPECT}")
    if data.get("format") != FORMAT:
        raise _not_a_plan(
            f'is not a careplan plan ("format" should be "{FORMAT}"); expected {_WHAT_WE_EXPECT}'
        )
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidPlanFile("format_version", "should be a whole number")
    if version > FORMAT_VERSION:
        raise _not_a_plan(
            f"was written by a newer careplan (format version {version}; this one reads up to "
            f"{FORMAT_VERSION}); please update careplan to import it"
        )
    if version < 1:
        raise InvalidPlanFile(
            "format_version", f"{version} is not a format version careplan has used"
        )
    plan_id = data.get("id")
    if plan_id is not None and not (isinstance(plan_id, str) and _PLAN_ID.match(plan_id)):
        raise InvalidPlanFile("id", "should be a plan id: lower-case letters, digits and dashes")
    if "plan" not in data:
        raise _not_a_plan('has no "plan" in it')
    try:
        plan = from_dict(CarePlan, plan_dict_brought_up_to_date(data["plan"]), where="plan")
    except RecursionError:
        raise InvalidPlanFile("plan", "is nested too deeply to be a plan") from None
    check(plan)
    far_out = far_out_dates(plan)
    if far_out:
        raise ValidationError({f"plan.{path}": problem for path, problem in far_out.items()})
    # Saving tidies the text first (careplan.validation.tidy), which can itself make a problem:
    # ids that go round in a circle once a control character is gone. Check what would be saved,
    # so a refused import is refused here, before any file is made.
    check(tidy(copy.deepcopy(plan)))
    return plan_id, plan


def _not_a_plan(why: str) -> InvalidPlanFile:
    """The document as a whole is wrong (rather than one field in it): "The file is not valid JSON"."""
    error = InvalidPlanFile("The file", why)
    error.args = (f"The file {why}.",)
    return error
