"""Goal journeys: adapting keeps the old goal and links the new one, and chains read in order."""

from datetime import date

from careplan.goals import adapt_goal, journey, journeys
from careplan.model import CarePlan, Goal


def test_adapting_twice_makes_one_journey_in_order():
    plan = CarePlan(goals=[Goal(title="Run 5 miles")])
    walk = adapt_goal(
        plan, plan.goals[0].id, "A daily walk", "running hurts my hip", on=date(2026, 6, 3)
    )
    coffee = adapt_goal(
        plan, walk.id, "Coffee outside each morning", "the park is too far", on=date(2026, 9, 10)
    )
    assert [goal.title for goal in journey(plan, walk.id)] == [
        "Run 5 miles",
        "A daily walk",
        "Coffee outside each morning",
    ]
    assert plan.goals[0].status == "adapted" and plan.goals[0].ended_on == date(2026, 6, 3)
    assert coffee.adapted_from == walk.id and coffee.adapted_reason == "the park is too far"
    assert len(journeys(plan)) == 1


def test_a_circle_of_links_in_an_unchecked_draft_still_ends():
    first, second = (
        Goal(title="A", id="a", adapted_from="b"),
        Goal(title="B", id="b", adapted_from="a"),
    )
    plan = CarePlan(goals=[first, second])
    assert {goal.id for goal in journey(plan, "a")} == {"a", "b"}
    assert journeys(plan) == []
