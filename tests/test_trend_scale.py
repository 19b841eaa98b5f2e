"""Trend bars are drawn against the measure's own scale, never stretched to the data's min and max:
a pain of 3 out of 10 is a low bar wherever it is shown, and only 10 out of 10 fills the cell."""

from __future__ import annotations

from careplan.model import About, CarePlan, CheckIn
from careplan.screens.checkin import CheckInScreen
from careplan.screens.history import HistoryScreen
from careplan.screens.widgets.trend import (
    FUNCTION_SCALE,
    SYMPTOM_SCALE,
    ScaledSparkline,
    bars,
    scale_for,
)
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import settle
from tests.screen_host import ScreenHost

LOW = set("▁▂▃")


def test_the_scales_are_the_measures_own() -> None:
    assert SYMPTOM_SCALE == (0, 10)  # ESAS-r
    assert FUNCTION_SCALE == (0, 100)  # PPS
    assert scale_for("function_level") == FUNCTION_SCALE
    assert scale_for("pain") == scale_for("breath") == SYMPTOM_SCALE


def test_small_symptom_scores_are_low_bars_and_only_the_top_of_the_scale_is_full() -> None:
    line = bars([1, 2, 2, 2, 3, 3], SYMPTOM_SCALE)
    assert len(line) == 6
    assert set(line) <= LOW
    assert bars([0], SYMPTOM_SCALE) == "▁"
    assert bars([10], SYMPTOM_SCALE) == "█"
    assert bars([5], SYMPTOM_SCALE) in {"▄", "▅"}
    assert bars([3, 3, 3], SYMPTOM_SCALE) == bars([3], SYMPTOM_SCALE) * 3  # flat stays at its level


def test_function_level_is_drawn_on_0_to_100() -> None:
    assert bars([100, 50, 10], FUNCTION_SCALE)[0] == "█"
    assert bars([0, 10], FUNCTION_SCALE) == "▁▂"
    assert bars([80, 70], FUNCTION_SCALE) == "▇▆"


def test_a_missing_rating_is_a_gap_and_a_line_fills_its_width() -> None:
    assert bars([2, None, 10], SYMPTOM_SCALE) == "▂ █"
    assert bars([10, 0], SYMPTOM_SCALE, width=4) == "██▁▁"  # few versions: each gets an equal share
    assert (
        len(bars(list(range(11)) * 3, SYMPTOM_SCALE, width=12)) == 12
    )  # many: summed up in 12 cells
    assert bars([], SYMPTOM_SCALE, width=3) == "   "
    assert bars([15, -2], SYMPTOM_SCALE) == "█▁"  # odd old values stay on the scale


def plan_with_small_changes(store: Store) -> WorkingPlan:
    plan = CarePlan(about=About(name="Ruth Okafor"))
    plan_file = store.create_plan(plan)
    for pain, level in [(1, 80), (2, 80), (2, 70), (2, 70), (3, 70), (3, 60)]:
        plan.checkin = CheckIn(function_level=level, symptoms={"pain": pain})
        plan_file.save_version(plan, saved_by="Ruth")
    return WorkingPlan(plan_file)


async def test_history_draws_pain_of_1_to_3_as_low_bars(store: Store) -> None:
    app = ScreenHost(HistoryScreen, plan_with_small_changes(store))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pain = app.screen.query_one("#trend-pain ScaledSparkline", ScaledSparkline)
        assert pain.scale == SYMPTOM_SCALE
        assert set(str(pain.render())) <= LOW
        function = app.screen.query_one("#trend-function_level ScaledSparkline", ScaledSparkline)
        assert function.scale == FUNCTION_SCALE
        assert str(function.render()) == bars([80, 80, 70, 70, 70, 60], FUNCTION_SCALE)
        assert "█" not in str(function.render())


async def test_the_checkin_trends_use_the_same_scales(store: Store) -> None:
    app = ScreenHost(CheckInScreen, plan_with_small_changes(store))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pain = app.screen.query_one("#trend-pain ScaledSparkline", ScaledSparkline)
        assert pain.scale == SYMPTOM_SCALE
        drawn = str(pain.render())
        assert drawn.strip() and set(drawn) <= LOW
        function = app.screen.query_one("#trend-function_level ScaledSparkline", ScaledSparkline)
        assert function.scale == FUNCTION_SCALE
        assert "█" not in str(function.render())
