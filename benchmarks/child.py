"""What runs inside each fresh benchmark process: an app, headless, until a chosen moment.

    python -m benchmarks.child startup bare|careplan [EXPECTED_NAMES]
    python -m benchmarks.child typing bare CHARACTERS
    python -m benchmarks.child typing goal CHARACTERS PLAN_ID

Prints one JSON line on stdout. `startup` reports when the first screen was ready (wall clock,
to compare with the launch time the parent noted) and the peak RSS at that moment. `typing`
reports the wall and CPU seconds taken by Pilot pressing CHARACTERS keys into a text box.

The app is never changed for this: the hooks (an auto pilot that waits for the first screen, then
exits) live here. The data folder comes from CAREPLAN_DATA_DIR, which the parent always sets to
its own temporary folder.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from typing import Any

SIZE = (100, 30)


def _report(**figures: Any) -> None:
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()


def _bare_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

    return Bare()


def _careplan_app():
    from careplan import locations
    from careplan.screens.app import CarePlanApp
    from careplan.store import Store

    return CarePlanApp(Store(locations.data_dir()))


# --- start-up -----------------------------------------------------------------------------------


async def _until_ready(app, expected: list[str]) -> dict[str, float]:
    """When the first screen was mounted, its loading work done and a frame drawn (time.time()),
    and the peak RSS at that moment. With `expected`, one of those names must be on screen too."""
    while not app.screen.is_mounted:  # noqa: ASYNC110 - Textual posts no event for this
        await asyncio.sleep(0.001)
    await app.workers.wait_for_complete()
    drawn = asyncio.Event()
    app.screen.call_after_refresh(drawn.set)
    await drawn.wait()
    figures = _ready_now()
    if expected:
        # The caseload must really be on screen, or the figure would flatter a blank list. The
        # check is not timed unless the text is missing and loading is evidently still going.
        deadline = time.monotonic() + 20
        while not any(name in _screen_text(app) for name in expected):
            if time.monotonic() > deadline:
                raise SystemExit(f"the first screen never showed any of {expected[:3]!r}...")
            await asyncio.sleep(0.005)
            await app.workers.wait_for_complete()
            figures = _ready_now()
    return figures


def _ready_now() -> dict[str, float]:
    return {
        "ready_at": time.time(),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def _screen_text(app) -> str:
    """The text of the screen as drawn now (what export_screenshot renders, as plain text)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def startup(kind: str, expected_names: str = "") -> None:
    """`expected_names`: one per line; any of them on screen shows the caseload is there."""
    expected = [name for name in expected_names.splitlines() if name.strip()]
    app = _bare_app() if kind == "bare" else _careplan_app()
    figures: dict[str, float] = {}

    async def auto_pilot(pilot) -> None:
        figures.update(await _until_ready(app, expected))
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    if "ready_at" not in figures:
        raise SystemExit("the app closed before its first screen was ready")
    _report(**figures)


# --- typing -------------------------------------------------------------------------------------


def typing(kind: str, characters: str, plan_id: str = "") -> None:
    # Pilot waits for the app to go idle after every key, sleeping at least 20 ms twice to find
    # out; that floor would swamp the app's own few milliseconds per key. Finer steps (the same for
    # both apps) keep "idle" meaning idle: at most 0.05 ms of CPU during a 1 ms sleep.
    import textual._wait

    textual._wait.SLEEP_GRANULARITY = 0.001
    textual._wait.SLEEP_IDLE = 0.00005
    asyncio.run(_type(kind, characters, plan_id))


async def _type(kind: str, characters: str, plan_id: str) -> None:
    from textual.widgets import Input

    if kind == "bare":
        app = _bare_input_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            box = app.query_one(Input)
            await _time_typing(pilot, box, characters, kind)
    else:
        from benchmarks.goal_typing import open_goal_title

        async with open_goal_title(plan_id, SIZE) as (pilot, box, where):
            await _time_typing(pilot, box, characters, where)


async def _time_typing(pilot, box, characters: str, where: str) -> None:
    if not box.has_focus:
        raise SystemExit(f"the text box is not focused ({where})")
    keys = [_key_for(character) for character in characters]
    before = box.value
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if box.value != before + characters:
        raise SystemExit(f"typing went wrong ({where}): the box holds {box.value!r}")
    _report(wall_s=wall, cpu_s=cpu, keys=len(keys), where=where)


def _key_for(character: str) -> str:
    return "space" if character == " " else character


def _bare_input_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input

    class BareInput(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(placeholder="type here")
            yield Footer()

    return BareInput()


def main(argv: list[str]) -> None:
    if not os.environ.get("CAREPLAN_DATA_DIR"):
        raise SystemExit("CAREPLAN_DATA_DIR must point at the benchmark's own folder")
    what, kind, *rest = argv
    if what == "startup":
        startup(kind, *rest)
    elif what == "typing":
        typing(kind, *rest)
    else:
        raise SystemExit(f"unknown measurement {what!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
