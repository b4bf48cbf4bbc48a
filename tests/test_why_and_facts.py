"""Issue 11, parts 4 and 5: 'why' questions credit reasons in any words, and inaccuracies are
precise. Every note and answer here is written for these tests, with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from pastpaper.course import Course, SchemeEdit
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.marking import Marking, mark
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.schemes.scheme import MarkScheme, build_scheme

# Reasons given without "because": as results, fears, conditions. Then a paragraph that only
# tells what happened.
CORN_LAWS = "\n\n".join(
    [
        "The Corn Laws.",
        "1: Free trade",
        "2015: Why did the Corn Laws become unpopular in the 1840s? (6)",
        "Bread stayed dear after 1815, so working families spent half their wages on it. "
        "The poor harvests of 1845 meant hunger in the towns. Manufacturers feared that dear "
        "bread forced them to pay higher wages. The laws were a tax on the many for the "
        "benefit of landowners.",
        "The Anti-Corn Law League was founded in Manchester in 1838. Richard Cobden and John "
        "Bright toured the country. Peel repealed the laws in 1846.",
    ]
)

# Two plans with their own years and numbers.
PLANS = "\n\n".join(
    [
        "Soviet planning.",
        "2: The Five-Year Plans",
        "2010: Describe the Five-Year Plans. (6)",
        "The First Five-Year Plan ran from 1928 to 1932 and concentrated on coal, steel and "
        "oil. The Second Five-Year Plan began in 1933 and built 4,500 new factories. The Third "
        "Five-Year Plan, from 1938, was cut short by the war.",
    ]
)


def scheme_of(notes: str) -> MarkScheme:
    family = parse_notes(notes).course.topics[0].families[0]
    return build_scheme(family.questions[0], family)


def marked(answer: str, scheme: MarkScheme) -> Marking:
    return mark(answer, scheme, embedder(), calibration())


def wrong_names(answer: str, scheme: MarkScheme) -> list[tuple[str, str]]:
    """Each inaccuracy as (what the answer says, the name the notes say instead)."""
    return [(w.answer_says, w.notes_say.split(":")[0]) for w in marked(answer, scheme).inaccuracies]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Course:
    return read_notes(seed_path).course


def test_reasons_without_because_are_creditable_and_the_narrative_is_not() -> None:
    scheme = scheme_of(CORN_LAWS)
    creditable = {p.point.text for p in scheme.creditable}
    assert "Manufacturers feared that dear bread forced them to pay higher wages" in creditable
    assert "The poor harvests of 1845 meant hunger in the towns" in creditable
    described = {p.point.text for p in scheme.points if not p.creditable}
    assert "Peel repealed the laws in 1846" in described
    assert "The Anti-Corn Law League was founded in Manchester in 1838" in described


def test_a_why_answer_in_other_words_earns_and_a_narrative_earns_nothing() -> None:
    scheme = scheme_of(CORN_LAWS)
    reasons = marked(
        "Bread was expensive, so ordinary families had to spend half of their wages on it. "
        "Factory owners were afraid dear bread would push up the wages they paid.",
        scheme,
    )
    story = marked(
        "The Anti-Corn Law League was set up in Manchester in 1838. Cobden and Bright toured "
        "the country, and Peel repealed the laws in 1846.",
        scheme,
    )
    assert reasons.mark >= 2, reasons
    assert story.mark == 0, story


def test_a_year_is_compared_only_with_the_plan_the_claim_is_about() -> None:
    scheme = scheme_of(PLANS)
    right = marked("The Second Five-Year Plan began in 1933 and built 4,500 new factories.", scheme)
    assert right.inaccuracies == ()
    assert right.mark >= 1
    wrong = marked("The Second Five-Year Plan began in 1929.", scheme)
    [flagged] = wrong.inaccuracies
    assert flagged.answer_says == "1929"
    assert flagged.notes_say.startswith("1933")
    assert wrong.mark == 0


def test_a_wrong_number_is_flagged_and_a_right_one_from_another_point_is_not() -> None:
    scheme = scheme_of(PLANS)
    wrong = marked("The Second Five-Year Plan built 9,000 new factories.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["9,000"]
    assert wrong.mark == 0


def test_a_wrong_year_costs_its_point_but_the_sibling_point_still_earns(seed: Course) -> None:
    family = seed.topics[0].families[2]
    scheme = build_scheme(family.questions[1], family)
    result = marked(
        "In 1960 Khrushchev closed down most of the large planning ministries in Moscow, and "
        "he set up 150 regional economic councils (sovnarkhozy).",
        scheme,
    )
    [flagged] = result.inaccuracies
    assert flagged.answer_says == "1960" and flagged.notes_say.startswith("1957")
    credited = [c.point_text for c in result.credited]
    assert "set up 150 regional economic councils (sovnarkhozy)" in credited
    assert not any("ministries" in text for text in credited)
    assert not any(c.developed for c in result.credited)


def test_a_year_the_notes_give_as_that_year_is_checked(seed: Course) -> None:
    family = seed.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    result = marked("Khrushchev made the Secret Speech in 1962.", scheme)
    assert [w.answer_says for w in result.inaccuracies] == ["1962"]
    assert result.mark == 0
    right = marked("Khrushchev made the Secret Speech in 1956.", scheme)
    assert right.inaccuracies == () and right.mark >= 1


def test_a_required_point_is_met_only_by_a_claim_that_makes_it() -> None:
    family = parse_notes(PLANS).course.topics[0].families[0]
    question = family.questions[0]
    plain = build_scheme(question, family)
    third = next(p.point.id for p in plain.points if "Third" in p.point.text)
    edited = question.model_copy(update={"scheme": SchemeEdit(marks=2, required=(third,))})
    scheme = build_scheme(edited, family)
    answer = (
        "The First Five-Year Plan ran from 1928 to 1932 and concentrated on coal, steel and "
        "oil. The Second Five-Year Plan began in 1933 and built 4,500 new factories."
    )
    without = marked(answer, scheme)
    assert without.mark == 1
    assert any("required" in w for w in without.warnings)
    full = marked(answer + " The Third Plan, from 1938, was cut short by the war.", scheme)
    assert full.mark == 2 and not any("required" in w for w in full.warnings)


# Points that deny something, and one that denies only the word after "not".
TREATY = "\n\n".join(
    [
        "The Treaty of Versailles.",
        "3: The peace settlement",
        "2012: Describe the terms of the Treaty of Versailles. (6)",
        "Germany was not invited to the peace talks in Paris. The army was cut to 100,000 men. "
        "The Rhineland was demilitarised, not annexed by France. Germany lost all its "
        "overseas colonies.",
    ]
)


def test_a_claim_saying_the_opposite_of_the_notes_is_an_inaccuracy() -> None:
    scheme = scheme_of(TREATY)
    result = marked("Germany was invited to the peace talks in Paris.", scheme)
    assert result.mark == 0
    [wrong] = result.inaccuracies
    assert "invited" in wrong.answer_says and "the opposite" in wrong.notes_say
    # The same fact with the notes' denial, and a claim agreeing with the word "not" leaves
    # alone, are credited and flag nothing.
    for right in (
        "Germany was not allowed to take part in the peace talks in Paris.",
        "The Rhineland was demilitarised.",
    ):
        result = marked(right, scheme)
        assert result.mark >= 1, right
        assert not result.inaccuracies, right


# A "why" question whose notes end by turning to the other side, and a person the notes say
# is of one faith.
ARMADA = "\n\n".join(
    [
        "Philip II and England.",
        "4: The Spanish threat",
        "2016: Why did Philip II send the Armada against England in 1588? (6)",
        "Philip II wanted to restore the Catholic faith in England. English sailors such as "
        "Drake raided Spanish treasure fleets. Elizabeth sent an army to help the Dutch rebels "
        "in 1585. The execution of Mary, Queen of Scots, a Catholic, in 1587 removed the heir "
        "Philip had hoped would take the throne.",
        "Yet Philip did not attack England straight away. He spent years building the fleet "
        "and waited for the Pope to promise money.",
    ]
)


def test_a_claim_denying_what_the_other_side_of_a_why_scheme_says_earns_nothing() -> None:
    """The notes' "Yet Philip did not attack straight away" is no reason for the Armada, so
    the scheme does not credit it; an answer that says the opposite is still wrong, and its
    claim earns nothing from the reasons it comes close to."""
    scheme = scheme_of(ARMADA)
    assert not any("straight away" in p.point.text for p in scheme.creditable)
    result = marked("Philip attacked England straight away.", scheme)
    assert result.mark == 0
    [wrong] = result.inaccuracies
    assert "the opposite" in wrong.notes_say and "straight away" in wrong.notes_say


def test_a_person_given_the_rival_faith_is_an_inaccuracy() -> None:
    """The notes say Mary, Queen of Scots was a Catholic: an answer that makes her a
    Protestant gets it wrong and earns nothing from that point; one that makes her a
    Catholic is credited and flags nothing."""
    scheme = scheme_of(ARMADA)
    wrong_side = marked("Mary, Queen of Scots, a Protestant, was executed in 1587.", scheme)
    [wrong] = wrong_side.inaccuracies
    assert wrong.answer_says == "Protestant" and wrong.notes_say.startswith("Catholic")
    assert not any("Mary" in c.point_text for c in wrong_side.credited)
    right = marked("Mary, Queen of Scots, a Catholic, was executed in 1587.", scheme)
    assert any("Mary" in c.point_text for c in right.credited)
    assert not right.inaccuracies


# Days of the month, a plane named with a figure, and a race one side led: each point with
# its own date.
SPACE_RACE = "\n\n".join(
    [
        "The space race.",
        "5: Sputnik and after",
        "2018: Describe the main events of the space race in 1957-61. (8)",
        "On 4 October 1957 the Soviet Union launched Sputnik 1, the first artificial "
        "satellite. The United States was far behind in rocketry at first. On 1 May 1960 a "
        "U-2 spy plane was shot down over the Soviet Union. On 12 April 1961 Yuri Gagarin "
        "became the first man in space.",
        "A communications line between the two capitals was opened in 1963 so that the "
        "leaders could speak at once in a crisis.",
    ]
)


def test_a_date_with_the_wrong_day_or_month_is_an_inaccuracy() -> None:
    """A date of "12 October" is not "4 October": the day of the month is compared as part
    of its date, and so is its month; the right date earns and flags nothing."""
    scheme = scheme_of(SPACE_RACE)
    for answer, says in (
        ("On 12 October 1957 the Soviet Union launched Sputnik 1.", "12 October"),
        ("On 4 November 1957 the Soviet Union launched Sputnik 1.", "4 November"),
    ):
        result = marked(answer, scheme)
        [wrong] = result.inaccuracies
        assert wrong.answer_says == says and wrong.notes_say.startswith("4 October"), answer
        assert not any("Sputnik" in c.point_text for c in result.credited), answer
    right = marked("On 4 October 1957 the Soviet Union launched Sputnik 1.", scheme)
    assert not right.inaccuracies and right.mark >= 1


def test_the_figure_of_a_name_is_no_number_and_the_year_is_still_checked() -> None:
    """The "U-2" names a plane: its 2 is no count that makes a claim about that figure, so the
    claim's year is still compared with the point's."""
    scheme = scheme_of(SPACE_RACE)
    result = marked("In 1962 a U-2 spy plane was shot down over the Soviet Union.", scheme)
    assert [w.answer_says for w in result.inaccuracies] == ["1962"]
    assert result.mark == 0


def test_a_statement_turned_round_by_its_opposite_word_is_an_inaccuracy() -> None:
    """Saying "ahead" for "far behind" says the opposite though the model finds the two alike;
    the notes' own word earns."""
    scheme = scheme_of(SPACE_RACE)
    wrong = marked("The United States was ahead in rocketry at first.", scheme)
    assert wrong.mark == 0
    [flagged] = wrong.inaccuracies
    assert "ahead" in flagged.answer_says and "the opposite" in flagged.notes_say
    right = marked("The United States was behind in rocketry at first.", scheme)
    assert right.mark >= 1 and not right.inaccuracies


CRISIS_1789 = "\n\n".join(
    [
        "France.",
        "2: 1789",
        "2005: Why did revolution break out in France in 1789? (10)",
        "Louis XVI had spent heavily supporting the American colonists against Britain. The "
        "tax system itself was deeply unfair. The harvest of 1788 was disastrous. "
        "Royal revenues were inadequate.",
    ]
)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        # the point's word with "not" in its prefix, or a judgement of the other kind
        ("The tax system was fair.", "fair"),
        ("The harvest of 1788 was excellent.", "excellent"),
        ("Royal revenues were adequate.", "adequate"),
        # another king of the same name
        ("Louis XIV had spent heavily supporting the American colonists.", "Louis XIV"),
    ],
)
def test_a_judgement_turned_round_or_another_kings_number_is_an_inaccuracy(
    answer: str, says: str
) -> None:
    result = marked(answer, scheme_of(CRISIS_1789))
    [wrong] = result.inaccuracies
    assert says in wrong.answer_says
    assert result.mark == 0


def test_the_notes_judgement_and_kings_number_earn_their_points() -> None:
    answer = (
        "Louis XVI had spent heavily supporting the American colonists. The tax system was "
        "unfair. The harvest of 1788 was disastrous."
    )
    result = marked(answer, scheme_of(CRISIS_1789))
    assert not result.inaccuracies
    assert result.mark == 3


def test_no_part_of_a_sentence_earns_the_point_its_other_part_got_wrong() -> None:
    """The year is wrong in the sentence's first half; its second half ("so that the leaders
    could speak at once") comes close to the same point, but a point got wrong is not earned
    from the same sentence."""
    notes = SPACE_RACE.replace(
        "2018: Describe the main events of the space race in 1957-61. (8)",
        "2019: In what ways did relations between the superpowers change after 1962? (4)",
    )
    scheme = scheme_of(notes)
    result = marked(
        "A communications line was opened in 1968 so that the leaders could speak at once.", scheme
    )
    [wrong] = result.inaccuracies
    assert wrong.answer_says == "1968"
    assert not any("communications" in c.point_text for c in result.credited)
    assert result.mark == 0


def test_a_right_answer_in_other_words_is_no_opposite() -> None:
    """Only a claim that says the point's own words with one turned round is the opposite:
    a victory over a fleet is its defeat, few who supported is many who opposed, and "far
    from ahead" is behind."""
    notes = "\n\n".join(
        [
            "The Armada.",
            "6: 1588",
            "2017: Describe the Armada's defeat. (6)",
            "The defeat of the Armada in 1588 made Elizabeth more popular. Many English "
            "Catholics opposed the Spanish invasion. England was far behind Spain in troops.",
        ]
    )
    scheme = scheme_of(notes)
    for answer in (
        "The victory over the Armada in 1588 made Elizabeth more popular.",
        "Few English Catholics supported the Spanish invasion.",
        "England was far from ahead of Spain in troops.",
    ):
        result = marked(answer, scheme)
        assert not any("opposite" in w.notes_say for w in result.inaccuracies), answer


def test_a_day_in_a_range_or_a_pair_of_days_is_that_date() -> None:
    """The days "9 and 10 November", "November 9-10" and "the 10th of November" are the
    notes' date; "19 November" is not."""
    notes = "\n\n".join(
        [
            "Nazi Germany.",
            "7: Persecution",
            "2016: Describe Kristallnacht. (4)",
            "On 9 and 10 November 1938 the Nazis attacked Jewish shops and synagogues.",
        ]
    )
    scheme = scheme_of(notes)
    for answer in (
        "On 9 November 1938 the Nazis attacked Jewish shops and synagogues.",
        "On the 10th of November 1938 the Nazis attacked Jewish shops and synagogues.",
        "On November 9-10 1938 the Nazis attacked Jewish shops and synagogues.",
    ):
        result = marked(answer, scheme)
        assert not result.inaccuracies and result.mark >= 1, answer
    wrong = marked("On 19 November 1938 the Nazis attacked Jewish shops.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["19 November"]


def test_a_count_is_not_compared_with_a_share_and_a_wrong_share_still_is() -> None:
    """ "The first two estates" counts estates, where the notes give the third estate's share
    of the people ("97%"): no inaccuracy. A share given wrong is one."""
    notes = "\n\n".join(
        [
            "France before 1789.",
            "1: The old regime",
            "2010: Why did the Third Estate resent the old regime? (6)",
            "The Third Estate, about 97% of the population, resented the privileges of the "
            "clergy and the nobles, because it paid almost all the taxes.",
        ]
    )
    scheme = scheme_of(notes)
    right = marked(
        "The Third Estate, 97% of the people, resented the privileges of the first two estates.",
        scheme,
    )
    assert not right.inaccuracies and right.mark >= 1
    wrong = marked("The Third Estate was about 60% of the population.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["60"]


def test_a_wrong_share_beside_a_count_is_still_wrong() -> None:
    from pastpaper.marking.inaccuracies import contradiction
    from pastpaper.schemes.points import note_points

    [point] = note_points("The Third Estate, about 97% of the population, paid the taxes.", 0)
    wrong = contradiction("The Third Estate, 60% of the 26 million people, paid the taxes", point)
    assert wrong is not None and wrong[0] == "60"
    assert (
        contradiction("The Third Estate, 97% of the 26 million people, paid the taxes", point)
        is None
    )


def test_a_share_in_words_is_a_share() -> None:
    from pastpaper.marking.inaccuracies import contradiction
    from pastpaper.schemes.points import note_points

    [point] = note_points(
        "In Mississippi black voter registration rose from 6.7% in 1964 to nearly sixty per "
        "cent by 1968.",
        0,
    )
    said = "In Mississippi black voter registration rose to nearly 60% by 1968"
    assert contradiction(said, point) is None
    wrong = contradiction("In Mississippi black voter registration rose to 30% by 1968", point)
    assert wrong is not None and wrong[0] == "30"


ROUNDED_NOTES = (
    "Unemployment fell from about 12.8 million (roughly 25 per cent) in 1933 to 7.7 million "
    "(around 14 per cent) in 1937."
)


@pytest.mark.parametrize(
    ("claim", "wrong"),
    [
        # An amount rounded as answers round it is the notes' amount.
        ("Unemployment fell from about 13 million in 1933 to under 8 million by 1937", None),
        ("Unemployment fell from 12.8 million in 1933 to 7.7 million in 1937", None),
        ("Unemployment fell to about 8 million in 1937, some 14 per cent", None),
        # An amount too far from the notes' to be a rounding of it is wrong.
        (
            "Unemployment fell from about 20 million in 1933 to 5 million by 1937",
            "20 million and 5 million",
        ),
        (
            "Unemployment fell from 12 million in 1933 to 7 million in 1937",
            "12 million and 7 million",
        ),
        ("Unemployment fell to about 10 per cent in 1937", "10"),
    ],
)
def test_a_rounded_amount_is_no_wrong_figure(claim: str, wrong: str | None) -> None:
    """ "About 13 million" for the notes' 12.8 million is right, as an examiner reads it:
    an amount rounded to its own last figure, by less than a tenth. "12 million" is not 12.8
    million rounded, and "10 per cent" is too far from 14 per cent."""
    from pastpaper.marking.inaccuracies import contradiction
    from pastpaper.schemes.points import note_points

    [point] = note_points(ROUNDED_NOTES, 0)
    found = contradiction(claim, point)
    assert (found[0] if found else None) == wrong


@pytest.mark.parametrize(
    ("text", "lead", "subject"),
    [
        ("In the late 1930s farmers suffered", "In the late 1930s", "farmers"),
        ("In the summer of 1917 workers struck", "In the summer of 1917", "workers"),
        ("From 1933 to 1939 unemployment fell", "From 1933 to 1939", "unemployment"),
        ("Under Stalin's rule peasants starved", "Under Stalin's rule", "peasants"),
        ("In agriculture output rose", "In agriculture", "output"),
    ],
)
def test_a_subject_after_a_lead_with_no_comma(text: str, lead: str, subject: str) -> None:
    from pastpaper.schemes.clauses import parse_clause

    clause = parse_clause(text)
    assert clause is not None and (clause.lead, clause.subject) == (lead, subject)


# Terse notes in the shorthands students write: "w/o", "govt", "b/c", "w/".
SHORTHAND_NOTES = "\n\n".join(
    [
        "The General Strike.",
        "7: 1926",
        "2014: Describe the General Strike of 1926. (6)",
        "- TUC called off the strike w/o winning any guarantee for the miners.",
        "- Govt had stockpiled coal b/c it expected a strike.",
        "- Volunteers w/ cars kept the buses running.",
    ]
)


def test_a_shorthand_in_the_notes_means_its_word() -> None:
    """The notes' "w/o winning" is "without winning": an answer saying so in full is
    credited, not flagged as saying the opposite; an answer that turns it round is flagged.
    The point still shows the notes as written."""
    scheme = scheme_of(SHORTHAND_NOTES)
    right = marked(
        "The TUC called off the strike without winning any guarantee for the miners.", scheme
    )
    assert not right.inaccuracies
    assert [c.point_text for c in right.credited] == [
        "TUC called off the strike w/o winning any guarantee for the miners"
    ]
    wrong = marked(
        "The TUC called off the strike after winning a guarantee for the miners.", scheme
    )
    assert any("the opposite" in w.notes_say for w in wrong.inaccuracies)


def test_shorthands_count_as_their_words_when_words_are_compared() -> None:
    """ "Govt" and "b/c" read as "government" and "because" wherever words are compared; the
    notes' text is not rewritten."""
    from pastpaper.marking.features import negated
    from pastpaper.schemes.scheme import content_stems

    assert content_stems("Govt stockpiled coal") == content_stems("The government stockpiled coal")
    assert negated("troops sent w/o a vote") and not negated("troops sent w/ a vote")
    scheme = scheme_of(SHORTHAND_NOTES)
    assert "Govt had stockpiled coal b/c it expected a strike" in [
        p.point.text for p in scheme.points
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Govt stockpiled coal", "Government stockpiled coal"),
        ("GOVT and PPL", "Government and People"),  # (capitals: as "Govt" is read)
        ("the gov\u2019t fell w/in 3 yrs", "the government fell within 3 years"),
        ("sent w/o a vote, w/ tanks", "sent without a vote, with tanks"),
        ("w/out a vote", "w/out a vote"),  # no shorthand of ours: left as written
        ("the shdow cabinet, ppl's votes", "the shdow cabinet, ppl's votes"),
        # A long s, which the pattern matches as "s" (it once failed on it):
        ("Wd the \u017fhd ships sail?", "Would the should ships sail?"),
        ("Nothing shortened here.", "Nothing shortened here."),
    ],
)
def test_shorthands_are_read_wherever_they_stand(text: str, read: str) -> None:
    """Every shorthand is written out in ASCII text and in text with other letters, in any
    case, and nothing else is changed (the quick look for one agrees with the pattern)."""
    from pastpaper.language import _SHORTHAND, _written_out, spelt_out

    assert spelt_out(text) == read == _SHORTHAND.sub(_written_out, text)


# Dates written in figures, day first, as terse notes write them.
DATED_NOTES = "\n\n".join(
    [
        "Medieval revolts.",
        "8: The Peasants' Revolt",
        "2013: Describe the events of the Peasants' Revolt. (6)",
        "On 14/06/1381 Richard II met the rebels at Mile End.",
        "The Statute of Labourers had fixed wages at their old level.",
    ]
)


def test_a_date_in_figures_is_compared_as_one_date_and_said_as_written() -> None:
    """The notes' "14/06/1381" is 14 June 1381: the wrong year or the wrong day is an
    inaccuracy that quotes the date as the notes write it, and the right date in words
    earns the point and flags nothing."""
    scheme = scheme_of(DATED_NOTES)
    for answer, says in (
        ("On 14 June 1380 Richard II met the rebels at Mile End.", "1380"),
        ("On 15 June 1381 Richard II met the rebels at Mile End.", "15 June"),
    ):
        result = marked(answer, scheme)
        [wrong] = result.inaccuracies
        assert wrong.answer_says == says, answer
        assert wrong.notes_say == (
            "14/06/1381: “On 14/06/1381 Richard II met the rebels at Mile End”"
        ), answer
        assert result.mark == 0, answer
    right = marked("On 14 June 1381 Richard II met the rebels at Mile End.", scheme)
    assert not right.inaccuracies and right.mark >= 1


def test_the_year_of_a_modern_date_in_figures_is_a_year() -> None:
    """ "4/8/1914" holds the year 1914: an answer giving 1915 gets it wrong, and the notes'
    side says the whole date."""
    notes = DATED_NOTES.replace(
        "On 14/06/1381 Richard II met the rebels at Mile End.",
        "Britain declared war on Germany on 4/8/1914.",
    )
    result = marked("Britain declared war on Germany in 1915.", scheme_of(notes))
    [wrong] = result.inaccuracies
    assert wrong.answer_says == "1915"
    assert wrong.notes_say.startswith("4/8/1914: ")


def test_not_doing_a_thing_is_no_opposite_of_being_exempt_from_it() -> None:
    """Notes that say in one word ("exempt from", "spared", "without") what "did not" says:
    an answer that puts it with "not" says the same, and is not flagged as the opposite."""
    notes = "\n\n".join(
        [
            "Tudor taxes.",
            "3: Taxation",
            "2019: Why did the poor resent the tax of 1523? (6)",
            "The poor paid the most because the great lords were exempt from the subsidy.",
        ]
    )
    result = marked("The great lords did not pay the subsidy.", scheme_of(notes))
    assert not any("opposite" in w.notes_say for w in result.inaccuracies)
    turned = marked("The great lords paid the subsidy in full.", scheme_of(notes))
    assert turned.mark <= result.mark


def test_a_denial_the_notes_make_too_is_no_opposite_of_another_point() -> None:
    """A claim put with "not" may come closest to a point that states the thing plainly
    ("He wanted an annulment"), while the notes deny it elsewhere, as the claim does: the
    answer agrees with the notes and is not flagged."""
    paragraph = (
        "Henry believed he needed a son to secure the Tudor dynasty. Henry had fallen in love"
        " with Anne Boleyn. He wanted an annulment so that he could marry her. Pope Clement"
        " VII would not grant the annulment because Rome had been sacked in 1527. The Pope"
        " was under the control of Charles V, Catherine's nephew."
    )
    head = [
        "Tudor notes.",
        "1: The break with Rome",
        "2003: Why did Henry VIII break with Rome? (10)",
    ]
    answer = (
        "Henry wanted a son and the Pope, controlled by Charles V, would not annul his marriage."
    )
    result = marked(answer, scheme_of("\n\n".join([*head, paragraph])))
    assert not any("opposite" in w.notes_say for w in result.inaccuracies)
    # Where no note denies it, the denial is still the opposite of the notes.
    alone = paragraph.replace("Pope Clement VII would not grant the annulment", "Rome was sacked")
    flagged = marked(answer, scheme_of("\n\n".join([*head, alone])))
    assert any("opposite" in w.notes_say for w in flagged.inaccuracies)


def test_a_peoples_adjective_and_a_number_in_words_are_the_notes_facts() -> None:
    """ "the French wars" says what "the wars with France" says, and "two and a half
    million" is 2,500,000: neither is flagged as a fact the notes get otherwise."""
    head = ["Notes.", "1: Two topics", "2003: Why did the Crown need money? (10)"]
    notes = "\n\n".join(
        [
            *head,
            "The Church owned about a quarter of the land in England and the Crown was short of"
            " money after the wars with France. About 2,500,000 died.",
        ]
    )
    scheme = scheme_of(notes)
    assert marked("The Crown was short of money after the French wars.", scheme).inaccuracies == ()
    deaths = marked("Around two and a half million people died in the famine.", scheme)
    assert deaths.inaccuracies == ()
    assert marked("Around two million people died in the famine.", scheme).inaccuracies


def test_a_figure_inside_a_range_the_notes_give_is_right() -> None:
    head = ["Notes.", "1: The Black Death", "2011: Describe the effects of the Black Death. (4)"]
    scheme = scheme_of("\n\n".join([*head, "- England's pop. fell from c. 5m to approx. 2.5-3m"]))
    inside = marked("England's population fell from c. 5m to approx. 2.5m.", scheme)
    assert inside.inaccuracies == () and inside.mark == 1
    outside = marked("England's population fell from c. 5m to approx. 1.5m.", scheme)
    assert [w.answer_says for w in outside.inaccuracies] == ["1.5m"]


def test_a_change_from_one_figure_to_another_is_no_range() -> None:
    head = ["Notes.", "1: The slump", "2011: Describe the slump in Germany. (4)"]
    scheme = scheme_of("\n\n".join([*head, "- Unemployment rose from 2 to 6 million by 1932."]))
    wrong = marked("Unemployment rose from 2 to 4 million by 1932.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["4 million"]


def test_early_spans_apostrophe_years_and_less_are_read_as_the_notes_mean_them() -> None:
    head = ["Notes.", "1: Topic", "2003: Why did the peasants revolt in 1381? (10)"]
    plague = scheme_of(
        "\n\n".join([*head, "The Black Death of 1348-50 killed a third of the population."])
    )
    said = marked("The Black Death of 1348-1350 killed about a third of the people.", plague)
    assert said.inaccuracies == () and said.mark >= 1
    famine = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Famine",
                "2017: Why did so many die in the Irish Famine? (8)",
                '- Winter of 1846-7 = "Black \'47": thousands died of hunger.',
            ]
        )
    )
    assert marked("Thousands died of hunger in the winter of Black '47.", famine).inaccuracies == ()
    results = ["Notes.", "1: Topic", "2006: What were the results of the Peasants' Revolt? (6)"]
    statute = scheme_of(
        "\n\n".join(
            [
                *results,
                "The government did not enforce the Statute of Labourers as harshly after 1381.",
            ]
        )
    )
    softer = marked("After 1381 the Statute of Labourers was enforced less harshly.", statute)
    assert softer.inaccuracies == ()


def test_a_claim_earns_a_point_by_what_it_says_not_by_its_linking_words() -> None:
    """Below plain sameness of meaning a claim must share some of a point's content; "because"
    and "some" are no content: a vague claim is not told it made a point it never made."""
    head = ["Notes.", "1: The rising", "2003: Why did the peasants rise in 1381? (10)"]
    dues = scheme_of(
        "\n\n".join(
            [
                *head,
                "Peasants resented the labour dues because their lords still demanded work on "
                "the demesne. The third poll tax was the spark.",
            ]
        )
    )
    vague = marked("The peasants were angry because of taxes.", dues)
    assert "labour dues" not in " ".join(c.point_text for c in vague.credited)
    plague = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: The plague",
                "2019: What was the impact of the Black Death on the peasants? (10)",
                "- Too few labourers -> peasants asked for better pay (half as much again in "
                "some villages)",
            ]
        )
    )
    assert marked("Peasants were angry and some of them rebelled later on.", plague).credited == ()


def test_no_thing_is_what_its_abolition_says() -> None:
    """An answer's "no X" is no opposite of the notes' "the abolition of X": one word can say
    "not" (trial 13)."""
    tithes = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Reform",
                "2004: Describe the main demands of the reformers. (4)",
                "They called for the abolition of church tithes on farmers and for cheaper "
                "courts, so that small tenants could keep more of their harvest.",
            ]
        )
    )
    said = marked("There should be no church tithes on farmers.", tithes)
    assert said.inaccuracies == () and said.mark == 1


def test_two_figures_of_one_sentence_in_figures_are_not_crossed() -> None:
    """The notes' "seven million" is the answer's "7 million", whichever of the sentence's
    points the answer's half comes closest to."""
    scheme = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: The appeal",
                "2009: Why did the appeal of 1851 fail? (4)",
                "The appeal of 1851 boasted nearly seven million names, but barely three million "
                "proved to be real, and it held joke names such as the Duke of Wellington, "
                "which made the whole campaign a laughing stock.",
            ]
        )
    )
    said = marked(
        "The 1851 appeal boasted nearly 7 million names but barely 3 million were real.", scheme
    )
    assert said.inaccuracies == () and said.mark >= 2


def test_a_name_is_compared_with_the_names_of_the_point_the_claim_restates() -> None:
    """A claim that "the USSR threatened rockets" restates the sentence's half on the Soviet
    Union, not its half on the USA: it names no one in the USA's place."""
    scheme = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Pressure",
                "2007: Describe how other powers reacted to the landings in 1956. (4)",
                "The USA denounced the landings and refused to prop up sterling, and the Soviet "
                "Union threatened missile attacks on London and Paris.",
            ]
        )
    )
    said = marked(
        "The USA denounced the landings, and the USSR threatened missile attacks on London "
        "and Paris.",
        scheme,
    )
    assert said.inaccuracies == ()
    assert "The USA denounced the landings" in [c.point_text for c in said.credited]


def test_the_years_of_the_question_said_back_are_no_wrong_year() -> None:
    """An answer that frames itself with the question's own years gets no point's year wrong."""
    scheme = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Hus",
                "2004: Describe how the Council dealt with Hus between 1412 and 1415. (4)",
                "In 1414 the Council of Constance summoned Hus under a promise of safe conduct.",
                "In 1415 Hus was tried and burned at the stake.",
            ]
        )
    )
    said = marked("Between 1412 and 1415 the Council dealt harshly with Hus.", scheme)
    assert said.inaccuracies == ()


def test_a_name_put_in_place_of_the_notes_name_is_wrong_however_near_in_meaning() -> None:
    """A name the notes never use in place of theirs ("Mussolini" for "Hitler") is an
    inaccuracy even when the claim is near the point in meaning (similarity 0.9, trial 13)."""
    scheme = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Suez",
                "2012: Why did Eden act against Nasser in 1956? (4)",
                "Eden likened Nasser to Hitler and thought giving way to him would repeat the "
                "mistake of the 1930s.",
            ]
        )
    )
    wrong = marked("Eden likened Nasser to Mussolini.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["Mussolini"]
    assert wrong.credited == ()


def test_the_notes_figure_in_another_unit_is_a_wrong_figure() -> None:
    """An answer's "60 cm a year" where the notes say "60 mm" is a wrong figure, and the
    point is not earned; the notes' own unit is right (trial 14)."""
    scheme = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: Plates",
                "2018: Describe the causes of the Kobe earthquake. (3)",
                "The Philippine plate slides under the Eurasian plate at about 60 mm a year.",
            ]
        )
    )
    wrong = marked(
        "The Philippine plate slides under the Eurasian plate at about 60 cm a year.", scheme
    )
    assert [w.answer_says for w in wrong.inaccuracies] == ["60 cm"] and wrong.mark == 0
    right = marked(
        "The Philippine plate slides under the Eurasian plate at about 60 mm a year.", scheme
    )
    assert right.inaccuracies == () and right.mark == 1


BILL_NOTES = "\n\n".join(
    [
        "Civil rights.",
        "3: The Civil Rights Act",
        "2019: Why was the Civil Rights Act passed? (6)",
        "Kennedy proposed a civil rights bill in June 1963. After his death Lyndon Johnson "
        "used his skill with Congress to get it passed. The March on Washington put "
        "pressure on Congress.",
    ]
)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        # Someone the notes never name does what the point has its own name do.
        ("President Nixon proposed the bill in 1963.", "Nixon"),
        # The notes' own name, another of its forms, or someone doing something else: no
        # inaccuracy.
        ("President Kennedy proposed the bill in 1963.", None),
        ("JFK proposed the bill in 1963.", None),
        ("Congressman Celler backed the bill that Kennedy proposed in 1963.", None),
    ],
)
def test_a_deed_given_to_someone_else_is_an_inaccuracy(answer: str, says: str | None) -> None:
    """ "President Nixon proposed the bill" gets the notes' "Kennedy proposed a civil rights
    bill" wrong, and earns nothing for it; the notes' own name earns the point."""
    result = marked(answer, scheme_of(BILL_NOTES))
    wrong = [w.answer_says for w in result.inaccuracies]
    if says is None:
        assert not wrong
        assert "Kennedy proposed a civil rights bill in June 1963" in [
            c.point_text for c in result.credited
        ]
    else:
        assert wrong == [says]
        assert not result.credited


GROUPS_NOTES = "\n\n".join(
    [
        "Civil rights.",
        "3: The movement",
        "2021: Describe the work of the civil rights groups. (6)",
        "Other groups did much of the work: the NAACP won court cases, SNCC organised "
        "students, and CORE ran the Freedom Rides in 1961. Franklin D. Roosevelt had banned "
        "discrimination in defence industries in 1941. In 1964 Germany, France and Britain "
        "watched the campaign closely.",
    ]
)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        # Another of the notes' names does what the point has its own do.
        ("The NAACP ran the Freedom Rides in 1961.", "NAACP"),
        # The point's own name, or part of it; a name the point holds among others; a name
        # that does the same in other notes: no inaccuracy.
        ("CORE ran the Freedom Rides in 1961.", None),
        ("Roosevelt banned discrimination in defence industries in 1941.", None),
        ("In 1964 Germany watched the campaign closely.", None),
        ("SNCC organised students.", None),
    ],
)
def test_a_deed_given_to_another_the_notes_name_is_an_inaccuracy(
    answer: str, says: str | None
) -> None:
    """ "The NAACP ran the Freedom Rides" gets the notes' "CORE ran the Freedom Rides" wrong:
    the notes have the NAACP win court cases."""
    result = marked(answer, scheme_of(GROUPS_NOTES))
    wrong = [w.answer_says for w in result.inaccuracies]
    assert wrong == ([says] if says else [])
    if says is None:
        assert result.credited


SANCTIONS_NOTES = "\n\n".join(
    [
        "South Africa.",
        "3: The end of apartheid",
        "2018: How far was international pressure the main reason for the end of apartheid? (15)",
        "South Africa was banned from the Olympic Games from 1964. In 1986 the USA passed the "
        "Comprehensive Anti-Apartheid Act over President Reagan's veto. The first election "
        "open to all races was held on 27 April 1994.",
    ]
)


@pytest.mark.parametrize(
    "answer",
    [
        # Near a point in meaning, with no word of it: not about it, and not wrong by its year
        "Apartheid ended in 1994.",
        # Another form of the point's name: "US" of "USA"
        "In 1986 the US Congress passed the Comprehensive Anti-Apartheid Act.",
    ],
)
def test_a_right_claim_near_a_point_or_naming_it_another_way_is_not_wrong(answer: str) -> None:
    result = marked(answer, scheme_of(SANCTIONS_NOTES))
    assert not result.inaccuracies


LABELLED_FACTORS = "\n\n".join(
    [
        "Civil rights.",
        "3: The movement",
        "2021: To what extent was Martin Luther King the main reason for the success of the "
        "civil rights movement? (15)",
        "Several factors led to progress:",
        "- **King's leadership.** King gave his famous speech at the March on Washington in "
        "August 1963.\n"
        "- **The media.** Television showed Bull Connor's dogs attacking children in 1963.\n"
        "- **Presidents.** Kennedy proposed a civil rights bill in June 1963.",
    ]
)


def test_a_list_of_labelled_factors_puts_each_item_on_its_labels_side() -> None:
    """In a list of factors under bold labels, an item is the weighed factor's where its
    label names it (King's leadership), and the other side where it names another (the
    media, the presidents), though the list is one paragraph."""
    scheme = scheme_of(LABELLED_FACTORS)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["King gave his famous speech at the March on Washington in August 1963"] == "for"
    assert sides["Television showed Bull Connor's dogs attacking children in 1963"] == "against"
    assert sides["Kennedy proposed a civil rights bill in June 1963"] == "against"


PRESSURES = "\n\n".join(
    [
        "South Africa.",
        "3: The end of apartheid",
        "2018: How far was international pressure the main reason for the end of apartheid? (15)",
        "**Internal pressure:**",
        "- Townships became ungovernable in 1984-86.\n"
        "- The trade union federation COSATU organised strikes that hurt the economy.",
        "**International pressure:**",
        "- The UN imposed an arms embargo in 1977.\n"
        "- The end of the Cold War in 1989 took away the claim of a communist threat.",
    ]
)


def test_a_factor_of_two_words_is_not_named_by_a_label_sharing_one() -> None:
    """ "Internal pressure" shares "pressure" with the "international pressure" weighed, but
    its part of the notes is the other side."""
    scheme = scheme_of(PRESSURES)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["The UN imposed an arms embargo in 1977"] == "for"
    assert sides["Townships became ungovernable in 1984-86"] == "against"
    assert (
        sides["The trade union federation COSATU organised strikes that hurt the economy"]
        == "against"
    )


HASTINGS = "\n\n".join(
    [
        "The Normans.",
        "2: The Norman Conquest",
        "2013: How far was Harold Godwinson's defeat at Hastings due to luck? (15)",
        "- William landed at Pevensey 28 Sept 1066 - wind had changed; luck\n"
        "- Harold marched c. 250 miles south in about 13 days\n"
        "- Normans used feigned retreats - fyrd broke ranks and chased them",
    ]
)


def test_a_list_that_names_the_factor_in_some_items_puts_only_those_on_its_side() -> None:
    """One item of the battle's list says "luck"; the others tell of Harold's march and the
    Normans' tactics, which argue against luck as the reason."""
    scheme = scheme_of(HASTINGS)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["William landed at Pevensey 28 Sept 1066 - wind had changed; luck"] == "for"
    assert sides["Normans used feigned retreats - fyrd broke ranks and chased them"] == "against"
    assert sides["Harold marched c. 250 miles south in about 13 days"] == "against"


VIETNAM = "\n\n".join(
    [
        "Vietnam.",
        "3: The war",
        "2016: Why did the USA withdraw from Vietnam? (10)",
        "After Tet the war was far from being won. The Communists' real strength was "
        "political, not military. The Guomindang was corrupt and inefficient. Militarily it "
        "was a defeat for the Vietcong. Snow showed cholera spread by dirty water not bad air. "
        "Bleeding was not solved until blood groups were found in 1901. No American president "
        "wanted to be the one who lost Vietnam. In 1846 ether was used in the USA.",
    ]
)


@pytest.mark.parametrize(
    "answer",
    [
        # "not" said another way, in the notes or the answer
        "After Tet it proved that the war was not being won.",
        "The Communists' real strength was political rather than military.",
        "Bleeding was still a problem until blood groups were found in 1901.",
        "Presidents feared being blamed for losing Vietnam.",
        # "not ... until" says when: the notes' "not solved until ... 1901"
        "Bleeding was solved when blood groups were found in 1901.",
        # another name of the same country
        "In 1846 ether was used in America.",
    ],
)
def test_the_notes_said_in_other_words_is_not_their_opposite(answer: str) -> None:
    result = marked(answer, scheme_of(VIETNAM))
    assert not result.inaccuracies, [w.message for w in result.inaccuracies]


@pytest.mark.parametrize(
    "answer",
    [
        # two words turned round at once, a word that only makes it stronger, and what is
        # denied and what is given swapped
        "The Guomindang was honest and efficient.",
        "Militarily it was a great victory for the Vietcong.",
        "Snow showed cholera spread by bad air, not water.",
    ],
)
def test_the_notes_turned_round_in_more_than_one_word_are_their_opposite(answer: str) -> None:
    result = marked(answer, scheme_of(VIETNAM))
    assert [w.notes_say.startswith("the opposite") for w in result.inaccuracies] == [True]


@pytest.mark.parametrize(
    "answer",
    [
        "On 1 September 1939 Hitler invaded Poland.",
        "On 3 September 1939 France declared war on Germany.",
    ],
)
def test_a_name_the_notes_give_in_another_sentence_takes_no_deed_from_a_point(
    answer: str,
) -> None:
    """A leader for his country, or an ally the notes do not mention doing the same, may be
    right: only names the notes set side by side in one sentence are told apart."""
    notes = "\n\n".join(
        [
            "War.",
            "4: 1939",
            "2017: Why did war break out in 1939? (8)",
            "In the 1930s Hitler wanted Lebensraum in the east. On 1 September 1939 Germany "
            "invaded Poland. On 3 September 1939 Britain declared war on Germany. In the 1930s "
            "France built the Maginot Line to defend its border.",
        ]
    )
    assert not marked(answer, scheme_of(notes)).inaccuracies


def test_a_list_with_other_marks_builds_and_an_item_denying_the_factor_is_against_it() -> None:
    notes = HASTINGS.replace(
        "- Harold marched",
        "a) The fyrd was tired after Stamford Bridge\n- Not luck: the Normans were better armed\n"
        "- Harold marched",
    )
    sides = {p.point.text: p.side for p in scheme_of(notes).creditable}
    assert sides["William landed at Pevensey 28 Sept 1066 - wind had changed; luck"] == "for"
    assert sides["Not luck: the Normans were better armed"] == "against"


FAMINE = "\n\n".join(
    [
        "The Irish Famine.",
        "1: 1845-1852",
        "2020: How far was the British government responsible for the Famine? (10)",
        "Sir Robert Peel's Conservative government acted quickly at first. In November 1845 "
        "it bought £100,000 worth of Indian corn from America and sold it cheaply. Peel fell "
        "in the summer of 1846 and Lord John Russell's Whig government took over. Russell "
        "believed in laissez-faire, so the export of grain from Ireland went on.",
    ]
)


def test_a_title_given_to_a_named_man_is_no_rival_of_his_party() -> None:
    """Peel was "Prime Minister"; the notes call his government Conservative. The
    answer names no one in place of anyone, so nothing in it is wrong."""
    answer = "Sir Robert Peel was Prime Minister and he bought Indian corn from America."
    assert not marked(answer, scheme_of(FAMINE)).inaccuracies


UNIFICATION = "\n\n".join(
    [
        "German unification.",
        "1: 1862-1871",
        "2015: Why was Prussia able to defeat Austria in 1866? (8)",
        "- 1864: Danish War, Prussia and Austria together took Schleswig and Holstein from "
        "Denmark\n- Aug 1865: Convention of Gastein, Prussia ran Schleswig, Austria ran "
        "Holstein\n- 1866: Austro-Prussian War, Prussia won in seven weeks\n- 1867: North "
        "German Confederation of 22 states, led by Prussia, with Wilhelm as president",
    ]
)


def test_a_year_at_the_head_of_a_sentence_belongs_to_the_whole_sentence() -> None:
    """A part such as "In 1864 Prussia" is no claim of its own: the sentence says what
    Prussia and Austria did in 1864, as the notes do. A year put on another event is still
    wrong."""
    scheme = scheme_of(UNIFICATION)
    right = "In 1864 Prussia and Austria fought Denmark together and took Schleswig and Holstein."
    assert not marked(right, scheme).inaccuracies
    wrong = marked("In 1864 the North German Confederation was set up, led by Prussia.", scheme)
    assert [(w.answer_says, w.notes_say[:4]) for w in wrong.inaccuracies] == [("1864", "1867")]


def test_a_wrong_year_in_a_part_with_no_verb_is_checked_in_its_sentence() -> None:
    """A part such as "The 1830 revolutions" says nothing alone; the sentence it opens says
    what the notes say of the 1848 revolutions, with the wrong year."""
    notes = "\n\n".join(
        [
            "German unification.",
            "1: 1815-1871",
            "2016: How far was Bismarck responsible for the unification of Germany? (10)",
            "Bismarck's part:\n- Edited the Ems telegram to provoke France into war\n"
            "- Used the Schleswig-Holstein question to pick a quarrel with Austria",
            "Other factors:\n- Nationalism: the 1848 revolutions and the Frankfurt "
            "Parliament showed many Germans already wanted one nation\n- Railways: over "
            "11,000 km of track by 1860 joined the states together",
        ]
    )
    scheme = scheme_of(notes)
    answer = (
        "The 1830 revolutions and the Frankfurt Parliament showed many Germans already "
        "wanted one nation."
    )
    wrong = marked(answer, scheme)
    assert [(w.answer_says, w.notes_say[:4]) for w in wrong.inaccuracies] == [("1830", "1848")]
    assert not marked(answer.replace("1830", "1848"), scheme).inaccuracies


def test_another_name_after_the_points_own_word_is_an_inaccuracy() -> None:
    """An answer saying "sided with Prussia" says what the notes say of Austria; a subject is
    left alone, and so is the point's own name."""
    notes = "\n\n".join(
        [
            "German unification.",
            "1: 1862-1871",
            "2015: Why was Prussia able to defeat Austria in 1866? (8)",
            "- Oct. 1865: Bismarck met Napoleon III at Biarritz, France promised to stay "
            "neutral\n- April 1866: secret alliance with Italy, which was promised Venetia\n"
            "- June 1866: Prussian troops marched into Holstein; most of the German states "
            "sided with Austria\n- Russia owed Prussia a favour after 1863 and stayed out",
        ]
    )
    scheme = scheme_of(notes)
    for answer, said, notes_say in [
        ("Most of the German states sided with Prussia.", "Prussia", "Austria"),
        (
            "In April 1866 Bismarck made a secret alliance with Russia, which was promised "
            "Venetia.",
            "Russia",
            "Italy",
        ),
    ]:
        assert wrong_names(answer, scheme) == [(said, notes_say)]
    for right in [
        "Most of the German states sided with Austria.",
        "In April 1866 Bismarck made a secret alliance with Italy, which was promised Venetia.",
    ]:
        assert not marked(right, scheme).inaccuracies


def test_a_name_sharing_only_its_first_word_with_the_points_is_another() -> None:
    """ "Thomas Wolsey" for the notes' "Thomas Cromwell" is another man, not a fuller form
    of the notes' name; "Cromwell" alone and "Thomas Cromwell" are the notes' own."""
    notes = "\n\n".join(
        [
            "The Pilgrimage of Grace.",
            "1: 1536",
            "2011: Why did the Pilgrimage of Grace break out in 1536? (8)",
            "The rising began in Lincolnshire in October 1536. The rebels hated Thomas "
            "Cromwell, the king's chief minister, whom they blamed for the closure of the "
            "smaller monasteries. Robert Aske led the Yorkshire rebels.",
        ]
    )
    scheme = scheme_of(notes)
    wrong = (
        "The rebels hated Thomas Wolsey, the chief minister, whom they blamed for closing "
        "the monasteries."
    )
    assert wrong_names(wrong, scheme) == [("Thomas Wolsey", "Thomas Cromwell")]
    for right in [
        wrong.replace("Thomas Wolsey", "Thomas Cromwell"),
        wrong.replace("Thomas Wolsey", "Cromwell"),
    ]:
        assert not marked(right, scheme).inaccuracies


def test_an_aim_to_avoid_a_thing_is_no_denial_of_it() -> None:
    """A settlement "to unite the country and avoid rebellion" tells what it was for: it does
    not deny that pushing too hard risked rebellion. "avoided" still denies."""
    notes = "\n\n".join(
        [
            "Elizabeth's religious settlement.",
            "1: 1558-1559",
            "2008: Why did Elizabeth I need a religious settlement in 1559? (6)",
            "Her own position was weak. To Catholics she was illegitimate. A settlement that "
            "pushed Catholics too hard risked rebellion at home and a crusade from abroad.",
        ]
    )
    scheme = scheme_of(notes)
    aim = "She needed a settlement to unite the country and avoid rebellion."
    assert not marked(aim, scheme).inaccuracies
    denial = "A settlement that pushed Catholics too hard avoided rebellion at home."
    assert [
        w.notes_say.startswith("the opposite") for w in marked(denial, scheme).inaccuracies
    ] == [True]


def test_the_name_replaced_is_the_one_that_did_it_even_with_an_aside() -> None:
    notes = "\n\n".join(
        [
            "The Suez Crisis.",
            "1: 1956",
            "2013: Why did Nasser nationalise the Suez Canal in 1956? (8)",
            "Nasser wanted a high dam at Aswan. In December 1955 the USA and Britain offered "
            "loans towards it. On 19th July 1956 John Foster Dulles, the US Secretary of "
            "State, withdrew the American offer, and Britain withdrew its own the next day.",
        ]
    )
    answer = "Dean Acheson withdrew the American offer in July 1956."
    assert wrong_names(answer, scheme_of(notes)) == [("Acheson", "John Foster Dulles")]


def test_a_claim_with_the_points_figure_counts_other_things_with_its_other_figures() -> None:
    notes = "\n\n".join(
        [
            "The Korean War.",
            "1: 1950-1953",
            "2018: In what ways did the Korean War change the Cold War? (10)",
            "The war raised communist China's prestige, and relations between China and the "
            "United States stayed hostile for twenty years. About 37,000 American servicemen "
            "were killed.",
        ]
    )
    scheme = scheme_of(notes)
    right = "It left the two countries hostile for twenty years."
    assert not marked(right, scheme).inaccuracies
    wrong = marked("It left the two countries hostile for ten years.", scheme).inaccuracies
    assert len(wrong) == 1 and "ten" in wrong[0].answer_says


def test_what_someone_said_would_happen_is_no_opposite_of_it_never_happening() -> None:
    notes = "\n\n".join(
        [
            "The Pilgrimage of Grace.",
            "3: 1536-1537",
            "2017: How successful was Henry VIII in dealing with the Pilgrimage of Grace? (10)",
            "- 2nd Doncaster meeting, 6 Dec 1536: Norfolk promised a general pardon and a free "
            "parliament at York\n- no parliament at York ever met; Cromwell stayed in office "
            "until 1540",
        ]
    )
    scheme = scheme_of(notes)
    assert not marked("Norfolk said the king would hold a parliament at York.", scheme).inaccuracies
    wrong = marked("A parliament met at York.", scheme).inaccuracies
    assert [w.notes_say.startswith("the opposite") for w in wrong] == [True]


def test_a_fuller_name_or_one_after_another_preposition_replaces_no_name() -> None:
    """The name "Martin Luther King" is the notes' "King"; "troops under MacArthur fought at
    Pusan" names no one in place of "by Chinese troops". "Mussolini" for "Hitler" still is."""
    notes = "\n\n".join(
        [
            "Notes.",
            "1: 1950-1963",
            "2019: Describe the events of these years. (10)",
            "In the spring of 1963 King led the Birmingham campaign in Alabama. American forces "
            "had been fought to a standstill by Chinese troops. Eden likened Nasser to Hitler.",
        ]
    )
    scheme = scheme_of(notes)
    for right in [
        "In 1963 there was a campaign in Birmingham led by Martin Luther King.",
        "American troops under MacArthur fought at Pusan.",
    ]:
        assert not marked(right, scheme).inaccuracies
    wrong = marked("Eden likened Nasser to Mussolini.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["Mussolini"]


def test_a_belief_is_no_denial_and_a_place_after_in_or_at_replaces_the_notes_place() -> None:
    notes = "\n\n".join(
        [
            "Notes.",
            "1: 1945-1953",
            "2016: Why did war break out in Korea in 1950? (8)",
            "Soviet troops occupied the north and American troops the south. Aske was hanged "
            "in chains at York.",
        ]
    )
    scheme = scheme_of(notes)
    belief = "They also believed that the Americans would not defend the south."
    assert not marked(belief, scheme).inaccuracies
    wrong = marked("Aske was hanged in chains in London.", scheme)
    assert [w.answer_says for w in wrong.inaccuracies] == ["London"]


def test_a_doer_before_an_adverb_and_a_place_in_a_long_sentence_are_checked() -> None:
    notes = "\n\n".join(
        [
            "Notes.",
            "1: 1950-1569",
            "2020: Describe the main events of these years. (6)",
            "Stalin finally agreed in the spring of 1950, on condition that Mao Zedong would "
            "support the attack.\n\n- 14/11/1569: rebels entered Durham Cathedral, tore up the "
            "English Bible and Prayer Book, heard a Catholic Mass",
        ]
    )
    scheme = scheme_of(notes)
    for answer, said, notes_say in [
        ("Khrushchev agreed in the spring of 1950.", "Khrushchev", "Stalin"),
        (
            "On 14 November 1569 the rebels entered York Minster, tore up the English Bible and "
            "Prayer Book and heard a Catholic Mass.",
            "York Minster",
            "Durham Cathedral",
        ),
    ]:
        assert wrong_names(answer, scheme) == [(said, notes_say)]


def test_another_ordinal_of_the_same_thing_is_an_inaccuracy() -> None:
    notes = "\n\n".join(
        [
            "Notes.",
            "1: 1945-1953",
            "2016: Why did war break out in Korea in 1950? (8)",
            "When Japan was defeated in August 1945 the peninsula was divided at the 38th "
            "parallel. Two separate states were set up in 1948.",
        ]
    )
    scheme = scheme_of(notes)
    wrong = marked("In 1945 the country was divided at the 17th parallel.", scheme).inaccuracies
    assert [w.answer_says for w in wrong] == ["17th parallel"]
    assert not marked("In 1945 Korea was divided at the 38th parallel.", scheme).inaccuracies


def test_the_name_replaced_is_read_past_a_possessive() -> None:
    notes = "\n\n".join(
        [
            "Notes.",
            "1: 1950-1953",
            "2018: In what ways did the Korean War change the Cold War? (10)",
            "The American Seventh Fleet was sent into the Taiwan Strait to protect Chiang "
            "Kai-shek's government on Taiwan.",
        ]
    )
    answer = (
        "The Seventh Fleet was sent into the Taiwan Strait to protect Mao Zedong's government "
        "on Taiwan."
    )
    assert wrong_names(answer, scheme_of(notes)) == [("Mao Zedong", "Chiang Kai-shek")]


def test_review_of_the_fifteenth_sitting_right_answers_stay_right_and_errors_are_caught() -> None:
    """Cases a review of the sitting's marker rules found, each the opposite of what a rule
    meant to do."""
    prussia = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: 1860-1870",
                "2015: Why was Prussia able to defeat Austria in 1866? (8)",
                "In 1864 Prussia and Austria fought Denmark over Schleswig and Holstein. April "
                "1866: secret alliance with Italy, which was promised Venetia.",
            ]
        )
    )
    for right in [
        "In 1864 Prussia and Austria fought Danish forces over Schleswig and Holstein.",
        "Bismarck made a secret alliance with Italian leaders, which was promised Venetia.",
        "In 1864 Prussia and Austria fought Denmark, and in 1866 Prussia and Italy fought Austria.",
    ]:
        assert not marked(right, prussia).inaccuracies, right
    korea = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "1: 1950",
                "2019: Describe the events of 1950. (6)",
                "The 1st Marine Division and the 2nd Marine Division fought at the Chosin "
                "Reservoir in 1950.",
            ]
        )
    )
    assert not marked("The 1st Marine Division fought at the Chosin Reservoir.", korea).inaccuracies
    henry = scheme_of(
        "\n\n".join(
            [
                "Notes.",
                "3: 1536-1537",
                "2017: How successful was Henry VIII in dealing with the Pilgrimage of Grace? (10)",
                "Henry VIII did not keep his promises. No parliament at York ever met. The rebels "
                "had 30,000 men against the Duke of Norfolk with 8,000 men.",
            ]
        )
    )
    for wrong, said in [
        ("Henry VIII kept his promises.", "“Henry VIII kept his promises”"),
        (
            "A parliament at York met as the rebels demanded.",
            "“A parliament at York met as the rebels demanded”",
        ),
        ("The rebels gathered 30,000 men against a royal army of 5,000.", "5,000"),
    ]:
        assert [w.answer_says for w in marked(wrong, henry).inaccuracies] == [said]


def test_halved_for_doubled_and_agreed_for_refused_are_opposites() -> None:
    notes = "\n\n".join(
        [
            "Notes.",
            "4: Kett",
            "2018: Explain the importance of enclosure as a cause of Kett's rebellion. (8)",
            "Prices roughly doubled between 1500 and 1549. The king refused to meet the rebels.",
        ]
    )
    scheme = scheme_of(notes)
    for wrong in [
        "Prices roughly halved between 1500 and 1549.",
        "The king agreed to meet the rebels.",
    ]:
        said = marked(wrong, scheme).inaccuracies
        assert [w.notes_say.startswith("the opposite") for w in said] == [True], wrong
    assert not marked("Prices roughly doubled between 1500 and 1549.", scheme).inaccuracies


def test_any_word_for_going_down_turns_round_any_word_for_going_up() -> None:
    """ "Spending fell sharply" for "spending tripled": the answer has it go the other way,
    however strongly it says so; going the same way in other words is no opposite."""
    notes = "\n\n".join(
        [
            "The New Deal.",
            "1: 1933-1941",
            "2012: How successful was the New Deal in ending the Depression? (10)",
            "Federal spending tripled between 1933 and 1939, paying for relief and public "
            "works. Farm incomes doubled between 1932 and 1936.",
        ]
    )
    scheme = scheme_of(notes)
    for wrong in [
        "Federal spending fell sharply between 1933 and 1939.",
        "Farm incomes declined between 1932 and 1936.",
    ]:
        said = marked(wrong, scheme).inaccuracies
        assert [w.notes_say.startswith("the opposite") for w in said] == [True], wrong
    for right in [
        "Federal spending rose sharply between 1933 and 1939.",
        "Farm incomes increased between 1932 and 1936.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_a_number_in_the_teens_is_a_figure_like_any_other() -> None:
    """ "twenty-four" where the notes say "fourteen" is wrong, as "25" for "14" is."""
    notes = "\n\n".join(
        [
            "The Peasants' Revolt.",
            "1: 1381",
            "2004: Why did the Peasants' Revolt break out in 1381? (10)",
            "Richard II was only fourteen years old, and his council was distrusted.",
        ]
    )
    scheme = scheme_of(notes)
    said = marked("Richard II was only twenty-four years old.", scheme).inaccuracies
    assert [(w.answer_says, w.notes_say.split(":")[0]) for w in said] == [
        ("twenty-four", "fourteen")
    ]
    assert not marked("Richard II was only 14 years old.", scheme).inaccuracies


def test_dates_before_1500_and_a_days_or_months_own_year_are_checked() -> None:
    """ "By about 1550" for "by about 1450" is a wrong year, as later years are; a year in
    the point's own day ("16 August 1947" for "16 August 1946") or month ("August 1848"
    for "August 1849") is wrong though the question, or the point, names that year too."""
    notes = "\n\n".join(
        [
            "Plague, revolt and partition.",
            "1: 1348-1947",
            "2007: How far did the revolts of 1381, 1848 and 1947 change people's lives? (10)",
            "Wages kept rising, and by about 1450 serfdom had almost disappeared from England.",
            "August 1849: Venice, a republic under Daniele Manin since 1848, surrendered to "
            "Austria after a long siege.",
            "On Direct Action Day, 16 August 1946, rioting in Calcutta killed some four "
            "thousand people. Pakistan became independent on 14 August 1947.",
        ]
    )
    scheme = scheme_of(notes)
    for wrong, said in [
        ("By about 1550 serfdom had almost disappeared from England.", "1550"),
        ("Venice surrendered to Austria in August 1848 after a long siege.", "August 1848"),
        (
            "On Direct Action Day, 16 August 1947, rioting in Calcutta killed some four "
            "thousand people.",
            "1947",
        ),
    ]:
        assert [w.answer_says for w in marked(wrong, scheme).inaccuracies] == [said], wrong
    for right in [
        "By about 1450 serfdom had almost disappeared from England.",
        "Venice, a republic since 1848, surrendered to Austria in August 1849.",
        "On Direct Action Day, 16 August 1946, rioting in Calcutta killed four thousand.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_reversals_found_by_the_nineteenth_trial_are_inaccuracies() -> None:
    """ "Towns were clean" for "filthy", "refused to abolish serfdom" for "promised to", told
    of the one the notes' sentence names, and "punished" where the notes say "never
    punished" (a "but never punished" is no point of its own)."""
    notes = "\n\n".join(
        [
            "Plague and revolt.",
            "1: 1348-1381",
            "2003: Why did the Black Death spread so fast? (6)",
            "Towns were filthy: rubbish and animal dung lay in the streets.",
            "- 14 June: Richard II met the Essex rebels at Mile End and promised to abolish "
            "serfdom and to pardon them.",
            "General Dyer was removed from his command but never punished, and many in "
            "Britain treated him as a hero.",
        ]
    )
    scheme = scheme_of(notes)
    for wrong in [
        "Towns were clean.",
        "Richard II refused to abolish serfdom.",
        "Dyer was removed from his command and punished.",
    ]:
        said = marked(wrong, scheme).inaccuracies
        assert [w.notes_say.startswith("the opposite") for w in said] == [True], wrong
    for right in [
        "Towns were filthy.",
        "Richard II promised to abolish serfdom.",
        "Dyer was never punished.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_another_person_the_notes_name_elsewhere_doing_the_points_deed_is_wrong() -> None:
    """ "Cavour met Victor Emmanuel at Teano" for "Garibaldi met ...": a person for a person
    the notes name elsewhere (Cavour died, and a "he" follows Garibaldi). A misspelling of
    the point's own name is no other person, and a country is none ("Germany declared war
    on Russia"), nor a leader it may stand for ("Hitler invaded Poland")."""
    notes = "\n\n".join(
        [
            "Italian unification.",
            "1: 1859-1861",
            "2011: How important was Garibaldi in the unification of Italy? (15)",
            "Cavour provoked Austria into war in 1859. Cavour died in June 1861. Few people "
            "in Germany wanted to help.",
            "Unification was also the work of Garibaldi. In May 1860 he sailed from Genoa. "
            "On 26 October 1860 Garibaldi met Victor Emmanuel at Teano and handed over the "
            "south. Archbishop Edmund Grindal refused to stop the prophesyings. Germany "
            "invaded Poland. France declared war on Russia.",
        ]
    )
    scheme = scheme_of(notes)
    said = marked("On 26 October 1860 Cavour met Victor Emmanuel at Teano.", scheme)
    assert [(w.answer_says, w.notes_say.split(":")[0]) for w in said.inaccuracies] == [
        ("Cavour", "Garibaldi")
    ]
    for right in [
        "On 26 October 1860 Garibaldi met Victor Emmanuel at Teano.",
        "Grindle refused to stop the prophesyings.",
        "Hitler invaded Poland.",
        "Germany declared war on Russia.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_a_whole_sentence_turned_round_by_one_word_is_wrong_though_its_parts_are_not() -> None:
    """ "The massacre turned moderate Indians, including Gandhi, in favour of British rule"
    is cut into parts none of which says the opposite alone; the whole does."""
    notes = "\n\n".join(
        [
            "India.",
            "1: 1919",
            "2014: Describe the Amritsar massacre and its effects. (6)",
            "On 13 April 1919 General Dyer ordered his troops to fire on an unarmed crowd. The "
            "massacre turned moderate Indians, including Gandhi, against British rule.",
        ]
    )
    scheme = scheme_of(notes)
    wrong = "The massacre turned moderate Indians, including Gandhi, in favour of British rule."
    said = marked(wrong, scheme).inaccuracies
    assert [w.notes_say.startswith("the opposite") for w in said] == [True]
    assert not marked(wrong.replace("in favour of", "against"), scheme).inaccuracies


def test_two_days_swapped_between_the_same_names_are_wrong() -> None:
    notes = "\n\n".join(
        [
            "India.",
            "1: 1947",
            "2020: How successful was the partition of India? (8)",
            "Pakistan became independent on 14 August 1947 and India on 15 August.",
        ]
    )
    scheme = scheme_of(notes)
    wrong = "Pakistan became independent on 15 August 1947 and India on 14 August."
    assert [w.answer_says for w in marked(wrong, scheme).inaccuracies] == [
        "15 August and 14 August"
    ]
    for right in [
        "Pakistan became independent on 14 August 1947 and India on 15 August.",
        "India became independent on 15 August 1947, a day after Pakistan on 14 August.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_another_month_of_the_points_one_year_is_wrong() -> None:
    """ "Edgehill was fought in December 1642" for "in October 1642"; a day given with it is
    compared as a date already."""
    notes = "\n\n".join(
        [
            "The Civil War.",
            "1: 1642-1646",
            "2003: Describe the course of the first Civil War. (6)",
            "The first big battle was at Edgehill in October 1642. Neither side won.",
        ]
    )
    scheme = scheme_of(notes)
    said = marked("Edgehill was fought in December 1642.", scheme).inaccuracies
    assert [w.answer_says for w in said] == ["December 1642"]
    assert not marked("Edgehill was fought in October 1642.", scheme).inaccuracies


def test_a_rank_or_a_first_and_family_name_shows_a_person() -> None:
    """ "Colonel Pride seized the King" for "Cornet Joyce seized the King": ranks and a first
    and family name show both are people."""
    notes = "\n\n".join(
        [
            "The Civil War.",
            "1: 1646-1649",
            "2005: How far was Cromwell responsible for the execution of Charles I? (10)",
            "In June 1647 Cornet Joyce seized the King for the army. In December 1648 "
            "Colonel Pride stopped about 140 members from entering the Commons.",
        ]
    )
    scheme = scheme_of(notes)
    said = marked("In June 1647 Colonel Pride seized the King for the army.", scheme)
    assert [(w.answer_says, w.notes_say.split(":")[0]) for w in said.inaccuracies] == [
        ("Colonel Pride", "Cornet Joyce")
    ]
    assert not marked(
        "In June 1647 Cornet Joyce seized the King for the army.", scheme
    ).inaccuracies


def test_a_denial_said_with_a_prefix_is_no_opposite_of_the_notes_denial() -> None:
    """ "Charles negotiated dishonestly" says what "Charles would not negotiate honestly"
    says; "Charles negotiated honestly" is its opposite."""
    notes = "\n\n".join(
        [
            "The Civil War.",
            "1: 1646-1649",
            "2005: Why was Charles I executed in 1649? (8)",
            "Charles would not negotiate honestly. He signed a secret Engagement with the Scots.",
        ]
    )
    scheme = scheme_of(notes)
    assert not marked("Charles negotiated dishonestly.", scheme).inaccuracies
    said = marked("Charles negotiated honestly.", scheme).inaccuracies
    assert [w.notes_say.startswith("the opposite") for w in said] == [True]


def test_the_one_a_deed_was_done_to_doing_it_is_wrong() -> None:
    """ "The Scots defeated Cromwell at Preston" for "Cromwell defeated the Scots at
    Preston"; the passive with the roles kept is right."""
    notes = "\n\n".join(
        [
            "The Civil War.",
            "1: 1646-1649",
            "2005: Why was Charles I executed in 1649? (8)",
            "He signed a secret Engagement with the Scots. Cromwell defeated the Scots at "
            "Preston in August 1648, and the army turned against the King.",
        ]
    )
    scheme = scheme_of(notes)
    said = marked("The Scots defeated Cromwell at Preston in August 1648.", scheme)
    assert [(w.answer_says, w.notes_say.split(":")[0]) for w in said.inaccuracies] == [
        ("Scots", "Cromwell")
    ]
    for right in [
        "Cromwell defeated the Scots at Preston in August 1648.",
        "The Scots were defeated by Cromwell at Preston in August 1648.",
    ]:
        assert not marked(right, scheme).inaccuracies, right


def test_a_cause_given_with_examples_in_a_paragraph_that_explains_is_a_reason() -> None:
    notes = (
        "1: Causes\n\n2014: Why did civil war break out in England in 1642? (10)\n\n"
        "Charles I ruled without Parliament during the 1630s. He raised money through "
        "unpopular methods such as Ship Money. As a result, many landowners came to believe "
        "that the king was threatening their property.\n"
    )
    family = parse_notes(notes).course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    credited = [p.point.text for p in scheme.points if p.creditable]
    assert "He raised money through unpopular methods such as Ship Money" in credited
