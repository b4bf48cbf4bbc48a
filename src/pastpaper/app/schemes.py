"""The scheme editor: one change at a time to a question's scheme edits, each building the
next ``SchemeEdit`` from the current one (the same edit a course file holds), seen first as
a dry run (``SchemeEditing.remark_preview``) and applied as the scheme's next version.

    change = SchemeChange(action="drop", point="p1a2b3c")
    edited(None, change)                      # SchemeEdit(drop=("p1a2b3c",))
    app.scheme_dry_run(question_id, change)   # what it would do; nothing written
    app.apply_pending_edit(question_id, dry.edit, "too general", based_on=dry.based_on)

Who may do what is ``SchemeEditing``'s rule: a course's owner or an admin changes its
schemes; another teacher who sees the course reads them; a student neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field, ValidationError

from pastpaper.app.remark import Remarking, SchemeEditing
from pastpaper.course import MAX_MARKS, Kind, QuestionFamily, SchemeEdit, TeacherPoint
from pastpaper.errors import Forbidden, InputError, quote
from pastpaper.model import Frozen
from pastpaper.schemes.points import Point, family_points, teacher_point_id
from pastpaper.schemes.scheme import MarkScheme
from pastpaper.store import QuestionInfo
from pastpaper.store.teaching import SchemeVersion

__all__ = [
    "ACTIONS",
    "KINDS",
    "LeftOut",
    "SchemeChange",
    "SchemeDryRun",
    "SchemeEditor",
    "SchemePage",
    "change_from_form",
    "described",
    "edited",
    "pending_edit",
]

Action = Literal[
    "drop", "restore", "require", "unrequire", "accept", "reject", "add", "marks", "version"
]

#: What each change does, as the editor words it.
ACTIONS: dict[str, str] = {
    "drop": "drop a point",
    "restore": "put a dropped point back",
    "require": "make a point required",
    "unrequire": "make a point no longer required",
    "accept": "accept a phrasing for a point",
    "reject": "reject a phrasing for a point",
    "add": "add a point of your own",
    "marks": "change the marks",
    "version": "go back to an earlier version",
}

#: The kinds a teacher's own point may be, as the editor offers them.
KINDS: tuple[Kind, ...] = ("reason", "consequence", "feature", "evidence", "quotation")


class SchemeChange(Frozen):
    """One change a teacher asks of a question's scheme.

    ``point`` names the point (drop, restore, require, unrequire, accept, reject); ``text``
    is the phrasing (accept, reject) or the new point's wording (add), with its ``kind`` and
    ``accept`` phrasings; ``marks`` the new marks (None: as the paper printed them);
    ``version`` the earlier version to go back to.
    """

    action: Action
    point: str | None = Field(default=None, max_length=64)
    text: str | None = Field(default=None, max_length=2_000)
    kind: Kind | None = None
    accept: tuple[str, ...] = Field(default=(), max_length=50)
    marks: int | None = Field(default=None, ge=1, le=MAX_MARKS)
    version: int | None = Field(default=None, ge=0)


class LeftOut(Frozen):
    """A point of the notes this question's scheme leaves out, and why."""

    point: Point
    why: str


class SchemePage(Frozen):
    """What the scheme editor shows for one question."""

    question: QuestionInfo
    course_title: str
    scheme: MarkScheme
    edit: SchemeEdit | None  # the scheme edits in force
    left_out: tuple[LeftOut, ...]
    versions: tuple[SchemeVersion, ...]
    changeable: bool  # may this user change it (else a read-only view)
    based_on: int | None  # the newest version, which a change is made against


class SchemeDryRun(Frozen):
    """A change not yet applied: the edit it makes, the scheme it gives, the answers whose
    mark it would change."""

    question: QuestionInfo
    change: SchemeChange
    said: str  # the change in words
    edit: SchemeEdit | None  # the scheme edits the change gives
    based_on: int | None  # the version it was made against
    scheme: MarkScheme
    remarking: Remarking


# -- pure: a change and the edit it makes ----------------------------------------------------


def edited(current: SchemeEdit | None, change: SchemeChange) -> SchemeEdit | None:
    """The scheme edits ``change`` makes of ``current``; None when nothing is left edited.

    >>> edited(None, SchemeChange(action="drop", point="p1")).drop
    ('p1',)

    A ``version`` change is not made here (it names a stored version): see
    ``SchemeEditor.scheme_dry_run``.
    """
    edit = current or SchemeEdit()
    point, action = change.point or "", change.action
    if action in ("drop", "restore", "require", "unrequire", "accept", "reject") and not point:
        raise InputError(f"say which point the change is for ({ACTIONS[action]})")
    added = {teacher_point_id(p): p for p in edit.add}
    if action == "drop" and point in added:
        # A teacher's own point is taken out of the scheme altogether.
        edit = edit.model_copy(
            update={
                "add": tuple(p for p in edit.add if teacher_point_id(p) != point),
                "required": _without(edit.required, point),
                "accept": {k: v for k, v in edit.accept.items() if k != point},
                "reject": {k: v for k, v in edit.reject.items() if k != point},
            }
        )
    elif action == "drop":
        edit = edit.model_copy(
            update={"drop": _with(edit.drop, point), "required": _without(edit.required, point)}
        )
    elif action == "restore":
        edit = edit.model_copy(update={"drop": _without(edit.drop, point)})
    elif action == "require":
        edit = edit.model_copy(
            update={"required": _with(edit.required, point), "drop": _without(edit.drop, point)}
        )
    elif action == "unrequire":
        edit = edit.model_copy(update={"required": _without(edit.required, point)})
    elif action in ("accept", "reject"):
        edit = _phrased(edit, action, point, _phrasing(change.text, action), added)
    elif action == "add":
        edit = _added(edit, change)
    elif action == "marks":
        edit = edit.model_copy(update={"marks": change.marks})
    else:
        raise InputError(f"{quote(action)} is a stored version, not a change of the edits")
    return None if edit == SchemeEdit() else SchemeEdit.model_validate(edit.model_dump())


def described(change: SchemeChange, points: Mapping[str, str]) -> str:
    """The change in words, naming the point by what it says (``points``: id → text)."""
    point = points.get(change.point or "", change.point or "")
    match change.action:
        case "drop":
            return f"Drop the point “{point}”."
        case "restore":
            return f"Put the dropped point “{point}” back."
        case "require":
            return f"Make the point “{point}” required."
        case "unrequire":
            return f"Make the point “{point}” no longer required."
        case "accept":
            return f"Accept “{change.text}” for the point “{point}”."
        case "reject":
            return f"Do not accept “{change.text}” for the point “{point}”."
        case "add":
            return f"Add your own point: “{change.text}”."
        case "marks":
            said = f"{change.marks}" if change.marks else "as the paper printed them"
            return f"Make the marks {said}."
        case _:
            return f"Go back to version {change.version}."


def change_from_form(form: Mapping[str, str]) -> SchemeChange:
    """A change from the editor's form fields (action, point, text, kind, accept: one
    phrasing a line, marks, version); InputError saying which field is wrong."""
    action = form.get("action", "").strip()
    if action not in ACTIONS:
        raise InputError(f"{quote(action)} is not a change the editor makes")
    fields: dict[str, object] = {"action": action}
    for name in ("point", "text"):
        if (value := form.get(name, "").strip()) != "":
            fields[name] = value
    if kind := form.get("kind", "").strip():
        if kind not in KINDS:
            raise InputError(f"the kind must be one of {', '.join(KINDS)}, not {quote(kind)}")
        fields["kind"] = kind
    fields["accept"] = tuple(
        line.strip() for line in form.get("accept", "").splitlines() if line.strip()
    )
    for name, most in (("marks", MAX_MARKS), ("version", None)):
        value = form.get(name, "").strip()
        if not value:
            continue
        if (
            not value.isdigit()
            or int(value) < (0 if name == "version" else 1)
            or (most is not None and int(value) > most)
        ):
            limit = f"from 1 to {most}" if most else "0 or more"
            raise InputError(f"{name}: give a whole number {limit}, not {quote(value)}")
        fields[name] = int(value)
    try:
        return SchemeChange.model_validate(fields)
    except ValidationError as error:
        raise InputError(_said(error)) from None


def pending_edit(text: str) -> SchemeEdit | None:
    """The scheme edit a dry run's form carried, as JSON (``null`` or empty: no edits);
    InputError if it is not one."""
    if text.strip() in ("", "null"):
        return None
    try:
        return SchemeEdit.model_validate_json(text)
    except ValidationError as error:
        raise InputError(f"the pending scheme edit is not one: {_said(error)}") from None


def _with(ids: tuple[str, ...], point: str) -> tuple[str, ...]:
    return ids if point in ids else (*ids, point)


def _without(ids: tuple[str, ...], point: str) -> tuple[str, ...]:
    return tuple(p for p in ids if p != point)


def _phrasing(text: str | None, action: str) -> str:
    phrase = " ".join((text or "").split())
    if not phrase:
        raise InputError(f"write the phrasing to {action}")
    return phrase


def _phrased(
    edit: SchemeEdit, action: str, point: str, phrase: str, added: Mapping[str, TeacherPoint]
) -> SchemeEdit:
    """``phrase`` accepted or rejected for ``point``; a teacher's own point keeps its accepted
    phrasings with it, as the course file does."""
    if action == "accept" and point in added:
        own = added[point]
        grown = own.model_copy(update={"accept": _with(own.accept, phrase)})
        return edit.model_copy(update={"add": tuple(grown if p is own else p for p in edit.add)})
    lists = dict(edit.accept if action == "accept" else edit.reject)
    lists[point] = _with(tuple(lists.get(point, ())), phrase)
    return edit.model_copy(update={action: lists})


def _added(edit: SchemeEdit, change: SchemeChange) -> SchemeEdit:
    text = " ".join((change.text or "").split())
    if not text:
        raise InputError("write the point you want to add")
    point = TeacherPoint(
        text=text,
        kind=change.kind,
        accept=tuple(dict.fromkeys(" ".join(a.split()) for a in change.accept)),
    )
    if teacher_point_id(point) in {teacher_point_id(p) for p in edit.add}:
        raise InputError(f"the scheme already has your point {quote(text)}")
    return edit.model_copy(update={"add": (*edit.add, point)})


def _said(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'the edit'}: {e['msg']}" for e in error.errors()
    )


# -- the layer ----------------------------------------------------------------------------


class SchemeEditor(SchemeEditing):
    """The scheme editor's operations: its page, a change's dry run, applying an edit."""

    def scheme_page(self, question_id: int) -> SchemePage:
        """The question's scheme as the editor shows it, for a teacher or admin who sees the
        question (changeable only by the course's owner or an admin)."""
        if self.user.role == "student":
            raise Forbidden("a question's mark scheme editor is for its teachers")
        found = self.visible_question(question_id)
        edit, family = self._edit_and_family(question_id)
        scheme = self.scheme(question_id).scheme
        points = {p.id: p for p in family_points(family)}
        versions = self.store.teaching.scheme_versions(question_id)
        return SchemePage(
            question=found.question,
            course_title=found.course_title,
            scheme=scheme,
            edit=edit,
            left_out=tuple(LeftOut(point=points[pid], why=why) for pid, why in scheme.left_out),
            versions=tuple(versions),
            changeable=self.may_change(self.store.summary(found.question.course)),
            based_on=versions[-1].version if versions else None,
        )

    def scheme_dry_run(self, question_id: int, change: SchemeChange) -> SchemeDryRun:
        """What ``change`` would make of the question's scheme and its answers' marks;
        nothing is written."""
        found = self.visible_question(question_id)
        self.require_changeable(found.question.course)
        current, family = self._edit_and_family(question_id)
        versions = self.store.teaching.scheme_versions(question_id)
        if change.action == "version":
            asked = [v for v in versions if v.version == change.version]
            if not asked:
                raise InputError(f"question {question_id}'s scheme has no version {change.version}")
            edit = asked[0].edit
        else:
            self._check_named(change, current, family)
            edit = edited(current, change)
        known = {p.id: p.text for p in family_points(family)}
        known |= {teacher_point_id(p): p.text for p in (current or SchemeEdit()).add}
        return SchemeDryRun(
            question=found.question,
            change=change,
            said=described(change, known),
            edit=edit,
            based_on=versions[-1].version if versions else None,
            scheme=self.scheme_for_edit(question_id, edit),
            remarking=self.remark_preview(question_id, edit),
        )

    def apply_pending_edit(
        self, question_id: int, edit: SchemeEdit | None, reason: str, *, based_on: int | None
    ) -> Remarking:
        """Apply a dry run's edit (checked again: it came back from a form) as the scheme's
        next version and re-mark the answers. Refused if the scheme changed after the dry
        run was made (``based_on``: the version it was made against)."""
        found = self.visible_question(question_id)
        self.require_changeable(found.question.course)
        _, family = self._edit_and_family(question_id)
        self._check_edit(edit, family)
        versions = self.store.teaching.scheme_versions(question_id)
        newest = versions[-1].version if versions else None
        if newest != based_on:
            raise InputError(
                f"the scheme changed since this dry run (it is now version {newest}): "
                "open the editor and make the change again"
            )
        # Checked again as it is written: another teacher may apply a change meanwhile.
        return self.apply_scheme_edit(question_id, edit, reason, check_newest=True, newest=based_on)

    def _edit_and_family(self, question_id: int) -> tuple[SchemeEdit | None, QuestionFamily]:
        stored = self.store.family(self.store.question(question_id).question.family)
        question = stored.family.questions[stored.question_ids.index(question_id)]
        return question.scheme, stored.family

    def _check_named(
        self, change: SchemeChange, current: SchemeEdit | None, family: QuestionFamily
    ) -> None:
        """A change names a point of the family's notes, or one of the teacher's own."""
        if change.point is None or change.action in ("add", "marks", "version"):
            return
        own = {teacher_point_id(p) for p in (current or SchemeEdit()).add}
        if change.point not in {p.id for p in family_points(family)} | own:
            raise InputError(f"this question's scheme has no point {quote(change.point)}")

    def _check_edit(self, edit: SchemeEdit | None, family: QuestionFamily) -> None:
        """Every point an edit names is one of the family's or the edit's own."""
        if edit is None:
            return
        known = {p.id for p in family_points(family)} | {teacher_point_id(p) for p in edit.add}
        unknown = sorted({pid for _, pid in edit.point_ids()} - known)
        if unknown:
            raise InputError(
                f"the scheme edit names points this question does not have: {', '.join(unknown)}"
            )
