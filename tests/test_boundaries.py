"""The layers stay apart: the domain and storage (careplan/) never import Textual, and the screens
never reach TinyDB. Read from the source with ast, so a lazy import inside a function counts too.

The one crossing allowed is the composition root: the CLI starts the app it names.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {("careplan/cli.py", "careplan.screens.app")}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def crossings(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for module in imported_modules(path):
            if (where, module) in ALLOWED:
                continue
            if any(module == name or module.startswith(name + ".") for name in forbidden):
                found.append(f"{where} imports {module}")
    return found


def test_the_domain_and_storage_never_import_textual_or_the_screens() -> None:
    assert crossings("careplan", ("textual", "careplan.screens", "careplan.styles")) == []


def test_the_screens_never_reach_tinydb() -> None:
    assert crossings("screens", ("tinydb", "careplan.tinydb_storage")) == []


def test_the_check_sees_an_import_hidden_inside_a_function(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text("def later():\n    from textual.app import App\n    import tinydb\n")
    assert imported_modules(planted) == {"textual.app", "tinydb"}
