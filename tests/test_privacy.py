"""Health information stays private: owner-only files and folders whatever the umask, nothing
written outside the data folder, and no networking code anywhere in careplan."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careplan import locations
from careplan.backups import restore_backup
from careplan.errors import StorageError
from careplan.safe_files import atomic_write, ensure_private_dir
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.storage_helpers import full_plan

PACKAGE_FOLDERS = [Path(__file__).parent.parent / name for name in ("careplan", "screens")]


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def use_every_kind_of_file(root: Path) -> None:
    """Create a plan and do everything that writes: versions, backups, drafts, the index, the lock,
    a draft set aside, a damaged file moved aside by a restore."""
    store = Store(root)
    with store.create_plan(full_plan()) as opened:
        working = WorkingPlan(opened)
        for number in range(1, 6):
            working.plan.checkin.note = f"note {number}"
            working.save_version(saved_by="Ann")
        working.plan.goals[0].title = "unsaved words"
        working.keep_draft()
        plan_id = opened.id
    store.list_plans()
    locations.draft_file(root, plan_id).write_bytes(b"damaged draft")
    os.chmod(locations.draft_file(root, plan_id), 0o600)
    with store.open_plan(plan_id) as opened:
        opened.keep_draft(opened.load())  # sets the damaged draft aside first
    locations.plan_file(root, plan_id).write_bytes(b"damaged plan")
    restore_backup(root, plan_id, 4)


def modes_under(top: Path) -> dict[str, str]:
    return {
        str(path.relative_to(top.parent)): oct(stat.S_IMODE(path.lstat().st_mode))
        for path in [top, *top.rglob("*")]
    }


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o002, 0o077])
def test_every_file_is_0600_and_every_folder_0700_whatever_the_umask(
    tmp_path: Path, mask: int
) -> None:
    root = tmp_path / "made" / "by" / "careplan"  # even the parents careplan has to make
    with umask(mask):
        use_every_kind_of_file(root)
    modes = modes_under(tmp_path / "made")
    assert any(".damaged-" in name for name in modes) and any(
        "draft-set-aside" in name for name in modes
    )
    assert any("backups" in name and name.endswith(".json") for name in modes)
    wrong = {
        name: mode
        for name, mode in modes.items()
        if mode != ("0o700" if (tmp_path / name).is_dir() else "0o600")
    }
    assert wrong == {}


def test_a_data_folder_loosened_by_hand_is_left_as_it_is_and_refused_if_others_can_write(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    os.chmod(root, 0o755)
    (root / "plans").mkdir()
    os.chmod(root / "plans", 0o777)
    with pytest.raises(StorageError, match="other people on this computer can change"):
        Store(root).create_plan(full_plan())
    assert stat.S_IMODE(root.stat().st_mode) == 0o755  # careplan did not make it: not its to change
    assert stat.S_IMODE((root / "plans").stat().st_mode) == 0o777
    os.chmod(root / "plans", 0o700)
    Store(root).create_plan(full_plan()).close()  # readable by others is allowed (with a warning)


def test_writing_a_file_into_a_folder_the_person_chose_keeps_the_file_private_and_the_folder_as_it_was(
    tmp_path: Path,
) -> None:
    """An export to the Desktop must not make the Desktop private, but the export itself is."""
    chosen = tmp_path / "Desktop"
    chosen.mkdir()
    os.chmod(chosen, 0o755)
    with umask(0o000):
        atomic_write(chosen / "plan.md", b"# Ann's plan")
        atomic_write(chosen / "new" / "folder" / "plan.md", b"# Ann's plan")
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
    assert stat.S_IMODE((chosen / "plan.md").stat().st_mode) == 0o600
    assert stat.S_IMODE((chosen / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((chosen / "new" / "folder" / "plan.md").stat().st_mode) == 0o600


def test_ensure_private_dir_makes_missing_parents_private_too(tmp_path: Path) -> None:
    with umask(0o000):
        ensure_private_dir(tmp_path / "a" / "b" / "c")
    for folder in ("a", "a/b", "a/b/c"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700


def test_nothing_is_written_outside_the_data_folder_and_nothing_before_it_is_needed(
    tmp_path: Path, data_dir: Path
) -> None:
    store = Store(data_dir)
    assert store.list_plans() == [] and store.plan_ids() == []
    assert not data_dir.exists()  # listing an empty caseload creates nothing
    before = {path for path in tmp_path.rglob("*")}
    use_every_kind_of_file(data_dir)
    after = {path for path in tmp_path.rglob("*")}
    assert {
        path for path in after - before if data_dir not in path.parents and path != data_dir
    } == set()


# --- no networking code ------------------------------------------------------------------------------

# Modules that talk to the network (urllib.parse, which only handles text, is fine).
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "websockets",
    "websocket",
    "webbrowser",
    "socketserver",
    "asyncio.streams",
}
NETWORK_CALLS = {"open_connection", "create_connection", "start_server", "gethostbyname", "urlopen"}


def network_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []

    def banned(module: str) -> bool:
        return any(module == name or module.startswith(name + ".") for name in NETWORK_MODULES)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if banned(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module] if banned(node.module) else []
            found += [
                f"{node.module}.{a.name}" for a in node.names if banned(f"{node.module}.{a.name}")
            ]
        elif isinstance(node, ast.Attribute) and node.attr in NETWORK_CALLS:
            found.append(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and banned(node.value):
            found.append(f"{node.value!r} (imported by name?)")
    return [f"{path.name}:{use}" for use in found]


def python_files() -> list[Path]:
    files = [path for folder in PACKAGE_FOLDERS for path in folder.rglob("*.py")]
    assert len(files) > 20  # the scan really found the package
    return files


def test_no_networking_code_anywhere_in_careplan() -> None:
    assert [use for path in python_files() for use in network_uses(path)] == []


def test_the_scan_would_notice_networking_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import socket\nfrom urllib import request\nimport http.client as h\n"
        "import importlib\nimportlib.import_module('ssl')\nasyncio.open_connection('x', 1)\n"
        "from urllib.parse import quote\n"
    )
    assert network_uses(sample) == [
        "sample.py:socket",
        "sample.py:urllib.request",
        "sample.py:http.client",
        "sample.py:'ssl' (imported by name?)",
        "sample.py:open_connection",
    ]


def test_the_storage_and_command_line_load_no_networking_module_at_all() -> None:
    code = (
        "import sys\n"
        "import careplan.store, careplan.backups, careplan.working_plan, careplan.cli, careplan.dates\n"
        "print(sorted(m for m in sys.modules if m in ('socket', 'ssl', 'http.client', 'urllib.request', 'asyncio')))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert loaded.stdout.strip() == "[]"
