"""Moderation: a teacher reads a class's answers to one question, grouped by what they say,
confirms or changes the mark of a group or of one answer (with why), and teaches the scheme
from an answer; and sees how far the machine's marks agree with theirs.

    sheet = app.moderation_sheet(class_id, question_id)      # groups, largest first
    app.moderate_answers(class_id, question_id, [attempt_id], mark=3, reason="names the KGB")
    lesson = app.teach_preview(class_id, question_id, attempt_id, "p3", "cut the KGB", earns=True)
    app.teach_apply(class_id, question_id, attempt_id, "p3", "cut the KGB", earns=True,
                    reason="the KGB's powers cut is the point")
    app.agreement(class_id, question_id)

Only the class's teacher (or an admin) moderates it; another teacher's class is NotFound,
as on the class's page, and a student is Forbidden. Teaching the scheme changes the course,
so it needs ``require_changeable`` besides: the course's owner or an admin. Every override
is a row of ``moderations`` with who and when; the newest stands, and the student's
feedback shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pastpaper.app.people import Accounts
from pastpaper.app.remark import Remarking, SchemeEditing
from pastpaper.course import SchemeEdit
from pastpaper.errors import Forbidden, InputError, NotFound, PastpaperError
from pastpaper.marking.agreement import Judged, disputed, figures
from pastpaper.marking.grouping import answer_meanings, group_answers
from pastpaper.model import Frozen
from pastpaper.store.answers import ClassAnswer
from pastpaper.store.people import SchoolClass
from pastpaper.text import match_key

__all__ = [
    "AgreementReport",
    "AnswerGroup",
    "AnswerHistory",
    "ClassQuestions",
    "Lesson",
    "Moderating",
    "ModerationEntry",
    "ModerationSheet",
    "PointCount",
    "PointDisagreement",
    "PointRef",
    "QuestionAnswered",
    "SheetAnswer",
]

#: What a confirmation without a reason is kept with.
CONFIRMED = "confirmed"


class PointRef(Frozen):
    """A point of the question's scheme, by id, as the scheme words it."""

    point_id: str
    text: str


class ModerationEntry(Frozen):
    """One override of an answer's mark: the teacher's mark, the machine's it replaced, why,
    who and when."""

    mark: int
    machine_mark: int | None
    reason: str
    moderator: str | None
    at: datetime


class SheetAnswer(Frozen):
    """A student's answer as the moderation page shows it."""

    attempt_id: int
    login: str
    student: str
    answer: str
    submitted_at: datetime
    machine_mark: int | None  # None: not marked
    max_marks: int | None
    moderated: ModerationEntry | None  # the override that stands
    final: int | None
    credited: tuple[PointRef, ...]


class PointCount(Frozen):
    """A point, and how many answers of a group earned it."""

    point: PointRef
    answers: int


class AnswerGroup(Frozen):
    """Answers that say the same and earned the same points; ``points`` are those credited
    to any of them, with how many."""

    number: int
    answers: tuple[SheetAnswer, ...]
    points: tuple[PointCount, ...]
    marks: tuple[int, ...]  # the distinct marks that stand, lowest first


class ModerationSheet(Frozen):
    """A class's answers to one question in groups, largest first."""

    class_id: int
    class_name: str
    question_id: int
    question: str
    max_marks: int
    every_attempt: bool  # False: each student's newest attempt only
    answers: int
    groups: tuple[AnswerGroup, ...]
    points: tuple[PointRef, ...]  # the scheme's creditable points, to teach
    may_teach: bool
    why_not_teach: str | None


class AnswerHistory(Frozen):
    """One answer with every override of its mark, oldest first, and what teaching needs."""

    class_id: int
    class_name: str
    question_id: int
    question: str
    answer: SheetAnswer
    moderations: tuple[ModerationEntry, ...]
    points: tuple[PointRef, ...]
    may_teach: bool
    why_not_teach: str | None


class Lesson(Frozen):
    """What teaching the scheme from an answer does: the phrase added as an accepted
    (``earns``) or rejected phrasing of a point, the edit that results, and the answers
    whose marks it changes (a dry run until applied: ``remarking.version`` None)."""

    attempt_id: int
    point: PointRef
    phrase: str
    earns: bool
    edit: SchemeEdit
    remarking: Remarking


class PointDisagreement(Frozen):
    """A point behind the teacher's changes: credited by the machine on answers the teacher
    marked down, missed on answers marked up."""

    point: PointRef
    credited_marked_down: int
    missed_marked_up: int


class AgreementReport(Frozen):
    """How often the machine's marks (as they are now) agree with the teacher's over the
    class's moderated answers to a question."""

    class_id: int
    class_name: str
    question_id: int
    question: str
    answers: int  # the class's answers to the question
    moderated: int
    exact: float | None
    within_one: float | None
    pearson: float | None
    points: tuple[PointDisagreement, ...]


class QuestionAnswered(Frozen):
    """A question the class's students have answered, with how many answers and how many
    of them a teacher has moderated."""

    question_id: int
    course: str
    question: str
    answers: int
    moderated: int


class ClassQuestions(Frozen):
    """The questions a class has answered, in the order of its courses' notes."""

    class_id: int
    class_name: str
    questions: tuple[QuestionAnswered, ...]


class Moderating(Accounts, SchemeEditing):
    """Moderate a class's answers to a question and teach its scheme from them."""

    def answered_questions(self, class_id: int) -> ClassQuestions:
        """The questions of the class's courses its students have answered, to moderate."""
        school_class, students = self._moderated_class(class_id)
        found: list[QuestionAnswered] = []
        for course in school_class.courses:
            for question in self.store.questions(course):
                answers = self.store.answers.for_question(question.id, user_ids=students)
                if answers:
                    found.append(
                        QuestionAnswered(
                            question_id=question.id,
                            course=course,
                            question=_asked(question.year, question.text),
                            answers=len(answers),
                            moderated=sum(1 for a in answers if a.moderation is not None),
                        )
                    )
        return ClassQuestions(
            class_id=school_class.id, class_name=school_class.name, questions=tuple(found)
        )

    def moderation_sheet(
        self, class_id: int, question_id: int, every_attempt: bool = False
    ) -> ModerationSheet:
        """The class's answers to the question (each student's newest, or every attempt),
        grouped by what they say and the points they earned, largest group first."""
        school_class, answers = self._class_answers(class_id, question_id, every_attempt)
        found = self.visible_question(question_id)
        names = self._point_names(question_id)
        shown = [_sheet_answer(a, names) for a in answers]
        credited = [frozenset(p.point_id for p in a.credited) for a in shown]
        texts = [a.answer for a in shown]
        meanings = answer_meanings(texts, self.marker.model.encode) if texts else None
        groups = group_answers(texts, meanings, credited) if meanings is not None else []
        may, why = self._may_teach(found.question.course)
        return ModerationSheet(
            class_id=school_class.id,
            class_name=school_class.name,
            question_id=question_id,
            question=_asked(found.question.year, found.question.text),
            max_marks=self._max_marks(question_id),
            every_attempt=every_attempt,
            answers=len(shown),
            groups=tuple(
                _group(number, [shown[i] for i in members])
                for number, members in enumerate(groups, start=1)
            ),
            points=tuple(PointRef(point_id=p, text=t) for p, t in names.items()),
            may_teach=may,
            why_not_teach=why,
        )

    def moderate_answers(
        self,
        class_id: int,
        question_id: int,
        attempt_ids: Sequence[int],
        *,
        mark: int,
        reason: str,
    ) -> list[int]:
        """Give these answers of the class to the question the teacher's mark, with why;
        the attempts moderated. A reason is needed unless the mark is the one each already
        has (a confirmation). Every override is kept, with who and when."""
        _, answers = self._class_answers(class_id, question_id, every_attempt=True)
        by_id = {a.attempt_id: a for a in answers}
        wanted = sorted(set(attempt_ids))
        if not wanted:
            raise InputError("choose the answers to moderate: none was given")
        missing = [a for a in wanted if a not in by_id]
        if missing:
            raise NotFound(f"no answer {missing[0]} of this class to question {question_id}")
        chosen = [by_id[a] for a in wanted]
        most = min(a.max_marks or self._max_marks(question_id) for a in chosen)
        if not 0 <= mark <= most:
            raise InputError(f"a mark must be from 0 to {most}, not {mark}")
        reason = " ".join(reason.split())
        if not reason:
            if any(a.final != mark for a in chosen):
                raise InputError(
                    f"say why the mark becomes {mark}: a changed mark needs a reason, "
                    "which the student sees"
                )
            reason = CONFIRMED
        self.store.answers.moderate(
            wanted, mark=mark, reason=reason, moderator_id=self.user.id, now=self.now()
        )
        return wanted

    def answer_history(self, class_id: int, question_id: int, attempt_id: int) -> AnswerHistory:
        """One answer of the class to the question, with every override of its mark."""
        school_class, answer = self._class_answer(class_id, question_id, attempt_id)
        found = self.visible_question(question_id)
        names = self._point_names(question_id)
        may, why = self._may_teach(found.question.course)
        return AnswerHistory(
            class_id=school_class.id,
            class_name=school_class.name,
            question_id=question_id,
            question=_asked(found.question.year, found.question.text),
            answer=_sheet_answer(answer, names),
            moderations=tuple(
                _entry(m.mark, m.machine_mark, m.reason, m.moderator, m.created_at)
                for m in self.store.answers.moderations(attempt_id)
            ),
            points=tuple(PointRef(point_id=p, text=t) for p, t in names.items()),
            may_teach=may,
            why_not_teach=why,
        )

    def teach_preview(
        self,
        class_id: int,
        question_id: int,
        attempt_id: int,
        point_id: str,
        phrase: str,
        *,
        earns: bool,
    ) -> Lesson:
        """A dry run of teaching the scheme from an answer: ``phrase`` (words of the answer)
        earns ``point_id`` (an accepted phrasing) or does not (a rejected one); every answer
        to the question whose mark would change. Nothing is written."""
        point, phrase, edit = self._lesson(
            class_id, question_id, attempt_id, point_id, phrase, earns
        )
        remarking = self.remark_preview(question_id, edit)
        return Lesson(
            attempt_id=attempt_id,
            point=point,
            phrase=phrase,
            earns=earns,
            edit=edit,
            remarking=remarking,
        )

    def teach_apply(
        self,
        class_id: int,
        question_id: int,
        attempt_id: int,
        point_id: str,
        phrase: str,
        *,
        earns: bool,
        reason: str,
    ) -> Lesson:
        """Teach the scheme as ``teach_preview`` shows: the edit becomes the scheme's next
        version (kept with ``reason``) and every answer to the question is marked again."""
        point, phrase, edit = self._lesson(
            class_id, question_id, attempt_id, point_id, phrase, earns
        )
        remarking = self.apply_scheme_edit(question_id, edit, reason)
        return Lesson(
            attempt_id=attempt_id,
            point=point,
            phrase=phrase,
            earns=earns,
            edit=edit,
            remarking=remarking,
        )

    def agreement(self, class_id: int, question_id: int) -> AgreementReport:
        """How often the machine's marks agree with the teacher's over the class's moderated
        answers to the question (every attempt), and the points disputed most."""
        school_class, answers = self._class_answers(class_id, question_id, every_attempt=True)
        found = self.visible_question(question_id)
        names = self._point_names(question_id)
        judged = [
            Judged(
                credited=frozenset(_point_ids(a.marking, "credited")),
                missed=frozenset(_point_ids(a.marking, "missed")),
                machine=a.mark,
                teacher=a.moderation.mark,
            )
            for a in answers
            if a.moderation is not None and a.mark is not None
        ]
        agreed = figures([(j.machine, j.teacher) for j in judged])
        texts = {**names, **_point_texts(answers)}
        return AgreementReport(
            class_id=school_class.id,
            class_name=school_class.name,
            question_id=question_id,
            question=_asked(found.question.year, found.question.text),
            answers=len(answers),
            moderated=agreed.count,
            exact=agreed.exact,
            within_one=agreed.within_one,
            pearson=agreed.pearson,
            points=tuple(
                PointDisagreement(
                    point=PointRef(point_id=d.point_id, text=texts.get(d.point_id, d.point_id)),
                    credited_marked_down=d.credited_marked_down,
                    missed_marked_up=d.missed_marked_up,
                )
                for d in disputed(judged)
            ),
        )

    # -- shared ---------------------------------------------------------------------------

    def _moderated_class(self, class_id: int) -> tuple[SchoolClass, list[int]]:
        """The class, if the user may moderate it, and its students' user ids. A student is
        Forbidden; another teacher's class is NotFound (``class_detail``)."""
        if self.user.role == "student":
            raise Forbidden("moderating a class's answers is for its teacher")
        detail = self.class_detail(class_id)
        return detail.school_class, [u.id for u in detail.students]

    def _class_answers(
        self, class_id: int, question_id: int, every_attempt: bool
    ) -> tuple[SchoolClass, list[ClassAnswer]]:
        """The class's students' answers to a question the user may see, oldest first: every
        attempt, or each student's newest."""
        school_class, students = self._moderated_class(class_id)
        self.visible_question(question_id)
        answers = self.store.answers.for_question(question_id, user_ids=students)
        if not every_attempt:
            newest = {a.user_id: a for a in answers}  # oldest first: the last one stays
            answers = [a for a in answers if newest[a.user_id] is a]
        return school_class, answers

    def _class_answer(
        self, class_id: int, question_id: int, attempt_id: int
    ) -> tuple[SchoolClass, ClassAnswer]:
        school_class, answers = self._class_answers(class_id, question_id, every_attempt=True)
        for answer in answers:
            if answer.attempt_id == attempt_id:
                return school_class, answer
        raise NotFound(f"no answer {attempt_id} of this class to question {question_id}")

    def _point_names(self, question_id: int) -> dict[str, str]:
        """The question's creditable points as its scheme words them, in rank order."""
        return {p.point.id: p.point.text for p in self.scheme(question_id).scheme.creditable}

    def _max_marks(self, question_id: int) -> int:
        return self.scheme(question_id).scheme.max_marks

    def _may_teach(self, course: str) -> tuple[bool, str | None]:
        """Whether the user may teach the course's schemes, and why not."""
        try:
            self.require_changeable(course)
        except PastpaperError as refused:
            return False, f"{refused} (teaching the scheme changes the course)"
        return True, None

    def _lesson(
        self,
        class_id: int,
        question_id: int,
        attempt_id: int,
        point_id: str,
        phrase: str,
        earns: bool,
    ) -> tuple[PointRef, str, SchemeEdit]:
        """The point, the phrase as kept and the scheme edit that teaching would make."""
        _, answer = self._class_answer(class_id, question_id, attempt_id)
        found = self.visible_question(question_id)
        self.require_changeable(found.question.course)
        names = self._point_names(question_id)
        if point_id not in names:
            raise InputError(f"question {question_id}'s scheme has no point {point_id} to teach")
        phrase = " ".join(phrase.split()).strip()
        if not phrase:
            raise InputError("give the words of the answer that earn the point, or do not")
        if match_key(phrase) not in match_key(answer.answer):
            raise InputError(f"“{phrase}” is not in answer {attempt_id}: copy words it uses")
        return (
            PointRef(point_id=point_id, text=names[point_id]),
            phrase,
            _taught(self._current_edit(question_id), point_id, phrase, earns),
        )

    def _current_edit(self, question_id: int) -> SchemeEdit | None:
        found = self.store.question(question_id)
        family = self.store.family(found.question.family)
        return family.family.questions[family.question_ids.index(question_id)].scheme


def _taught(edit: SchemeEdit | None, point_id: str, phrase: str, earns: bool) -> SchemeEdit:
    """``edit`` with ``phrase`` added to the point's accepted (``earns``) or rejected
    phrasings, and taken from the other list if it was there."""
    edit = edit or SchemeEdit()
    accept = {p: list(v) for p, v in edit.accept.items()}
    reject = {p: list(v) for p, v in edit.reject.items()}
    add_to, take_from = (accept, reject) if earns else (reject, accept)
    key = match_key(phrase)
    take_from[point_id] = [v for v in take_from.get(point_id, []) if match_key(v) != key]
    if not any(match_key(v) == key for v in add_to.get(point_id, [])):
        add_to.setdefault(point_id, []).append(phrase)
    return edit.model_copy(
        update={
            "accept": {p: tuple(v) for p, v in accept.items() if v},
            "reject": {p: tuple(v) for p, v in reject.items() if v},
        }
    )


def _asked(year: int | None, text: str) -> str:
    return f"{year}: {text}" if year else text


def _entry(
    mark: int, machine: int | None, reason: str, moderator: str | None, at: datetime
) -> ModerationEntry:
    return ModerationEntry(
        mark=mark, machine_mark=machine, reason=reason, moderator=moderator, at=at
    )


def _sheet_answer(answer: ClassAnswer, names: dict[str, str]) -> SheetAnswer:
    m = answer.moderation
    credited = _point_texts([answer], kinds=("credited",))
    return SheetAnswer(
        attempt_id=answer.attempt_id,
        login=answer.login,
        student=answer.display_name,
        answer=answer.answer,
        submitted_at=answer.submitted_at,
        machine_mark=answer.mark,
        max_marks=answer.max_marks,
        moderated=None
        if m is None
        else _entry(m.mark, m.machine_mark, m.reason, m.moderator, m.created_at),
        final=answer.final,
        credited=tuple(
            PointRef(point_id=p, text=names.get(p, text)) for p, text in credited.items()
        ),
    )


def _group(number: int, answers: list[SheetAnswer]) -> AnswerGroup:
    counts: dict[str, tuple[PointRef, int]] = {}
    for answer in answers:
        for point in answer.credited:
            _, n = counts.get(point.point_id, (point, 0))
            counts[point.point_id] = (point, n + 1)
    return AnswerGroup(
        number=number,
        answers=tuple(answers),
        points=tuple(
            PointCount(point=point, answers=n)
            for point, n in sorted(counts.values(), key=lambda pn: (-pn[1], pn[0].point_id))
        ),
        marks=tuple(sorted({a.final for a in answers if a.final is not None})),
    )


def _point_ids(marking: dict[str, object] | None, kind: str) -> list[str]:
    """The ids of the points a stored marking credited or missed."""
    found = (marking or {}).get(kind) or []
    assert isinstance(found, list)
    return [str(p["point_id"]) for p in found]


def _point_texts(
    answers: Sequence[ClassAnswer], kinds: tuple[str, ...] = ("credited", "missed")
) -> dict[str, str]:
    """Every point the answers' markings name (as credited or missed), by id, with its
    text, in the order they name them."""
    texts: dict[str, str] = {}
    for answer in answers:
        for kind in kinds:
            for p in (answer.marking or {}).get(kind) or []:
                texts.setdefault(str(p["point_id"]), str(p["point_text"]))
    return texts
