"""Plain dicts to and from the plan's dataclasses, driven by their type hints.

One codec serves storage, drafts, JSON export and import, so a field added to the model is saved
everywhere at once. Reading is strict about types (a wrong shape is a clear InvalidPlanFile naming
the field) and lenient about unknown keys, so a file from a slightly newer careplan still opens.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from careplan.errors import InvalidPlanFile
from careplan.partial_dates import PartialDate

T = TypeVar("T")


def to_dict(value: Any) -> Any:
    """A JSON-ready copy of a dataclass tree (dates become ISO strings, a partial date the ISO
    prefix of what was given: "1973", "1974-03")."""
    if isinstance(value, PartialDate):
        return value.stored()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: to_dict(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list):
        return [to_dict(item) for item in value]
    if isinstance(value, dict):
        return {key: to_dict(item) for key, item in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def from_dict(cls: type[T], data: Any, where: str = "plan") -> T:
    """Build `cls` from what `to_dict` made. Raises InvalidPlanFile naming the bad field."""
    return _decode(cls, data, where)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        if data is None:
            return None
        return _decode(options[0], data, where)
    if origin is typing.Literal:
        # A choice is kept as it was written, even one not in its list: validation names it, so
        # a plan from a newer careplan (or a hand edit) still opens and says what is odd.
        if not isinstance(data, str):
            raise InvalidPlanFile(where, "should be text")
        return data
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise InvalidPlanFile(where, "should be a group of fields (a JSON object)")
        hints = _hints(kind)
        values = {}
        for field in dataclasses.fields(kind):
            if field.name in data:
                values[field.name] = _decode(
                    hints[field.name], data[field.name], f"{where}.{field.name}"
                )
        return kind(**values)
    if origin is list:
        if not isinstance(data, list):
            raise InvalidPlanFile(where, "should be a list")
        (item_kind,) = typing.get_args(kind)
        return [_decode(item_kind, item, f"{where}[{index}]") for index, item in enumerate(data)]
    if origin is dict:
        if not isinstance(data, dict):
            raise InvalidPlanFile(where, "should be a group of fields (a JSON object)")
        _, value_kind = typing.get_args(kind)
        return {str(key): _decode(value_kind, item, f"{where}.{key}") for key, item in data.items()}
    if kind is date:
        if not isinstance(data, str):
            raise InvalidPlanFile(where, "should be a date written as YYYY-MM-DD")
        try:
            return date.fromisoformat(data)
        except ValueError:
            raise InvalidPlanFile(where, f'"{data}" is not a date written as YYYY-MM-DD') from None
    if kind is PartialDate:
        try:
            return PartialDate.from_stored(data) if isinstance(data, str) else _not_partial()
        except ValueError:
            raise InvalidPlanFile(
                where, "should be a year, a month or a day written as YYYY, YYYY-MM or YYYY-MM-DD"
            ) from None
    if kind is datetime:
        try:
            return datetime.fromisoformat(data)
        except (TypeError, ValueError):
            raise InvalidPlanFile(where, "should be a date and time in ISO form") from None
    if kind is bool:
        if not isinstance(data, bool):
            raise InvalidPlanFile(where, "should be true or false")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise InvalidPlanFile(where, "should be a whole number")
        return data
    if kind is str:
        if not isinstance(data, str):
            raise InvalidPlanFile(where, "should be text")
        return data
    raise TypeError(f"codec cannot decode {kind!r}")  # a model bug, not bad input


def _not_partial() -> PartialDate:
    raise ValueError("not text")
