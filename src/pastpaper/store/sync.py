"""Write a course over its stored version, keeping the id of everything still there.

Topics, families, questions and notes paragraphs are matched to the stored rows by what
they say (a question's year and wording), then by where they stand (a question whose
wording was corrected, in the same place); matched rows are updated, the rest inserted,
and stored rows that matched nothing deleted, children first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from pastpaper.course import (
    Course,
    Question,
    QuestionFamily,
    SchemeEdit,
    Topic,
    question_key,
    topic_key,
)
from pastpaper.schemes.points import Point, family_points, teacher_point_id
from pastpaper.store.tables import COURSES, FAMILIES, NOTES, QUESTIONS, TOPICS
from pastpaper.text import match_key

__all__ = [
    "Saved",
    "Sync",
    "Tree",
    "cards_made_from",
    "family_key",
    "match_ids",
    "question_of",
    "stored_course",
    "stored_family_key",
    "write_course_cards",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Saved:
    """What saving a course did. ``clashed_with`` is the source of another course that had
    the slug first, when this one was saved under a new slug instead of overwriting it."""

    course_id: int
    slug: str
    created: bool
    questions_added: int
    questions_kept: int
    questions_removed: int
    clashed_with: str | None = None
    scheme_messages: tuple[str, ...] = ()  # what became of scheme edits whose points changed


@dataclass
class Tree:
    """A stored course's rows, grouped by parent id, each list in position order."""

    topics: list[Any]
    families: dict[int, list[Any]]
    questions: dict[int, list[Any]]
    notes: dict[int, list[Any]]

    @classmethod
    def load(cls, conn: Connection, course_id: int) -> Tree:
        topics = conn.execute(
            select(TOPICS).where(TOPICS.c.course_id == course_id).order_by(TOPICS.c.position)
        ).all()
        in_course = select(TOPICS.c.id).where(TOPICS.c.course_id == course_id)
        families = conn.execute(
            select(FAMILIES).where(FAMILIES.c.topic_id.in_(in_course)).order_by(FAMILIES.c.position)
        ).all()
        family_ids = select(FAMILIES.c.id).where(FAMILIES.c.topic_id.in_(in_course))
        children = {
            table: conn.execute(
                select(table).where(table.c.family_id.in_(family_ids)).order_by(table.c.position)
            ).all()
            for table in (QUESTIONS, NOTES)
        }
        return cls(
            topics=list(topics),
            families=_group(families, "topic_id"),
            questions=_group(children[QUESTIONS], "family_id"),
            notes=_group(children[NOTES], "family_id"),
        )


def _group(rows: Iterable[Any], parent: str) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(getattr(row, parent), []).append(row)
    return grouped


def _numbered(keys: Iterable[Hashable]) -> list[tuple[Hashable, int]]:
    """Make keys unique by counting repeats: [a, b, a] -> [(a, 0), (b, 0), (a, 1)]."""
    seen: dict[Hashable, int] = {}
    numbered = []
    for key in keys:
        seen[key] = seen.get(key, -1) + 1
        numbered.append((key, seen[key]))
    return numbered


def match_ids(
    stored: list[tuple[int, Hashable, Hashable]],
    new: list[tuple[Hashable, Hashable]],
    similar: Callable[[Any, Any], bool] | None = None,
) -> tuple[list[int | None], list[int]]:
    """Match new items to stored rows, by key first and then by place; keep the matched ids.

    ``stored`` is (id, key, place) a row and ``new`` (key, place) an item. An item in the
    place of a stored row that lost its match keeps that row's id if ``similar(old_key,
    new_key)``: a question whose wording was corrected is still the same question. Returns
    the id for each new item (None: insert it) and the stored ids that matched nothing.

    >>> match_ids([(1, "why", 0), (2, "how", 1)], [("why?", 0), ("how", 1), ("what", 2)])
    ([1, 2, None], [])
    """
    numbered = _numbered(key for _, key, _ in stored)
    by_key = dict(zip(numbered, (row_id for row_id, _, _ in stored), strict=True))
    ids: list[int | None] = [by_key.pop(key, None) for key in _numbered(k for k, _ in new)]
    left = set(by_key.values())
    by_place: dict[Hashable, tuple[int, Hashable]] = {}
    for row_id, key, place in stored:
        if row_id in left:
            by_place.setdefault(place, (row_id, key))
    for index, (key, place) in enumerate(new):
        if ids[index] is not None or place not in by_place:
            continue
        if similar is None or similar(by_place[place][1], key):
            row_id = by_place.pop(place)[0]
            ids[index] = row_id
            left.discard(row_id)
    return ids, sorted(left)


def similar_text(old: tuple[Any, str], new: tuple[Any, str]) -> bool:
    """Two versions of one text: a corrected typo or a reworded phrase, not a new text."""
    return SequenceMatcher(None, old[1], new[1], autojunk=False).ratio() >= 0.6


class Sync:
    """Write a course over its stored version, keeping the id of everything that is still there."""

    def __init__(self, conn: Connection, course_id: int):
        self.conn = conn
        self.course_id = course_id
        self.removed: list[tuple[Table, list[int]]] = []
        self.inserted: dict[Table, int] = {}

    def run(self, course: Course, created: bool, schemes: bool = True) -> Saved:
        old = Tree.load(self.conn, self.course_id)
        old_families = [f for t in old.topics for f in old.families.get(t.id, ())]
        old_questions = [q for f in old_families for q in old.questions.get(f.id, ())]
        old_notes = [n for f in old_families for n in old.notes.get(f.id, ())]

        topic_ids = self.write(
            TOPICS,
            stored=[(t.id, topic_key(t.number, t.title), t.position) for t in old.topics],
            new=[(topic.key, i) for i, topic in enumerate(course.topics)],
            rows=[
                {"course_id": self.course_id, "position": i, "number": t.number, "title": t.title}
                for i, t in enumerate(course.topics)
            ],
        )
        families = [
            (topic_id, position, family)
            for topic_id, topic in zip(topic_ids, course.topics, strict=True)
            for position, family in enumerate(topic.families)
        ]
        family_ids = self.write(
            FAMILIES,
            stored=[
                (f.id, stored_family_key(f, old), (f.topic_id, f.position)) for f in old_families
            ],
            new=[(family_key(t, p, family), (t, p)) for t, p, family in families],
            rows=[{"topic_id": t, "position": p} for t, p, _ in families],
        )
        questions = _placed(family_ids, [family.questions for _, _, family in families])
        question_ids = self.write(
            QUESTIONS,
            stored=[
                (q.id, question_key(q.year, q.text), (q.family_id, q.position))
                for q in old_questions
            ],
            new=[(q.key, (f, p)) for f, p, q in questions],
            similar=similar_text,
            rows=[
                {
                    "family_id": f,
                    "position": p,
                    "year": q.year,
                    "text": q.text,
                    "marks": q.marks,
                    "command_word": q.command_word,
                    **({"scheme": _scheme_json(q)} if schemes else {}),
                }
                for f, p, q in questions
            ],
        )
        notes = _placed(family_ids, [family.notes for _, _, family in families])
        self.write(
            NOTES,
            stored=[
                (n.id, (n.family_id, match_key(n.text)), (n.family_id, n.position))
                for n in old_notes
            ],
            new=[((f, match_key(text)), (f, p)) for f, p, text in notes],
            similar=similar_text,
            rows=[{"family_id": f, "position": p, "text": text} for f, p, text in notes],
        )
        followed: list[str] = []
        if not schemes:
            by_id = {
                family_id: family
                for family_id, (_, _, family) in zip(family_ids, families, strict=True)
            }
            followed = self.follow_schemes(old, question_ids, [f for f, _, _ in questions], by_id)
        # Children first, after every survivor has been moved to its new parent.
        for table, ids in reversed(self.removed):
            for chunk in _chunks(ids, 5000):
                self.conn.execute(delete(table).where(table.c.id.in_(chunk)))
        removed = dict(self.removed)
        return Saved(
            course_id=self.course_id,
            slug=course.slug,
            created=created,
            questions_added=self.inserted[QUESTIONS],
            questions_kept=len(questions) - self.inserted[QUESTIONS],
            questions_removed=len(removed[QUESTIONS]),
            scheme_messages=tuple(followed),
        )

    def follow_schemes(
        self,
        old: Tree,
        question_ids: list[int],
        family_of: list[int],
        new_families: dict[int, QuestionFamily],
    ) -> list[str]:
        """Keep each kept question's scheme edits on the points they named, when the notes'
        new wording changed those points' ids; say which edits lost their point."""
        edited = {q.id: q for rows in old.questions.values() for q in rows if q.scheme}
        messages = []
        for question_id, family_id in zip(question_ids, family_of, strict=True):
            row = edited.get(question_id)
            if row is None:
                continue
            edit = SchemeEdit.model_validate_json(row.scheme)
            new_points = family_points(new_families[family_id])
            known = {p.id for p in new_points} | {teacher_point_id(p) for p in edit.add}
            missing = sorted({point for _, point in edit.point_ids()} - known)
            if not missing:
                continue
            old_family = QuestionFamily(
                questions=tuple(map(question_of, old.questions[row.family_id])),
                notes=tuple(n.text for n in old.notes.get(row.family_id, ())),
            )
            was = {p.id: p.text for p in family_points(old_family)}
            renamed = {}
            for point in missing:
                match = _closest(was.get(point, ""), new_points)
                if match is None:
                    messages.append(
                        f"question {question_id}: its scheme names point {point}, which the "
                        "notes no longer have; that edit does nothing until the course file "
                        "names another point"
                    )
                else:
                    renamed[point] = match.id
                    messages.append(
                        f"question {question_id}: point {point} was reworded in the notes; "
                        f"its scheme edits now name {match.id}"
                    )
            if renamed:
                followed = edit.renamed(renamed).model_dump_json(exclude_defaults=True)
                self.conn.execute(
                    update(QUESTIONS).where(QUESTIONS.c.id == question_id).values(scheme=followed)
                )
        return messages

    def write(
        self,
        table: Table,
        stored: list[tuple[int, Hashable, Hashable]],
        new: list[tuple[Hashable, Hashable]],
        rows: list[dict[str, Any]],
        similar: Callable[[Any, Any], bool] | None = None,
    ) -> list[int]:
        """Update the rows matched to stored ones, insert the rest; return the ids in order."""
        ids, left = match_ids(stored, new, similar)
        updates = [{"_id": i, **row} for i, row in zip(ids, rows, strict=True) if i is not None]
        fresh = [row for i, row in zip(ids, rows, strict=True) if i is None]
        if updates:
            columns: dict[str, Any] = {name: bindparam(name) for name in rows[0]}
            statement = update(table).where(table.c.id == bindparam("_id")).values(columns)
            self.conn.execute(statement, updates)
        new_ids: list[int] = []
        if fresh:
            result = self.conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True), fresh
            )
            new_ids = list(result.scalars())
        self.inserted[table] = len(fresh)
        self.removed.append((table, left))
        fresh_ids = iter(new_ids)
        return [i if i is not None else next(fresh_ids) for i in ids]


def stored_course(conn: Connection, course_id: int) -> Course:
    """A stored course as plain data, with its teacher's scheme edits."""
    head = conn.execute(
        select(COURSES.c.title, COURSES.c.slug).where(COURSES.c.id == course_id)
    ).one()
    tree = Tree.load(conn, course_id)
    topics = []
    for topic in tree.topics:
        families = [
            QuestionFamily(
                questions=tuple(map(question_of, tree.questions.get(family.id, ()))),
                notes=tuple(n.text for n in tree.notes.get(family.id, ())),
            )
            for family in tree.families.get(topic.id, ())
        ]
        topics.append(Topic(number=topic.number, title=topic.title, families=tuple(families)))
    return Course(title=head.title, slug=head.slug, topics=tuple(topics))


def cards_made_from(conn: Connection, course_id: int) -> Course | None:
    """The stored course, when its cards were made from it as it stands (so the same course
    saved again needs no new cards); None when they were not, or it is not stored."""
    current = COURSES.c.cards_made_at >= COURSES.c.updated_at
    if not conn.scalar(select(current).where(COURSES.c.id == course_id)):
        return None
    return stored_course(conn, course_id)


def write_course_cards(
    conn: Connection, course_id: int, now: datetime, made_from: Course | None = None
) -> None:
    """Make the course's cards from its notes as stored, in the caller's transaction.

    ``made_from`` is the course the stored cards were made from, if known
    (``cards_made_from``): when the course is still that, its cards are too, and making them
    again (the slow part of saving a large course) is skipped."""
    from pastpaper.store.memory import write_cards
    from pastpaper.study.cards import cards_of

    course = stored_course(conn, course_id)
    if made_from is not None and course == made_from:
        conn.execute(update(COURSES).where(COURSES.c.id == course_id).values(cards_made_at=now))
        return
    write_cards(conn, course_id, cards_of(course), now)


def _closest(text: str, points: list[Point]) -> Point | None:
    """The point saying what ``text`` said, reworded; None if none says it."""
    if not text:
        return None
    scored = [(SequenceMatcher(None, text, p.text).ratio(), p) for p in points]
    best = max(scored, key=lambda item: item[0], default=None)
    return best[1] if best is not None and best[0] >= 0.6 else None


def question_of(row: Any) -> Question:
    """A stored question row as plain data, with its teacher's scheme edits."""
    scheme = SchemeEdit.model_validate_json(row.scheme) if row.scheme else None
    return Question(
        year=row.year,
        text=row.text,
        marks=row.marks,
        command_word=row.command_word,
        scheme=scheme,
    )


def _scheme_json(question: Question) -> str | None:
    if question.scheme is None:
        return None
    return question.scheme.model_dump_json(exclude_defaults=True)


def _placed(parent_ids: list[int], children: list[tuple[T, ...]]) -> list[tuple[int, int, T]]:
    """Each child with its parent's id and its position under that parent."""
    return [
        (parent_id, position, child)
        for parent_id, items in zip(parent_ids, children, strict=True)
        for position, child in enumerate(items)
    ]


def family_key(topic_id: int, position: int, family: QuestionFamily) -> Hashable:
    # A family is known by its first question; a family of notes alone by its place.
    if family.questions:
        return (topic_id, family.questions[0].key)
    return (topic_id, "notes", position)


def stored_family_key(row: Any, tree: Tree) -> Hashable:
    """A stored family's key, as ``family_key`` gives a new one's."""
    questions = tree.questions.get(row.id)
    if questions:
        return (row.topic_id, question_key(questions[0].year, questions[0].text))
    return (row.topic_id, "notes", row.position)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
