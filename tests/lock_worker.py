"""Another careplan process, for the locking tests.

python tests/lock_worker.py DATA_DIR PLAN_ID hold            open for writing, say "holding", wait
python tests/lock_worker.py DATA_DIR PLAN_ID hold-and-start  the same, after starting a program that
                                                             is handed every inheritable file
                                                             descriptor; says "holding PID" (its pid)
python tests/lock_worker.py DATA_DIR PLAN_ID try             try to open for writing once, say what happened
python tests/lock_worker.py DATA_DIR PLAN_ID append WHO N    N times: open (waiting while another
                                                             process has it), add a statement, save
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from careplan.errors import PlanLocked
from careplan.model import Statement
from careplan.store import Store


def main(argv: list[str]) -> None:
    data_dir, plan_id, mode = argv[:3]
    store = Store(Path(data_dir))
    if mode == "hold":
        with store.open_plan(plan_id):
            print("holding", flush=True)
            time.sleep(600)  # until the test kills us
    elif mode == "hold-and-start":
        with store.open_plan(plan_id):
            # close_fds=False, as os.system or a launched editor would: the program keeps whatever
            # descriptors are inheritable, and an inherited lock would outlive this process.
            program = subprocess.Popen(
                [sys.executable, "-c", "import time; time.sleep(600)"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # not our pipes
                close_fds=False,
            )
            print(f"holding {program.pid}", flush=True)
            time.sleep(600)  # until the test kills us (and then the program)
    elif mode == "try":
        try:
            with store.open_plan(plan_id):
                print("opened", flush=True)
        except PlanLocked as locked:
            print(f"locked: {locked}", flush=True)
    elif mode == "append":
        who, count = argv[3], int(argv[4])
        for number in range(1, count + 1):
            while True:
                try:
                    opened = store.open_plan(plan_id)
                    break
                except PlanLocked:
                    time.sleep(0.002)  # the other writer is saving: try again
            with opened:
                plan = opened.load()
                plan.matters.append(Statement(text=f"{who} {number}", id=f"{who}-{number}"))
                info = opened.save_version(plan, saved_by=who, note=f"{who} {number}")
            print(f"saved {info.number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
