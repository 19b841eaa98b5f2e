"""What day it is, for every screen: the app's `today`, so one pinned day (tests, snapshots) holds
everywhere and a session that runs past midnight moves on with the clock."""

from __future__ import annotations

from datetime import date


def today(app: object) -> date:
    """The app's `today` (CarePlanApp has one), else the clock's."""
    return getattr(app, "today", None) or date.today()
