"""The question bank: import notes, list courses and questions, show points and schemes,
write course files. ``Bank`` holds these as methods of ``Pastpaper``; the functions below
them take the store as their first argument, for code that has no ``Pastpaper``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from pastpaper.app.base import Base
from pastpaper.course import Course
from pastpaper.errors import InputError, Notice, OutputError
from pastpaper.files import CSV, YAML, check_writable, write_file
from pastpaper.ingest import DEFAULT_MAX_BYTES, Imported, dump_course, parse_notes, read_notes
from pastpaper.marking import Marker
from pastpaper.marking.markbook import MarkBookReport, mark_book_text, mark_sheet, read_mark_book
from pastpaper.schemes.points import Point, family_points
from pastpaper.schemes.scheme import MarkScheme, build_scheme
from pastpaper.store import DeletedCourse, Saved, Store, StoredFamily

__all__ = [
    "DEMO_ANSWERS",
    "Bank",
    "CourseRow",
    "FamilyPoints",
    "ImportReport",
    "QuestionRow",
    "QuestionScheme",
    "QuestionView",
    "export_course",
    "import_examples",
    "import_file",
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
            # (A paragraph of a list holds many lines: "4 notes paragraphs" of 75 bullets.)
            "note_lines": sum(
                1
                for f in families
                for note in f.notes
                for line in note.splitlines()
                if line.strip()
            ),
        }


def import_file(
    store: Store,
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    replace: bool = False,
    now: datetime | None = None,
) -> ImportReport:
    """Read one notes or course file and save it.

    Importing a file again updates the course it made. A course file updates the course its
    slug names; so does any file with ``replace``. A notes file whose course title is taken
    by another file's course becomes a course of its own (``slug-2``), with a warning. Notes
    whose course was updated from a course file since are refused (InputError, nothing
    saved) unless ``replace``: the teacher's corrections live in that file. ``now``: when
    (the store's clock if not given).
    """
    imported = read_notes(path, max_bytes=max_bytes)
    source = str(Path(path).resolve())
    course_file = imported.kind == "course"
    corrected = None if course_file or replace else store.corrected_since(source)
    if corrected is not None:
        slug, edited = corrected
        raise InputError(
            f"the course '{slug}' was made from these notes and last updated from the "
            f"course file {edited}, so its edits live there: import {edited} instead",
            path,
            remedy="replace",
        )
    return _save(store, str(path), imported, source, replace or course_file, not course_file, now)


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


def import_examples(store: Store, now: datetime | None = None) -> list[ImportReport]:
    """Import the built-in example notes that ship inside the package."""
    reports = []
    folder = resources.files("pastpaper") / "examples"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            imported = parse_notes(entry.read_text(encoding="utf-8"), entry.name)
            reports.append(
                _save(store, entry.name, imported, f"pastpaper:{entry.name}", False, True, now)
            )
    return reports


def _save(
    store: Store,
    name: str,
    imported: Imported,
    source: str,
    replace: bool,
    keep_schemes: bool,
    now: datetime | None,
) -> ImportReport:
    saved = store.save_course(
        imported.course, source=source, replace=replace, keep_schemes=keep_schemes, now=now
    )
    notices = list(imported.notices)
    notices += [Notice(message, name) for message in saved.scheme_messages]
    if saved.clashed_with is not None:
        notices.append(
            Notice(
                f"a course '{imported.course.slug}' imported from {saved.clashed_with} is "
                f"already in the bank, so this file became the course '{saved.slug}'",
                name,
                remedy="replace other",
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
            f"'{ref}' is not a question id (3) or a family id (f3)", remedy="list questions"
        )
    return family, family_points(family.family)


def scheme_of(store: Store, question_id: int) -> MarkScheme:
    """The mark scheme of a stored question, with its teacher's edits applied."""
    family = store.family(store.question(question_id).question.family)
    question = family.family.questions[family.question_ids.index(question_id)]
    return build_scheme(question, family.family)


def mark_csv(
    store: Store,
    marker: Marker,
    source: Path,
    target: Path,
    *,
    delimiter: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
    engine: str = "local",
    address: str | None = None,
    now: datetime | None = None,
) -> MarkBookReport:
    """Mark a class's answers in a CSV file and write the mark book: one row for each row of
    the answers, marked or with the reason it was not (see ``pastpaper.marking.markbook``).

    The mark book is never written over the answers or the database in use, and over an
    existing file only with ``force``; that is checked before any marking starts.
    ``engine`` "ray" marks with Ray (``pastpaper.marking.scale``), on the cluster at ``address``
    or on one started here; "local" in this machine's processes (``pastpaper.marking.bulk``).
    Marked here, the schemes' vectors are read from the store, or kept there (as at ``now``)
    for the next run (``pastpaper.marking.kept``).
    """
    from pastpaper.marking.bulk import Item, Outcome, scheme_vectors, workers_for

    if engine == "ray":
        from pastpaper.marking.scale import check_reachable, require_ray

        require_ray()
        if address is not None:
            check_reachable(address)

    def mark_items(items: list[Item], done: Callable[[int], None]) -> list[Outcome]:
        from pastpaper.marking.kept import warm

        # The schemes' vectors from the store (or made once, here, and kept there): this
        # process marks with them, or gives them to each worker or Ray actor.
        schemes = {id(scheme): scheme for _, scheme in items}
        warm(marker.model, schemes.values(), store.vectors, now or datetime.now(UTC))
        if engine == "ray":
            from pastpaper.marking.scale import mark_with_ray

            vectors = scheme_vectors(marker.model, items)
            return mark_with_ray(items, marker.calibration, done, address, vectors=vectors)
        return marker.mark_many(items, done, workers_for(len(items)))

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
        mark_items,
        progress,
    )
    write_file(target, mark_book_text(sheet, outcomes), kind=CSV, force=force, protect=protect)
    marked = sum(1 for outcome in outcomes if outcome.mark is not None)
    return MarkBookReport(len(outcomes), marked, notices)


# -- as methods of Pastpaper, returning what a command prints (--json: their model_dump) ------

#: A stored time as the courses' JSON has always shown it (``str``: a space, not a T).
_Shown = Annotated[datetime, PlainSerializer(str, return_type=str, when_used="json")]


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, from_attributes=True)


class CourseRow(_Row):
    """A course in the bank, with how much it holds."""

    id: int
    slug: str
    title: str
    topics: int
    questions: int
    notes: int
    updated_at: _Shown


class QuestionRow(_Row):
    """A question of the bank, with where it sits: course, topic and family."""

    id: int
    course: str
    topic: str
    topic_number: int | None
    family: int
    year: int | None
    text: str
    marks: int | None
    command_word: str


class QuestionView(_Row):
    """One question, the same question in other years (itself too), and its notes."""

    question: QuestionRow
    course_title: str
    family_questions: list[QuestionRow]
    notes: list[str]


class FamilyPoints(_Row):
    """The creditable points of one question family. Its JSON is a list of the points, each
    with its family's id."""

    family: int
    topic: str
    points: list[Point]

    @model_serializer(mode="wrap")
    def _as_rows(self, handler: SerializerFunctionWrapHandler) -> Any:
        return [{"family": self.family, **point} for point in handler(self)["points"]]


class QuestionScheme(_Row):
    """A question's mark scheme. Its JSON is the scheme with the question's id first, each
    point's own fields beside its marking, and the points left out as ``{id, why}``."""

    question_id: int
    scheme: MarkScheme

    @model_serializer(mode="wrap")
    def _flat(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)["scheme"]
        points = [{**p.pop("point"), **p} for p in data.pop("points")]
        left_out = [{"id": pid, "why": why} for pid, why in data.pop("left_out")]
        return {"question_id": self.question_id, **data, "points": points, "left_out": left_out}


class Bank(Base):
    """Import notes; list, show, delete and write out what the bank holds."""

    def import_file(self, path: str | Path, *, replace: bool = False) -> ImportReport:
        """Read one notes or course file (at most the settings' ``max_mb``) and save it;
        see ``import_file``."""
        limit = self.settings.max_bytes
        return import_file(self.store, path, max_bytes=limit, replace=replace, now=self.now())

    def import_examples(self) -> list[ImportReport]:
        """Import the built-in example notes."""
        return import_examples(self.store, self.now())

    def courses(self) -> list[CourseRow]:
        """The courses the user may see (a student: their classes')."""
        visible = self.visible_courses()
        return [
            CourseRow.model_validate(c)
            for c in self.store.courses()
            if visible is None or c.slug in visible
        ]

    def course_summary(self, ref: str) -> CourseRow:
        """One course, by slug or id."""
        self.require_visible_ref(ref)
        return CourseRow.model_validate(self.store.summary(ref))

    def delete_course(self, ref: str) -> DeletedCourse:
        """Delete a course with its questions, notes and cards; attempts and reviews stay."""
        return self.store.delete_course(ref)

    def questions(self, course: str | None = None, topic: str | None = None) -> list[QuestionRow]:
        """The bank's questions (of one course, of one topic: its number or a word of its
        title), by course, topic and family."""
        visible = self.visible_courses()
        if course is not None:
            self.require_visible_ref(course)
        return [
            QuestionRow.model_validate(q)
            for q in self.store.questions(course=course, topic=topic)
            if visible is None or q.course in visible
        ]

    def question(self, question_id: int) -> QuestionView:
        """A question with its family and notes; NotFound for one the user may not see."""
        return QuestionView.model_validate(self.visible_question(question_id))

    def points(self, ref: str) -> FamilyPoints:
        """A family's points, given as ``f3`` (family 3) or ``3`` (question 3's family)."""
        family, found = points_of(self.store, ref)
        return FamilyPoints(family=family.id, topic=family.topic, points=found)

    def scheme(self, question_id: int) -> QuestionScheme:
        """A question's mark scheme, with its teacher's edits applied."""
        return QuestionScheme(question_id=question_id, scheme=scheme_of(self.store, question_id))

    def export_course(self, ref: str) -> str:
        """The text of a course file for a stored course."""
        return export_course(self.store, ref)

    def write_course_file(self, ref: str, path: Path, *, force: bool = False) -> None:
        """Write a course file; over an existing file only with ``force``."""
        write_course_file(self.store, ref, path, force=force)
