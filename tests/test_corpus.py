"""The corpus of notes (benchmarks/data/notes) and its examiner's lists (benchmarks/data/schemes):
notes in many styles, written here, each imported whole, and for every question a hand-made
list of the points an examiner would credit, which scripts/scheme_check.py compares with our
schemes. These tests keep the corpus as varied as issue 12 asks and the lists true to it."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from conftest import ROOT
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.text import match_key

NOTES = ROOT / "benchmarks" / "data" / "notes"
SCHEMES = ROOT / "benchmarks" / "data" / "schemes"
# A second examiner's lists, made without seeing the first or our schemes: how far two
# examiners agree is what a scheme can be asked to match.
SECOND = ROOT / "benchmarks" / "data" / "schemes-second"
CORPUS = sorted(p for p in NOTES.iterdir() if p.suffix in (".txt", ".md", ".docx"))
HAND_LISTS = sorted(SCHEMES.glob("*.yaml"))
EVERY_LIST = HAND_LISTS + sorted(SECOND.glob("*.yaml"))

_QUESTION = re.compile(r"^\d{4}: (.+?)\s*\(\d+\)$")
_TOPIC = re.compile(r"^\d{1,3}: (.+)$")


def hand_list(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def written_lines(path: Path) -> list[str]:
    """What the author wrote, line by line (a .docx: each paragraph and each table cell)."""
    if path.suffix != ".docx":
        return path.read_text(encoding="utf-8").splitlines()
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs] + cells


def course_text(course: Course) -> str:
    """Everything a course holds, as one text to search."""
    parts = [course.title]
    for topic in course.topics:
        parts.append(topic.title)
        for family in topic.families:
            parts += [q.text for q in family.questions]
            parts += family.notes
    return " ¶ ".join(parts)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_corpus_file_imports_whole_and_without_warnings(path: Path) -> None:
    imported = read_notes(path)
    assert [str(n) for n in imported.notices] == []
    held = match_key(course_text(imported.course))
    for line in written_lines(path):
        text = line.lstrip("# ").strip()
        found = _QUESTION.match(text) or _TOPIC.match(text)
        text = found.group(1) if found else text
        assert match_key(text) in held, f"{path.name}: lost {line!r}"
    families = [f for t in imported.course.topics for f in t.families if f.questions]
    assert 2 <= len(families) <= 4, path.name


@pytest.mark.parametrize("path", EVERY_LIST, ids=[f"{p.parent.name}/{p.name}" for p in EVERY_LIST])
def test_every_fragment_picks_out_one_place_in_the_notes_of_a_real_question(path: Path) -> None:
    data = hand_list(path)
    course = read_notes(NOTES / data["notes"]).course
    whole = match_key(course_text(course))
    asked = {match_key(q.text): family for _, family, q in course.questions()}
    for item in data["questions"]:
        family = asked.get(match_key(item["question"]))
        assert family is not None, f"{path.name}: no such question: {item['question']}"
        notes = match_key(" ¶ ".join(family.notes))
        for fragment in item["credit"]:
            key = match_key(fragment)
            assert whole.count(key) == 1, f"{path.name}: {fragment!r} is not found exactly once"
            assert key in notes, f"{path.name}: {fragment!r} is not in its question's notes"


@pytest.mark.parametrize("folder", [SCHEMES, SECOND], ids=["first", "second"])
def test_every_question_of_every_corpus_file_has_its_examiners_list(folder: Path) -> None:
    lists = {hand_list(p)["notes"]: hand_list(p) for p in sorted(folder.glob("*.yaml"))}
    assert sorted(lists) == [p.name for p in CORPUS]
    for name, data in lists.items():
        asked = [q.text for _, _, q in read_notes(NOTES / name).course.questions()]
        listed = [item["question"] for item in data["questions"]]
        assert sorted(map(match_key, listed)) == sorted(map(match_key, asked)), name
        assert all(item["credit"] for item in data["questions"]), name


def test_the_corpus_has_the_styles_issue_12_asks_for() -> None:
    assert len(CORPUS) >= 7
    assert {p.suffix for p in CORPUS} == {".txt", ".md", ".docx"}
    [word] = [p for p in CORPUS if p.suffix == ".docx"]
    assert docx.Document(str(word)).tables, "the .docx keeps notes in tables"
    [markdown] = [p for p in CORPUS if p.suffix == ".md"]
    lines = markdown.read_text(encoding="utf-8").splitlines()
    assert "### Detail" in lines and "Notes:" in lines and any(x.startswith("- ") for x in lines)
    text = " ".join(line for p in CORPUS for line in written_lines(p))
    for style in [
        r"\b\d{1,2} (January|March|May|June|July|August|October|November|December) \d{4}\b",
        r"\b\d{1,2}/\d{1,2}/\d{4}\b",  # 4/8/1914
        r"(?<!\d )\b(February|March|June|August|October) \d{4}\b",  # August 1914
        r"\bthe \d{3}0s\b",  # the 1920s
        r"\b\d{4}–\d{2}\b",  # 1929–33
        r"\bc\. \d+\b",  # c. 1581, c. 100 BC
        r"\b\d+ BC\b",
        r"\b\d{1,3}(,\d{3})+\b",  # 100,000
        r"\b(thousand|million|hundred)\b",  # numbers in words
    ]:
        assert re.search(style, text), style
    for wording in [
        "so that", "led to", "resulted in", "which meant", "encouraged", "forced",
        "the aim was", "hoped", "feared", "wanted", "since", "therefore", "fear of",
    ]:  # fmt: skip
        assert wording in text.lower(), wording
    titles = {read_notes(p).course.title for p in CORPUS}
    assert len(titles) == len(CORPUS)
    assert any(t.lower().startswith("geography") for t in titles)


def test_the_committed_docx_is_what_its_script_writes() -> None:
    script = runpy.run_path(str(NOTES / "make_docx.py"))
    document = script["build"]()
    written = [p.text for p in document.paragraphs]
    written += [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert written_lines(NOTES / "caesar-republic.docx") == written


def test_the_checker_matches_a_point_by_its_text_or_by_most_of_its_place() -> None:
    """scripts/scheme_check.py's rule: the fragment in the point's text, or the two overlapping
    by half of the shorter; a clause of the same sentence that merely sits beside it is not it."""
    checker = runpy.run_path(str(ROOT / "scripts" / "scheme_check.py"))
    point, entry, matches = checker["Point"], checker["Entry"], checker["matches"]
    note = "Germany felt encircled, and its generals answered with the Schlieffen Plan."

    def cut(start: int, end: int, index: int = 0) -> Any:
        source = {"note": index, "sentence": note, "sentence_start": 0, "start": start, "end": end}
        return point(id="p", text=note[start:end], source=source)

    felt = entry("felt encircled, and its", 0, 8, 31)
    assert matches(cut(0, 22), felt)  # 14 of the fragment's 23 characters
    assert not matches(cut(24, 74), felt)  # 7 of them: the clause beside it
    assert matches(cut(24, 30), felt)  # a short point lying inside the fragment
    assert not matches(cut(0, 22, index=1), felt)  # another paragraph
    assert matches(cut(0, 74, index=1), entry("Schlieffen Plan", 0, 59, 74))  # in its text


SIDES = ROOT / "benchmarks" / "data" / "sides"


@pytest.mark.parametrize("path", sorted(SIDES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_hand_side_list_sides_each_fragment_of_its_scheme_list_once(path: Path) -> None:
    """benchmarks/data/sides: each judgement question's credited fragments, each on one side,
    exactly the fragments the examiner's list gives it (scripts/sides_check.py joins them)."""
    checker = runpy.run_path(str(ROOT / "scripts" / "sides_check.py"))
    sides = checker["read_sides"](path)
    _, listed = checker["read_hand_list"](SCHEMES / path.name)
    judged = {match_key(q.text): {e.fragment for e in entries} for q, _, entries in listed}
    assert sides, path.name
    for question, hand in sides.items():
        assert question in judged, question
        assert set(hand) == judged[question], question
        assert set(hand.values()) <= {"for", "against", "neither"}
