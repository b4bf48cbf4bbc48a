"""Question-bank operations that join ingest and store: what the CLI, web app and API call."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pastpaper.course import Course
from pastpaper.errors import InputError, NotFound, Notice, OutputError
from pastpaper.files import YAML, write_file
from pastpaper.ingest import DEFAULT_MAX_BYTES, Imported, dump_course, parse_notes, read_notes
from pastpaper.marking import Marking, mark
from pastpaper.points import Point, family_points
from pastpaper.scheme import MarkScheme, build_scheme
from pastpaper.store import Saved, Store, StoredFamily

__all__ = [
    "DEMO_ANSWERS",
    "ImportReport",
    "export_course",
    "import_examples",
    "import_file",
    "mark_answer",
    "mark_csv",
    "points_of",
    "scheme_of",
    "write_course_file",
]


@dataclass(frozen=True)
class ImportReport:
    path: str
    course: Course
    saved: Saved
    notices: list[Notice] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        families = [f for t in self.course.topics for f in t.families]
        return {
            "topics": len(self.course.topics),
            "families": sum(1 for f in families if f.questions),
            "questions": sum(len(f.questions) for f in families),
            "notes": sum(len(f.notes) for f in families),
        }


def import_file(
    store: Store,
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    replace: bool = False,
) -> ImportReport:
    """Read one notes or course file and save it.

    Importing a file again updates the course it made. A course file updates the course its
    slug names; so does any file with ``replace``. A notes file whose course title is taken
    by another file's course becomes a course of its own (``slug-2``), with a warning. Notes
    whose course was updated from a course file since are refused (InputError, nothing
    saved) unless ``replace``: the teacher's corrections live in that file.
    """
    imported = read_notes(path, max_bytes=max_bytes)
    source = str(Path(path).resolve())
    course_file = imported.kind == "course"
    corrected = None if course_file or replace else store.corrected_since(source)
    if corrected is not None:
        slug, edited = corrected
        raise InputError(
            f"the course '{slug}' was made from these notes and last updated from the "
            f"course file {edited}, so its edits live there: import {edited} instead, or "
            "pass --replace to start again from these notes",
            path,
        )
    return _save(store, str(path), imported, source, replace or course_file, not course_file)


#: The demo's question (from the built-in example) and two answers to it, written for it.
DEMO_ANSWERS: tuple[str, tuple[str, str], tuple[str, str]] = (
    "Describe the main features of de-Stalinisation.",
    (
        "A good",
        "Khrushchev attacked Stalin's terror and the cult of personality in his Secret Speech "
        "to the Twentieth Party Congress in 1956. Statues and portraits of Stalin were "
        "removed and the history books were rewritten. Prisoners were freed from the gulag "
        "camps and Stalingrad was renamed Volgograd. Censorship was eased, so Solzhenitsyn "
        "could publish One Day in the Life of Ivan Denisovich.",
    ),
    (
        "A weak",
        "Stalin died in 1960. Some statues of Stalin were taken down. Khrushchev was a good "
        "leader.",
    ),
)


def import_examples(store: Store) -> list[ImportReport]:
    """Import the built-in example notes that ship inside the package."""
    reports = []
    folder = resources.files("pastpaper") / "examples"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            imported = parse_notes(entry.read_text(encoding="utf-8"), entry.name)
            reports.append(
                _save(store, entry.name, imported, f"pastpaper:{entry.name}", False, True)
            )
    return reports


def _save(
    store: Store, name: str, imported: Imported, source: str, replace: bool, keep_schemes: bool
) -> ImportReport:
    saved = store.save_course(
        imported.course, source=source, replace=replace, keep_schemes=keep_schemes
    )
    notices = list(imported.notices)
    notices += [Notice(message, name) for message in saved.scheme_messages]
    if saved.clashed_with is not None:
        notices.append(
            Notice(
                f"a course '{imported.course.slug}' imported from {saved.clashed_with} is "
                f"already in the bank, so this file became the course '{saved.slug}'; to "
                "update the other course from this file instead, import it with --replace",
                name,
            )
        )
    return ImportReport(name, imported.course, saved, notices)


def export_course(store: Store, ref: str) -> str:
    """The text of the course file for a stored course (by slug or id)."""
    return dump_course(store.course(ref))


def write_course_file(store: Store, ref: str, path: Path, *, force: bool = False) -> None:
    """Write a stored course to a course file; never over an existing file unless ``force``,
    never over one that is not text, and never over the database itself."""
    protect = [store.path] if store.path is not None else []
    write_file(path, export_course(store, ref), kind=YAML, force=force, protect=protect)


def points_of(store: Store, ref: str) -> tuple[StoredFamily, list[Point]]:
    """The points of a family, given as ``f3`` (family 3) or ``3`` (question 3's family)."""
    text = ref.strip().lower()
    if text.startswith("f") and text[1:].isdigit():
        family = store.family(int(text[1:]))
    elif text.isdigit():
        family = store.family(store.question(int(text)).question.family)
    else:
        raise InputError(
            f"'{ref}' is not a question id (3) or a family id (f3); 'pastpaper questions' "
            "lists both"
        )
    return family, family_points(family.family)


def scheme_of(store: Store, question_id: int) -> MarkScheme:
    """The mark scheme of a stored question, with its teacher's edits applied."""
    family = store.family(store.question(question_id).question.family)
    question = family.family.questions[family.question_ids.index(question_id)]
    return build_scheme(question, family.family)


def mark_answer(store: Store, question_id: int, answer: str) -> Marking:
    """Mark one answer to a stored question against its scheme (the teacher's edits too)."""
    from pastpaper.calibration import calibration
    from pastpaper.embed import embedder

    scheme = scheme_of(store, question_id)
    return mark(answer, scheme, embedder(), calibration())


#: The columns a class's answers come in, and the ones the mark book adds.
CSV_IN = ("student", "question", "answer")
CSV_OUT = (*CSV_IN, "mark", "max", "points credited", "feedback", "not marked because")


def mark_csv(
    store: Store,
    source: Path,
    target: Path,
    *,
    force: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> tuple[int, int]:
    """Mark every row of a CSV of answers and write the mark book; returns (marked, rows).

    No row is dropped: one that cannot be marked (an unknown question) is written with the
    reason; an empty answer is marked 0, with a message.
    """
    from pastpaper.calibration import calibration
    from pastpaper.embed import embedder

    if target.exists() and not force:
        raise OutputError(f"{target} exists; choose another file or pass --force")
    rows = _read_answers(source)
    model, calibrated = embedder(), calibration()
    schemes: dict[int, MarkScheme | str] = {}
    written = []
    marked = 0
    for done, row in enumerate(rows, start=1):
        reason, result = "", None
        question = row["question"].strip()
        if not (question.isascii() and question.isdigit() and int(question) < 2**63):
            reason = f"'{question}' is not a question id (see pastpaper questions)"
        else:
            if int(question) not in schemes:
                try:
                    schemes[int(question)] = scheme_of(store, int(question))
                except NotFound as error:
                    schemes[int(question)] = str(error)
            scheme = schemes[int(question)]
            if isinstance(scheme, str):
                reason = scheme
            else:
                result = mark(row["answer"], scheme, model, calibrated)
                marked += 1
        written.append({**row, **_mark_book_columns(result), "not marked because": reason})
        progress(done, len(rows))
    _write_rows(target, written, force=force)
    return marked, len(rows)


def _mark_book_columns(result: Marking | None) -> dict[str, str]:
    if result is None:
        return {"mark": "", "max": "", "points credited": "", "feedback": ""}
    feedback = [f"inaccurate: {i.message}" for i in result.inaccuracies]
    feedback += [f"missed: {m.point_text}" for m in result.missed[:3]]
    feedback += list(result.warnings)
    return {
        "mark": str(result.mark),
        "max": str(result.max_marks),
        "points credited": "; ".join(c.point_text for c in result.credited),
        "feedback": "; ".join(feedback),
    }


def _read_answers(source: Path) -> list[dict[str, str]]:
    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", source) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"is not UTF-8 (byte 0x{data[error.start]:02x}); save the CSV as UTF-8", source, line
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in CSV_IN if name not in header]
    if missing:
        raise InputError(
            f"has no column {', '.join(repr(m) for m in missing)}; the columns must include "
            f"{', '.join(CSV_IN)}",
            source,
            1,
        )
    # Columns keep their own names in the mark book; the three it needs are found by name.
    names = [name.strip() for name in reader.fieldnames or []]
    rows = []
    for row in reader:
        values = [(value or "") for value in row.values()]
        values = [v if isinstance(v, str) else ", ".join(v) for v in values]
        kept = dict(zip(names, values, strict=False))
        rows.append({**kept, **{n: kept.get(o, "") for n, o in _needed(names).items()}})
    return rows


def _needed(names: list[str]) -> dict[str, str]:
    """The mark book's own column names, for the columns as the CSV spells them."""
    return {name.lower(): name for name in names if name.lower() in CSV_IN}


def _write_rows(target: Path, rows: list[dict[str, str]], *, force: bool) -> None:
    columns = list(dict.fromkeys([*(rows[0] if rows else {}), *CSV_OUT]))
    try:
        with target.open("w" if force else "x", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    except FileExistsError:
        raise OutputError(f"{target} exists; choose another file or pass --force") from None
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror})") from None
