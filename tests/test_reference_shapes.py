"""Each shape of reference is marked on the question's own scale (issue 11, part 1).

Questions, references and answers written here for these tests; the real embedding model
and the shipped calibration mark them.
"""

from __future__ import annotations

import pytest

from pastpaper.errors import NothingToMark
from pastpaper.marking import Marking, mark, reference_scheme
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.schemes.references import read_reference


def marked(answer: str, question: str, references: list[str], marks: int = 1) -> Marking:
    return mark(answer, reference_scheme(question, references, marks), embedder(), calibration())


SENATE = ("Which chamber of the United States Congress has 100 members?", ["the Senate"])
JUSTICES = ("How many justices sit on the US Supreme Court?", ["nine", "9"])
ECONOMY = (
    "What kind of economy did the Soviet Union have under Stalin?",
    ["a planned economy", "a socialist economy", "a command economy"],
)
COUNCILLORS = (
    "Why does Northby elect more councillors than Southby?",
    ["its population is larger", "it has more residents"],
)


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        (SENATE, "Senate"),  # the bare phrase
        (SENATE, "the senate"),
        (SENATE, "The Senat"),  # misspelt
        (SENATE, "The Senate, which has two senators from every state."),  # extra detail
        (JUSTICES, "9"),
        (JUSTICES, "There are nine justices."),
        (JUSTICES, "Nine, and they are appointed for life by the president."),
        (ECONOMY, "socialism"),  # another form of the acceptable answer's word
        (ECONOMY, "A command economy run by the state through five-year plans."),
        (ECONOMY, "it was centrally planned"),
        (COUNCILLORS, "Northby has a bigger population"),  # in other words
    ],
)
def test_an_answer_that_gives_an_acceptable_answer_earns_the_mark(
    asked: tuple[str, list[str]], answer: str
) -> None:
    question, references = asked
    assert marked(answer, question, references).mark == 1


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        (SENATE, "the House of Representatives"),
        (SENATE, "the Supreme Court"),
        (JUSTICES, "7"),
        (JUSTICES, "There are twelve of them."),
        (COUNCILLORS, "its mayor is more popular"),
        (COUNCILLORS, "I don't know"),
    ],
)
def test_an_answer_that_gives_none_of_them_earns_nothing(
    asked: tuple[str, list[str]], answer: str
) -> None:
    question, references = asked
    assert marked(answer, question, references).mark == 0


SOUND = ("Which travels faster, sound or light?", ["light travels faster than sound"])
COUNCIL = (
    "Name one thing a local council pays for.",
    ["local services such as libraries, parks and bin collections"],
)
RIVERS = ("What process wears away the banks of a river?", ["erosion"])
BLOOD = ("Which organ pumps blood around the body?", ["the heart"])
PARTITION = (
    "Which part of Ireland stayed in the United Kingdom after 1921?",
    ["Northern Ireland", "the six counties of the north"],
)


@pytest.mark.parametrize(
    ("asked", "answer", "earned"),
    [
        (SOUND, "light is faster", 1),
        (SOUND, "Light. It travels much faster than sound does.", 1),
        (SOUND, "sound travels faster than light", 0),  # the comparison turned round
        (SOUND, "light is slower than sound", 0),
        (COUNCIL, "parks", 1),  # one of the examples the reference gives
        (COUNCIL, "collecting the bins", 1),
        (RIVERS, "the river erodes them", 1),  # another form of the word
        (BLOOD, "the hart", 1),  # a slip that makes another, rarer, word
        (BLOOD, "the lungs", 0),
        (PARTITION, "Northern Ireland", 1),
        (PARTITION, "Southern Ireland", 0),  # the other side of the same place
    ],
)
def test_acceptable_answers_in_other_forms_and_comparisons_turned_round(
    asked: tuple[str, list[str]], answer: str, earned: int
) -> None:
    question, references = asked
    assert marked(answer, question, references).mark == earned


TAXI = (
    "A taxi charges $3 to start plus $2 for every mile. Sam's ride cost $17. How far did "
    "Sam travel?",
    [
        "Criterion: the answer gives a distance of 7 miles",
        "Correct: 7",
        "Correct: Sam travelled 7 miles.",
        "Incorrect: 14",
        "Incorrect: 8.5 miles",
    ],
)
HARBOUR = (
    "Read the passage. 'When the new harbour wall was finished in 1890, fishing boats could "
    "shelter there in winter storms, and the number of families living in Porthleven "
    "doubled within twenty years. The old chapel, too small for them, was pulled down.' Give "
    "one reason, from the passage, why more families came to live in Porthleven.",
    [
        "Scoring criterion: a reason supported by the passage: the new harbour wall let "
        "fishing boats shelter in storms",
        "Examples of correct answers:",
        "- The harbour wall meant boats were safe in winter storms.",
        "- Fishing boats could shelter there.",
        "Examples of incorrect answers:",
        "- The chapel was pulled down.",
        "- It was a pretty village by the sea.",
    ],
)


ALGEBRA = (
    "Expand and simplify 2(a + 6).",
    [
        "Criterion: the answer gives 2a + 12 or an equivalent expression",
        "Correct: 2a + 12",
        "Correct: 12 + 2a",
        "Incorrect: 2a + 6",
        "Incorrect: 6a + 12",
    ],
)


def test_a_scoring_guide_is_read_as_criteria_and_examples() -> None:
    guide = read_reference(HARBOUR[1], 1)
    assert guide.shape == "criteria"
    assert guide.accepted == (
        "The harbour wall meant boats were safe in winter storms.",
        "Fishing boats could shelter there.",
    )
    assert guide.rejected == ("The chapel was pulled down.", "It was a pretty village by the sea.")
    assert guide.criteria[0].startswith("a reason supported by the passage")


@pytest.mark.parametrize(
    ("asked", "answer", "earned"),
    [
        (TAXI, "7 miles", 1),
        (TAXI, "seven", 1),
        (TAXI, "Sam went 7 miles: take off the $3 start and divide by $2 a mile.", 1),
        (TAXI, "14", 0),
        (TAXI, "8.5 miles", 0),
        (TAXI, "It was a long way.", 0),
        (HARBOUR, "Boats could shelter behind the new wall when there were storms.", 1),
        (HARBOUR, "the new harbour wall gave the boats shelter", 1),
        (HARBOUR, "The old chapel was knocked down.", 0),
        (HARBOUR, "It is by the sea.", 0),
        (ALGEBRA, "2a+12", 1),  # a correct example word for word, spaces aside
        (ALGEBRA, "12 + 2A", 1),
        (ALGEBRA, "6a + 12", 0),  # an incorrect example word for word
        (ALGEBRA, "2a+6", 0),
    ],
)
def test_correct_examples_are_accepted_and_incorrect_ones_count_against(
    asked: tuple[str, list[str]], answer: str, earned: int
) -> None:
    question, references = asked
    assert marked(answer, question, references).mark == earned


FIREWALL = (
    "Explain what a firewall does.",
    [
        "A firewall checks the data coming into and going out of a network against a set of "
        "security rules and blocks anything that breaks them, keeping out unauthorised access."
    ],
)


def test_a_model_answer_for_several_marks_is_marked_over_the_whole_scale() -> None:
    question, references = FIREWALL
    full = marked(references[0], question, references, 5)
    said_all = marked(
        "It inspects all the traffic entering or leaving the network, compares it with its "
        "security rules and stops whatever breaks them, so hackers cannot get in.",
        question,
        references,
        5,
    )
    part = marked("It blocks hackers.", question, references, 5)
    wrong = marked("A firewall is a wall that stops a fire spreading.", question, references, 5)
    assert full.mark == 5  # the model answer itself earns every mark
    # All of it in other words earns (nearly) every mark, more than a part of it; nonsense
    # earns nothing.
    assert said_all.mark >= 4
    assert said_all.mark > part.mark >= wrong.mark
    assert wrong.mark <= 1
    assert full.max_marks == said_all.max_marks == 5
    # It still says which of the model answer's clauses were credited and missed.
    assert full.credited and part.missed


def test_a_wrong_fact_earns_nothing_against_a_model_answer_either() -> None:
    question = "Explain what the Dawes Plan did for Germany."
    model = [
        "The Dawes Plan of 1924 lent Germany 800 million gold marks from American banks and "
        "spread its reparations payments over more years."
    ]
    right = marked(
        "The Dawes Plan of 1924 lent Germany 800 million marks from American banks and spread "
        "the reparations over more years.",
        question,
        model,
        5,
    )
    wrong = marked(
        "The Dawes Plan of 1935 lent Germany 9 million marks from American banks and spread "
        "the reparations over more years.",
        question,
        model,
        5,
    )
    assert wrong.inaccuracies
    assert wrong.mark < right.mark


def test_odd_scoring_guides_and_references_are_read_safely() -> None:
    # A hyphenated acceptable answer is no label.
    assert read_reference(["right-wing"], 1).shape == "accepted"
    # A guide with only wrong examples credits nothing: it cannot be marked, and says so.
    with pytest.raises(NothingToMark):
        marked("6", "How many?", ["Incorrect: 6"])
    # Blank references are none; empty examples are dropped.
    assert marked("Paris", "What is the capital of France?", ["Paris", "", "  "]).mark == 1
    guide = read_reference(["Criterion: says 7", 'Correct: ""', "Correct: 7", "-"], 1)
    assert guide.accepted == ("7",)
    # A guide for several marks is earned point by point, not capped at one mark.
    two = read_reference(["Criterion: two causes", "Correct: war debts", "Correct: inflation"], 2)
    assert two.shape == "points"
    assert two.creditable == ("two causes", "war debts", "inflation")
