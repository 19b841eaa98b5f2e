"""When the terminal closes (SIGHUP) or careplan is told to stop (SIGTERM): keep what was typed.

The draft is written when typing pauses, so without this the last half second of typing would go
with the terminal. Nobody is there to answer a question, so unlike quitting nothing is asked: the
typing already on its way through the widgets is let arrive, an open editor's words are saved as
"Save it" would save them, the app's usual closing writes it all into the draft (the same as on
quit), and careplan exits with the code a shell gives a program ended by that signal.

When the terminal's window has closed, nothing reads what careplan draws: Textual's output thread
dies on the first write that fails, and the next frame then waits for it for ever, perhaps before
the handler has had its turn. So the signal also starts a clock, in a thread of its own: if
careplan has not ended EXIT_LIMIT seconds later, the process ends itself. The draft then holds
what it held at the last pause in the typing (written every half second), the files are whole
(every write replaces a file in one step), and the kernel lets go of the plan's lock.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp

SETTLE_LIMIT = (
    1.0  # seconds at most for typing on its way to arrive; then the draft is written anyway
)
EXIT_LIMIT = 10.0  # seconds from the signal for the usual ending; then the process ends itself


def keep_drafts_on_hangup(app: CarePlanApp) -> None:
    """Call from the app's on_mount, on the running event loop."""
    if app.is_headless:  # tests run many apps in one process; the process's signals are not theirs
        return
    loop = asyncio.get_running_loop()
    leaving: list[asyncio.Task[None]] = []  # kept, so the task is not collected while it runs

    def hung_up(number: int) -> None:
        if not leaving:
            leaving.append(loop.create_task(leave_now(app, number)))

    def on_signal(number: int, _frame: object) -> None:
        # A Python handler runs even while the main thread waits on a lock (a frame for a dead
        # terminal); the loop's own handlers would wait for the loop.
        end_process_later(128 + number)
        loop.call_soon_threadsafe(hung_up, number)

    for number in (getattr(signal, "SIGHUP", None), signal.SIGTERM):
        try:
            if number is not None:
                signal.signal(number, on_signal)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            return


async def leave_now(app: CarePlanApp, signal_number: int) -> None:
    """Let typing on its way arrive, keep what open editors hold, write everything waiting into
    the draft, and exit."""
    try:
        await asyncio.wait_for(_let_typing_arrive(app), SETTLE_LIMIT)
        _save_open_editors(app)
        await asyncio.wait_for(_let_typing_arrive(app), SETTLE_LIMIT)  # the screens take them in
    except (TimeoutError, Exception):  # the draft is written whatever happened here
        pass
    app.close_plan()  # writes typing still waiting for a pause, as quitting does
    app.exit(return_code=128 + signal_number)


_ending: list[threading.Timer] = []


def end_process_later(return_code: int) -> None:
    """End the process EXIT_LIMIT seconds from the first call unless it has ended by then (a daemon
    thread does not keep it alive)."""
    if _ending:
        return
    timer = threading.Timer(EXIT_LIMIT, os._exit, args=(return_code,))
    timer.daemon = True
    _ending.append(timer)
    timer.start()


async def _let_typing_arrive(app: CarePlanApp) -> None:
    """Let every widget handle what is already in its queue. A field's change reaches the screen
    that puts it in the plan one parent at a time, so this goes round as deep as the widgets go."""
    nodes = [
        app,
        *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True)),
    ]
    depth = max((len(node.ancestors) for node in nodes), default=0)
    for _ in range(depth + 1):
        handled = []
        for node in nodes:
            done = asyncio.Event()
            if node.call_later(done.set):
                handled.append(done.wait())
        await asyncio.gather(*handled)


def _save_open_editors(app: CarePlanApp) -> None:
    """Words in an open editor (a goal, a change, a team member) are saved as "Save it" would on
    Ctrl+Q. An editor still missing something it needs (a goal's title) cannot be saved and stays
    as it is: its words go with the window."""
    from careplan.screens.leaving import editor_with_words

    tried = set()
    while (editor := editor_with_words(app)) is not None and editor not in tried:
        tried.add(editor)
        editor.action_save()  # type: ignore[attr-defined]
