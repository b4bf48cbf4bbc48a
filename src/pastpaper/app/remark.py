"""Changing a question's mark scheme and marking again what was marked under it, as an
examiner's revised scheme is applied: first a dry run lists every answer whose mark would
change (the mark it has, the mark it would get, and why: the points it would gain or lose),
then the teacher applies the edit, which is kept as the scheme's next version and re-marks
those answers. A moderated mark stands whatever the machine now gives; the list says so.

Only the course's owner (or an admin) may change its schemes (``require_changeable``).
"""

from __future__ import annotations

from collections.abc import Sequence

from pastpaper.app.bank import Bank
from pastpaper.course import SchemeEdit
from pastpaper.errors import Forbidden, InputError
from pastpaper.marking.result import Marking
from pastpaper.model import Frozen
from pastpaper.schemes.scheme import MarkScheme, build_scheme
from pastpaper.store.answers import ClassAnswer
from pastpaper.store.teaching import SchemeVersion

__all__ = ["MarkChange", "Remarking", "SchemeEditing"]


class MarkChange(Frozen):
    """An answer whose mark the edit changes."""

    attempt_id: int
    login: str
    student: str
    old_mark: int | None  # None: not marked before
    new_mark: int
    max_marks: int
    gained: tuple[str, ...] = ()  # the points it would now earn, as the scheme words them
    lost: tuple[str, ...] = ()  # the points it would no longer earn
    moderated: int | None = None  # a teacher's mark, which stands


class Remarking(Frozen):
    """What an edit to a question's scheme does to the answers marked under it."""

    question_id: int
    answers: int  # how many answers were marked again
    changes: tuple[MarkChange, ...]
    version: int | None = None  # the scheme's new version once applied; None for a dry run


class SchemeEditing(Bank):
    """Edit a question's scheme, see what it would change, apply it."""

    def scheme_for_edit(self, question_id: int, edit: SchemeEdit | None) -> MarkScheme:
        """The question's scheme as it would be with ``edit`` in place of its edits, for a
        user who may change the question's course."""
        found = self.visible_question(question_id)
        self.require_changeable(found.question.course)
        family = self.store.family(found.question.family)
        question = family.family.questions[family.question_ids.index(question_id)]
        return build_scheme(question.model_copy(update={"scheme": edit}), family.family)

    def remark_preview(self, question_id: int, edit: SchemeEdit | None) -> Remarking:
        """A dry run: every answer to the question whose mark would change under ``edit``;
        nothing is written."""
        scheme = self.scheme_for_edit(question_id, edit)
        answers = self.store.answers.for_question(question_id)
        changes, _ = self._remarked(answers, scheme)
        return Remarking(question_id=question_id, answers=len(answers), changes=tuple(changes))

    def apply_scheme_edit(
        self,
        question_id: int,
        edit: SchemeEdit | None,
        reason: str,
        *,
        check_newest: bool = False,
        newest: int | None = None,
    ) -> Remarking:
        """Make ``edit`` the question's scheme edits (the scheme's next version) and re-mark
        every answer to it; what changed, with the new version. With ``check_newest``, only
        if ``newest`` is still the scheme's newest version when it is written (InputError
        otherwise, and nothing written); the version and the new marks are one write."""
        reason = " ".join(reason.split())
        if not reason:
            raise InputError("say why the scheme changes: the reason is kept with the version")
        scheme = self.scheme_for_edit(question_id, edit)
        answers = self.store.answers.for_question(question_id)
        changes, marks = self._remarked(answers, scheme)
        version = self.store.teaching.set_scheme(
            question_id,
            edit,
            author_id=self.user.id,
            reason=reason,
            now=self.now(),
            check_newest=check_newest,
            newest=newest,
            marks=marks,
        )
        return Remarking(
            question_id=question_id,
            answers=len(answers),
            changes=tuple(changes),
            version=version.version,
        )

    def scheme_versions(self, question_id: int) -> list[SchemeVersion]:
        """Every version of the question's scheme edits, oldest first, for a user who may
        see the question and is not a student."""
        if self.user.role == "student":
            raise Forbidden("a scheme's history is for its teachers")
        self.visible_question(question_id)
        return self.store.teaching.scheme_versions(question_id)

    def _remarked(
        self, answers: Sequence[ClassAnswer], scheme: MarkScheme
    ) -> tuple[list[MarkChange], list[tuple[int, int, int, str]]]:
        """The answers marked under ``scheme``: those whose mark changes, and every new
        mark as the store keeps it."""
        markings = self.marker.mark_many([(a.answer, scheme) for a in answers])
        changes: list[MarkChange] = []
        marks: list[tuple[int, int, int, str]] = []
        for answer, marking in zip(answers, markings, strict=True):
            if not isinstance(marking, Marking):
                continue  # the scheme has nothing to mark: the old mark stays
            marks.append(
                (answer.attempt_id, marking.mark, marking.max_marks, marking.model_dump_json())
            )
            if marking.mark == answer.mark and marking.max_marks == answer.max_marks:
                continue
            before = _credited(answer.marking)
            now = {c.point_id: c.point_text for c in marking.credited}
            changes.append(
                MarkChange(
                    attempt_id=answer.attempt_id,
                    login=answer.login,
                    student=answer.display_name,
                    old_mark=answer.mark,
                    new_mark=marking.mark,
                    max_marks=marking.max_marks,
                    gained=tuple(text for pid, text in now.items() if pid not in before),
                    lost=tuple(text for pid, text in before.items() if pid not in now),
                    moderated=None if answer.moderation is None else answer.moderation.mark,
                )
            )
        return changes, marks


def _credited(marking: dict[str, object] | None) -> dict[str, str]:
    """The points a stored marking credited, by id, with their text."""
    if not marking:
        return {}
    credited = marking.get("credited") or []
    assert isinstance(credited, list)
    return {str(c["point_id"]): str(c["point_text"]) for c in credited}
