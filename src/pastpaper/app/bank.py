"""Question-bank operations that join ingest and store: what the CLI, web app and API call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pastpaper.course import Course
from pastpaper.errors import InputError, Notice, OutputError
from pastpaper.files import CSV, YAML, check_writable, write_file
from pastpaper.ingest import DEFAULT_MAX_BYTES, Imported, dump_course, parse_notes, read_notes
from pastpaper.marking import Marking, mark
from pastpaper.marking.markbook import MarkBookReport, mark_book_text, mark_sheet, read_mark_book
from pastpaper.schemes.points import Point, family_points
from pastpaper.schemes.scheme import MarkScheme, build_scheme
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
    if path.suffix.lower() not in YAML.suffixes:
        raise OutputError(
            f"{path}: a course file's name ends in .yaml (or .yml), which is how import knows "
            "it; give a name such as course.yaml"
        )
    write_file(path, export_course(store, ref), kind=YAML, force=force, protect=[store.path])


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
    from pastpaper.marking.calibration import calibration
    from pastpaper.marking.embed import embedder

    scheme = scheme_of(store, question_id)
    return mark(answer, scheme, embedder(), calibration())


def mark_csv(
    store: Store,
    source: Path,
    target: Path,
    *,
    delimiter: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
    engine: str = "local",
    address: str | None = None,
) -> MarkBookReport:
    """Mark a class's answers in a CSV file and write the mark book: one row for each row of
    the answers, marked or with the reason it was not (see ``pastpaper.marking.markbook``).

    The mark book is never written over the answers or the database in use, and over an
    existing file only with ``force``; that is checked before any marking starts.
    ``engine`` "ray" marks with Ray (``pastpaper.marking.scale``), on the cluster at ``address``
    or on one started here; "local" in this machine's processes (``pastpaper.marking.bulk``).
    """
    from pastpaper.marking.bulk import Item, Outcome, mark_all, workers_for
    from pastpaper.marking.calibration import calibration
    from pastpaper.marking.embed import embedder

    if engine == "ray":
        from pastpaper.marking.scale import require_ray

        require_ray()

    def marker(items: list[Item], done: Callable[[int], None]) -> list[Outcome]:
        if engine == "ray":
            from pastpaper.marking.scale import mark_with_ray

            return mark_with_ray(items, calibration(), done, address)
        return mark_all(items, embedder, calibration(), done, workers_for(len(items)))

    protect = [source, store.path]
    check_writable(target, CSV, force=force, protect=protect)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", source) from None
    sheet, notices = read_mark_book(data, str(source), delimiter)
    # The model loads at the first answer marked: not at all when none can be. A large
    # class is shared between worker processes, one a core (pastpaper.marking.bulk).
    outcomes = mark_sheet(
        sheet,
        lambda question: scheme_of(store, question),
        marker,
        progress,
    )
    write_file(target, mark_book_text(sheet, outcomes), kind=CSV, force=force, protect=protect)
    marked = sum(1 for outcome in outcomes if outcome.mark is not None)
    return MarkBookReport(len(outcomes), marked, notices)
