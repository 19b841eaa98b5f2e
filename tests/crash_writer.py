"""Saves one plan over and over, saying so after each save returns; the crash tests kill it.

    python tests/crash_writer.py DATA_DIR PLAN_ID versions
    python tests/crash_writer.py DATA_DIR PLAN_ID drafts START

`versions` saves version after version, printing "saved N" once version N is saved. `drafts`
saves drafts START, START+1, ... printing "drafted N". Each prints "ready" once the plan is open.
What version or draft N holds is `plan_for(N)`, so a test can check any of them after the kill.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from careplan.drafts import DraftExtra
from careplan.model import About, CarePlan, CheckIn, Goal, Participant, Statement, TeamMember

PERSON = "Maryam Haddad"


def plan_for(number: int) -> CarePlan:
    """The plan as it is at step `number`: some parts change every step, some now and then, some never."""
    return CarePlan(
        about=About(
            name=PERSON,
            illness="In my own words: tired, but still me. 我还是我。",
            participants=[Participant(name="Sami", role="caregiver", relationship="husband")],
        ),
        matters=[
            Statement(
                text=f"Step {number}: " + " ".join(f"word{number}-{k}" for k in range(400)),
                id="m-every",
            ),
            Statement(text="Sunday lunch with everyone", kind="hope", id="m-fixed"),
        ],
        goals=[
            Goal(
                title=f"Goal {k} as of step {number - number % 3}",
                id=f"g-{k}",
                started_on=date(2026, 1, 1),
            )
            for k in range(number % 4)
        ],
        team=[TeamMember(name="Dr Okafor", role="oncologist", id="t-1")],
        checkin=CheckIn(function_level=(number % 11) * 10, symptoms={"pain": number % 11}),
        next_review=date(2026, 1, 1) + timedelta(days=number % 300),
    )


def main(argv: list[str]) -> None:
    from careplan.store import Store

    data_dir, plan_id, mode = argv[:3]
    with Store(Path(data_dir)).open_plan(plan_id) as opened:
        print("ready", flush=True)
        if mode == "versions":
            while True:
                number = (opened.latest or 0) + 1
                opened.save_version(
                    plan_for(number), saved_by="crash writer", note=f"step {number}"
                )
                print(f"saved {number}", flush=True)
        else:
            number = int(argv[3])
            while True:
                opened.keep_draft(plan_for(number), extra=DraftExtra(guided_step=number))
                print(f"drafted {number}", flush=True)
                number += 1


if __name__ == "__main__":
    main(sys.argv[1:])
