"""Mark schemes: the points a question credits, how many marks, and the examiner's rules.

``build_scheme(question, family)`` ranks the family's points by how closely they answer
this question's own wording, leaves out points about what a sibling question asks instead
(for "improve industrial output", the agriculture points) and the parts of the notes that
answer a sibling and not this question (``schemes.parts``: the section headed "Morocco." for
the question on the naval race), applies the command word's rule
(a "why" question credits reasons; descriptions earn nothing), then the teacher's edits
(``SchemeEdit``: drop, require, accept a phrasing, add a point, change the marks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from typing import Literal

from pastpaper.bulk import collection_paused
from pastpaper.course import Question, QuestionFamily, SchemeEdit
from pastpaper.language import NOT_CONTENT, stem
from pastpaper.model import Frozen
from pastpaper.schemes.causes import cited_causes, is_cited, not_asked_about
from pastpaper.schemes.definitions import defined_term, defines, defining
from pastpaper.schemes.kinds import singles_out, states_motive
from pastpaper.schemes.parts import (
    claimants,
    frame_verbs,
    headed_as,
    label_asks,
    leads_up,
    named_apart,
    of_other_kind,
    weighs_all,
)
from pastpaper.schemes.parts import clear_caches as clear_parts_caches
from pastpaper.schemes.periods import (
    When,
    Window,
    asked_from,
    asked_until,
    asked_window,
    at_a_time,
    clear_dates,
    is_after,
    named_until,
    notes_date,
    point_date,
    within,
)
from pastpaper.schemes.points import (
    Point,
    PointSource,
    asks_reasons,
    explains_how,
    is_judgement,
    kind_of,
    points_of_notes,
    sentence_spans,
    teacher_point_id,
    worded_kinds,
)
from pastpaper.schemes.sides import (
    Side,
    about_factor,
    contest_of,
    factor_stems,
    finds_fault,
    judged_by,
    labelled_by,
    rivals_in,
    side_of,
    turned_by,
    weighs_someone,
    weighs_success,
)
from pastpaper.schemes.stems import clear_caches as clear_stems
from pastpaper.schemes.stems import content_stems, text_stems
from pastpaper.schemes.terms import names_in
from pastpaper.study.dates import date_label, mentions, two_figure_years, year_before

__all__ = [
    "DEFAULT_MARKS",
    "MarkScheme",
    "SchemePoint",
    "build_scheme",
    "clear_caches",
    "content_stems",
]

#: Marks assumed for a question printed without any; the scheme says it assumed them.
DEFAULT_MARKS = 6

#: What a point must be to earn marks in answer to a question asking for reasons.
CAUSAL_KINDS = frozenset({"reason", "consequence"})

#: Command words whose questions ask for a judgement: points on both sides earn marks.
JUDGEMENT_COMMANDS = frozenset(
    {
        "to what extent",
        "how far",
        "how important",
        "how significant",
        "how successful",
        "how effective",
        "assess",
        "evaluate",
        "discuss",
    }
)

#: Command words whose questions ask what happened or what was done: features and measures.
DESCRIBE_COMMANDS = frozenset({"describe", "in what ways", "outline", "summarise", "identify"})

#: Stems that say a thing did not happen or went wrong: "not", "never", "fail".
_NEGATIONS = frozenset({"not", "never", "fail", "failur", "unabl", "unable", "no"})

#: Command words whose questions weigh what came of something: its results, not its aims.
_RESULT_COMMANDS = frozenset({"how successful", "how effective"})

# A question that asks for the aims or motives themselves ("Describe the aims of ...").
_MOTIVES_ASKED = re.compile(
    r"\b(?:aims?|motives?|motivations?|intentions?|purposes?|hopes?|fears?|goals?|objectives?)\b",
    re.IGNORECASE,
)

#: Command words that ask in what ways something changed or was tried: a measure of the
#: period may bear fruit soon after it ("the last troops went in June 1930" for Stresemann's
#: position "in the years 1924-29"), so its years bound the credit a year later
#: (``_FRUIT_YEARS``), and what a verdict on it weighs is part of the change.
_WAYS_COMMANDS = frozenset({"in what ways"})
_FRUIT_YEARS = 1

# A question that asks how two things differ, and a point that says what they share: "Both
# plant and animal cells have a nucleus", "Rome and Carthage both relied on ...", "X had
# much in common with Y" (not "Plant cells have both a wall and chloroplasts").
_DIFFERENCES = re.compile(
    r"\b(?:differ(?:ed|s)?|differences?|how\s+different|different\s+(?:from|to)|"
    r"contrast(?:ed|s)?)\b",
    re.IGNORECASE,
)  # (not "the different methods used": a plain adjective)
_SHARED = re.compile(
    r"^(?:both\b|[^,;:.]{1,60}\band\b[^,;:.]{1,60}\bboth\b)"
    r"|\bin common\b|\b(?:are|were) (?:alike|similar)\b",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class SchemePoint(Frozen):
    """A point as this scheme treats it."""

    point: Point
    relevance: float
    creditable: bool
    required: bool = False
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()  # phrasings a teacher said do not earn the point
    origin: Literal["notes", "teacher"] = "notes"
    why_not: str | None = None  # why a listed point earns nothing for this question
    # For a question asking for a judgement: does the point support the view it puts
    # ("for") or challenge and limit it ("against")?
    side: Literal["for", "against"] | None = None


class MarkScheme(Frozen):
    question: Question
    max_marks: int
    marks_assumed: bool
    points: tuple[SchemePoint, ...]
    left_out: tuple[tuple[str, str], ...] = ()  # (point id, why it is not eligible)
    rules: tuple[str, ...] = ()
    reference: bool = False  # built from a reference answer, not from a family's notes
    references: tuple[str, ...] = ()  # that reference as given: each acceptable answer

    @property
    def creditable(self) -> list[SchemePoint]:
        return [p for p in self.points if p.creditable]

    def nothing_to_mark(self) -> str | None:
        """Why no answer could earn a mark under this scheme, or None when one could."""
        if self.creditable:
            return None
        if not self.points:
            return "no notes answer it, so its mark scheme has no points"
        return "its mark scheme leaves out every point of its notes"

    def instructions(self) -> str:
        """The scheme as an examiner's marking instructions."""
        year = f"{self.question.year}: " if self.question.year else ""
        assumed = ", assumed: none printed" if self.marks_assumed else ""
        lines = [f"{year}{self.question.text} [{self.max_marks} marks{assumed}]", ""]
        lines += self.rules
        lines += ["", "Candidates may refer to:"]
        if not self.creditable:
            lines.append(
                "  (no points: the notes for this question give none; add the teacher's own in "
                "the course file)"
            )
        sides = {p.side for p in self.creditable} - {None}
        for side in ("for", "against", None):
            items = [p for p in self.creditable if p.side == side]
            if items and sides:
                lines.append(f"  {_SIDE_HEADINGS[side]}")
            for item in items:
                flag = " (required)" if item.required else ""
                lines.append(f"  • {item.point.text}{flag}  [{item.point.id}]")
                lines += [f"      also accept: {phrase}" for phrase in item.accept]
                lines += [f"      do not accept: {phrase}" for phrase in item.reject]
        others = [p for p in self.points if not p.creditable]
        if others:
            lines += ["", "Earns nothing on its own for this question:"]
            lines += [f"  • {p.point.text} ({p.why_not})  [{p.point.id}]" for p in others]
        return "\n".join(lines)


# Every field of a scheme's point from the notes is set: they share one set that says so,
# as points do (``points.note_points``), rather than a set each for pydantic to keep.
_SCHEME_POINT_FIELDS = set(SchemePoint.model_fields)
_SCHEME_FIELDS = set(MarkScheme.model_fields)

_SIDE_HEADINGS = {
    "for": "Supporting the view in the question:",
    "against": "Challenging or limiting it:",
    None: "Either side:",
}


#: A question no teacher has edited the scheme of.
_NO_EDIT = SchemeEdit()


def build_scheme(
    question: Question, family: QuestionFamily, *, reference: bool = False
) -> MarkScheme:
    """The mark scheme for ``question``, one of ``family``'s questions.

    With ``reference`` the notes are a reference answer: every point of it is creditable.
    """
    view = _view(family)
    points, stems, spread, generic = view.points, view.stems, view.spread, view.generic
    asked = content_stems(question.text)
    wanted = asked - generic
    own = set(_themes(question.text))
    words_of: dict[str, str] = {}
    for sibling in family.questions:
        theirs = _themes(sibling.text)
        # Only a sibling that asks about this question's theme and more tells what this
        # one leaves out ("agriculture and industry" beside "industrial output"); one in
        # other words ("achievements in foreign policy" beside "position in Europe") asks
        # the same thing, as the notes that answer both show.
        # (Themes first: a question equal to this one, compared field by field, is rarer.)
        if theirs.keys() & own and sibling is not question and sibling != question:
            words_of.update(theirs)
    # What only a sibling question asks about ("agriculture" for "industrial output"). A
    # question that weighs one cause against all others ("To what extent did foreign help
    # explain the victory?") has every part of the notes for evidence, on one side or the
    # other, whatever its siblings ask.
    elsewhere = set() if weighs_all(question.text) else set(words_of) - own - generic
    only_ours = own - set(words_of)  # what this question alone asks about

    edit = question.scheme or _NO_EDIT
    how = explains_how(question.text)  # "Explain how ...": what was done answers it
    reasons_only = asks_reasons(question.text, question.command_word) and not reference
    # "Why did women fail to win the vote before 1914?": a turn that says they did not ("Yet
    # women did not win the vote before the war") is what the question asks about.
    asks_why_not = bool(text_stems(question.text) & _NEGATIONS)
    judgement = question.command_word in JUDGEMENT_COMMANDS and not reference
    # What the notes themselves name as a cause: "the Schlieffen Plan made a war with
    # Russia into a war with France" makes the point telling of the plan a cause too. The
    # question's own subject is no cause of itself ("the assassination at Sarajevo").
    cited = not_asked_about(view.cited, question.text) if reasons_only else {}
    weighs = _importance_of(question.text) if reasons_only else frozenset()
    # What the question asks the reasons for, in its own words less names and dates: the
    # "abdicated" of "Why did Nicholas II abdicate in March 1917?".
    event = (
        frozenset(asked - generic - content_stems(" ".join(names_in(question.text))))
        - {w for w in asked if w[:1].isdigit()}
        if reasons_only
        else frozenset()
    )
    # The time the question asks about: what the notes date after it came next, and is no
    # cause of it, no part of it and no evidence on it.
    until = None if reference else asked_until(question.text)
    weighs_after = _WEIGHS_WHAT_FOLLOWED.search(question.text) is not None
    if until is not None and weighs_after and at_a_time(question.text):
        # "How important was the fall of Saigon in 1975?": the year dates the event weighed,
        # and what came of it (reunification in 1976) is what the question asks about.
        until = None
    if until is None and reasons_only and not _WEIGHS_WHAT_FOLLOWED.search(question.text):
        # "Why was the Civil Rights Act of 1964 passed?": what came after the Act is none
        # of its causes, though the year only names it. ("Why did the Long March of 1934-35
        # matter?" asks what came of it.)
        until = named_until(question.text)
    if until is not None and question.command_word in _WAYS_COMMANDS:
        # "In what ways did Cavour strengthen Piedmont in the 1850s?": not Prussia's wars
        # of 1866 and 1870.
        until = (until[0] + _FRUIT_YEARS, None)
    # A question asking to describe what happened at a time it names ("the assassination of
    # Julius Caesar on 15 March 44 BC", "Columbus's first voyage in 1492-93") asks about that
    # time: what the notes date before it is the background, not what happened.
    since = None
    if (
        not reference
        and question.command_word in DESCRIBE_COMMANDS - _WAYS_COMMANDS
        and not _RESTS_ON_EARLIER.search(question.text)
    ):
        since = asked_from(question.text)
        named = (
            notes_date(names_in(question.text), family.notes)
            if since is None and until is None
            else None
        )
        if named is not None:
            # "Describe the main features of the Second New Deal" where the notes write "The
            # Second New Deal of 1935": the question names its time by a name the notes date,
            # and asks about that time as if it gave the dates ("the Hundred Days (March to
            # June 1933)" ends in June 1933).
            since, until = named
    # "Describe the differences between plant and animal cells": what both have is none.
    asks_differences = not reference and _DIFFERENCES.search(question.text) is not None
    # "Describe the aims of the Marshall Plan" asks for what the notes give as motives.
    asks_motives = bool(_MOTIVES_ASKED.search(question.text))
    # "What were the consequences of the Munich Putsch?": what came of it, not its causes
    # nor the telling of it.
    results = None if reference or judgement else _results_asked(question, view, family.notes)
    if results is not None:
        reasons_only = False  # ("Explain the effects of the war": results, not causes)
    # "What is meant by inflation?": the points that say what it means, not its causes.
    term = None if reference else defined_term(question.text)
    means = defining([p.text for p in points], term) if term else None
    ranked: list[SchemePoint] = []
    left_out: list[tuple[str, str]] = []
    relevance_of = _relevance(wanted, spread, view.note_stems)
    # "How far was the growth of population the main reason ...?": the parts on other
    # factors are the other side of the argument.
    factor = about_factor(question.text, family.notes) if judgement else None
    # "How far was Koch more important than Pasteur?": what tells of Pasteur argues against.
    rivals = rivals_in(question.text) if judgement else None
    faults = judgement and finds_fault(question.text)  # "a disaster": "failed" argues for it
    success = judgement and weighs_success(question.text)  # "expensive" argues against it
    # "How far was the Catholic threat serious?": "the rising collapsed" argues against it
    contest = contest_of(question.text) if judgement else None
    weighed = factor_stems(question.text) if factor is not None else frozenset()
    # Why each paragraph of the notes answers a sibling question and not this one, if it does.
    elsewhere_notes = (
        [] if reference else _answered_elsewhere(question, family, view.headed, view.note_dates)
    )
    if not reference and not weighs_all(question.text):
        # "Describe the physical causes of the floods": the part that says "human decisions
        # made the floods longer" gives the other kind. (A question weighing one cause
        # against the rest has every kind for evidence.)
        kinds = of_other_kind(question.text, family.notes)
        if any(kinds):
            told = elsewhere_notes or [""] * len(kinds)
            elsewhere_notes = [
                said
                or (
                    f"about {kind} causes or effects, not the kind the question asks"
                    if kind
                    else ""
                )
                for said, kind in zip(told, kinds, strict=True)
            ]
    if elsewhere_notes and all(elsewhere_notes[p.source.note] for p in points):
        # Every paragraph given to a sibling: the notes written under both questions answer
        # this one too, and a scheme with nothing to credit could mark no answer.
        elsewhere_notes = []
    for at, point in enumerate(points):
        words, about = stems[at], view.theme[at]
        if point.id in edit.drop:
            left_out.append((point.id, "dropped by the teacher"))
            continue
        required = point.id in edit.required
        off_topic = about & elsewhere
        # A point is this question's when its own words say so, or its paragraph is about
        # what only this question asks ("Hard engineering means ..." above the dams).
        if off_topic and not reference and not required and not (words & own or about & only_ours):
            about_what = ", ".join(sorted(words_of[stem] for stem in off_topic))
            left_out.append((point.id, f"about {about_what}, not this question"))
            continue
        note = point.source.note
        if 0 <= note < len(elsewhere_notes) and elsewhere_notes[note] and not required:
            left_out.append((point.id, elsewhere_notes[note]))
            continue
        relevance = relevance_of(words, point.source.note)
        why_not = None
        turn = view.turned[at] if reasons_only or judgement else None  # (read by those alone)
        if reasons_only:
            # ("Explain the importance of gold in causing the war": what tells of the gold
            # is what the question weighs, told as a reason or not.)
            cause = (
                point.kind in CAUSAL_KINDS
                or is_cited(point, cited)
                or bool(words & weighs)
                or _leads_to(point, words, event)
            )
            if not cause and not required:
                why_not = f"{point.kind}, not a reason"
            elif (
                turn is not None
                and turn & asked
                and not required
                and not (asks_why_not and turn & _NEGATIONS)
                # ("However, the decisive pressure was financial": a turn to the weightier
                # reason, which answers "why" the more.)
                and not turn & _RANKING
            ):
                # The other side of what the question asks about ("Yet the alliances did
                # not drag every member into war" for why the alliances raised tension):
                # a limit on the cause, not a cause. A turn against another argument of the
                # notes ("Yet the Republic had been breaking down", after Caesar's own
                # conduct) may still be a reason for this question.
                why_not = "the other side of the argument, not a reason"
            # The most direct causes first: those whose own words give the link.
            relevance += _DIRECT if view.direct[at] else 0.0
        elif question.command_word in DESCRIBE_COMMANDS or how:
            # What happened and what was done come first; a verdict on it is for the
            # question that asks how far, and describes nothing.
            verdict = view.verdict[at]
            if view.judgement[at] and not required and not reference:
                why_not = "a judgement, not a feature"
            elif view.motive[at] and not asks_motives and not required and not reference:
                # What was done, not why: a describe question credits the deeds, and the
                # hopes, fears and aims behind them are the answer to "why".
                why_not = "a motive, not what was done"
            elif (
                verdict is not None
                and not verdict & own
                and question.command_word not in _WAYS_COMMANDS
                and not required
            ):
                # A paragraph headed by a verdict ("The gains were real but limited", "The
                # murder was the trigger, not the whole cause") argues it: its points are
                # the judgement's evidence, not what the question asks to describe. Not so
                # where the verdict is the question's own ("It was a compromise in several
                # ways"), nor for a question asking in what ways something changed, which
                # the verdict's evidence tells of too ("The right hated Locarno").
                why_not = "evidence for a judgement, not a feature"
            if not view.direct[at]:
                relevance += _DIRECT
        elif (
            question.command_word in _RESULT_COMMANDS
            and view.motive[at]
            and not asks_motives
            and not required
            and not reference
        ):
            # "How successful was the plan?" weighs what came of it: what its makers hoped
            # or feared is why it was begun, and no evidence of success or failure.
            why_not = "a motive, not what came of it"
        if results is not None and why_not is None and not required:
            why_not = results.not_of(at, point, view, asks_motives)
        if why_not is None and not required and not reference and term is None:
            if view.defines[at]:
                # "Hard engineering means building structures that control the river": what
                # a word means is no way, reason or result; only "what is meant by" asks it.
                why_not = "says what a term means, which the question does not ask"
            elif (
                not judgement
                and _restates(words, asked)
                # ("Railways grew rapidly because they made money": the question's words with
                # the reason it asks for)
                and not (reasons_only and view.direct[at])
            ):
                # "Rivalry between Britain and Germany grew" for "In what ways did rivalry
                # between Britain and Germany grow?": the question's own words earn nothing.
                # (A verdict in the question's words concludes a judgement, and counts.)
                why_not = "restates the question, adds nothing to it"
        if means is not None and at not in means and why_not is None and not required:
            why_not = f"not what {term} means"
        if asks_differences and why_not is None and not required and _SHARED.search(point.text):
            why_not = "says what both share, not how they differ"
        if until is not None and why_not is None and not required:
            date = view.dates[at]
            # (What lasted is how a thing turned out: "Much of Yorkshire was still listed as
            # 'waste' in 1086" for "How successful was William ... in 1067-71?")
            lasted = success and _LASTED.search(point.text) is not None
            if date is not None and is_after(date, until) and not lasted:
                why_not = f"dated {date_label(date[0])}, after the time the question asks about"
        if since is not None and why_not is None and not required:
            why_not = _before(point, view.dates[at], since, view.note_dates)
        # Built without validation, as points are: every field is of its type here, and
        # validating one for each point of each question took a fifth of the schemes' time.
        ranked.append(
            SchemePoint.model_construct(
                _SCHEME_POINT_FIELDS,
                point=point,
                relevance=round(relevance, 3),
                creditable=why_not is None,
                required=required,
                accept=tuple(edit.accept.get(point.id, ())) if edit.accept else (),
                reject=tuple(edit.reject.get(point.id, ())) if edit.reject else (),
                origin="notes",  # every field, in order: made the quickest way
                why_not=why_not,
                side=(
                    side_of(
                        point,
                        family.notes,
                        turn is not None,
                        factor,
                        rivals,
                        faults,
                        weighed,
                        view.labelled[at],
                        success,
                        view.judged[at],
                        contest,
                    )
                    if judgement
                    else None
                ),
            )
        )
    added_ids: set[str] = set()
    for added in edit.add:
        if teacher_point_id(added) in added_ids:
            continue  # the same point added twice counts once
        added_ids.add(teacher_point_id(added))
        text = added.text.strip()
        teacher = Point(
            id=teacher_point_id(added),
            text=text,
            source=PointSource(note=-1, sentence=text, sentence_start=0, start=0, end=len(text)),
            kind=added.kind or kind_of(text),
        )
        ranked.append(
            SchemePoint(
                point=teacher,
                relevance=1.0,
                creditable=True,
                required=teacher.id in edit.required,
                accept=tuple(added.accept),
                reject=tuple(edit.reject.get(teacher.id, ())),
                origin="teacher",
            )
        )
    # Creditable first, most relevant first; ties keep the order of the notes.
    ranked.sort(key=lambda p: (not p.creditable, not p.required, -p.relevance))
    max_marks = edit.marks or question.marks or DEFAULT_MARKS
    # Built without validation too: its question and points are made and checked already,
    # and validating 12,000 schemes took a twentieth of their time.
    return MarkScheme.model_construct(
        _SCHEME_FIELDS,
        question=question,
        max_marks=max_marks,
        marks_assumed=edit.marks is None and question.marks is None,
        points=tuple(ranked),
        left_out=tuple(left_out),
        rules=_rules(
            max_marks,
            "results" if results is not None else _asks(question, reference),
            any(p.required for p in ranked),
            term,
            results.what if results is not None else "",
        ),
        reference=reference,
        references=family.notes if reference else (),
    )


#: The share of a point's own words that, found in the question, make it a restatement.
_RESTATES = 0.6


# A "why" question that asks what came of something: "Why did the Long March matter?", "Why
# was the Act of Union important?", "Why did the crisis of 1923 lead to ...".
_WEIGHS_WHAT_FOLLOWED = re.compile(
    r"(?=[ceilmrs])\b(?:matter\w*|important|importance|significan\w*|impact|effects?|consequences?|"
    r"results?|lead|led|leads)\b",
    re.IGNORECASE,
)


def _restates(words: frozenset[str], asked: set[str]) -> bool:
    """Is a point (its content stems ``words``) mostly the question's own words (``asked``),
    so that it adds nothing an answer could be credited for ("The Second Reform Act went
    further" for "Describe the main features of the Second Reform Act")?"""
    return len(words) >= 2 and len(words & asked) >= _RESTATES * len(words)


def _before(
    point: Point, date: When | None, since: int, note_dates: list[tuple[When, ...]]
) -> str | None:
    """Why a point tells of a time before the one the question asks about, or None: the
    notes date it (``date``) earlier ("Pompey was beaten at Pharsalus in 48 BC"), or every
    date of its paragraph is earlier ("Victory in the civil war left Caesar master of the
    Roman world", in the paragraph on the civil war of 48-45 BC)."""
    if date is not None:
        # (Dated by a part of a decade first, "After the dust storms of the mid-1930s the
        # Resettlement Administration (1935) ...", by a year of the time asked about next.)
        found = [m for m in mentions(point.text) if not m.bounds]
        reaches = (
            bool(found)
            and found[0].decade
            and any((m.end_year or m.year) >= since for m in found[1:])
        )
        return (
            f"dated {date_label(date[0])}, before the time the question asks about"
            if date[0] < since and not reaches
            else None
        )
    note = point.source.note
    dates = note_dates[note] if 0 <= note < len(note_dates) else ()
    if dates and all(year < since for year, _ in dates):
        return "its paragraph tells of a time before the one the question asks about"
    return None


def _answered_elsewhere(
    question: Question,
    family: QuestionFamily,
    headed: list[str | None],
    note_dates: list[tuple[When, ...]],
) -> list[str]:
    """For each paragraph of the family's notes, why it answers a sibling question and not
    this one ("" where it is this question's too): the section on Morocco for the question on
    the crises in Morocco and the Balkans, not for the one on the naval race; the part headed
    "Reason / Detail:" for the question asking why, not for the one asking what happened.
    ``headed`` is what each paragraph's heading says its part gives (``parts.headed_as``),
    ``note_dates`` the dates each paragraph's points give."""
    texts = [q.text for q in family.questions]
    if len(texts) < 2 or question.text not in texts:
        return []
    mine = texts.index(question.text)
    others = [q for q in family.questions if q.text != question.text]
    # What a part headed as reasons, results or a verdict gives is for the sibling that asks
    # for it, and not for this question when it asks for something else.
    wanted = {
        # (A sibling weighing one reason against the rest asks for reasons too: "How far
        # was William's leadership the main reason for the Norman victory?")
        "reasons": question.command_word in DESCRIBE_COMMANDS
        and any(
            asks_reasons(q.text, q.command_word)
            or (q.command_word in JUDGEMENT_COMMANDS and _WEIGHS_REASONS.search(q.text))
            for q in others
        ),
        # (A question weighing success or fault, "To what extent was the crisis a disaster
        # for Britain?", weighs what came of it: results are its evidence too.)
        "results": not _asks_results(question)
        and not (
            question.command_word in JUDGEMENT_COMMANDS
            and (finds_fault(question.text) or weighs_success(question.text))
        )
        and any(_asks_results(q) for q in others),
        "judgement": question.command_word in DESCRIBE_COMMANDS
        and any(q.command_word in JUDGEMENT_COMMANDS for q in others),
    }
    why = [
        f"gives {_HEADED_GIVES[kind]}, which a sibling question asks for"
        if kind is not None and wanted[kind]
        else ""
        for kind in headed
    ]
    owners = claimants(texts, family.notes)
    apart = _told_apart(mine, owners)
    for at, owned in enumerate(owners):
        if mine not in owned and owned & apart:
            why[at] = f"answers {texts[min(owned & apart)]!r}, not this question"
    if not weighs_all(question.text) and not asks_reasons(question.text, question.command_word):
        # A part headed by another name than the one the question asks about, where the
        # notes head a part by that one ("### The Truman Doctrine" beside "### The Marshall
        # Plan", for "How successful was the Marshall Plan?"), is about the other. Not for a
        # question asking why, nor one weighing a cause against the rest: the other may be
        # a cause ("Provisional Government:" beside "Lenin and the Bolsheviks:", for "Why
        # were the Bolsheviks able to seize power?").
        for at, name in enumerate(named_apart(question.text, family.notes)):
            if name is not None and not why[at]:
                why[at] = f"headed {name!r}, which the question does not ask about"
    if question.command_word not in JUDGEMENT_COMMANDS:
        # "Gustav Stresemann became Chancellor on 13 August 1923, at the very worst point of
        # the hyperinflation", above "His first steps, 1923-24:", for "Describe the steps
        # Stresemann took": what leads up to the part the notes give as the answer.
        reasons = asks_reasons(question.text, question.command_word)
        for at, before in enumerate(leads_up(question.text, reasons, family.notes)):
            if before and not why[at]:
                why[at] = "leads up to the part the notes give as the answer"
    if asks_reasons(question.text, question.command_word) or _weighs_a_cause_of(question):
        _told_then(question, others, headed, note_dates, why)
    if question.command_word in DESCRIBE_COMMANDS - _WAYS_COMMANDS:
        # A part labelled by what only a sibling asks about ("Lenin and the Bolsheviks:"
        # beside "Describe the weaknesses of the Provisional Government") describes that.
        # (Not for "in what ways", which asks about means and may find one in such a part:
        # the Marshall Plan, labelled for "why ... the Marshall Plan", contained communism.)
        named = label_asks(question.text, [q.text for q in others], family.notes)
        for at, sibling in enumerate(named):
            if sibling is not None and not why[at]:
                why[at] = f"labelled for {others[sibling].text!r}, not this question"
    return why


def _weighs_a_cause_of(question: Question) -> bool:
    """Does a judgement question weigh one cause of an event against the rest, where the
    cause is not the event itself: "How far was Caesar himself to blame for his
    assassination?" (the account of the stabbing is no evidence of his blame), not "How far
    was the assassination of Franz Ferdinand the main cause of the war?" (whose account is
    the very cause weighed)."""
    if question.command_word not in JUDGEMENT_COMMANDS or not weighs_all(question.text):
        return False
    return weighs_someone(question.text)


# All of time, for a question that names none: any time a sibling names is narrower.
_ALL_TIME: Window = ((-10_000, 1), (10_000, 12))
# The most years a sibling's time may span to be the time of one event ("in 1492-93").
_EVENT_YEARS = 1


def _told_then(
    question: Question,
    others: list[Question],
    headed: list[str | None],
    note_dates: list[tuple[When, ...]],
    why: list[str],
) -> None:
    """A sibling asking to describe what happened at a time narrower than the one this
    question asks why about ("Describe the assassination of Julius Caesar on 15 March 44 BC"
    beside "Explain why Julius Caesar was assassinated in 44 BC") is answered by the
    paragraphs that tell of its time: the account of the event (Casca struck first) is none
    of its causes. The sibling's time must be an event's, two years at most ("in 1492-93"),
    not a period's. A paragraph goes to it when at least two in three of the dates its
    points give fall in that time, and no heading gives it as reasons; ``why`` takes the
    note."""
    asked = asked_window(question.text) or _ALL_TIME
    for sibling in others:
        describes = sibling.command_word in DESCRIBE_COMMANDS - _WAYS_COMMANDS
        theirs = asked_window(sibling.text) if describes else None
        if (
            theirs is None
            or theirs == asked
            or not asked[0] <= theirs[0] <= theirs[1] <= asked[1]
            # (the time of an event, not a period: "in the years 1898-1914" asks how
            # something grew, and the crises of those years may be reasons for this one)
            or theirs[1][0] - theirs[0][0] > _EVENT_YEARS
        ):
            continue
        for at, dates in enumerate(note_dates):
            if why[at] or headed[at] == "reasons" or not dates:
                continue
            if 3 * sum(within(date, theirs) for date in dates) >= 2 * len(dates):
                why[at] = f"tells what happened at the time {sibling.text!r} asks about, not why"


def _leads_to(point: Point, words: frozenset[str], event: frozenset[str]) -> bool:
    """Does the point's sentence go on to tell the very thing a "why" question asks about,
    which the point itself does not ("The generals told Nicholas he had lost the army's
    support and he abdicated")? What a sentence tells just before the event, in one breath
    with it, is what brought it about."""
    if not event or words & event:
        return False
    return bool((text_stems(point.source.sentence) - words) & event)


def _told_apart(mine: int, owners: Sequence[frozenset[int]]) -> set[int]:
    """The questions of a family (by their place) that its notes tell apart from question
    ``mine``: each claims none of some part that ``mine`` claims. Only such a sibling takes
    a part of the notes from it; one that claims every part ``mine`` claims asks the same
    thing in other words ("Explain how waves erode the coastline" beside "Explain the
    processes of coastal erosion")."""
    count = len({q for owned in owners for q in owned} | {mine})
    return {
        other
        for other in range(count)
        if any(mine in owned and other not in owned for owned in owners)
    }


# A state that lasted, told at a later date: "was still listed as waste in 1086".
_LASTED = re.compile(
    r"\b(?:still|remained|for (?:years|decades|generations)|took (?:years|decades|generations))\b",
    re.IGNORECASE,
)
_WEIGHS_REASONS = re.compile(r"\b(?:reasons?|causes?|explains?|why)\b", re.IGNORECASE)

_HEADED_GIVES = {"reasons": "reasons", "results": "results", "judgement": "a verdict"}

# "What were the consequences of the Munich Putsch?", "Describe the effects of the war on
# Russia", "Explain the impact of the Depression on Germany": a question asking what came of
# a thing, named after "of" up to what it fell on ("on Russia", "for Germany").
_RESULTS_OF = re.compile(
    r"\b(?:consequences?|effects?|results?|impact|outcomes?|aftermath)\s+of\s+"
    r"(?P<what>[^?.;:]+?)(?=\s+(?:on|for|upon|to|between|during)\b|\s*[?.;:]|\s*$)",
    re.IGNORECASE,
)
#: Command words whose questions ask why, or weigh: "Why did the crash have such effects?"
#: asks for reasons, whatever it names.
_NOT_RESULTS = frozenset({"why", "account for"}) | JUDGEMENT_COMMANDS


@dataclass(frozen=True)
class _Results:
    """What a question asking for results asks the results of, and where the notes tell it."""

    what: str  # "the Munich Putsch"
    # The first dated point (by its place) that names it, not as what led to something, by
    # its own noun if any does.
    told: int | None
    # When it happened: the question's date for it, or the earliest of the points that name it.
    date: When | None
    background: frozenset[int]  # the paragraphs the notes label as background

    def not_of(self, at: int, point: Point, view: _FamilyView, motives: bool) -> str | None:
        """Why point ``at`` is no result of the thing, or None."""
        if point.source.note in self.background:
            return "background, as the notes label it, not what came of it"
        if view.judgement[at] and not _TELLS_WHAT_IT_DID.search(point.text):
            # "For the West it was a victory of sorts" (not "a propaganda triumph that turned
            # the Germans ... into an ally", which tells what came of it too)
            return "a judgement, not what came of it"
        if view.motive[at] and not motives and not _WORDED_AS_RESULT.search(point.text):
            # ("Henry feared that ... might combine against him, so he spent heavily on
            # coastal forts": what the fear led to is a result)
            return "a motive, not what came of it"
        date = view.dates[at]
        if date is not None and self.date is not None and is_after(self.date, date):
            return f"dated {date_label(date[0])}, before {self.what}: not what came of it"
        if self.told is None or at > self.told:
            return None
        if at == self.told:
            # ("As a result of the failed putsch, Hitler was arrested" tells what came of it.)
            if point.kind == "consequence":
                return None
            return f"tells of {self.what} itself, not what came of it"
        same_paragraph = point.source.note == view.points[self.told].source.note
        dated_no_later = (
            date is not None and self.date is not None and not is_after(date, self.date)
        )
        if point.kind == "reason" or dated_no_later or same_paragraph:
            # Told before the thing itself and dated no later, or given as a reason: the
            # background or a cause ("In 1923 hyperinflation ruined the middle classes");
            # or told in one account with it ("The airlift flew in food ... The blockade
            # was lifted on 12 May 1949").
            return f"told before {self.what}: a cause or the background, not what came of it"
        return None


def _results_asked(
    question: Question, view: _FamilyView, notes: tuple[str, ...]
) -> _Results | None:
    """What a question asks the results of, or None where it asks no such thing."""
    if question.command_word in _NOT_RESULTS or _WHY.search(question.text):
        return None  # ("Explain why the effects of eruptions vary" asks for reasons)
    found = _RESULTS_OF.search(question.text)
    if found is None:
        return None
    what = found["what"].strip()
    named = content_stems(what) - view.generic
    named = {w for w in named if not w[:1].isdigit()}
    # The telling of the thing is dated ("On 8 November 1923 Hitler burst into ... the
    # Munich beer hall"); a point that names it as what led to something is none ("much was
    # sold to the gentry, who thus gained a stake in the break").
    # The thing's own noun names it first ("blockade" of "the Berlin Blockade", not the
    # place; "break" of "the break with Rome"), then any of its words.
    head = content_stems(_HEAD_OF.split(what, maxsplit=1)[0].split()[-1]) & named
    background = frozenset(at for at, note in enumerate(notes) if _BACKGROUND.match(note))
    first = [
        next(
            (
                at
                for at, words in enumerate(view.stems)
                if words & stems
                and view.dates[at] is not None
                and view.points[at].source.note not in background
                and not _WORDED_AS_RESULT.search(view.points[at].text)
            ),
            None,
        )
        for stems in (head, named)
    ]
    if head and first[0] is None and _HEAD_OF.search(what):
        # The thing's own noun is told nowhere with a date ("the defeat of the Armada"): what
        # it is of names another thing ("further armadas in 1596"), which dates nothing. (A
        # name's other words name the thing itself: the "Munich" of "the Munich Putsch".)
        first[1] = None
    told = first[0] if first[0] is not None else first[1]
    if any(m.decade or m.end_year is not None for m in mentions(what)):
        # "the apartheid laws of the 1950s": things of a period, told one by one among what
        # came of them; no one telling of them goes before their results.
        told = None
    # When it happened: the question's date for it, or the earliest the notes give a point
    # that names it ("June 1948", not the "12 May 1949" of "The blockade was lifted").
    dated = [view.dates[at] for at in first if at is not None]
    date = point_date(what) or min(
        (when for when in dated if when is not None),
        key=lambda when: (when[0], when[1] or 0),
        default=None,
    )
    return _Results(what=what, told=told, date=date, background=background)


_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
# Where a thing's name goes on past its own noun: "the break| with Rome", "the seizure| of
# power".
_HEAD_OF = re.compile(r"\s+(?:of|with|in|at|on|for|against|between|by|from|to)\s+")
# A verdict's clause that tells what its subject did: "a triumph that turned ...".
_TELLS_WHAT_IT_DID = re.compile(r"\b(?:that|which|who)\s+(?:\w+ly\s+)?[a-z]+ed\b")
# A point that says what came of something: "thus", "so", "as a result", "which meant".
_WORDED_AS_RESULT = re.compile(
    r"\b(?:thus|therefore|so|hence|consequently|as a result|which meant|led to|leading to)\b",
    re.IGNORECASE,
)
# A paragraph the notes label as what came before: "Background: Castro took power ...".
_BACKGROUND = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\*\*|__)?(?:(?:the\s+)?background|context|(?:long|short)[- ]term\s+"
    r"causes|causes|origins)\b[^:\n]{0,30}:",
    re.IGNORECASE,
)


_RESULTS = re.compile(
    r"(?=[aceiors])\b(?:effects?|results?|consequences?|impact|outcomes?|successful|success|achieve\w*)\b",
    re.IGNORECASE,
)


# "Explain the importance of gold in causing the Boer War", "the significance of ...".
_IMPORTANCE = re.compile(
    r"\b(?:importance|significance|role|part played by)\s+(?:of\s+)?(?P<what>[^?.;]+?)"
    r"\s+(?:in|for|to)\b",
    re.IGNORECASE,
)


def _importance_of(question: str) -> frozenset[str]:
    """The stems of the one thing a question asks the importance of in causing another,
    or none."""
    found = _IMPORTANCE.search(question)
    return frozenset(content_stems(found["what"])) if found else frozenset()


def _asks_results(question: Question) -> bool:
    """Does the question ask what came of something ("How successful was the Marshall
    Plan?", "Describe the effects of the war")?"""
    if question.command_word in _WAYS_COMMANDS and _CHANGED.search(question.text):
        return True  # "In what ways did the railways change Britain?": what came of them
    return question.command_word in {"how successful", "how effective"} or bool(
        _RESULTS.search(question.text)
    )


_CHANGED = re.compile(r"\b(?:change|transform|affect|alter)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _FamilyView:
    """What every scheme of a family needs from its notes, worked out once per family (what
    only some kinds of question read, when the first of them asks)."""

    notes: tuple[str, ...]
    points: list[Point]
    stems: list[frozenset[str]]  # each point's content stems
    theme: list[frozenset[str]]  # the stems of its paragraph's opening sentence
    spread: Counter[str]  # in how many points each stem stands
    generic: set[str]  # stems in most points (Khrushchev, Stalin): they tell nothing
    direct: list[bool]  # does the point's own wording give a reason or a result?
    judgement: list[bool]  # is it a bare verdict ("a real but partial success")?
    defines: list[bool]  # does it only say what a term means?
    # The stems of the verdict that opens the point's paragraph ("The gains were real but
    # limited"), None where the paragraph opens otherwise.
    verdict: list[frozenset[str] | None]
    cited: dict[str, set[str]]  # terms the notes name as causes, and where
    note_stems: list[frozenset[str]]  # for each paragraph, the stems of all of it
    headed: list[str | None]  # for each paragraph, what its part's heading says it gives
    dates: list[When | None]  # each point's date (``_point_dates``)
    note_dates: list[tuple[When, ...]]  # for each paragraph, the dates its points give

    # Read by some kinds of question only (motives by those that describe or weigh what
    # came of something, turns by those that ask why or weigh a judgement, labels by those
    # that weigh one), not by every family's: each the first time one asks, with the
    # cyclic collector paused as for the rest of the view. (A cached property writes past
    # the frozen fields, into the view's own dictionary.)

    @cached_property
    def motive(self) -> list[bool]:
        """Does each point state what someone hoped, feared or aimed at?"""
        with collection_paused():
            return [states_motive(p.text) for p in self.points]

    @cached_property
    def turned(self) -> list[frozenset[str] | None]:
        """The stems of the sentence that turns each point's sentence or paragraph to the
        other side of an argument ("Yet the alliances did not drag ..."), None where none
        does."""
        with collection_paused():
            return turned_by(self.points, self.notes)

    @cached_property
    def labelled(self) -> list[Side | None]:
        """The side the notes' own label ("For:", "Against:") puts each point on, None where
        none."""
        with collection_paused():
            return labelled_by(self.points, self.notes)

    @cached_property
    def judged(self) -> list[Side | None]:
        """The notes' own label of each point as a success or a failure ("### Failures"),
        None where none."""
        with collection_paused():
            return judged_by(self.points, self.notes)


def _view(family: QuestionFamily) -> _FamilyView:
    explains = any(asks_reasons(q.text, q.command_word) for q in family.questions)
    # (A year in two figures before any in four in the notes, "July '49", takes its century
    # from the first year the family's questions name: "... in 1549?")
    asked = next((year for q in family.questions if (year := _four_figure_year(q.text))), None)
    return _family_view(family.notes, explains, asked)


def _four_figure_year(text: str) -> int | None:
    found = _FOUR_FIGURES.search(text)
    return int(found.group()) if found else None


_FOUR_FIGURES = re.compile(r"(?=[12])(?<![\d/.,])[12]\d{3}(?![\d/.,])")


def clear_caches() -> None:
    """Forget the families seen before (for benchmarks that time the work itself)."""
    _family_view.cache_clear()
    clear_parts_caches()
    clear_dates()
    clear_stems()
    _themes.cache_clear()
    _rules.cache_clear()


@lru_cache(maxsize=256)
def _family_view(
    notes: tuple[str, ...], explains: bool, asked_year: int | None = None
) -> _FamilyView:
    # Kept for every scheme of the family: made with the cyclic collector paused, as its
    # points are (``points._notes_points``), and so are its parts read later.
    with collection_paused():
        return _read_family(notes, explains, asked_year)


def _read_family(notes: tuple[str, ...], explains: bool, asked_year: int | None) -> _FamilyView:
    points = points_of_notes(notes, explains)
    stems = [text_stems(p.text) for p in points]
    # What a point's paragraph is about: its opening sentence says it ("In agriculture ...").
    openings = [_opening_sentence(note) for note in notes]
    note_theme = [text_stems(opening) for opening in openings]
    note_stems = [text_stems(note) for note in notes]
    # A verdict that only names what mattered most heads the telling of it, not an argument.
    note_verdict = [
        text_stems(o) if is_judgement(o) and not singles_out(o) else None for o in openings
    ]
    spread = Counter(chain.from_iterable(stems))
    # A point's own wording decides how directly it gives a cause, not its paragraph's.
    direct = [kind in CAUSAL_KINDS for kind in worded_kinds(notes, explains)]
    dates = _point_dates(points, notes, asked_year)
    common = max(2, len(points) * 0.3)  # in more points than this, a stem tells nothing
    return _FamilyView(
        notes=notes,
        points=points,
        stems=stems,
        theme=[note_theme[p.source.note] for p in points],
        spread=spread,
        generic={stem for stem, n in spread.items() if n > common},
        direct=direct,
        judgement=[is_judgement(p.text) for p in points],
        defines=[defines(p.text) for p in points],
        verdict=[note_verdict[p.source.note] if p.source.note >= 0 else None for p in points],
        cited=cited_causes(points, direct) if explains else {},
        note_stems=note_stems,
        headed=headed_as(notes),
        dates=dates,
        note_dates=_note_dates(points, dates, len(notes)),
    )


def _point_dates(
    points: list[Point], notes: tuple[str, ...], asked_year: int | None = None
) -> list[When | None]:
    """Each point's date (``point_date``). A year in two figures ("'62") takes its century
    from the year in four figures the notes name last before the point: in notes on the
    revolutions of 1848, "'48" is 1848; before any, from ``asked_year``, a year the family's
    questions name."""
    dates = []
    for point in points:
        note = point.source.note
        century_from = None
        if two_figure_years(point.text) and 0 <= note < len(notes):
            century_from = year_before(notes, note, point.source.start) or asked_year
        date = point_date(point.text, century_from)
        if date is None and point.source.start > point.source.sentence_start:
            # A later clause of a sentence that opens on its date ("In 1846 it returned and
            # the harvest failed almost completely"): the date is the whole sentence's.
            lead = _LEAD_DATE.match(point.source.sentence)
            date = point_date(lead.group(), century_from) if lead else None
            if date is None:
                # ... or one whose first clause has it: "State of emergency declared on 30
                # March 1960; over 18,000 people detained" (the detentions are of 1960).
                before = point.source.sentence[: point.source.start - point.source.sentence_start]
                date = point_date(before, century_from)
        dates.append(date)
    return dates


# A date that opens a sentence, for all of it: "In 1846", "On 4 August 1914", "In March 1917".
_LEAD_DATE = re.compile(
    r"(?:In|On|During)\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+)?\d{3,4}(?:\s*(?:BC|AD))?(?=[\s,])"
)


def _note_dates(
    points: list[Point], dates: list[When | None], count: int
) -> list[tuple[When, ...]]:
    """For each of ``count`` paragraphs, the dates its points give (``_point_dates``)."""
    found: list[list[When]] = [[] for _ in range(count)]
    for point, date in zip(points, dates, strict=True):
        if date is not None and 0 <= point.source.note < count:
            found[point.source.note].append(date)
    return [tuple(dates) for dates in found]


def _relevance(
    own: set[str], spread: Counter[str], paragraphs: list[frozenset[str]]
) -> Callable[[frozenset[str], int], float]:
    """How much of the question's own wording a point (its stems ``words``), or the rest of
    its paragraph (number ``note`` of the notes, whose stems are ``paragraphs[note]``),
    shares; rarer words count for more. 0 when it shares none: still a point of the family.
    The weights, and the question's words each paragraph uses, are the question's: worked
    out once for all its points."""
    if not own:
        return lambda words, note: 0.0
    weight = {stem: 1.0 / (1 + spread.get(stem, 0)) for stem in own}
    total = sum(weight.values())
    used = [own & paragraph for paragraph in paragraphs]

    def relevance(words: frozenset[str], note: int) -> float:
        direct = sum(map(weight.__getitem__, own & words))
        nearby = sum(map(weight.__getitem__, used[note] - words))
        return (direct + 0.5 * nearby) / total

    return relevance


# What a question may ask to describe at a time that rests on what came before it: "Describe
# the claims of the rivals for the throne in 1066" (a promise of 1051 is one).
_RESTS_ON_EARLIER = re.compile(
    r"\b(?:claims?|causes?|reasons?|origins?|roots?|background|aims?|motives?)\b", re.IGNORECASE
)

# The words of a turn that ranks what it turns to above what came before: "However, the
# decisive pressure was financial", "Yet the real cause was ...".
_RANKING = text_stems("decisive chief crucial real greatest biggest")

#: How much a point that states the link in its own words outranks one that does not.
_DIRECT = 0.25


def _asks(question: Question, reference: bool) -> Literal["reasons", "judgement", "features", ""]:
    """What kind of answer a question's command word asks for, as the scheme's rules tell it
    ("Explain how ..." asks for what was done, as "describe" does)."""
    command_word = question.command_word
    if reference:
        return ""
    if asks_reasons(question.text, command_word):
        return "reasons"
    if command_word in JUDGEMENT_COMMANDS:
        return "judgement"
    describes = command_word in DESCRIBE_COMMANDS or explains_how(question.text)
    return "features" if describes else ""


_ASKED_RULES = {
    "reasons": "Credit reasons: describing what happened earns nothing unless it explains why.",
    "judgement": (
        "Credit points on both sides: those that support the view in the question and those "
        "that challenge or limit it; a conclusion that weighs them is a developed point."
    ),
    "features": (
        "Credit features, events and measures: what happened and what was done. Explaining "
        "why is not needed."
    ),
}


# Most schemes of a course have the same rules: made once, they are one value, kept and sent
# to another process once.
@lru_cache(maxsize=1024)
def _rules(
    max_marks: int, asks: str, required: bool, term: str | None, results_of: str = ""
) -> tuple[str, ...]:
    rules = [
        f"Award 1 mark for each relevant, accurate point, up to a maximum of {max_marks} marks.",
        "A developed point (a point supported by evidence or explained) may earn a second mark.",
        "Credit each point once: repeating it earns nothing more.",
    ]
    if term:
        rules.append(
            f"Credit what {term} means: its causes, examples and figures earn nothing here."
        )
    elif asks == "results":
        rules.append(
            f"Credit results: what came of {results_of}, at once and later. Its causes, and "
            f"an account of {results_of} itself, earn nothing."
        )
    elif asks:
        rules.append(_ASKED_RULES[asks])
    if required:
        rules.append("Full marks need the points marked (required).")
    return tuple(rules)


# A question's themes are read for its own scheme and for each sibling's.
@lru_cache(maxsize=1024)
def _themes(question: str) -> Mapping[str, str]:
    """What a question is about, stem to word: its content words, less names (Khrushchev,
    Soviet Union) and the verbs of its frame ("did Khrushchev introduce", "try to improve");
    a word followed by a preposition, or ending the question, is a noun ("did rivalry
    between", "led ... to war in August")."""
    verbs = frame_verbs(question)
    return {
        stem(word): word
        for word in _WORD.findall(question)
        if word.islower() and word not in NOT_CONTENT and word not in verbs and len(word) > 2
    }


def _opening_sentence(note: str) -> str:
    """The first sentence of a paragraph, which usually says what it is about."""
    spans = sentence_spans(note)
    return note[spans[0][0] : spans[0][1]] if spans else ""
