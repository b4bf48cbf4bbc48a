"""Every card is a well-formed question with one clear answer.

A checker, written as code that inspects each card against the notes it came from, applied
to every card of every notes file in benchmarks/data/notes/ (.txt, .md, .docx, whatever is
there), the built-in example and the seed: zero violations. The rules:

- a question card reads as a question: a question word, an auxiliary, a subject, "?" at the
  end; no colon, semicolon, open bracket or half-closed aside ("a new currency, the
  Rentenmark come in?"); a cloze card reads as a sentence: a capital first, a stop last;
- no Markdown markup in a card: no **bold**, *italic*, `code` or [link](address) marks;
- numbers, dates and names are never cut: each number or date the card shows or hides
  stands whole in its sentence (not "100" of "100,000", "1904" of "1904-05", "23" of
  "23 July", "1498" of "May 1498", "49" of "January 49 BC", "1500" of "c. 1500", "44" of
  "15/3/44"), and a hidden name is not part of a longer one ("Alexander {{c1::Solzhenitsyn}}");
- a question has its subject: no "he", "she", "it" or "they", whose antecedent the card
  does not show, no second finite verb after "did" ("did the Nazis rebuilt their party"),
  nothing that says what its answer was seen as left out ("What did Stalin see?"), no subject
  that opens a clause of its own ("When did when Cortés take ...?");
- a "When" question holds no other date, or it would have two answers; a "What did ..."
  question's answer is a thing, not a phrase of place or time ("What did the SA stand?"
  "around the Kroll Opera House"); a comparison says what it compares with ("Why was the
  Enabling Act more important?" does not);
- a cloze card hides one fact, not the object of a preposition and the subject of the next
  verb at once ("In {{c1::the Hundred Days Congress}} passed a flood of laws.");
- capitals follow the sentence: a word capitalised after the first is capitalised in
  mid-sentence somewhere in the notes ("When did Unemployment fall" fails where the notes
  write "unemployment" too), or may be a name that only opens sentences: one the notes
  never write in lower case and not an everyday word ("When did Kennedy propose ...");
  and a word in lower case is one the notes write so, not a name they only ever capitalise
  ("When did charles finally defeat ...?", where the notes write "the Emperor Charles V").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pastpaper.course import Course
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.language import NATIONALITIES, zipf
from pastpaper.schemes.points import family_points
from pastpaper.study.cards import Card, cards_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "data" / "notes"
EXAMPLES = ROOT / "src" / "pastpaper" / "examples"
SUFFIXES = {".txt", ".md", ".docx"}

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Months as notes also shorten them: "Sept 1915", "4 Aug 1914".
_MONTH_WORDS = rf"{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_ERAS = "BCE|BC|CE|AD"
_MARKUP = re.compile(r"\*\*|__|`|\]\(|(?<![\w*])\*[^\s*][^*]*\*(?![\w*])")
_OPENS_CLAUSE = re.compile(
    r"^\w+(?: \w+)? (?:did|was|were|had|has|have|is|are|does|do) "
    r"(?:when|while|whilst|because|although|though|unless|whereas|if)\b"
)
_QUESTION = re.compile(
    r"^(?:When|What|Who|Why|Where|Which|How (?:many|much)(?: [\w’'-]+){1,5}?) "
    r"(?:did|was|were|had|has|have|is|are|does|do) \S"
)
_PRONOUNS = {"he", "she", "it", "they", "him", "them"}
_STOP = set(
    """a an and as at by for from in into of on or the to with after before during under
    until since between over through against about around among""".split()
)
#: Past tenses that cannot be a plain form: after "did" they are a second finite verb.
_PASTS = set(
    """became began brought built rebuilt came drew drove fell felt fought gave got grew
    held kept knew led left lost made meant met paid ran rose said saw sent spoke spent stood
    struck took taught thought told threw went won wrote""".split()
)
_SEEING = re.compile(r"\b(?:saw|see|sees|seen|regarded|viewed|treated|considered)\b")
# What a "What did ... do?" question's answer cannot open with: a phrase of place or time
# answers "Where" or "When", not "What" ("What did the SA stand?" "around the Opera House").
_NOT_A_WHAT = set(
    "around round outside inside near behind beside alongside opposite upon amid amongst "
    "underneath close together apart at in on into onto from to towards through across "
    "along above below beyond during after before since until by with without".split()
)
_DATE_WORDS = re.compile(rf"\b(?:{_MONTHS})\b|\b1[0-9]\d\d\b|\b20\d\d\b|\b\d{{1,3}}0s\b")
_CLOZE = re.compile(r"\{\{c1::(.+?)\}\}")
#: A number or a date as one unit: "100,000", "28 June 1914", "1904-05", "March 1953",
#: "c. 1500", "January 49 BC", "AD 43", "15/3/44 BC", "Sept 1915".
_UNIT = re.compile(
    rf"(?:\bc\.\s?|\b(?:AD|CE)\s?)?(?:\d{{1,2}}/\d{{1,2}}/)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?\b(?:{_MONTH_WORDS})\.?\s+)?\d+(?:[.,]\d+)*[½¼¾]?"
    rf"(?:st|nd|rd|th)?(?:\s*[-–/]\s*\d+)?"  # "27th Feb. 1933", "1764/5"
    rf"(?:\s+(?:{_MONTHS})\b(?:\s+\d{{4}})?)?s?(?:\s?(?:{_ERAS})\b)?"
)
#: Words that open a sentence, never a name: "If {{c1::Khrushchev}}" cuts no name.
_OPENERS = set(
    "a an if once whatever whoever when while although though because since unless".split()
)
_LEADS = "in|on|at|by|after|before|during|under|from|since|until|throughout|with"
#: Titles that go before a name without being part of what a card asks.
_TITLES = set(
    """Pope King Queen Senator Archbishop Bishop President Father Dr Sir Lord Lady Emperor
    Empress Kaiser Tsar General Marshal Chancellor Prince Princess Duke Earl Cardinal""".split()
)


def corpus_files() -> list[Path]:
    """Every notes file of the corpus, whatever its format."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in SUFFIXES)


def notes_text(course: Course) -> str:
    """Everything the notes say, titles and questions too: where capitals can be looked up."""
    parts = [course.title]
    for topic in course.topics:
        parts.append(topic.title)
        for family in topic.families:
            parts += [q.text for q in family.questions] + list(family.notes)
    return "\n".join(parts)


def capitalised_mid_sentence(word: str, text: str) -> bool:
    """Does ``word`` stand capitalised in ``text`` other than first in a sentence, and not as
    the first word of a longer name ("Unemployment" of "the Unemployment Insurance Act")
    unless the name is a person's, told by a title before it or a regnal number after it
    ("the Emperor Charles V")? A word in capitals ("UN", "NATO") is its own name."""
    if len(word) > 1 and word.isupper():
        return True
    for found in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-]|\s+[A-Z])", text):
        before = text[: found.start()].rstrip(" \"'‘“(*#-–•\t")
        if before and before[-1] not in ".!?:\n":
            return True
    titled = rf"\b(?:{'|'.join(_TITLES)})\s+{re.escape(word)}\b"
    numbered = rf"(?<![\w’'-]){re.escape(word)}\s+(?:II|III|[IVX]*[VX][IVX]*)\b"
    return re.search(titled, text) is not None or re.search(numbered, text) is not None


def whole_in(part: str, sentence: str) -> bool:
    """Does ``part`` stand in ``sentence`` at least once as a whole: no letter, digit or
    number-continuing mark on either side (not "100" of "100,000", "1904" of "1904-05",
    "23" of "23 July", "1953" of "March 1953")?"""
    for found in re.finditer(re.escape(part), sentence):
        before, after = sentence[: found.start()], sentence[found.end() :]
        if re.search(r"\w$", before) or re.match(r"\w", after):
            continue
        cut_after = rf"(?:[.,/]\d|\s*[-–]\s*\d|\s+(?:{_MONTHS})\b|\s?(?:{_ERAS})\b)"
        if part[-1].isdigit() and re.match(cut_after, after):
            continue
        cut_before = rf"(?:\d\s*[-–.,/]|\b(?:{_MONTH_WORDS})\.?\s+|\bc\.\s?|\b(?:AD|CE)\s?)$"
        if part[0].isdigit() and re.search(cut_before, before):
            continue
        if re.search(rf"\b(?:{_MONTHS})$", part) and re.match(r"\s+\d", after):
            continue
        if re.match(rf"(?:{_MONTHS})\b", part) and re.search(r"\d\s+$", before):
            continue
        return True
    return False


def card_violations(card: Card, text: str) -> Iterator[str]:
    """What is wrong with one card, judged against its sentence and the notes' ``text``."""
    if card.kind == "basic":
        yield from _question_violations(card)
    else:
        yield from _cloze_violations(card, text)
    if _MARKUP.search(_CLOZE.sub(r"\1", card.front)) or _MARKUP.search(card.back):
        yield "Markdown markup in the card"
    if "\n" in card.front or "\n" in card.back or "\n" in card.source:
        yield "a line break of the notes inside the card"
    for unit in _UNIT.findall(_CLOZE.sub(r"\1", card.front)) + _UNIT.findall(card.back):
        if not whole_in(unit, card.source):
            yield f"the number or date {unit!r} is cut"
    yield from _capital_violations(card, text)


def _question_violations(card: Card) -> Iterator[str]:
    front, source = card.front, card.source
    if not front.endswith("?") or not _QUESTION.match(front):
        yield "not a question"
    if re.search(r"[:;]", front) or front.count("(") != front.count(")"):
        yield "a colon, semicolon or open bracket in the question"
    commas = list(re.finditer(r",(?!\d)", front))
    # (A list's last comma may have no pair: "anarchists, communists and the POUM", not
    # "Cornwallis, trapped by French and American troops surrender".)
    listed = commas and re.match(
        r" (?!\w+ed |who |which )[^,?]* (?:and|or) ", front[commas[-1].end() :]
    )
    # (nor the larger place a place is in, at the end: "on Heimaey, Iceland?")
    placed = commas and re.fullmatch(r" [A-Z][\w’'-]*\?", front[commas[-1].end() :])
    if len(commas) % 2 and not re.search(r", (?:and|or) ", front) and not listed and not placed:
        yield "an aside opened with a comma and never closed"
    if re.search(r"\b(?:the|a|an|of|by|and|or|time)\?$", front):
        yield "the question stops on a word that needs more"
    words = re.findall(r"[\w’'-]+", front)
    if _PRONOUNS & {w.lower() for w in words}:
        yield "a pronoun whose antecedent the card does not show"
    if re.match(r"\w+(?: \w+)? (?:did|was|were) (?:his|her|its|their)\b", front):
        yield "a subject whose owner the card does not show"
    second = re.search(r"\b(?:and|but|or) (?:was|were|had|[a-z]+ed)\b", front)
    # (A participle after "have" is done by another: "did Parliament have Strafford executed")
    # (nor a participle in an aside: "did the Long Parliament, led by John Pym, have ...",
    # or done by someone: "did about 30,000 northerners led by Robert Aske march")
    unaside = re.sub(r"\b[a-z]+ by\b", "", re.sub(r", [^,?]*,", "", front))
    plain_words = re.findall(r"[\w’'-]+", unaside)
    asked = (
        plain_words[2 : plain_words.index("have")] if "have" in plain_words[2:] else plain_words[2:]
    )
    if front.split()[1:2] == ["did"] and (_PASTS & set(asked) or second):
        yield "a second finite verb after 'did'"
    if _OPENS_CLAUSE.match(front):
        yield "a subject that opens a clause of its own"
    if front.startswith("What did ") and card.back.split()[0].lower() in _NOT_A_WHAT:
        yield "a 'What' question whose answer is a phrase of place or time"
    if re.search(r"\b(?:more|less) [a-z]+(?:ant|ful|ive|ous)\b", front) and " than " not in front:
        yield "a comparison without what it compares with"
    if front.startswith("When") and _DATE_WORDS.search(front):
        yield "a 'When' question that holds another date"
    if card.back in source and not whole_in(card.back, source):
        yield f"the answer {card.back!r} is cut from a longer word, number or name"
    seeing = _SEEING.search(source)
    seen_as = seeing and re.search(r"\bas\b", source[seeing.end() :])
    asked_as = re.search(r"\bas\b", front)
    if seeing and seen_as and not asked_as and source.find(card.back) > seeing.start():
        yield "what the answer was seen as is left out"


def _cloze_violations(card: Card, text: str) -> Iterator[str]:
    hidden = _CLOZE.findall(card.front)
    if len(hidden) != 1 or hidden[0] != card.back:
        yield "not one hidden part"
        return
    shown = _CLOZE.sub(card.back, card.front)
    if not re.match(r"[\"'‘“(]?[A-Z0-9$£€]", shown) or not re.search(r"[.?!][’'\"”)]*$", shown):
        yield "not a sentence: a capital first and a stop last"
    before, after = card.front.split("{{c1::", 1)[0], card.front.split("}}", 1)[1]
    if not re.search(r"\d", card.back) and not whole_in(card.back, before + card.back + after):
        yield f"{card.back!r} is cut from a longer word"
    if re.search(r"[A-Z][\w-]*$", card.back):  # a name, not a date
        yield from _cut_name(card.back, before, after, text)
    if re.match(rf"(?:{_MONTHS})\b", card.back) and re.search(
        rf"\b(?:{_MONTHS})\s+(?:and|or|to)\s+$", before
    ):
        yield f"the span of months ending {card.back!r} is cut"
    if re.fullmatch(r"\d+", card.back) and re.match(r"\s?(?:ft|feet)\b", after):
        yield f"the measure {card.back!r} ft is cut"
    if re.search(r"\bNo\.\s?$", before) or re.match(r"\s+No\.\s?\d", after):
        yield f"the numbered name {card.back!r} is cut"
    lead = re.fullmatch(rf"[\"'‘“]?(?:{_LEADS})\s+", before, re.IGNORECASE)
    verb = re.match(r"\s+([\w’'-]+)", after)
    if lead and verb and _finite(verb[1]):
        yield "hides a preposition's object and the next verb's subject at once"


def _cut_name(hidden: str, before: str, after: str, text: str) -> Iterator[str]:
    """A hidden name that the name before or after it continues ("Alexander {{c1::...}}"); a
    sentence's first word, or the first after a colon that opens a statement ("Fear of
    monarchy: At ..."), is part of it unless the notes also write it in lower case ("If")."""
    last = re.search(r"([A-Z][\w’'-]*)\s+$", before)
    if last:
        opening = re.fullmatch(rf"(?:.*:\s+)?{re.escape(last[1])}\s+", before)
        common = opening is not None and _in_lower_case(last[1], text)
        if last[1] not in _TITLES and not re.search(r"[’']s$", last[1]) and not common:
            yield f"{hidden!r} is the end of a longer name"
    if hidden[0].isupper() and re.match(r"\s+[A-Z]", after) and not re.match(r"\s+The\b", after):
        yield f"{hidden!r} is the start of a longer name"


def _in_lower_case(word: str, text: str) -> bool:
    if word.lower() in _OPENERS or re.search(r"-[a-z]", word):
        return True
    return re.search(r"(?<![\w’'-])" + re.escape(word.lower()) + r"(?![\w’'-])", text) is not None


def _finite(word: str) -> bool:
    return word in _PASTS or (word.endswith("ed") and len(word) > 4 and word[0].islower())


def _capital_violations(card: Card, text: str) -> Iterator[str]:
    shown = _CLOZE.sub(lambda m: m[1], card.front)
    for found in re.finditer(r"(?<=\s)([\w’'-]+)(?=(\s+[A-Z])?)", shown):
        word, in_name = found[1], found[2] is not None
        start_of_clause = re.search(r"[.:;!?]\s*[\"'‘“(]?$", shown[: found.start()])
        mid = word[0].isupper() and not start_of_clause and not in_name
        # (A people's or a nation's word has its capital in English wherever it stands.)
        nation = word in NATIONALITIES
        if (
            mid
            and not nation
            and not capitalised_mid_sentence(word, text)
            and not _maybe_name(word, text)
        ):
            yield f"{word!r} is capitalised in mid-sentence, and the notes never do"
        named = word[0].islower() and capitalised_mid_sentence(word.capitalize(), text)
        if named and not _in_lower_case(word.capitalize(), text):
            yield f"{word!r} is in lower case, and the notes write it only as a name"


def _maybe_name(word: str, text: str) -> bool:
    """May ``word`` be a name the notes give only at a sentence's start: a word they never
    write in lower case, and no everyday one ("Trotsky chaired ...", "Kennedy proposed
    ...")? Such a word may keep its capital in a question, or lose it: nothing in the notes
    tells which it is."""
    return zipf(word.lower()) < 4.5 and not _in_lower_case(word, text)


def violations(course: Course) -> list[str]:
    """Each violation of each card of the course, as 'front | back: what is wrong'."""
    text = notes_text(course)
    return [
        f"{card.front} | {card.back}: {problem}"
        for card in cards_of(course)
        for problem in card_violations(card, text)
    ]


# -- every card of every notes file ----------------------------------------------------------


def test_the_corpus_has_notes_files() -> None:
    assert len(corpus_files()) >= 4


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_card_of_the_corpus_is_well_formed(path: Path) -> None:
    course = read_notes(path).course
    assert cards_of(course)
    assert violations(course) == []


def test_every_card_of_the_example_and_the_seed_is_well_formed(seed_path: Path) -> None:
    for path in [*sorted(EXAMPLES.glob("*.txt")), seed_path]:
        assert violations(read_notes(path).course) == [], path.name


# -- the checker catches what it is for ---------------------------------------------------------

NOTES = (
    "In 1919 the Treaty of Versailles limited the army to 100,000 men.",
    "On 4 August 1914 Britain declared war on Germany.",
    "Archduke Franz Ferdinand was shot in Sarajevo in June 1914.",
    "Stalin feared the West. He saw the Marshall Plan as a threat to Soviet control.",
    "In the Hundred Days Congress passed a flood of laws.",
    "Unemployment fell from 12.8 million in 1933 to 7.7 million in 1937.",
    "Mass unemployment came back in the recession of 1938.",
    "Alexander Solzhenitsyn published a novel about the camps in 1962.",
    "**Yalta, February 1945**: the Big Three agreed to found the United Nations.",
    "In January 49 BC the Senate declared a state of emergency.",
    "By c. 1500 the Portuguese had reached India by sea.",
    "Smallpox reached Mexico in 1520, and when Cortés took Tenochtitlan in August 1521 the city "
    "was already weak.",
)


def written_course() -> Course:
    text = "4: Between the wars\n\n1999: Describe the changes. (6)\n\n" + "\n\n".join(NOTES)
    return parse_notes(text).course


def made_wrong(source: str, kind: str, front: str, back: str) -> Card:
    """A card of the notes above, made the way cards were made before this checker."""
    sentence = next(
        part.rstrip(".")
        for note in NOTES
        for part in re.split(r"(?<=\w\w\.)\s+", note)  # not after "c."
        if source in part
    )
    card = cards_of(written_course())[0]
    update = {"kind": kind, "front": front, "back": back, "source": sentence}
    return card.model_copy(update=update)


@pytest.mark.parametrize(
    ("source", "kind", "front", "back", "problem"),
    [
        # a number cut at its comma
        (
            "100,000",
            "basic",
            "When did the Treaty of Versailles limit the army to 100?",
            "1919",
            "'100' is cut",
        ),
        (
            "100,000",
            "cloze",
            "In 1919 the Treaty of Versailles limited the army to {{c1::100}},000 men.",
            "100",
            "'100' is cut",
        ),
        # a date cut from its day and month, a name from its first name
        (
            "4 August",
            "cloze",
            "On 4 August {{c1::1914}} Britain declared war on Germany.",
            "1914",
            "'1914' is cut",
        ),
        (
            "Franz",
            "cloze",
            "Archduke {{c1::Franz}} Ferdinand was shot in Sarajevo in June 1914.",
            "Franz",
            "start of a longer name",
        ),
        (
            "Franz",
            "cloze",
            "Archduke Franz {{c1::Ferdinand}} was shot in Sarajevo in June 1914.",
            "Ferdinand",
            "end of a longer name",
        ),
        (
            "Solzhenitsyn",
            "cloze",
            "Alexander {{c1::Solzhenitsyn}} published a novel about the camps in 1962.",
            "Solzhenitsyn",
            "end of a longer name",
        ),
        # a question without its subject or what it asks about
        ("Marshall", "basic", "What did he see?", "the Marshall Plan", "a pronoun"),
        ("Marshall", "basic", "What did Stalin see?", "the Marshall Plan", "seen as is left out"),
        ("Marshall", "basic", "What did Stalin stand?", "behind the Plan", "phrase of place"),
        ("Marshall", "basic", "Why was the Plan more dangerous?", "it was", "compares with"),
        # a statement shown as a question, and a cloze that hides two things at once
        (
            "Hundred Days",
            "basic",
            "In the Hundred Days passed a flood of laws.",
            "Congress",
            "not a question",
        ),
        (
            "Hundred Days",
            "cloze",
            "In {{c1::the Hundred Days Congress}} passed a flood of laws.",
            "the Hundred Days Congress",
            "preposition's object and the next verb's subject",
        ),
        # Markdown markup left in a card
        (
            "Yalta",
            "cloze",
            "**Yalta, {{c1::February 1945}}**: the Big Three agreed to found the United Nations.",
            "February 1945",
            "Markdown markup",
        ),
        # a date cut from its era, its "c." or its month
        (
            "49 BC",
            "cloze",
            "In January {{c1::49}} BC the Senate declared a state of emergency.",
            "49",
            "'49' is cut",
        ),
        (
            "49 BC",
            "basic",
            "When did the Senate declare a state of emergency?",
            "January 49",
            "'January 49' is cut",
        ),
        (
            "c. 1500",
            "cloze",
            "By c. {{c1::1500}} the Portuguese had reached India by sea.",
            "1500",
            "'1500' is cut",
        ),
        # a subject that is the start of a clause of its own
        (
            "Cortés",
            "basic",
            "When did when Cortés take Tenochtitlan?",
            "August 1521",
            "opens a clause of its own",
        ),
        # a capital in mid-sentence the notes never use there
        (
            "Unemployment",
            "basic",
            "When did Unemployment fall from 12.8 million?",
            "1933",
            "'Unemployment' is capitalised",
        ),
        # a name put in lower case
        (
            "4 August",
            "basic",
            "When did britain declare war on Germany?",
            "4 August 1914",
            "'britain' is in lower case",
        ),
    ],
)
def test_the_checker_catches_a_bad_card(
    source: str, kind: str, front: str, back: str, problem: str
) -> None:
    card = made_wrong(source, kind, front, back)
    found = list(card_violations(card, notes_text(written_course())))
    assert any(problem in p for p in found), found


def test_the_same_notes_make_only_good_cards() -> None:
    course = written_course()
    made = {(c.front, c.back) for c in cards_of(course)}
    assert violations(course) == []
    assert ("When did the Treaty of Versailles limit the army to 100,000 men?", "1919") in made
    assert (
        "In 1919 the Treaty of Versailles limited the army to {{c1::100,000}} men.",
        "100,000",
    ) in made
    assert ("When did Britain declare war on Germany?", "4 August 1914") in made
    # A fall from 1933 to 1937 is answered by neither year: no "When" card (and no card
    # writes "Unemployment" with a capital in mid-sentence).
    assert not any(front.startswith("When did unemployment fall") for front, _ in made)
    assert not any(" Unemployment" in front for front, _ in made)
    assert (
        "{{c1::Alexander Solzhenitsyn}} published a novel about the camps in 1962.",
        "Alexander Solzhenitsyn",
    ) in made
    assert not any(c.front.startswith("What did Stalin see") for c in cards_of(course))
    assert not any("Hundred Days Congress}}" in c.front for c in cards_of(course))
    assert ("When did the Senate declare a state of emergency?", "January 49 BC") in made
    assert ("By {{c1::c. 1500}} the Portuguese had reached India by sea.", "c. 1500") in made
    assert (
        "Yalta, {{c1::February 1945}}: the Big Three agreed to found the United Nations.",
        "February 1945",
    ) in made


def test_no_card_borrows_a_subject_across_which_nor_asks_why_of_what_was_offered() -> None:
    """A point that goes on from "which" has "which" for its subject, not the sentence's:
    no "What did Peel help in 1846?". And "offering to end the campaign" says what was
    offered, not why: no "Why did Cobden send a letter offering on 3 March 1846?"."""
    notes = "\n\n".join(
        [
            "Peel and the Corn Laws.",
            "1: Repeal",
            "2012: Describe how the Corn Laws were repealed. (6)",
            "On 3 March 1846 Cobden sent a letter offering to end the campaign if Parliament "
            "promised not to delay the repeal. In June 1846 Peel repealed the Corn Laws, which "
            "angered the landowners and helped split the Conservative Party in 1846.",
        ]
    )
    course = parse_notes(notes).course
    made = {(c.front, c.back) for c in cards_of(course)}
    assert not any("help" in front for front, _ in made), made
    assert not any(front.startswith("Why did Cobden") for front, _ in made), made
    assert ("When did Peel repeal the Corn Laws?", "June 1846") in made
    assert violations(course) == []


def test_what_was_offered_with_its_reason_makes_a_why_card() -> None:
    """A choice with its "because" says why: the reason makes the card, though "chose to
    repeal" alone is what was chosen, not why."""
    notes = "\n\n".join(
        [
            "Peel and the Corn Laws.",
            "1: Repeal",
            "2012: Describe how the Corn Laws were repealed. (6)",
            "In 1846 Peel chose to repeal the Corn Laws because the Irish famine made dear "
            "bread intolerable.",
        ]
    )
    course = parse_notes(notes).course
    made = {(c.front, c.back) for c in cards_of(course)}
    assert (
        "Why did Peel choose to repeal the Corn Laws in 1846?",
        "because the Irish famine made dear bread intolerable",
    ) in made
    assert violations(course) == []


def test_a_point_whose_subject_is_they_makes_no_card() -> None:
    """Who "they" were is in the sentence before, which the card does not show."""
    notes = "\n\n".join(
        [
            "The Civilian Conservation Corps.",
            "1: Relief",
            "2014: Describe the work of the CCC. (4)",
            "The CCC gave outdoor work to young unemployed men. They were paid 30 dollars a "
            "month, most of which went home to their families.",
        ]
    )
    made = cards_of(parse_notes(notes).course)
    assert made, "the first sentence still makes cards"
    assert not any(c.front.startswith(("They ", "When did they")) for c in made), made


def test_a_clause_that_opens_with_when_a_reported_date_and_names_with_particles() -> None:
    """From a new user's notes on 1848: a sentence opening "When ..." asks no "When did
    when ...?"; a date inside what someone said ("said that in 1846 ...") dates what was
    said, not the saying; "A Vienna crowd" hides "Vienna", not "A Vienna"; "Place de la
    Concorde" is one name; "was arrested and shot" keeps its "was"."""
    notes = "\n\n".join(
        [
            "The revolutions of 1848.",
            "1: Europe in 1848",
            "2010: Describe the events of 1848 in Vienna. (6)",
            "When the students marched on the Hofburg in March 1848, Metternich resigned "
            "and fled to London. A Vienna crowd burned the war ministry on 6 October 1848. "
            "Windischgrätz also said that in 1847 the students had sworn to defend the "
            "Emperor. A banquet was held on the Place de la Concorde. Robert Blum was "
            "arrested and shot on 9 November 1848.",
        ]
    )
    course = parse_notes(notes).course
    made = {(c.front, c.back) for c in cards_of(course)}
    assert not any(front.lower().startswith("when did when") for front, _ in made), made
    assert not any(front.startswith("When did Windischgrätz say") for front, _ in made), made
    assert not any("{{c1::A Vienna}}" in front for front, _ in made), made
    assert not any("{{c1::Concorde}}" in front or "{{c1::Place}}" in front for front, _ in made)
    assert not any(front.startswith("When did Robert Blum shoot") for front, _ in made), made
    assert not any("Robert Blum shot" in front for front, _ in made), made
    assert violations(course) == []


def test_a_date_is_never_the_answer_to_a_what_question() -> None:
    """ "Hastings fought 14/10/1066" asks no "What did Hastings fight?"."""
    notes = "\n\n".join(
        [
            "Dates.",
            "1: 1066",
            "2010: Describe the events of 1066. (6)",
            "- Stamford Bridge fought 25/9/1066.\n- The campaign lasted 1066–71.",
        ]
    )
    made = cards_of(parse_notes(notes).course)
    assert not any(c.front.startswith("What did") for c in made), [c.front for c in made]


def test_that_after_a_verb_of_doing_is_no_reported_speech() -> None:
    notes = "\n\n".join(
        [
            "Pacts.",
            "1: 1939",
            "2010: Describe the pact. (6)",
            "Stalin signed that treaty in August 1939.",
        ]
    )
    made = {(c.front.lower(), c.back) for c in cards_of(parse_notes(notes).course)}
    assert ("when did stalin sign that treaty?", "August 1939") in made, made


def test_a_comparison_is_asked_only_with_what_it_compares_with() -> None:
    """ "Why was the Enabling Act more important?" has no answer without "than what"; a
    question about more of something, or one that says "than", is asked."""
    course = parse_notes(
        "4: The Nazi state\n\n1999: Describe the Nazi state. (6)\n\n"
        "The Enabling Act was more important because it gave Hitler legal power.\n\n"
        "The Enabling Act was more important than the purge because it gave Hitler legal "
        "power.\n\n"
        "Germany built more battleships because it wanted a navy to match Britain's."
    ).course
    fronts = [card.front for card in cards_of(course) if card.kind == "basic"]
    assert "Why was the Enabling Act more important?" not in fronts
    assert "Why was the Enabling Act more important than the purge?" in fronts
    assert "Why did Germany build more battleships?" in fronts


def _checked_cards(body: str) -> list[Card]:
    """Every card of notes made of ``body``, once the checker has found nothing wrong."""
    notes = f"Trial.\n\n1: Topic\n\n2010: Describe what happened. (6)\n\n{body}"
    course = parse_notes(notes).course
    assert violations(course) == []
    return cards_of(course)


def _basic_cards(body: str) -> set[tuple[str, str]]:
    return {(c.front, c.back) for c in _checked_cards(body) if c.kind == "basic"}


def test_a_counted_noun_keeps_what_it_is_made_of_and_leaves_its_purpose_after_the_verb() -> None:
    made = _basic_cards(
        "The colonists threw 342 chests of tea into the water.\n\n"
        "British orders took two months to cross the Atlantic, as the British knew.\n\n"
        "Gage sent 700 soldiers to seize weapons stored at Concord on 19 April 1775."
    )
    assert ("How many chests of tea did the colonists throw into the water?", "342") in made
    assert (
        "How many months did British orders take to cross the Atlantic?",
        "two",
    ) in made
    assert (
        "How many soldiers did Gage send to seize weapons stored at Concord on 19 April 1775?",
        "700",
    ) in made, made


def test_a_name_known_by_its_title_or_number_keeps_its_capital_and_yet_opens_no_question() -> None:
    made = _basic_cards(
        "The Emperor Charles V summoned Luther to Worms in April 1521.\n\n"
        "Charles finally defeated the League at Mühlberg on 24 April 1547.\n\n"
        "Yet the Lutheran princes rose again in 1552.\n\n"
        "Yet another revolt broke out in 1553."
    )
    assert ("When did Charles finally defeat the League at Mühlberg?", "24 April 1547") in made
    assert ("When did the Lutheran princes rise again?", "1552") in made
    assert ("When did yet another revolt break out?", "1553") in made, made


def test_a_terse_passive_is_asked_as_one_and_a_dates_from_goes_with_the_answer() -> None:
    made = _basic_cards(
        "- Mandela released from Victor Verster Prison on 11 February 1990.\n"
        "- UN arms embargo made mandatory in 1977.\n"
        '- Transkei made "independent" in 1976.\n'
        "- Sophiatown in Johannesburg cleared from 9 February 1955.\n"
        "- The army seized weapons from the arsenal on 4 August 1775."
    )
    assert ("When was Mandela released from Victor Verster Prison?", "11 February 1990") in made
    assert ("When was UN arms embargo made mandatory?", "1977") in made
    assert ('When was Transkei made "independent"?', "1976") in made
    assert ("When was Sophiatown in Johannesburg cleared?", "from 9 February 1955") in made
    assert ("When did the army seize weapons from the arsenal?", "4 August 1775") in made, made


def test_a_verb_in_un_is_asked_about_and_a_word_in_un_that_describes_is_not_one() -> None:
    made = _basic_cards(
        "- De Klerk unbanned the ANC on 2 February 1990.\n"
        "- Bismarck united Germany in 1871.\n"
        "- The unarmed marchers crossed the Edmund Pettus Bridge on 7 March 1965.\n"
        "- Many unemployed workers joined the Nazis in 1932."
    )
    assert ("When did De Klerk unban the ANC?", "2 February 1990") in made
    assert ("When did Bismarck unite Germany?", "1871") in made
    assert ("When did the unarmed marchers cross the Edmund Pettus Bridge?", "7 March 1965") in made
    assert ("When did many unemployed workers join the Nazis?", "1932") in made, made


def test_an_aside_with_an_and_is_closed_and_a_possessive_alone_is_not_hidden() -> None:
    cards = _checked_cards(
        "Cornwallis, trapped at Yorktown by 17,000 French and American troops, surrendered "
        "on 19 October 1781.\n\n"
        "Anarchists, communists and the POUM fought Franco in 1936.\n\n"
        "The Massachusetts Government Act took away most of the colony's self-government "
        "in 1774."
    )
    made = {(c.front, c.back) for c in cards}
    assert (
        "When did Cornwallis, trapped at Yorktown by 17,000 French and American troops, surrender?",
        "19 October 1781",
    ) in made
    assert ("When did anarchists, communists and the POUM fight Franco?", "1936") in made
    assert (
        "What did the Massachusetts Government Act take away in 1774?",
        "most of the colony's self-government",
    ) in made
    assert "colony's" not in {c.back for c in cards if c.kind == "cloze"}, made


def test_no_what_question_whose_answer_is_an_object_with_what_it_was_made_or_a_time() -> None:
    made = _basic_cards(
        "Washington kept the army together through defeats and mutinies.\n\n"
        "In June 1775 the Second Continental Congress made George Washington commander of "
        "the Continental Army.\n\n"
        "The king appointed Thomas Cromwell his chief minister.\n\n"
        "The Continental Army spent the winter of 1777-78 at Valley Forge.\n\n"
        "Luther nailed the Ninety-five Theses to the church door."
    )
    asked = {front for front, _ in made}
    assert not any(
        front.startswith(("What did Washington", "What did the king")) for front in asked
    )
    assert "What did the Second Continental Congress make in June 1775?" not in asked
    assert "What did the Continental Army spend at Valley Forge?" not in asked
    assert ("What did Luther nail to the church door?", "the Ninety-five Theses") in made, made


def test_no_when_question_for_getting_another_to_act_at_the_acts_date() -> None:
    made = _basic_cards(
        "The victory at Saratoga persuaded France to sign a treaty of alliance with the "
        "Americans on 6/2/1778.\n\n"
        "Hitler ordered the army to invade Poland on 1 September 1939.\n\n"
        "The Tsar ordered troops to Petrograd in February 1917."
    )
    asked = {front for front, _ in made}
    assert not any(front.startswith(("When did the victory", "When did Hitler")) for front in asked)
    assert ("When did the Tsar order troops to Petrograd?", "February 1917") in made, made


def test_a_linking_opener_and_a_lead_of_several_words_are_no_part_of_the_subject() -> None:
    made = _basic_cards(
        "As a result, the royalists were heavily defeated at Marston Moor in July 1644.\n\n"
        "Consequently, Parliament passed the Triennial Act in 1641.\n\n"
        "As a result of the war, prices rose in 1915.\n\n"
        "On 7 March 1965, known as Bloody Sunday, state troopers attacked 600 marchers on the "
        "Edmund Pettus Bridge.\n\n"
        "Known as the Iron Chancellor, Bismarck united Germany in 1871."
    )
    assert ("When were the royalists heavily defeated at Marston Moor?", "July 1644") in made
    assert ("When did Parliament pass the Triennial Act?", "1641") in made
    assert ("When did prices rise as a result of the war?", "1915") in made
    assert (
        "When did state troopers attack 600 marchers on the Edmund Pettus Bridge?",
        "7 March 1965",
    ) in made
    assert ("When did Bismarck unite Germany?", "1871") in made, made


def test_a_span_of_days_written_with_to_or_and_is_asked_and_hidden_whole() -> None:
    cards = _checked_cards(
        "- The march to Montgomery finally went ahead from 21 to 25 March 1965.\n"
        "- Talks were held between 4 and 11 February 1945 at Yalta."
    )
    made = {(c.front, c.back) for c in cards}
    assert ("When did the march to Montgomery finally go ahead?", "21 to 25 March 1965") in made
    assert ("When were talks held?", "between 4 and 11 February 1945") in made
    hidden = {c.back for c in cards if c.kind == "cloze"}
    assert {"21 to 25 March 1965", "4 and 11 February 1945"} <= hidden
    assert not {"21", "4", "25 March 1965"} & hidden, made


def test_trial_twenty_two_cards_of_essay_and_markdown_notes() -> None:
    cards = _checked_cards(
        "The Scots handed Charles over in 1647. Charles was put on trial in January 1649. "
        "He was found guilty of treason and "
        "beheaded outside the Banqueting House in Whitehall on 30 January 1649.\n\n"
        "- Brutus defeated at Philippi in 42 BC.\n"
        "- President Johnson had served in the Senate for 12 years and knew how to win votes.\n"
        "- In 1958 Faubus closed Little Rock's high schools rather than integrate them.\n"
        "- The two countries soon went to war over Kashmir in October 1947.\n"
        "- By c. 1640 around two thirds of the gentry were refusing to pay.\n\n"
        "The Long Parliament, led by John Pym, attacked the king's advisers and had the Earl "
        "of Strafford executed in May 1641."
    )
    made = {(c.front, c.back) for c in cards}
    fronts = {front for front, _ in made}
    hidden = {c.back for c in cards if c.kind == "cloze"}
    # "He was found guilty ... and beheaded outside ...": the "was" goes on to "beheaded"
    assert any(f.startswith("When was Charles beheaded outside") for f in fronts), fronts
    assert any(c.front.startswith("Charles was beheaded outside") for c in cards)
    assert ("When was Brutus defeated at Philippi?", "42 BC") in made  # one man, not many
    assert not any(f.startswith("Why did President") for f in fronts)  # "knew how to": no why
    assert ("What did Faubus close in 1958?", "Little Rock's high schools") in made
    asked = {c.front for c in cards if c.kind == "basic"}
    assert not any("two countries" in f for f in asked) and "two" not in hidden
    assert "two thirds" in hidden
    assert (
        "When did the Long Parliament, led by John Pym, have the Earl of Strafford executed?",
        "May 1641",
    ) in made, made


def test_no_question_about_a_thing_pointed_back_to() -> None:
    made = _basic_cards(
        "- The Supreme Court upheld this ruling in November 1956.\n"
        "- President Eisenhower sent 1,000 paratroopers to protect them.\n"
        "- In this year Khrushchev visited the USA in September 1959."
    )
    asked = {front for front, _ in made}
    assert not any("this ruling" in front for front in asked)
    assert not any(front.startswith("Why did President Eisenhower") for front in asked), made


def test_no_what_question_whose_answer_is_a_name_with_the_state_it_was_left_in() -> None:
    made = _basic_cards(
        "- In 1945 the war left Britain almost bankrupt and owing India over £1,300 "
        "million.\n- The crisis left Germany isolated in 1906."
    )
    assert not any(front.startswith("What did") for front, _ in made), made


def test_a_he_after_a_clause_that_ruined_someone_named_is_not_the_subject() -> None:
    made = _basic_cards(
        "Gallipoli ruined Churchill. He resigned from the Admiralty in 1915.\n\n"
        "In 1956 Khrushchev attacked Stalin. He denounced the cult in February 1956."
    )
    asked = {front for front, _ in made}
    assert not any("Gallipoli resign" in front for front in asked)
    assert ("When did Khrushchev denounce the cult?", "February 1956") in made, made


def test_a_nationality_keeps_its_capital_in_a_question() -> None:
    made = _basic_cards(
        "British troops fired on a crowd in Boston in March 1770.\n\n"
        "French forces landed in Ireland in 1798."
    )
    assert ("When did British troops fire on a crowd in Boston?", "March 1770") in made
    assert ("When did French forces land in Ireland?", "1798") in made, made


def test_trial_twenty_three_ranges_asides_and_names_in_terse_notes() -> None:
    cards = _checked_cards(
        "- Between 1 and 2 million people died in the violence of 1947.\n"
        "- Between 10,000 and 20,000 troops were sent to the frontier.\n"
        "- Cromwell, who had fought at Marston Moor, became Lord Protector in 1653.\n"
        "- Cavour gave Nice and Savoy to Fr. 1860 in return for help.\n"
        "- In 1933 Hindenburg signed the Decree for the Protection of People and State."
    )
    made = {(c.front, c.back) for c in cards}
    hidden = {c.back for c in cards if c.kind == "cloze"}
    # a range given by its two ends is one answer
    assert {"1 and 2 million", "10,000 and 20,000"} <= hidden, hidden
    assert not {"1", "2 million", "10,000", "20,000"} & hidden
    # a name with an aside on the person keeps its capital in the question
    assert (
        "What did Cromwell, who had fought at Marston Moor, become in 1653?",
        "Lord Protector",
    ) in made
    # a clipped word before a year ends no sentence; the decree's name is whole
    assert any(c.front.endswith("to Fr. 1860 in return for help.") for c in cards), made
    assert "Decree for the Protection of People and State" in hidden


def test_a_sentence_the_notes_wrap_onto_the_next_line_is_one_line_in_cards_and_points() -> None:
    cards = _checked_cards(
        "Arthur had died in April 1502, and Pope Julius II had issued a dispensation in 1503 so\n"
        "that the marriage could go ahead. In 1509 Henry married\n"
        "   Catherine of Aragon at Greenwich."
    )
    assert any(c.back == "1509" and "Henry married Catherine" in c.front for c in cards)
    family = (
        parse_notes(
            "1: Topic\n\n2010: Why did Henry marry? (6)\n\nThe Pope had issued a dispensation so\n"
            "that the marriage could go ahead."
        )
        .course.topics[0]
        .families[0]
    )
    assert [p.text for p in family_points(family)] == [
        "The Pope had issued a dispensation so that the marriage could go ahead"
    ]


def test_a_count_after_over_is_the_subjects_not_a_lead() -> None:
    made = _basic_cards("Over 275,000 flights carried c. 2.3 million tons of supplies.")
    assert ("How many tons of supplies did over 275,000 flights carry?", "c. 2.3 million") in made


def test_trial_twenty_four_verbs_adverbs_labels_and_names() -> None:
    cards = _checked_cards(
        "- The Tsar dissolved the 1st and 2nd Dumas and cut the vote.\n"
        "- The dissolution helped provoke the Pilgrimage of Grace in October 1536.\n"
        "- About 30,000 northerners led by Robert Aske marched on York in October 1536.\n"
        "- The Reformation Parliament first met on 3 November 1529.\n"
        "- Long-term: autocracy c. 1900 - Nicholas II would not share power.\n"
        "- The Winter Palace was defended by officer cadets and a Women's Battalion.\n"
        "- The Act in Conditional Restraint of Annates (1532) stopped payments to Rome."
    )
    made = {(c.front, c.back) for c in cards}
    hidden = {c.back for c in cards if c.kind == "cloze"}
    # a second verb ends the answer; "help" takes its verb with it
    assert ("What did the Tsar dissolve?", "the 1st and 2nd Dumas") in made, made
    assert (
        "What did the dissolution help provoke in October 1536?",
        "the Pilgrimage of Grace",
    ) in (made)
    # a participle with "by" after the subject is no verb of the clause
    assert (
        "When did about 30,000 northerners led by Robert Aske march on York?",
        "October 1536",
    ) in made
    # "first" keeps its meaning in the question
    assert ("When did the Reformation Parliament first meet?", "3 November 1529") in made
    # a label of two common words hides nothing; names of a unit and an Act are whole
    assert "Long-term" not in hidden
    assert {"Women's Battalion", "Act in Conditional Restraint of Annates"} <= hidden, hidden


def test_no_question_about_someone_the_card_does_not_name() -> None:
    made = _basic_cards(
        "Anne Boleyn would not be a mistress. In 1533 Henry married her secretly at Whitehall.\n\n"
        "His commissioners drew up the Valor Ecclesiasticus in 1535.\n\n"
        "In 1567 Mary lost her throne at Lochleven."
    )
    asked = {front for front, _ in made}
    assert not any("marry her" in front or "his commissioners" in front for front in asked)
    assert ("When did Mary lose her throne at Lochleven?", "1567") in made, made


def test_no_why_card_for_a_belief_whose_reason_is_the_believed_things() -> None:
    made = _basic_cards(
        "Stalin believed the Western Allies had delayed the second front so that the USSR "
        "would bear the brunt of the fighting.\n\n"
        "In 1917 the Tsar dissolved the Duma because he feared it would turn against him."
    )
    assert not any(front.startswith("Why did Stalin") for front, _ in made), made
    assert (
        "Why did the Tsar dissolve the Duma in 1917?",
        "because he feared it would turn against him",
    ) in made


def test_no_when_card_for_a_thing_done_again_at_another_date() -> None:
    made = _basic_cards(
        "Russia had been invaded through Poland in 1914 and again in 1941.\n\n"
        "Roosevelt won 46 of the 48 states in 1936 and a third term in 1940."
    )
    assert not any(front.startswith("When had Russia") for front, _ in made), made
    assert ("When did Roosevelt win 46 of the 48 states?", "1936") in made


def test_a_clause_without_a_subject_goes_on_from_the_nearest_clause_before_it() -> None:
    cards = _checked_cards(
        "The Pope's bull of June 1520 ordered Luther to recant; he burned it in public on 10 "
        "December 1520 and was excommunicated in January 1521.\n\n"
        "The decree was widely resisted, and in 1552 Maurice of Saxony, a Protestant prince, "
        "turned against Charles and nearly captured him at Innsbruck."
    )
    fronts = [c.front for c in cards]
    # the bull was not excommunicated, nor did the decree capture anyone
    assert not any("bull of June 1520 was excommunicated" in front for front in fronts)
    assert not any(front.startswith("The decree nearly") for front in fronts)
    assert "Maurice of Saxony, a Protestant prince, nearly captured him at {{c1::Innsbruck}}." in (
        fronts
    ), fronts


def test_his_or_her_opening_a_subject_is_the_person_named_before() -> None:
    cards = _checked_cards(
        "In 1861 Lincoln kept the border states in the Union. He won re-election in November "
        "1864. His Gettysburg Address of 19 November 1863 gave the Union a cause worth dying "
        "for.\n\n"
        "Catherine had six pregnancies. His brother Arthur had died in 1502."
    )
    fronts = [c.front for c in cards]
    assert any(front.startswith("Lincoln's {{c1::Gettysburg Address}}") for front in fronts), fronts
    # ("His" after a woman named is someone else: no card puts her name to it)
    assert not any(front.startswith("Catherine's") for front in fronts), fronts


def test_a_bare_subject_keeps_the_place_it_is_of() -> None:
    cards = _checked_cards(
        "Cotton exports collapsed, the South ran short of food, and by 1865 prices in the "
        "Confederacy were about ninety times their level of 1861."
    )
    fronts = [c.front for c in cards]
    assert (
        "By {{c1::1865}} prices in the Confederacy were about ninety times their level of 1861."
        in (fronts)
    ), fronts
    assert not any(front.startswith("Cotton exports by") for front in fronts)


def test_no_cloze_hides_initials_the_card_spells_out() -> None:
    cards = _checked_cards(
        "The Guomindang and the Chinese Communist Party (CCP) had worked together since 1923.\n\n"
        "In 1945 the CCP grew fast."
    )
    hidden = {(c.front, c.back) for c in cards if c.kind == "cloze"}
    assert not any(back == "CCP" and "Chinese Communist Party" in front for front, back in hidden)
    assert any(back == "CCP" for _, back in hidden), hidden  # (where nothing spells it)


def test_a_count_after_for_keeps_its_for_and_a_span_of_time_is_how_long() -> None:
    made = _basic_cards(
        "Lincoln called for 75,000 volunteers to put down the rebellion.\n\n"
        "In 1953 Stalin had ruled for twenty-five years."
    )
    assert (
        "How many volunteers did Lincoln call for to put down the rebellion?",
        "75,000",
    ) in made, made
    assert any(front.startswith("How many years had Stalin ruled") for front, _ in made), made


def test_no_cloze_of_a_subject_that_only_mattered() -> None:
    cards = _checked_cards(
        "- Other factors: Generalship mattered as well.\n"
        "- In 1864 Grant pressed Lee without pause in Virginia."
    )
    hidden = {c.back for c in cards if c.kind == "cloze"}
    assert "Generalship" not in hidden
    assert "1864" in hidden, hidden


def test_a_remark_in_brackets_is_no_term_to_hide() -> None:
    cards = _checked_cards(
        "- 10/10/1917: the Central Committee voted 10-2 for an armed rising (Zinoviev and "
        "Kamenev against)."
    )
    hidden = {c.back for c in cards if c.kind == "cloze"}
    assert not any("against" in back for back in hidden), hidden


def test_a_list_under_a_persons_label_has_that_person_for_subject() -> None:
    cards = _checked_cards(
        "Lenin's role:\n- Returned from Switzerland in April 1917 in a sealed train.\n\n"
        "Causes:\n- Defeated at Tannenberg in August 1914."
    )
    fronts = [c.front for c in cards]
    assert any(front.startswith("Lenin returned from") for front in fronts), fronts
    assert not any(front.lower().startswith(("causes", "when were causes")) for front in fronts)


def test_a_lead_keeps_the_larger_place_its_place_is_in() -> None:
    made = _basic_cards(
        "In 1973 on Heimaey, Iceland, seawater was pumped onto the lava to stop it closing the "
        "harbour.\n\nIn 1956 at Sèvres, near Paris, Britain, France and Israel met in secret."
    )
    assert any(front.startswith("Why was seawater pumped") for front, _ in made), made
    assert not any("Iceland, seawater" in front for front, _ in made)


def test_trial_twenty_seven_purposes_infinitives_pluperfects_and_spliced_clauses() -> None:
    made = _basic_cards(
        "The Liberals went on to win the 1906 election by a landslide.\n\n"
        "Lord Grey proposed a Royal Commission to take over the inquiry.\n\n"
        "Brunel's Great Western had crossed the Atlantic in April 1838.\n\n"
        "The Chartists marched to the Commons, there was a large meeting on Kennington "
        'Common on 10 April 1848 with banners reading "The Charter", and the petition '
        "was handed in."
    )
    # "went on to" tells what came next, no purpose
    assert not any(front.startswith("Why did the Liberals") for front, _ in made), made
    # the infinitive is part of the thing proposed, not a question of what it took over
    assert ("What did Lord Grey propose?", "a Royal Commission to take over the inquiry") in made
    assert ("When did Brunel's Great Western cross the Atlantic?", "April 1838") in made
    # a clause spliced on with a comma ("..., there was ...") is no part of a subject
    assert not any("there," in front or "Commons, there" in front for front, _ in made), made


def test_a_series_of_clauses_with_a_quotation_is_cut_into_each() -> None:
    family = (
        parse_notes(
            "Trial.\n\n1: Topic\n\n2010: Describe what happened. (6)\n\n"
            "Gaitskell attacked the invasion, there was a large protest in Trafalgar Square on "
            '4 November with the slogan "Law not war", and two ministers resigned.\n'
        )
        .course.topics[0]
        .families[0]
    )
    texts = [p.text for p in family_points(family)]
    assert "Gaitskell attacked the invasion" in texts, texts
    assert any(t.startswith("there was a large protest in Trafalgar Square") for t in texts), texts


@pytest.mark.parametrize(
    ("front", "back", "problem"),
    [
        (
            "Talks in London in August and {{c1::September 1956}} got nowhere.",
            "September 1956",
            "the span of months ending 'September 1956' is cut",
        ),
        (
            "The Gauge Act made {{c1::4}} ft 8½ in the standard gauge.",
            "4",
            "the measure '4' ft is cut",
        ),
        ("Stephenson drove Locomotion No. {{c1::1}} in 1825.", "1", "the numbered name '1' is cut"),
        (
            "Stephenson drove {{c1::Locomotion}} No. 1 in 1825.",
            "Locomotion",
            "the numbered name 'Locomotion' is cut",
        ),
    ],
)
def test_the_checker_finds_spans_of_months_measures_and_numbered_names_cut(
    front: str, back: str, problem: str
) -> None:
    card = cards_of(written_course())[0].model_copy(
        update={"kind": "cloze", "front": front, "back": back, "source": front}
    )
    assert problem in list(card_violations(card, notes_text(written_course())))


def test_trial_twenty_seven_names_measures_and_months_are_hidden_whole() -> None:
    hidden = {
        c.back
        for c in _checked_cards(
            "The Stockton and Darlington Railway opened in 1825, with George Stephenson "
            "driving Locomotion No. 1.\n\nThe Gauge Act of 1846 made 4 ft 8½ in the "
            "standard gauge.\n\nTalks in London in August and September 1956 got nowhere."
        )
        if c.kind == "cloze"
    }
    assert {
        "Stockton and Darlington Railway",
        "Locomotion No. 1",
        "4 ft 8½ in",
        "August and September 1956",
    } <= hidden, hidden


def test_only_before_a_verb_is_no_part_of_the_subject() -> None:
    cards = _checked_cards(
        "The first Factory Act, in 1802, only covered pauper apprentices in cotton mills and "
        "had no inspectors to enforce it.\n\nNicholas II only gave way in March 1917."
    )
    assert not any("only had" in c.front for c in cards), [c.front for c in cards]
    assert ("When did Nicholas II give way?", "March 1917") in {
        (c.front, c.back) for c in cards if c.kind == "basic"
    }


def test_a_count_opening_a_sentence_is_no_part_of_a_name_after_it() -> None:
    cards = _checked_cards("Sixteen British and ten French soldiers were killed in November 1956.")
    assert not any(c.back == "Sixteen British" for c in cards), [c.front for c in cards]
    assert ("When were sixteen British and ten French soldiers killed?", "November 1956") in {
        (c.front, c.back) for c in cards if c.kind == "basic"
    }


def test_trial_twenty_eight_a_quoted_question_a_dated_bold_label_and_had_come() -> None:
    cards = _checked_cards(
        "The Abbé Sieyès's pamphlet 'What is the Third Estate?' (January 1789) answered: "
        "everything.\n\nLouis XVI had come to the throne in 1774."
    )
    fronts = [c.front for c in cards]
    assert not any(front.endswith("Third Estate.") for front in fronts), fronts
    assert ("When did Louis XVI come to the throne?", "1774") in {
        (c.front, c.back) for c in cards if c.kind == "basic"
    }
    armada = (
        parse_notes(
            "# Armada\n\n## 1: Spain\n\n2001: Why did Philip send the Armada? (6)\n\n"
            "- **Drake's raid of 1585–86.** In the Caribbean Drake sacked Santo Domingo.\n",
            "armada.md",
            markdown=True,
        )
        .course.topics[0]
        .families[0]
    )
    texts = [p.text for p in family_points(armada)]
    assert texts == ["In the Caribbean Drake sacked Santo Domingo"], texts


def test_a_tables_present_tense_is_asked_in_the_past_of_a_dated_event() -> None:
    made = {
        (c.front, c.back)
        for c in cards_of(
            parse_notes(
                "# Armada\n\n## 1: Spain\n\n2001: Describe the campaign. (6)\n\n"
                "| Date | Event |\n|---|---|\n"
                "| 29 July 1588 | The Armada is sighted off the Lizard in Cornwall |\n\n"
                "The war went on, and peace was only made by the Treaty of London in 1604.\n",
                "armada.md",
                markdown=True,
            ).course
        )
        if c.kind == "basic"
    }
    assert ("When was the Armada sighted off the Lizard in Cornwall?", "29 July 1588") in made
    assert ("When was peace made by the Treaty of London?", "1604") in made, made


def test_no_when_card_for_a_thing_that_only_followed() -> None:
    course = parse_notes(
        "India.\n\n1: India\n\n2010: Describe the national movement. (6)\n\n"
        "Gandhi led the Congress from 1920. The All-India Muslim League followed in 1906.\n"
        "Seaborne troops followed on 6 November 1956.\n"
    ).course
    made = {(c.front, c.back) for c in cards_of(course) if c.kind == "basic"}
    assert not any(front.endswith("follow?") for front, _ in made), made


def test_it_or_they_stands_for_the_subject_without_its_date_or_count() -> None:
    cards = _checked_cards(
        "The Factory Act passed on 29/8/1833 was the first effective one. It appointed four "
        "inspectors.\n\n"
        "About 22,000 British and French troops went ashore. They had advanced 23 miles when "
        "a ceasefire came on 6 November 1956."
    )
    fronts = " ".join(c.front for c in cards)
    assert "The Factory Act appointed {{c1::four}} inspectors" in fronts, fronts
    assert "British and French troops had advanced" in fronts, fronts


def test_a_word_of_place_opening_a_sentence_is_no_part_of_its_subject() -> None:
    made = _basic_cards(
        "Abroad, the Emperor of Austria and the King of Prussia issued the Declaration of "
        "Pillnitz in August 1791."
    )
    assert (
        "What did the Emperor of Austria and the King of Prussia issue in August 1791?",
        "the Declaration of Pillnitz",
    ) in made, made


def test_no_what_card_for_what_was_promised_to_someone_named() -> None:
    made = _basic_cards(
        "Pope Sixtus V promised Philip one million gold ducats once Spanish troops had landed "
        "in England."
    )
    assert not any(front.startswith("What did Pope Sixtus V promise") for front, _ in made), made


def test_no_what_card_for_someone_persuaded_to_do_something() -> None:
    made = _basic_cards(
        "India's government under Nehru and Sardar Patel persuaded most of the 565 princely "
        "states to join India."
    )
    assert not any(" persuade" in front for front, _ in made), made


def test_what_was_done_until_something_else_happened_is_no_what_card() -> None:
    # "until" ends the thing done to: no answer runs on into when it stopped
    made = _basic_cards(
        "Nationalists hated the plan. The Young Plan still left Germans paying until 1988."
    )
    assert not any(" until " in back for _, back in made), made


def test_no_when_card_for_what_someone_saw_as_something_or_for_a_second_deed() -> None:
    course = parse_notes(
        "Trial.\n\n1: Topic\n\n2010: Describe what happened. (6)\n\n"
        "William saw Harold's coronation on 6 January 1066 as the act of a perjurer. Philip "
        "rebuilt his navy and sent further armadas in 1596 and 1597.\n"
    ).course
    made = {(c.front, c.back) for c in cards_of(course) if c.kind == "basic"}
    assert not any(
        front.startswith(("When did William see", "When did Philip")) for front, _ in made
    ), made
