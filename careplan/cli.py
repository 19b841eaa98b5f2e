"""The `careplan` command: start the app, or list, export, import and look after plans from a shell.

People's scripts rely on this, so it keeps a contract: results on stdout (tables for people, JSON
with --format json for scripts); exit 0 on success; exit 1 with one plain line on stderr for
anything the person can fix (never a traceback); 130 after Ctrl-C. Heavy modules (Textual, TinyDB)
are imported inside the commands that need them, so `careplan --help` and `careplan list` start fast.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from careplan import __version__, locations
from careplan.checkins import same_as_saved
from careplan.dates import short_day
from careplan.display import shown_name
from careplan.errors import CarePlanError, StorageError

if TYPE_CHECKING:
    from careplan.store import PlanFile, Store

EXIT_OK = 0
EXIT_PROBLEM = 1  # something the person can fix; the message says what
EXIT_BUG = (
    70  # careplan itself went wrong (sysexits EX_SOFTWARE); CAREPLAN_DEBUG=1 shows the traceback
)
EXIT_INTERRUPTED = 130

DEBUG_ENV = "CAREPLAN_DEBUG"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class UsageError(CarePlanError):
    """The command line itself could not be understood."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one plain line and exit 1 instead of a usage dump and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}. `{self.prog} --help` shows how to use it.")


# --- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:  # --help and --version print, then exit 0
            return done.code if isinstance(done.code, int) else EXIT_OK
        code = args.run(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full output device is told here, not by Python's exit
        return code
    except CarePlanError as error:
        _say(str(error))
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()  # whoever read our output (e.g. `| head`) has all they wanted
        return EXIT_OK
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EFBIG):
            raise
        from careplan.safe_files import describe_error

        _quiet_stdout()
        _say(f"Could not write the output ({describe_error(error)}). Nothing saved was changed.")
        return EXIT_PROBLEM
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(
            f"careplan ran into a problem it did not expect ({type(error).__name__}: {error}). "
            f"Nothing already saved was changed. Run again with {DEBUG_ENV}=1 to see the details."
        )
        return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careplan",
        description="Plan together how you want to live with a serious illness. "
        "With no command, starts the app.",
        epilog="Your plans stay on this computer. `careplan locate` shows where.",
    )
    parser.add_argument("--version", action="version", version=f"careplan {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the data folder to use (default: ${locations.ENV_DATA_DIR}, else your user data folder)",
    )
    parser.set_defaults(run=run_app)
    # --data-dir may also come after the command; SUPPRESS keeps it from hiding one given before.
    data_dir = _Parser(add_help=False)
    data_dir.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="the data folder to use"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], summary: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary, parents=[data_dir])
        sub.set_defaults(run=run)
        return sub

    listing = command("list", run_list, "list the plans in the data folder")
    _add_format(listing, ("table", "json"))
    listing.add_argument(
        "--sort",
        choices=("review", "name", "saved"),
        default=None,
        help="the order: next review, overdue first (the table's default); the person's name "
        "(JSON's default, as before); or last saved, latest first",
    )
    listing.add_argument(
        "--all", action="store_true", help="closed plans too (they are left out unless asked for)"
    )

    history = command("history", run_history, "list the saved versions of one plan")
    _add_plan(history)
    _add_format(history, ("table", "json"))

    export = command("export", run_export, "write out one saved version of a plan")
    _add_plan(export)
    export.add_argument(
        "--version", type=_version_number, metavar="N", help="which version (default: the latest)"
    )
    _add_format(export, ("markdown", "json", "html", "fhir", "ics"))
    export.add_argument(
        "--for",
        dest="audience",
        choices=("family", "care-team"),
        default="family",
        help="who it is for: the family (default), or the care team (adds scores with their "
        "scales and the first point of contact)",
    )
    export.add_argument(
        "--summary",
        action="store_true",
        help='one page, "If you are called to help" (Markdown or HTML)',
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, readable only by you (- or no -o: standard output)",
    )

    importing = command(
        "import", run_import, "save a plan from a JSON file made by `careplan export --format json`"
    )
    importing.add_argument(
        "file", metavar="FILE", help="the JSON file (- reads it from standard input)"
    )
    importing.add_argument(
        "--by", default="", metavar="NAME", help='who is saving it (default: "careplan import")'
    )
    importing.add_argument("--note", default="", metavar="TEXT", help="a note for the new version")
    importing.add_argument(
        "--session-date",
        type=_session_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day of the conversation this version records "
        "(default: the file's own, else today; never a future day)",
    )
    _add_format(importing, ("text", "json"))

    changes = command("diff", run_diff, "show what changed between two saved versions of a plan")
    _add_plan(changes)
    changes.add_argument(
        "old", type=_version_number, metavar="A", help="the earlier version number"
    )
    changes.add_argument("new", type=_version_number, metavar="B", help="the later version number")
    _add_format(changes, ("text", "markdown", "json"))

    restore = command(
        "restore",
        run_restore,
        "save an earlier version again as the newest (no version is changed)",
    )
    _add_plan(restore)
    restore.add_argument(
        "number", type=_version_number, metavar="N", help="the version to bring back"
    )
    restore.add_argument(
        "--by", default="", metavar="NAME", help='who is restoring it (default: "careplan restore")'
    )
    restore.add_argument(
        "--session-date",
        type=_session_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day of the conversation this version records (default: today; never a future day)",
    )
    _add_format(restore, ("text", "json"))

    closing = command(
        "close",
        run_close,
        "close a plan (the person died, was discharged or moved away); nothing is deleted",
    )
    _add_plan(closing)
    closing.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help="died, discharged, moved, or a few words of your own (kept as other)",
    )
    closing.add_argument(
        "--on",
        type=_past_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day it closed (default: today; never a future day)",
    )
    closing.add_argument(
        "--by", default="", metavar="NAME", help='who is closing it (default: "careplan close")'
    )
    _add_format(closing, ("text", "json"))

    reopening = command("reopen", run_reopen, "reopen a closed plan, to go on with it")
    _add_plan(reopening)
    reopening.add_argument(
        "--by", default="", metavar="NAME", help='who is reopening it (default: "careplan reopen")'
    )
    _add_format(reopening, ("text", "json"))

    command("demo", run_demo, "add an example plan with several versions, to try careplan")

    locate = command("locate", run_locate, "show the data folder and the files careplan uses there")
    _add_format(locate, ("table", "json"))

    kept = command("backups", run_backups, "list the last good copies kept of a plan's file")
    _add_plan(kept)
    _add_format(kept, ("table", "json"))

    restore_copy = command(
        "restore-backup", run_restore_backup, "put a kept copy back as the plan's file"
    )
    _add_plan(restore_copy)
    restore_copy.add_argument(
        "copy", metavar="COPY", help="which copy: its number in `careplan backups PLAN`"
    )
    restore_copy.add_argument(
        "--force",
        action="store_true",
        help="restore even though the plan's file can be read (it is kept beside)",
    )
    return parser


def _add_plan(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "plan",
        metavar="PLAN",
        help="a plan id, or (the start of) the person's name, the name they are called by, "
        "a caregiver's name or their reference",
    )


def _add_format(sub: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    sub.add_argument("--format", choices=choices, default=choices[0], help=f"default: {choices[0]}")


def _version_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a version number (1, 2, 3 ...)'
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f'"{text}" is not a version number (1, 2, 3 ...)')
    return number


def _session_date(text: str) -> date:
    return _past_day(text, "a session day has happened")


def _past_day(text: str, why: str = "a plan is closed on a day that has come") -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a day written as YYYY-MM-DD, for example 2026-03-12'
        ) from None
    if day > date.today():
        raise argparse.ArgumentTypeError(f'"{text}" is a future day; {why}')
    return day


# --- commands ---------------------------------------------------------------------------------


def run_app(args: argparse.Namespace) -> int:
    from careplan.screens.app import CarePlanApp
    from careplan.store import Store

    _warn_if_others_can_read(_root(args))
    app = CarePlanApp(Store(_root(args)))
    app.run()
    return app.return_code or EXIT_OK  # Textual sets 1 when the app stopped on an error


def run_list(args: argparse.Namespace) -> int:
    from careplan import caseload

    root = _root(args)
    today = date.today()
    every_plan = _store(args).list_plans()  # by name, as JSON has always listed them
    summaries = caseload.open_plans(every_plan, include_closed=args.all)
    if args.sort is not None or args.format != "json":
        summaries = caseload.sorted_plans(summaries, args.sort or "review", today)
    if args.format == "json":
        _emit_json([summary.to_json() for summary in summaries])
        return EXIT_OK
    if not every_plan:
        _out(
            f"There are no plans here yet ({root}).\n"
            "To look around with an example plan, run `careplan demo`. "
            "To start your own, run `careplan`."
        )
        return EXIT_OK
    rows = []
    for summary in summaries:
        review = short_day(summary.next_review) if summary.next_review else "not set"
        if summary.next_review and summary.next_review < today:
            review += " (overdue)"
        notes = (
            "could not be read"
            if summary.problem
            else ("unsaved changes" if summary.has_draft else "")
        )
        if summary.closed:
            notes = ", ".join(filter(None, [f"closed: {summary.closed.in_words}", notes]))
        person = shown_name(summary.person) or "?"
        if summary.told_apart:
            person += f" ({summary.told_apart})"
        rows.append(
            [
                summary.id,
                person,
                str(summary.versions),
                _moment(summary.last_saved) if summary.last_saved else "never",
                review,
                notes,
            ]
        )
    if rows:
        _out(_table(["ID", "PERSON", "VERSIONS", "LAST SAVED", "NEXT REVIEW", "NOTES"], rows))
    for summary in summaries:
        if summary.problem:
            _out(f"{summary.id}: {_one_line(summary.problem)}")
    # The table's lines stay one per plan (scripts count them); a line is added only when closed
    # plans are left out, which no list before closing could have.
    closed = len(every_plan) - len(caseload.open_plans(every_plan))
    if closed and not args.all:
        plans = "plan is" if closed == 1 else "plans are"
        _out(f"{closed} closed {plans} not shown; `careplan list --all` shows them.")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    with _open(args) as plan_file:
        entries = history_entries(plan_file)
        person = plan_file.person or plan_file.id
    if args.format == "json":
        _emit_json(entries)
        return EXIT_OK
    if not entries:
        _out(f"{person}'s plan has no saved versions yet. Open it with `careplan` and save one.")
        return EXIT_OK
    rows = [
        [
            str(entry["number"]),
            _session_day(entry),
            _moment(datetime.fromisoformat(entry["saved_at"])),
            entry["saved_by"],
            entry["note"],
            entry["summary"],
        ]
        for entry in entries
    ]
    _out(_table(["VERSION", "SESSION", "SAVED", "BY", "NOTE", "WHAT CHANGED"], rows))
    return EXIT_OK


def run_close(args: argparse.Namespace) -> int:
    """Close a plan: saved as a version whose record says so (see careplan.closing)."""
    from careplan.closing import closure_from

    today = date.today()
    closure = closure_from(args.reason, args.on or today, today)
    store = _store(args)
    with store.open_plan(store.resolve(args.plan)) as plan_file:
        info = plan_file.close_plan(closure, saved_by=args.by.strip() or "careplan close")
        person = plan_file.person or plan_file.id
    if args.format == "json":
        _emit_json({"id": plan_file.id, "version": info.number, "closed": closure.to_json()})
    else:
        _out(
            f"Closed {person}'s plan ({closure.in_words}), recorded as version {info.number}. "
            f"Nothing was deleted; `careplan reopen {plan_file.id}` opens it again."
        )
    return EXIT_OK


def run_reopen(args: argparse.Namespace) -> int:
    store = _store(args)
    with store.open_plan(store.resolve(args.plan)) as plan_file:
        info = plan_file.reopen_plan(saved_by=args.by.strip() or "careplan reopen")
        person = plan_file.person or plan_file.id
    if args.format == "json":
        _emit_json({"id": plan_file.id, "version": info.number, "closed": None})
    else:
        _out(f"Reopened {person}'s plan, recorded as version {info.number}.")
    return EXIT_OK


def _session_day(entry: dict[str, Any]) -> str:
    """The conversation's day; older versions, which did not keep it, say they show the day saved."""
    if entry.get("session_date"):
        return entry["session_date"]
    return f"{datetime.fromisoformat(entry['saved_at']).date().isoformat()} (day saved)"


def history_entries(plan_file: PlanFile) -> list[dict[str, Any]]:
    """One JSON-ready entry per saved version, oldest first: what `history` shows.

    A new field (such as a one-line summary of what changed) goes in the dict below: it then
    appears in `--format json` at once, and in the table once it is given a column in run_history.
    """
    from careplan.history import version_summaries

    return [summary.to_json() for summary in version_summaries(plan_file)]


def run_diff(args: argparse.Namespace) -> int:
    from careplan.history import compare_versions

    with _open(args) as plan_file:
        found = compare_versions(plan_file, args.old, args.new)
    if args.format == "json":
        _emit_json(found.to_json())
    else:
        sys.stdout.write(found.to_markdown() if args.format == "markdown" else found.to_text())
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    """Save version N's content as a new version: history is only ever added to."""
    from careplan.history import restore_version

    store = _store(args)
    with store.open_plan(store.resolve(args.plan)) as plan_file:
        person = plan_file.person or plan_file.id
        info = restore_version(
            plan_file,
            args.number,
            saved_by=args.by.strip() or "careplan restore",
            session_date=args.session_date,
        )
        latest = plan_file.latest
    if args.format == "json":
        _emit_json(
            {
                "id": plan_file.id,
                "restored": args.number,
                "version": latest,
                "saved": info is not None,
            }
        )
    elif info is None:
        _out(
            f"Version {args.number} is already what the latest version ({latest}) of {person}'s plan holds; "
            "nothing new was saved."
        )
    else:
        _out(
            f"Saved version {args.number} of {person}'s plan again as version {info.number}. "
            "Every earlier version is kept as it was."
        )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    with _open(args) as plan_file:
        if plan_file.latest is None:
            raise CarePlanError(
                f"{plan_file.person or plan_file.id}'s plan has no saved version to export yet. "
                "Open it with `careplan` and save one."
            )
        number = args.version or plan_file.latest
        plan_file.version(number)  # a clear message if there is no such version
        from careplan import exports

        choice = exports.ExportChoice(args.format, args.audience, args.summary)
        text = exports.render(plan_file, number, choice)
        person = plan_file.person or plan_file.id
        output = None if args.output in (None, "-") else locations.typed_path(args.output)
        if output is not None and _is_folder(output):
            name = exports.file_name(plan_file, number, choice)
            raise CarePlanError(
                f"{output} is a folder. Give a file name to write to, for example: -o {output / name}"
            )
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    _check_export_target(output, _root(args))
    _write_private(output, text.encode("utf-8"))
    _out(f"Wrote version {number} of {person}'s plan to {output}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from careplan import plan_json

    source = "standard input" if args.file == "-" else args.file
    raw = _read_input(args.file)
    try:
        plan_id, plan, file_session_date = plan_json.loads_document(raw)
    except CarePlanError as error:
        raise CarePlanError(f"Nothing was imported from {source}. {error}") from None
    store = _store(args)
    saved_by = args.by.strip() or "careplan import"
    session_date = args.session_date or file_session_date
    note = args.note.strip() or f"Imported from {Path(source).name if args.file != '-' else source}"
    if plan_id is not None and plan_id in store.plan_ids():
        new_plan = False
        with store.open_plan(plan_id) as plan_file:
            _refuse_if_unsaved_work(plan_file)
            info = plan_file.save_version(
                plan, saved_by=saved_by, note=note, session_date=session_date
            )
    else:
        new_plan = True
        _say_if_name_is_taken(store, plan.person)
        with store.create_plan(plan) as plan_file:
            plan_id = plan_file.id
            info = plan_file.save_version(
                plan, saved_by=saved_by, note=note, session_date=session_date
            )
    try:
        if args.format == "json":
            _emit_json(
                {"id": plan_id, "version": info.number, "person": plan.person, "new_plan": new_plan}
            )
        else:
            if new_plan:
                _out(f"Imported as a new plan for {plan.person}: {plan_id}, version {info.number}")
            else:
                _out(f"Imported as version {info.number} of {plan.person}'s plan: {plan_id}")
        sys.stdout.flush()
    except (UnicodeError, OSError) as error:
        if isinstance(error, BrokenPipeError):
            raise
        # The plan is saved: a script that retried on a failure here would make a second plan.
        _say(
            f"Imported and saved as version {info.number} of plan {ascii(plan_id)[1:-1]}, "
            f"but the answer could not be printed ({type(error).__name__})."
        )
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from careplan.demo import build_demo

    _out(build_demo(_store(args)))
    return EXIT_OK


def run_locate(args: argparse.Namespace) -> int:
    """Where everything lives. Looks only: creates nothing."""
    root = _root(args)
    places = {
        "data_dir": root,
        "plans": locations.plans_dir(root),
        "drafts": locations.draft_file(root, "plan").parent,
        "index": locations.index_file(root),
        "backups": locations.backups_dir(root, "plan").parent,
        "exports": locations.exports_dir(root),
    }
    if args.format == "json":
        document: dict[str, Any] = {name: str(path) for name, path in places.items()}
        document["exists"] = {name: path.exists() for name, path in places.items()}
        _emit_json(document)
        return EXIT_OK
    labels = {
        "data_dir": "Data folder",
        "plans": "Plans",
        "drafts": "Drafts",
        "index": "Caseload index",
        "backups": "Backups",
        "exports": "Exports",
    }
    rows = [
        [labels[name], str(path), "" if path.exists() else "(not created yet)"]
        for name, path in places.items()
    ]
    _out(_table(["WHAT", "WHERE", ""], rows, show_headings=False))
    return EXIT_OK


def run_backups(args: argparse.Namespace) -> int:
    from careplan.backups import list_backups

    root = _root(args)
    plan_id = _plan_for_backups(args)
    kept = list_backups(root, plan_id)
    if args.format == "json":
        _emit_json(
            [
                {
                    "copy": b.version,
                    "holds_versions": b.version,
                    "kept_at": b.kept_at.isoformat(),
                    "bytes": b.size,
                    "path": str(b.path),
                }
                for b in kept
            ]
        )
        return EXIT_OK
    if not kept:
        _out(
            f"No copies of plan {plan_id} have been kept yet: one is kept each time a version is saved over another."
        )
        return EXIT_OK
    rows = [[str(b.version), f"1 to {b.version}", _moment(b.kept_at), str(b.path)] for b in kept]
    _out(_table(["COPY", "HOLDS VERSIONS", "KEPT", "FILE"], rows))
    _out(f"To put one back: careplan restore-backup {plan_id} COPY")
    return EXIT_OK


def run_restore_backup(args: argparse.Namespace) -> int:
    from careplan.backups import restore_backup

    plan_id = _plan_for_backups(args)
    copy = args.copy.strip().removesuffix(".json")
    if not (copy.isascii() and copy.isdigit()):  # "²" is a digit to str.isdigit, not to int()
        raise UsageError(
            f'"{args.copy}" is not a copy number; `careplan backups {plan_id}` lists them.'
        )
    moved = restore_backup(_root(args), plan_id, int(copy), force=args.force)
    _out(f"Put back the copy of plan {plan_id} holding versions 1 to {int(copy)}.")
    if moved is not None:
        _out(f"The file it replaced is kept, untouched, at {moved}")
    return EXIT_OK


def _plan_for_backups(args: argparse.Namespace) -> str:
    """The plan named, found even when its file is damaged or gone (by its exact id)."""
    from careplan.errors import PlanNotFound

    root = _root(args)
    try:
        return _store(args).resolve(args.plan)
    except PlanNotFound:
        ref = args.plan.strip()
        try:
            kept = bool(ref) and "/" not in ref and locations.backups_dir(root, ref).is_dir()
        except OSError:  # e.g. a name too long to be a file name: no such plan either
            kept = False
        if kept:
            return ref
        raise


# --- helpers ----------------------------------------------------------------------------------


def _root(args: argparse.Namespace) -> Path:
    return locations.data_dir(getattr(args, "data_dir", None))  # UnknownHome: exit 1, one line


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long to look up: writing it says so
        return False


def _store(args: argparse.Namespace) -> Store:
    from careplan.store import Store

    _warn_if_others_can_read(_root(args))
    return Store(_root(args))


def _warn_if_others_can_read(root: Path) -> None:
    """Plan file names carry people's names: say so once if others may list the data folder."""
    from careplan.safe_files import readable_by_others

    if readable_by_others(root):
        _say(
            f"Note: other people on this computer can see the names of the plans in {root}; "
            f"chmod 700 {root} keeps them private."
        )


def _open(args: argparse.Namespace) -> PlanFile:
    """The plan named on the command line, opened for reading (works while the app has it open)."""
    store = _store(args)
    return store.open_plan(store.resolve(args.plan), write=False)


def _say_if_name_is_taken(store: Store, person: str) -> None:
    """A second plan for a name already in the caseload is made (two people may share a name),
    but never without a word: stderr says which plans have it, so stdout stays as scripts read it."""
    from careplan.caseload import same_name, tell_apart

    others = same_name(store.list_plans(), person)
    if others:
        _say(
            f"Note: the caseload already has a plan for {shown_name(person)}: "
            f"{'; '.join(tell_apart(s) for s in others)}. This one is made as a separate plan."
        )


def _refuse_if_unsaved_work(plan_file: PlanFile) -> None:
    """Saving a version clears the draft, so never import over words someone has not saved yet."""
    draft = plan_file.draft()
    if draft is not None and not same_as_saved(draft.plan, plan_file.load()):
        raise CarePlanError(
            f"{plan_file.person or plan_file.id}'s plan has changes that are not saved yet. "
            "Open it with `careplan` to save or discard them, then import again. Nothing was imported."
        )


def _read_input(name: str) -> bytes:
    if name == "-":
        if sys.stdin is None or getattr(sys.stdin, "closed", False):
            raise CarePlanError("Standard input is closed, so there is nothing to import.")
        try:
            return sys.stdin.buffer.read()
        except OSError as error:
            raise CarePlanError(
                f"Could not read standard input ({error.strerror or error}). Nothing was imported."
            ) from None
    try:
        return locations.typed_path(name).read_bytes()
    except OSError as error:
        raise CarePlanError(
            f"Could not read {name} ({error.strerror or error}). Nothing was imported."
        ) from None


def _check_export_target(output: Path, root: Path) -> None:
    """Refuse, before writing, an export onto careplan's own files or onto something not a file."""
    import stat

    own = locations.own_files_holding(root, output)
    if own is not None:
        raise CarePlanError(
            f"{output} is inside careplan's own data ({own}); writing there would replace the "
            "saved record. Choose a file outside it. Nothing was written."
        )
    try:
        mode = os.stat(output).st_mode
    except OSError:
        return  # nothing there yet (or nothing readable): atomic_write says plainly if it fails
    if not stat.S_ISREG(mode):
        raise CarePlanError(
            f"{output} is not an ordinary file (a device, a pipe or a socket), so nothing was "
            "written. Give the name of a file to write to."
        )


def _write_private(path: Path, data: bytes) -> None:
    from careplan.safe_files import atomic_write

    try:
        atomic_write(path, data)
    except OSError as error:  # e.g. the folder could not be made; atomic_write wraps the rest
        raise StorageError(path, error.strerror or str(error)) from None


def _emit_json(data: Any) -> None:
    from careplan.plan_json import dumps

    sys.stdout.write(dumps(data))


def _out(text: str) -> None:
    print(text)


def _say(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    print(_one_line(message), file=sys.stderr)


def _one_line(text: str) -> str:
    """Whitespace and control characters (which could drive the terminal) become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _table(headings: list[str], rows: list[list[str]], *, show_headings: bool = True) -> str:
    """Plain aligned columns (no colour, no box drawing); the last column is left unpadded.
    In a terminal narrower than the table, the widest columns wrap onto more lines, so each row
    stays readable; piped to a file or a program (no terminal width known) nothing is wrapped."""
    from rich.cells import (
        cell_len,
    )  # columns on screen: "李" and "🌷" take two, a combining accent none

    lines = [headings, *rows] if show_headings else list(rows)
    lines = [[_one_line(cell) for cell in line] for line in lines]
    widths = [max(cell_len(line[column]) for line in lines) for column in range(len(headings))]
    widths = _fitted(widths, _terminal_width())
    out = []
    for line in lines:
        wrapped = [_wrap(cell, width) for cell, width in zip(line, widths, strict=False)]
        for row in range(max(len(parts) for parts in wrapped)):
            cells = [parts[row] if row < len(parts) else "" for parts in wrapped]
            out.append(
                "  ".join(
                    cell + " " * (width - cell_len(cell))
                    for cell, width in zip(cells, widths, strict=False)
                ).rstrip()
            )
    return "\n".join(out)


TABLE_GAP = 2
NARROWEST_COLUMN = 10


def _terminal_width() -> int:
    """The terminal's columns ($COLUMNS, else the terminal's own), or 0 when there is none."""
    import shutil

    told = os.environ.get("COLUMNS", "").strip()
    isatty = getattr(sys.stdout, "isatty", None)
    if not told and not (callable(isatty) and isatty()):
        return 0  # a file or a program reads it: the rows as they are, one line each
    return shutil.get_terminal_size((0, 0)).columns


def _fitted(widths: list[int], room: int) -> list[int]:
    """Column widths that fit `room`: the widest column gives way first, none below
    NARROWEST_COLUMN (so a table may still be wider than a very narrow terminal)."""
    if room <= 0:
        return widths
    floors = [min(width, NARROWEST_COLUMN) for width in widths]
    widths = list(widths)
    while sum(widths) + TABLE_GAP * (len(widths) - 1) > room:
        column = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[column] <= floors[column]:
            break
        widths[column] -= 1
    return widths


def _wrap(cell: str, width: int) -> list[str]:
    """A cell's text as lines of at most `width` columns, broken between words where it can be."""
    from rich.cells import cell_len, chop_cells

    if cell_len(cell) <= width or width <= 0:
        return [cell]
    lines: list[str] = []
    line = ""
    for word in cell.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while cell_len(word) > width:  # a word longer than the column is cut where it must be
            head = chop_cells(word, width)[0]
            lines.append(head)
            word = word[len(head) :]
        line = word
    if line:
        lines.append(line)
    return lines or [""]


def _moment(value: datetime) -> str:
    """As it was on the clock where it was saved."""
    return f"{short_day(value.date())} {value:%H:%M}"


def _quiet_stdout() -> None:
    """Point stdout at nothing, so Python's last flush at exit does not complain about the pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (e.g. under test): nothing to flush
