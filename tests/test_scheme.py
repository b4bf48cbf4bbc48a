"""Mark schemes: which points a question credits, how many marks, and the teacher's edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from pastpaper.course import Course, Question, QuestionFamily, SchemeEdit, TeacherPoint
from pastpaper.errors import InputError
from pastpaper.ingest import dump_course, parse_notes, read_notes
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import DEFAULT_MARKS, build_scheme


def seed(seed_path: Path) -> Course:
    return read_notes(seed_path).course


def family_and_question(
    course: Course, family: int, question: int
) -> tuple[QuestionFamily, Question]:
    chosen = course.topics[0].families[family]
    return chosen, chosen.questions[question]


def test_industrial_output_leaves_out_the_agriculture_points(seed_path: Path) -> None:
    family, industry = family_and_question(seed(seed_path), 2, 0)
    assert "industrial output" in industry.text
    scheme = build_scheme(industry, family)
    texts = [p.point.text for p in scheme.points]
    assert not any("agricultur" in t.lower() for t in texts)
    assert "In agriculture Khrushchev introduced the Virgin Lands scheme" not in texts
    assert (
        "Collective farms would also be amalgamated into gigantic farm cities which would be "
        "economically more efficient" not in texts
    )
    assert {why for _, why in scheme.left_out} == {"about agriculture, not this question"}
    assert "set up 150 regional economic councils (sovnarkhozy)" in texts
    # The question that asks about agriculture too keeps them, and ranks industry first.
    _, both = family_and_question(seed(seed_path), 2, 1)
    both_texts = [p.point.text for p in build_scheme(both, family).points]
    assert "In agriculture Khrushchev introduced the Virgin Lands scheme" in both_texts
    assert len(both_texts) == len(family_points(family))


def test_a_why_question_credits_reasons_and_lists_descriptions_as_earning_nothing(
    seed_path: Path,
) -> None:
    family, why = family_and_question(seed(seed_path), 1, 0)
    scheme = build_scheme(why, family)
    creditable = scheme.creditable
    assert creditable and all(p.point.kind in ("reason", "consequence") for p in creditable)
    shock = next(p for p in scheme.points if p.point.text == "The speech came as a great shock")
    assert (shock.creditable, shock.why_not) == (False, "feature, not a reason")
    # Reasons come first.
    assert [p.creditable for p in scheme.points] == sorted(
        (p.creditable for p in scheme.points), reverse=True
    )
    assert "Credit reasons" in scheme.instructions()


def test_marks_printed_or_assumed(seed_path: Path) -> None:
    family, unmarked = family_and_question(seed(seed_path), 0, 0)
    assert unmarked.marks is None
    scheme = build_scheme(unmarked, family)
    assert (scheme.max_marks, scheme.marks_assumed) == (DEFAULT_MARKS, True)
    assert scheme.instructions().splitlines()[0].endswith("[6 marks, assumed: none printed]")
    _, marked = family_and_question(seed(seed_path), 0, 1)
    assert (build_scheme(marked, family).max_marks, build_scheme(marked, family).marks_assumed) == (
        10,
        False,
    )


def test_instructions_read_like_an_examiners(seed_path: Path) -> None:
    family, question = family_and_question(seed(seed_path), 0, 2)
    text = build_scheme(question, family).instructions()
    lines = text.splitlines()
    assert lines[0] == "2000: Describe the key features of de-Stalinisation. [6 marks]"
    assert "Award 1 mark for each relevant, accurate point, up to a maximum of 6 marks." in lines
    assert any(line.startswith("A developed point") for line in lines)
    assert "Credit each point once: repeating it earns nothing more." in lines
    assert "Candidates may refer to:" in lines
    assert "  • Inmates of the gulags were released  [p18b9d4]" in lines


def test_a_teachers_edits_change_the_scheme(seed_path: Path) -> None:
    family, question = family_and_question(seed(seed_path), 1, 0)
    points = {p.text: p.id for p in family_points(family)}
    protect = points[
        "Khrushchev introduced de-Stalinisation to protect his own position by getting rid of "
        "Stalin’s old supporters in the party"
    ]
    responsible = points["Khrushchev did not want to be held responsible"]
    shock = points["The speech came as a great shock"]
    edited = question.model_copy(
        update={
            "scheme": SchemeEdit(
                marks=8,
                drop=(responsible,),
                required=(protect, shock),
                accept={protect: ("to get rid of Stalin's supporters",)},
                add=(TeacherPoint(text="He needed the party behind his reforms", kind="reason"),),
            )
        }
    )
    scheme = build_scheme(edited, family)
    by_id = {p.point.id: p for p in scheme.points}
    assert (scheme.max_marks, scheme.marks_assumed) == (8, False)
    assert responsible not in by_id and (responsible, "dropped by the teacher") in scheme.left_out
    assert by_id[protect].required and by_id[protect].accept == (
        "to get rid of Stalin's supporters",
    )
    assert by_id[shock].creditable  # required by the teacher, so it counts after all
    added = [p for p in scheme.points if p.origin == "teacher"]
    assert [p.point.text for p in added] == ["He needed the party behind his reforms"]
    assert scheme.points[0].required
    assert "also accept: to get rid of Stalin's supporters" in scheme.instructions()


def test_a_scheme_naming_an_unknown_point_is_reported_with_its_line(
    seed_path: Path, tmp_path: Path
) -> None:
    course = seed(seed_path)
    family, question = family_and_question(course, 1, 0)
    edited_family = family.model_copy(
        update={
            "questions": (
                question.model_copy(update={"scheme": SchemeEdit(drop=("p000000",))}),
                *family.questions[1:],
            )
        }
    )
    topic = course.topics[0]
    families = (topic.families[0], edited_family, topic.families[2])
    broken = course.model_copy(
        update={"topics": (topic.model_copy(update={"families": families}),)}
    )
    path = tmp_path / "course.yaml"
    path.write_text(dump_course(broken), encoding="utf-8")
    line = next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "p000000" in text
    )
    with pytest.raises(InputError) as raised:
        read_notes(path)
    assert (raised.value.line, raised.value.path) == (line, str(path))
    assert "names the point 'p000000', which is not one of this question family's points" in str(
        raised.value
    )


def test_negative_marks_in_a_scheme_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(
        "title: T\ntopics:\n- title: X\n  families:\n  - questions:\n"
        "    - text: Why?\n      scheme:\n        marks: -2\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"line 8: 'marks' should be greater than or equal to 1"):
        read_notes(path)


def test_points_that_answer_the_question_rank_above_background(seed_path: Path) -> None:
    family, industry = family_and_question(seed(seed_path), 2, 0)
    ranked = [p.point.source.note for p in build_scheme(industry, family).points]
    # Paragraphs 1 and 2 are about industry; paragraph 0 about aims and peaceful co-existence.
    about_industry = [i for i, note in enumerate(ranked) if note in (1, 2)]
    background = [i for i, note in enumerate(ranked) if note == 0]
    assert max(about_industry) < min(background)


def test_a_why_question_credits_causes_in_notes_of_its_own() -> None:
    notes = (
        "Title\n\n1: The First World War\n\n2010: Why did war break out in 1914? (10)\n\n"
        "The assassination of Franz Ferdinand triggered the crisis. "
        "The naval race increased tension between Britain and Germany. "
        "Germany wanted to avoid a war on two fronts.\n\n"
        # A paragraph that only tells what happened: a description, not a reason. (Inside
        # a paragraph that explains, a plain statement is read as part of the explanation.)
        "The alliances were signed in 1907. Italy joined the Triple Alliance in 1882.\n"
    )
    course = parse_notes(notes).course
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    credited = {p.point.text for p in scheme.creditable}
    assert credited == {
        "The assassination of Franz Ferdinand triggered the crisis",
        "The naval race increased tension between Britain and Germany",
        "Germany wanted to avoid a war on two fronts",
    }
    described = [p.point.text for p in scheme.points if not p.creditable]
    assert described == [
        "The alliances were signed in 1907",
        "Italy joined the Triple Alliance in 1882",
    ]


def test_a_question_on_what_a_term_means_credits_the_points_that_say_it() -> None:
    notes = (
        "1: Appeasement\n\n2019: What is meant by the term 'appeasement'? (2)\n\n"
        "2018: Why did Chamberlain follow appeasement? (8)\n\n"
        "Appeasement was a policy of giving way to a rival's demands to avoid war. Britain "
        "was not ready to fight in 1938 because it had only begun to rearm. Chamberlain "
        "signed the Munich Agreement in September 1938."
    )
    family = parse_notes(notes).course.topics[0].families[0]
    meaning, why = family.questions
    scheme = build_scheme(meaning, family)
    assert [p.point.text for p in scheme.creditable] == [
        "Appeasement was a policy of giving way to a rival's demands to avoid war"
    ]
    assert {p.why_not for p in scheme.points if not p.creditable} == {"not what appeasement means"}
    assert scheme.rules[-1].startswith("Credit what appeasement means")
    # The sibling "why" question is marked as before: the reasons, not the definition only.
    assert len(build_scheme(why, family).creditable) > 1


FRANCO_PRUSSIAN = "\n".join(
    [
        "The unification of Germany.",
        "",
        "1: Bismarck",
        "",
        "2018: Why did France declare war on Prussia in 1870? (8)",
        "",
        "2020: Describe the results of the Franco-Prussian War. (6)",
        "",
        "Causes:",
        "- France was alarmed by the growth of Prussia after 1866",
        "- Bismarck cut the Ems telegram so it read like an insult",
        "- The southern German states joined Prussia, as Bismarck had hoped",
        "Results:",
        "- 1-2 September 1870: Battle of Sedan, Napoleon III captured with 100,000 men",
        "- 18 January 1871: German Empire proclaimed at Versailles",
        "- 10 May 1871: Treaty of Frankfurt, France lost Alsace and most of Lorraine",
    ]
)


def test_a_label_under_a_list_with_no_blank_line_opens_a_part_of_its_own() -> None:
    """A label ("Results:") straight after the last cause heads the results, as it would after a
    blank line: the question on the results credits them, the question on the causes does not,
    and no point runs on into the label."""
    family = parse_notes(FRANCO_PRUSSIAN).course.topics[0].families[0]
    assert [note.split("\n")[0] for note in family.notes] == ["Causes:", "Results:"]
    why, results = (build_scheme(q, family) for q in family.questions)
    assert [p.point.text[:20] for p in results.creditable] == [
        "1-2 September 1870: ",
        "18 January 1871: Ger",
        "10 May 1871: Treaty ",
    ]
    assert all("Results" not in p.point.text for p in why.creditable)
    assert not any("1871" in p.point.text for p in why.creditable)


def test_a_paragraph_opening_not_everything_was_their_fault_is_the_other_side() -> None:
    notes = "\n\n".join(
        [
            "The Irish Famine.",
            "1: The Famine",
            "2009: How far was the British government responsible for the scale of the "
            "Famine? (10)",
            "The Whig government believed in laissez-faire. It refused to stop the export "
            "of grain from Ireland. The public works paid wages too low to feed a family.",
            "Not everything was the government's fault. The blight was a natural disaster "
            "that no government of the time could have prevented. Many Irish landlords "
            "evicted their tenants.",
        ]
    )
    family = parse_notes(notes).course.topics[0].families[0]
    sides = {
        p.point.text[:24]: p.side for p in build_scheme(family.questions[0], family).creditable
    }
    assert sides == {
        "The Whig government beli": "for",
        "It refused to stop the e": "for",
        "The public works paid wa": "for",
        "Not everything was the g": "against",
        "The blight was a natural": "against",
        "Many Irish landlords evi": "against",
    }


def test_a_clause_after_a_sentences_opening_date_is_dated_by_it() -> None:
    """In "In 1846 it returned and the harvest failed almost completely" the failed harvest
    is of 1846, after the years "before 1845" asks about."""
    notes = "\n\n".join(
        [
            "The Great Famine.",
            "1: Ireland",
            "2011: Describe the conditions of the Irish rural poor before 1845. (6)",
            "Cottiers rented tiny plots, often under an acre, in return for labour. Tenants "
            "had no security and could be evicted at short notice.",
            "In 1846 the blight returned and the harvest failed almost completely. Hunger "
            "weakened people so that typhus spread.",
        ]
    )
    family = parse_notes(notes).course.topics[0].families[0]
    credited = [p.point.text for p in build_scheme(family.questions[0], family).creditable]
    assert "the harvest failed almost completely" not in credited
    assert "Cottiers rented tiny plots, often under an acre, in return for labour" in credited


def test_a_paragraph_opening_on_what_went_wrong_argues_against_a_success() -> None:
    """ "How successful was partition?": notes that open on the suffering and turn ("On the
    other hand, British rule ended peacefully") argue against first and for after the turn."""
    family = (
        parse_notes(
            "India.\n\n1: India\n\n2021: How successful was the partition of India? (8)\n\n"
            "Partition brought terrible suffering. Ten million people crossed the new "
            "borders, and many thousands were killed. On the other hand, British rule ended "
            "peacefully and quickly, and both new states survived."
        )
        .course.topics[0]
        .families[0]
    )
    sides = {
        p.point.text[:24]: p.side for p in build_scheme(family.questions[0], family).creditable
    }
    assert sides == {
        "Partition brought terrib": "against",
        "Ten million people cross": "against",
        "many thousands were kill": "against",
        "On the other hand, Briti": "for",
        "both new states survived": "for",
    }


def test_a_why_not_question_credits_the_turn_that_says_it_did_not_happen() -> None:
    """ "Why did women fail to win the vote before 1914?": the paragraph "Yet women did not
    win the vote ..." is its answer, not the other side (the scheme had no point, and
    `mark` refused every answer)."""
    family = (
        parse_notes(
            "Votes for women.\n\n1: 1897-1914\n\n"
            "2009: Why did women fail to win the vote before 1914? (8)\n\n"
            "By 1914 the NUWSS had more than 50,000 members.\n\n"
            "Yet women did not win the vote before the war. Many men believed that a "
            "woman's place was in the home. The Prime Minister, H. H. Asquith, was firmly "
            "opposed."
        )
        .course.topics[0]
        .families[0]
    )
    credited = [p.point.text for p in build_scheme(family.questions[0], family).creditable]
    assert "Many men believed that a woman's place was in the home" in credited
    assert "The Prime Minister, H. H. Asquith, was firmly opposed" in credited
