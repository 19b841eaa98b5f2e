"""What day it is, for every screen: the app's `today`, so one pinned day (tests, snapshots) holds
everywhere and a session that runs past midnight moves on with the clock."""

from __future__ import annotations

from datetime import date


def today(app: object) -> date:
    """The app's `today` (CarePlanApp has one), else the clock's."""
    return getattr(app, "today", None) or date.today()


def session_day(app: object) -> date:
    """The day of the conversation the open plan's draft records (careplan.working_plan), which
    new goals, adaptations, ends and other dated things take by default; else the app's today."""
    working = getattr(app, "working", None)
    day = today(app)
    return working.session_day(day) if working is not None else day
