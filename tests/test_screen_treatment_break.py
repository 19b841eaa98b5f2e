"""One treatment decision's worksheet, driven by keyboard through the Pilot, checked against the stored draft."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from textual.widgets import OptionList, Select, Static

from careplan import content
from careplan.model import About, CarePlan, TreatmentDecision
from careplan.screens.treatment_break import DATE_ORDER_NOTE, DecisionScreen
from careplan.screens.widgets.date_field import DateField
from careplan.store import Store
from tests.pilot_helpers import type_into
from tests.screen_host import ScreenHost, working_plan_for

TODAY = date(2026, 6, 15)  # the app's day, not the clock's: "in 3 weeks" holds across midnight


def host(store: Store, decision: TreatmentDecision | None = None) -> ScreenHost:
    decision = decision or TreatmentDecision(id="d1")
    plan = CarePlan(about=About(name="Ruth Okafor"), treatment_decisions=[decision])
    working = working_plan_for(store, plan)
    return ScreenHost(lambda working: DecisionScreen(working, decision.id), working, today=TODAY)


def draft_break(app: ScreenHost, decision_id: str = "d1"):
    app.screen.keep_waiting()  # typed words are written when typing pauses; don't wait for it
    return app.working.file.draft().plan.decision(decision_id)


async def choose(pilot, selector: str, steps_down: int) -> None:
    """Open a Select with Enter, move down `steps_down` options past the prompt, choose with Enter."""
    pilot.app.screen.query_one(selector, Select).focus()
    await pilot.press("enter", *["down"] * steps_down, "enter")
    await pilot.pause()


async def test_fill_in_the_worksheet(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(
            pilot, "#kind", 2
        )  # the prompt, then "A pause to recover", then "A pause for an event"
        await type_into(pilot, "#event", "Maya's wedding")
        await type_into(pilot, "#starts_on Input", "24 Dec 2026")
        await type_into(pilot, "#look_again_on Input", "in 3 weeks")
        await type_into(pilot, "#hopes", "Feel well enough to dance")

        echo = app.screen.query_one("#starts_on .date-echo", Static)
        assert "Thursday 24 December 2026" in str(echo.render())

        pause = draft_break(app)
        assert pause.kind == "event"
        assert pause.event == "Maya's wedding"
        assert pause.starts_on == date(2026, 12, 24)
        assert pause.look_again_on == TODAY + relativedelta(weeks=3)
        assert pause.hopes == "Feel well enough to dance"


async def test_an_unreadable_date_says_so_and_keeps_the_plan(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_into(pilot, "#ends_on Input", "6 Jan 2027")
        assert draft_break(app).ends_on == date(2027, 1, 6)

        await type_into(pilot, "#ends_on Input", "30 February")
        field = app.screen.query_one("#ends_on", DateField)
        assert not field.valid
        assert "that day does not exist in that month" in str(
            field.query_one(".date-echo", Static).render()
        )
        assert field.input.value == "30 February"  # what was typed stays on screen
        assert draft_break(app).ends_on == date(2027, 1, 6)  # and the plan keeps the last good date


async def test_an_end_before_the_start_gets_a_calm_note(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        note = app.screen.query_one("#date-order-note", Static)
        await type_into(pilot, "#starts_on Input", "24 Dec 2026")
        await type_into(pilot, "#ends_on Input", "1 Dec 2026")
        assert draft_break(app).ends_on == date(
            2026, 12, 1
        )  # kept as typed; saving a version will ask
        assert note.display
        assert str(note.render()) == DATE_ORDER_NOTE

        await type_into(pilot, "#ends_on Input", "6 Jan 2027")
        assert draft_break(app).ends_on == date(2027, 1, 6)
        assert not note.display


async def test_questions_suggested_and_own(store: Store) -> None:
    suggested = content.oncologist_questions()
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")  # the suggested questions
        await pilot.press("down", "enter")  # the second suggestion
        await pilot.press("ctrl+n")
        await pilot.press(*"Can I still travel?", "enter")
        await pilot.pause()
        assert draft_break(app).questions == [suggested[1].text, "Can I still travel?"]

        suggestions = app.screen.query_one("#suggested-questions")
        assert str(suggestions.get_option_at_index(1).prompt).startswith("✓ in your list:")

        questions = app.screen.query_one("#questions")
        questions.focus()
        questions.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert draft_break(app).questions == ["Can I still travel?"]


async def test_warning_sign_groups_and_own_words(store: Store) -> None:
    groups = content.sign_choices()
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "down", "space")  # include the second group
        await pilot.pause()
        assert draft_break(app).warning_signs == list(groups[1].signs)
        prompt = str(app.screen.query_one("#warning-groups").get_option_at_index(1).prompt)
        assert prompt == f"[x] {groups[1].title} (in the plan)"
        assert groups[1].who_to_call in str(app.screen.query_one("#group-detail", Static).render())

        await pilot.press("ctrl+t", *"Feeling faint", "enter")
        await pilot.pause()
        assert draft_break(app).warning_signs == [*groups[1].signs, "Feeling faint"]

        await pilot.press("ctrl+r", "space")  # take the group out again: own words stay
        await pilot.pause()
        assert draft_break(app).warning_signs == ["Feeling faint"]


async def test_decision_status(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, "#status", 2)  # "Discussed with the team"
        assert draft_break(app).status == "discussed"


async def test_a_groups_line_signs_are_only_put_in_when_chosen(store: Store) -> None:
    """Someone on tablets has no line: including infection signs leaves the line's sign out."""
    choices = [choice.id for choice in content.sign_choices()]
    line_sign = "Redness, swelling or soreness around a wound, line or port"
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", *["down"] * choices.index("infection"), "space")
        await pilot.pause()
        signs = draft_break(app).warning_signs
        assert "Shivering, chills or sweats" in signs and line_sign not in signs
        await pilot.press("down", "space")  # the next choice: the same group, with a line or port
        await pilot.pause()
        assert draft_break(app).warning_signs[-1] == line_sign


async def test_stopping_has_its_own_words_and_the_support_that_goes_on(store: Store) -> None:
    app = host(store, TreatmentDecision(kind="stop", id="d1"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        shown = " ".join(str(label.render()) for label in screen.query("Label, Static"))
        visible = [widget for widget in screen.query("#event, #ends_on, #event_on")]
        assert all(not widget.display for widget in visible)  # a pause's parts are not offered
        assert "What we hope stopping brings" in shown
        assert screen.query_one("#support-part").display
        overlay = screen.query_one("#status SelectOverlay", OptionList)
        statuses = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert "Treatment has stopped" in statuses
        assert not any("break" in label.lower() for label in statuses)

        screen.query_one("#support").focus()
        await pilot.press("space", "down", "down", "space")  # palliative care, then hospice
        await type_into(pilot, "#support_words", "The district nurses twice a week")
        await type_into(pilot, "#hopes", "Good days at home")
        stop = draft_break(app)
        assert stop.support == ["palliative_care", "hospice"]
        assert stop.support_words == "The district nurses twice a week"
        assert stop.hopes == "Good days at home"


async def test_changing_the_kind_to_stopping_changes_the_words_and_keeps_what_was_written(
    store: Store,
) -> None:
    app = host(store, TreatmentDecision(kind="event", event="The wedding", id="d1"))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.screen.query_one("#event").display
        await choose(pilot, "#kind", 1)  # from "A pause for an event", one down: stopping
        assert draft_break(app).kind == "stop"
        assert not app.screen.query_one("#event").display
        assert "stopping" in str(app.screen.query_one("#label-hopes", Static).render())
        assert draft_break(app).event == "The wedding"  # hidden, never thrown away


def focused_id(app: ScreenHost) -> str:
    focused = app.screen.focused
    return next((node.id for node in focused.ancestors_with_self if node.id), "") if focused else ""


async def test_ctrl_down_and_up_jump_between_the_worksheets_parts(store: Store) -> None:
    """From the questions to where the decision stands is two keys, not a dozen Tabs."""
    app = host(store, TreatmentDecision(id="d1", kind="event"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#kind").focus()
        await pilot.press("ctrl+down")
        assert focused_id(app) == "current_treatment"
        await pilot.press("ctrl+down")  # the support part is hidden for a pause: skipped
        assert focused_id(app) == "questions"
        await pilot.press("ctrl+down", "ctrl+down")
        assert focused_id(app) == "status"
        await pilot.press("ctrl+down")  # nothing after the last part: it stays
        assert focused_id(app) == "status"
        await pilot.press("ctrl+up")
        assert focused_id(app) == "warning-groups"
        app.screen.query_one("#hopes").focus()  # inside a text area, Ctrl+Up goes too
        await pilot.press("ctrl+up")
        assert focused_id(app) == "current_treatment"
        shown = app.screen.active_bindings
        assert shown["ctrl+down"].binding.show  # in the footer; Ctrl+Up is in Help, for room at 80
        assert "Ctrl+Down" in DecisionScreen.HELP and "Ctrl+Up" in DecisionScreen.HELP


async def test_the_parts_of_stopping_include_the_support(store: Store) -> None:
    app = host(store, TreatmentDecision(id="d1", kind="stop"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#current_treatment").focus()
        await pilot.press("ctrl+down")
        assert focused_id(app) == "support"
