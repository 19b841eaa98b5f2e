"""Prove the built wheel works outside the checkout: content, styles and every screen are inside it.

Run by .ci/run with the wheel installed in a throwaway virtual environment, from a folder that is
not the checkout, so nothing can be imported from the working tree by accident.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    import careplan
    import careplan.screens

    checkout = Path(sys.argv[1]).resolve()
    if checkout in Path(careplan.__file__).resolve().parents:
        print(f"careplan was imported from the checkout ({careplan.__file__}), not the wheel")
        return 1
    for module in pkgutil.walk_packages(careplan.screens.__path__, "careplan.screens."):
        importlib.import_module(module.name)
    try:
        importlib.import_module("screens")
    except ImportError:
        pass
    else:
        print("a generic top-level 'screens' package is installed")
        return 1
    return asyncio.run(visit_every_section())


async def visit_every_section() -> int:
    from careplan import content, vocab
    from careplan.screens.app import CarePlanApp
    from careplan.screens.section_base import SectionScreen
    from careplan.store import Store

    assert content.questions("goals"), "content JSON missing from the wheel"
    store = Store(Path(os.environ["CAREPLAN_DATA_DIR"]))
    assert len(store.list_plans()) == 1, "expected the one plan `careplan demo` made"
    app = CarePlanApp(store)
    opened = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for number in range(1, len(vocab.SECTIONS) + 1):  # every part, then Review and save
            key = str(number)
            await pilot.press(key)
            await pilot.pause()
            if isinstance(app.screen, SectionScreen):
                opened.append(type(app.screen).__name__)
            await pilot.press("escape")
            await pilot.pause()
    if len(opened) != len(vocab.SECTIONS):
        print(f"only these sections opened from the installed wheel: {opened}")
        return 1
    print(f"installed wheel: all {len(opened)} sections opened outside the checkout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
