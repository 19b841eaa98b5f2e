"""Closing the terminal (SIGHUP) or stopping careplan (SIGTERM) right after typing loses nothing:
the app, run for real under a pseudo-terminal, writes the typing still waiting into the draft first.

The draft is normally written when typing pauses; here that pause is made an hour long, so the
only way the words reach the disk is the signal handler.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careplan.store import Store
from tests.storage_helpers import add_plan

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="signals and pseudo-terminals are POSIX"
)

# `python -m careplan`, with the pause before the draft is written made too long to matter.
RUN_CAREPLAN = (
    "import runpy\n"
    "from careplan.screens.section_base import SectionScreen\n"
    "SectionScreen.CHANGE_DELAY = 3600\n"
    "runpy.run_module('careplan', run_name='__main__', alter_sys=True)\n"
)
WAIT = 30.0  # seconds, at most, to show something or to end: well under 2 normally, far more on a busy machine


class Terminal:
    """The other end of the app's terminal: what it shows, and keys typed into it."""

    def __init__(self, master: int, process: subprocess.Popen[bytes]) -> None:
        self.master = master
        self.process = process
        self.shown = b""

    def read_for(self, seconds: float) -> None:
        ready, _, _ = select.select([self.master], [], [], seconds)
        if ready:
            try:
                self.shown += os.read(self.master, 65536)
            except OSError:  # the app has gone and its end of the terminal with it
                pass

    def wait_for(self, text: str) -> None:
        """Read what the app draws until `text` is on screen (fails after WAIT seconds)."""
        deadline = time.monotonic() + WAIT
        start = len(self.shown)
        while text.encode() not in self.shown[start:]:
            assert time.monotonic() < deadline, f"the app never showed {text!r}"
            assert self.process.poll() is None, f"the app ended early: {self.shown[-2000:]!r}"
            self.read_for(0.05)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        """The terminal's other end goes, as when its window is closed."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def wait_for_end(self) -> int:
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None:
            assert time.monotonic() < deadline, "the app did not end after the signal"
            self.read_for(0.05)  # keep draining, so the app is never stuck writing to us
        return self.process.returncode


@contextmanager
def careplan_in_a_terminal(data_dir: Path) -> Iterator[Terminal]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "NO_COLOR"))
    }
    env.update(CAREPLAN_DATA_DIR=str(data_dir), TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_CAREPLAN],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    terminal = Terminal(master, process)
    try:
        yield terminal
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(WAIT)
        terminal.close()


@pytest.mark.parametrize(
    "signal_number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"]
)
def test_typing_just_before_the_terminal_goes_is_in_the_draft(
    store: Store, data_dir: Path, signal_number: int
) -> None:
    plan_id = add_plan(store)
    with careplan_in_a_terminal(data_dir) as terminal:
        terminal.wait_for("About us")  # the only plan opens at its home
        terminal.type("1")
        terminal.wait_for("What they like to be called")  # About us, at its top
        terminal.type("\x0e")  # Ctrl+N: add someone, with the cursor in their name
        terminal.wait_for("Remove")
        terminal.type("Zebedee")
        terminal.wait_for("Zebedee")  # on screen, so the app has it; the draft does not yet
        os.kill(terminal.process.pid, signal_number)
        assert terminal.wait_for_end() == 128 + signal_number
    with store.open_plan(plan_id, write=False) as plan_file:
        draft = plan_file.draft()
        assert draft is not None
        assert [person.name for person in draft.plan.about.participants] == ["Zebedee"]
    with store.open_plan(
        plan_id
    ) as plan_file:  # and the plan was let go: it can be opened for changes
        assert not plan_file.read_only


def test_careplan_ends_when_its_terminal_is_gone(store: Store, data_dir: Path) -> None:
    """When the window closes, nothing reads what careplan draws any more: its next frames can wait
    for ever, even before the hang-up is handled. It must still end (not linger, one process for
    every window closed), let go of the plan and leave whole files."""
    plan_id = add_plan(store)
    with careplan_in_a_terminal(data_dir) as terminal:
        terminal.wait_for("About us")
        terminal.type("1")
        terminal.wait_for("What they like to be called")  # About us, at its top
        terminal.close()  # the window goes: what careplan draws now reaches nobody
        for _ in range(40):  # and it has reasons to draw (a size change is redrawn at once)
            os.kill(terminal.process.pid, signal.SIGWINCH)
            time.sleep(0.02)
        os.kill(terminal.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + WAIT
        while terminal.process.poll() is None:
            assert time.monotonic() < deadline, "careplan did not end after its terminal went"
            time.sleep(0.1)
        assert terminal.process.returncode == 128 + signal.SIGHUP
    with store.open_plan(plan_id) as plan_file:  # let go, and readable
        assert not plan_file.read_only
        assert plan_file.load(plan_file.latest).about.name == "Ruth Okafor"
        plan_file.draft()  # whole, or not there: reading it raises nothing


async def test_what_the_handler_does_keeps_session_notes_too(store: Store) -> None:
    """The signal handler's work, without the signal (the headless test app installs none)."""
    from textual.widgets import TextArea

    from careplan.screens.app import CarePlanApp
    from careplan.screens.guided import GuidePanel
    from careplan.screens.hangup import leave_now
    from tests.pilot_helpers import SIZE, settle

    plan_id = add_plan(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")  # a guided session, at its first step
        await settle(pilot)
        GuidePanel.NOTES_DELAY, delay = (
            3600,
            GuidePanel.NOTES_DELAY,
        )  # only the handler can write them
        try:
            app.screen.query_one("#session-notes", TextArea).focus()
            await pilot.press(*"Zebedee")
            await leave_now(app, signal.SIGHUP)
            with store.open_plan(plan_id, write=False) as plan_file:
                draft = plan_file.draft()
                assert draft is not None and draft.extra.session_notes == "Zebedee"
        finally:
            GuidePanel.NOTES_DELAY = delay
    assert app.return_code == 128 + signal.SIGHUP


async def test_the_handler_keeps_an_editors_words_as_save_it_would(store: Store) -> None:
    """A goal half written when the window closes is saved into the draft, as "Save it" does on
    Ctrl+Q: nobody is there to be asked."""
    from careplan.screens.app import CarePlanApp
    from careplan.screens.hangup import leave_now
    from tests.pilot_helpers import SIZE, draft_plan, settle

    plan_id = add_plan(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "n", *"See the sea")
        await leave_now(app, signal.SIGTERM)
    assert app.return_code == 128 + signal.SIGTERM
    assert [goal.title for goal in draft_plan(store, plan_id).goals] == ["See the sea"]
