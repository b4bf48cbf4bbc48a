"""The marker, with the real embedding model: the seed's answers, its rules, its limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.marking import (
    MAX_ANSWER_CHARS,
    Marking,
    mark,
    reference_scheme,
)
from pastpaper.marking.calibration import AnswerModel, Calibration, calibration
from pastpaper.marking.embed import MODEL_SHA256, Embedder, embedder
from pastpaper.marking.evaluate import evaluate, read_marking_set
from pastpaper.marking.judges import ANSWER_FEATURES
from pastpaper.schemes.references import read_reference
from pastpaper.schemes.scheme import MarkScheme, build_scheme

SEED_ANSWERS = SHARED / "data" / "seed-answers.jsonl"


@pytest.fixture(scope="module")
def course(seed_path: Path) -> Course:
    return read_notes(seed_path).course


def scheme_for(course: Course, family: int, question: int) -> MarkScheme:
    chosen = course.topics[0].families[family]
    return build_scheme(chosen.questions[question], chosen)


def marked(answer: str, scheme: MarkScheme) -> Marking:
    return mark(answer, scheme, embedder(), calibration())


def test_the_model_is_the_published_one() -> None:
    assert MODEL_SHA256.startswith("53aa5117")
    vectors = embedder().encode(["Inmates of the gulags were released", "Prisoners were freed"])
    assert vectors.shape == (2, 384)
    assert float(vectors[0] @ vectors[1]) > 0.5


def test_a_changed_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not the model")
    with pytest.raises(Exception, match="is not all-MiniLM-L6-v2 as published"):
        Embedder(tmp_path)


def test_the_seed_answers_are_marked_within_a_mark_on_average(course: Course) -> None:
    rows = read_marking_set(SEED_ANSWERS)
    [result] = evaluate(rows, embedder(), calibration(), course)
    assert result.n == 16
    assert result.mae <= 1.0, result


def test_each_answer_the_examiner_calls_inaccurate_is_flagged(course: Course) -> None:
    rows = [json.loads(line) for line in SEED_ANSWERS.read_text(encoding="utf-8").splitlines()]
    flagged = [r for r in rows if "contradict" in r.get("feedback", "")]
    assert flagged
    family = course.topics[0].families[0]
    for row in flagged:
        question = next(q for q in family.questions if q.text == row["question"])
        result = marked(row["answer"], build_scheme(question, family))
        assert result.inaccuracies, row["answer"]
        assert result.mark == 0


def test_an_inaccuracy_says_what_the_notes_say(course: Course) -> None:
    result = marked("Stalin died in 1960.", scheme_for(course, 0, 2))
    [wrong] = result.inaccuracies
    assert (wrong.answer_says, wrong.notes_say) == ("1960", "1953: “In March 1953 Stalin died”")
    assert wrong.message == "the answer says 1960; the notes say 1953: “In March 1953 Stalin died”"
    assert wrong.span.text == "Stalin died in 1960"
    assert result.mark == 0


def test_only_the_answers_the_examiner_calls_inaccurate_are_flagged(course: Course) -> None:
    # The seed never mentions the Party Congress, yet an answer naming it is not wrong.
    rows = [json.loads(line) for line in SEED_ANSWERS.read_text(encoding="utf-8").splitlines()]
    families = course.topics[0].families
    for row in rows:
        family = next(f for f in families if any(q.text == row["question"] for q in f.questions))
        question = next(q for q in family.questions if q.text == row["question"])
        result = marked(row["answer"], build_scheme(question, family))
        assert bool(result.inaccuracies) == ("contradict" in row.get("feedback", "")), row


def test_true_names_the_notes_leave_out_are_not_inaccuracies(course: Course) -> None:
    answer = "Khrushchev wanted to secure his own position against rivals such as Beria."
    result = marked(answer, scheme_for(course, 1, 0))
    assert result.inaccuracies == ()
    assert result.mark >= 1


def test_credited_points_carry_the_span_that_earned_them(course: Course) -> None:
    answer = "Prisoners were released from the gulags. Censorship was relaxed."
    result = marked(answer, scheme_for(course, 0, 2))
    assert result.mark == 2
    spans = [(c.span.text, c.point_text) for c in result.credited]
    assert spans == [
        ("Prisoners were released from the gulags", "Inmates of the gulags were released"),
        ("Censorship was relaxed", "Censorship was also relaxed"),
    ]
    for credit in result.credited:
        assert answer[credit.span.start : credit.span.end] == credit.span.text
    assert result.marker_version == calibration().marker_version


def test_misspellings_do_not_cost_marks(course: Course) -> None:
    result = marked("Kruschev made a secret speach denouncing Stalin.", scheme_for(course, 0, 2))
    assert result.mark == 1


def test_a_why_question_gives_nothing_for_description(course: Course) -> None:
    answer = "Stalin's statues were taken down. Stalingrad was renamed Volgograd."
    assert marked(answer, scheme_for(course, 1, 1)).mark == 0


def test_an_empty_answer_scores_zero_with_a_message(course: Course) -> None:
    result = marked("   ", scheme_for(course, 0, 2))
    assert (result.mark, result.warnings) == (0, ("the answer is empty: nothing to credit",))


def test_a_very_long_answer_is_marked_up_to_the_limit_with_a_warning(course: Course) -> None:
    answer = "Censorship was relaxed. " + "Blah blah blah. " * 7000
    result = marked(answer, scheme_for(course, 0, 2))
    assert len(answer) > 100_000
    assert result.mark == 1
    assert result.warnings == (
        f"the answer is {len(answer):,} characters long; only the first "
        f"{MAX_ANSWER_CHARS:,} were marked",
    )


def test_one_engine_marks_against_a_reference_answer() -> None:
    scheme = reference_scheme(
        "Explain why the bulb is off.",
        ["The switch is open", "The circuit is not closed"],
        1,
    )
    assert marked("because the switch is open", scheme).mark == 1
    assert marked("the bulb is broken", scheme).mark == 0


def test_references_are_told_apart_by_their_shape() -> None:
    def shape(references: list[str], marks: int = 1) -> str:
        return read_reference(references, marks).shape

    assert shape([]) == "notes"
    assert shape(["Corn syrup is denser."]) == "accepted"
    assert shape(["It is denser.", "It sinks below water."]) == "accepted"
    assert shape(["- denser than water\n- sinks below it"]) == "points"
    assert shape([" ".join(["denser"] * 61)]) == "points"
    assert shape(["Corn syrup is denser than water, so it sinks below it."], 2) == "model"
    assert shape(["It is denser.", "It sinks."], 2) == "points"
    assert shape(["Criterion: says it is denser", "Correct: denser", "Incorrect: lighter"]) == (
        "criteria"
    )


def test_every_judge_was_fitted_on_train_and_development_answers_only() -> None:
    fitted = calibration()
    assert fitted.protocol.startswith("leave one data set out")
    assert {"accepted", "model"} <= set(fitted.judges) <= {"accepted", "phrases", "model"}
    judges: list[Calibration | AnswerModel] = [fitted, *fitted.judges.values()]
    assert all(s.endswith(": train") for s in fitted.fitted_on)
    ours = {"pastpaper-short", "pastpaper-criteria", "pastpaper-model-answer"}
    shared = {"saf-english", "semeval2013-beetle", "semeval2013-scientsbank"}
    assert all(j.fitted_on and set(j.fitted_on) <= ours | shared for j in fitted.judges.values())
    assert all(set(j.features) <= set(ANSWER_FEATURES) for j in fitted.judges.values())
    assert all(len(j.weights) == len(j.features) for j in judges)
    # Each judge keeps its figures on every data set it was held out of.
    assert all(
        any(k.startswith("held_out") for k in j.train_figures) for j in fitted.judges.values()
    )
    # The word pieces' counts ship with the package and come from every train answer.
    assert fitted.answers_counted == fitted.train_figures["answers"]
    assert max(fitted.piece_answers.values()) <= fitted.answers_counted
    assert fitted.piece_answers["the"] > fitted.piece_answers["circuit"] > 0  # "the": common


# A SciEntsBank-like question, written here: one short model answer, one mark.
FLOATING = reference_scheme(
    "Look at the block of wood in the cup of water. What evidence shows that the wood is "
    "less dense than the water?",
    ["The block of wood floats, so the wood is less dense than water."],
    1,
)


def test_a_short_answer_is_judged_on_what_it_says_as_a_whole() -> None:
    right = marked("My evidence is that the wooden block is floating on top.", FLOATING)
    assert right.mark == 1
    assert right.credited[0].span.text == "My evidence is that the wooden block is floating on top"
    assert marked("The wood is brown and it is made of a tree.", FLOATING).mark == 0
    assert marked("It sinks to the bottom of the cup.", FLOATING).mark == 0


SHORT_PARTS = st.sampled_from(
    [
        "The block floats on the water.",
        "It stays on top.",
        "Wood is lighter for its size than water.",
        "The block sank.",
        "The water is in a cup.",
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(SHORT_PARTS, min_size=1, max_size=3), st.sampled_from(["I like football."]))
def test_a_short_answer_gains_nothing_by_padding_or_repetition(
    parts: list[str], padding: str
) -> None:
    answer = " ".join(parts)
    result = marked(answer, FLOATING)
    assert 0 <= result.mark <= 1
    assert marked(answer, FLOATING) == result
    assert marked(f"{answer} {answer}", FLOATING).mark <= result.mark
    assert marked(f"{answer} {padding}", FLOATING).mark <= result.mark
    run_on = answer.rstrip(".").lower()  # said twice with no full stop between
    assert marked(f"{run_on} {run_on}", FLOATING).mark == marked(run_on, FLOATING).mark


ANSWER_PARTS = st.sampled_from(
    [
        "Prisoners were released from the gulags.",
        "Censorship was relaxed.",
        "The KGB lost much of its power.",
        "Stalin's statues were taken down.",
        "Khrushchev liked corn.",
        "The weather in Moscow was cold.",
        "Stalin died in 1960.",
    ]
)
IRRELEVANT = st.sampled_from(
    ["My favourite colour is blue.", "Football is a popular sport.", "The exam was long."]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ANSWER_PARTS, max_size=5), IRRELEVANT)
def test_marks_are_in_range_repeats_earn_nothing_and_padding_never_helps(
    course: Course, parts: list[str], padding: str
) -> None:
    scheme = scheme_for(course, 0, 2)
    answer = " ".join(parts)
    result = marked(answer, scheme)
    assert 0 <= result.mark <= scheme.max_marks
    assert marked(answer, scheme) == result  # the same input, the same Marking
    assert marked(f"{answer} {answer}", scheme).mark == result.mark
    assert marked(f"{answer} {padding}", scheme).mark <= result.mark
    assert len({c.point_id for c in result.credited}) == len(result.credited)


def test_numbers_in_words_and_digits_agree(course: Course) -> None:
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[2], family)
    result = marked("Stalin had ruled the Soviet Union for 25 years.", scheme)
    assert result.inaccuracies == ()


def test_an_answer_pasted_twice_earns_no_more(course: Course) -> None:
    scheme = scheme_for(course, 0, 2)
    answer = "Khrushchev attacked Stalin in a speech. Prisoners were let out of the camps."
    assert marked(f"{answer} {answer} {answer}", scheme).mark == marked(answer, scheme).mark


def test_bullet_points_are_claims_of_their_own(course: Course) -> None:
    answer = "- Prisoners were released from the gulags\n- Censorship was relaxed\n"
    result = marked(answer, scheme_for(course, 0, 2))
    assert [c.span.text for c in result.credited] == [
        "Prisoners were released from the gulags",
        "Censorship was relaxed",
    ]
