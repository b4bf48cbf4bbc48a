"""Hostile input: refused with its line, or read, quickly and never by a traceback.

A course file is YAML, and YAML can repeat a value by name (``&a`` ... ``*a``), build
objects from tags (``!!python/object``) and nest without end. A course file needs none of
these; each is refused before anything is built from it. Notes can hold lines no teacher
would write on purpose, such as a run of 100,000 spaces; they are read in linear time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pastpaper
from pastpaper.errors import InputError
from pastpaper.ingest import load_course, read_notes

# Nine lists of nine, each made of the one before: 324 bytes that expand to 9⁹ strings.
BILLION_LAUGHS = """\
a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

ANCHOR = (
    "an anchor (&{}) names a value to repeat elsewhere; course files do not use anchors or "
    "aliases: delete it and write each value out in full"
)
ALIAS = (
    "an alias (*{}) repeats a value from elsewhere in the file; course files do not use "
    "aliases: write the value out in full"
)


def refusal(text: str) -> InputError:
    with pytest.raises(InputError) as raised:
        load_course(text, "course.yaml")
    return raised.value


def run_held(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child Python held to 1 GB of memory and 60 s of CPU.

    For input that once hung pastpaper or filled its memory: if that ever comes back, the
    test fails instead of eating the machine. The limits are far above what the work needs.
    """
    held = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (60, 60))\n"
    )
    source = str(Path(pastpaper.__file__).parents[1])
    path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", held + code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        timeout=180,
        check=False,
    )


def test_a_billion_laughs_file_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert len(BILLION_LAUGHS.encode()) == 324
    result = run_held(
        "from pastpaper.cli import main\nmain()\n",
        *("--db", str(tmp_path / "bank.db"), "import", str(path)),
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert " ".join(result.stderr.split()) == f"error: {path}, line 1: {ANCHOR.format('a')}"


def test_values_repeated_by_alias_are_refused_not_multiplied(tmp_path: Path) -> None:
    # 50 paragraphs named once and repeated 50 times would import 2,500 paragraphs.
    paragraphs = "".join(f"    - Paragraph {n} of the notes.\n" for n in range(50))
    families = "".join("  - notes: *notes\n" for _ in range(50))
    path = tmp_path / "course.yaml"
    path.write_text(
        "title: T\nparagraphs: &notes\n"
        + paragraphs
        + "topics:\n- title: X\n  families:\n"
        + families,
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_notes(path)
    assert str(raised.value) == f"{path}, line 2: {ANCHOR.format('notes')}"


def test_an_alias_is_refused_even_with_no_anchor_for_it() -> None:
    assert str(refusal("title: T\ntopics: *topics\n")) == (
        f"course.yaml, line 2: {ALIAS.format('topics')}"
    )


def test_a_long_anchor_name_is_cut_in_the_message() -> None:
    message = str(refusal(f"title: &{'a' * 5000} T\n"))
    assert len(message) < 250
    assert f"(&{'a' * 39}…)" in message


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object:os.system x", "!!python/object:os.system"),
        ('!!python/object/apply:os.system ["touch pwned"]', "!!python/object/apply:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!custom x", "!custom"),
        ("!<tag:example.com,2000:app> x", "!<tag:example.com,2000:app>"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
    ],
)
def test_tags_other_than_plain_yaml_kinds_are_refused_with_their_line(
    tmp_path: Path, value: str, shown: str
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(f"title: T\ntopics:\n- title: {value}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_notes(path)
    assert str(raised.value) == (
        f"{path}, line 3: the tag {shown} is not read in a course file, which holds only "
        "text, numbers, lists and mappings; delete it"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course.yaml"]


def test_plain_yaml_tags_are_read() -> None:
    course = load_course("title: !!str 1999\ntopics:\n- {number: !!int '4', title: ! X}\n")
    assert (course.title, course.topics[0].number, course.topics[0].title) == ("1999", 4, "X")


DEPTH_MESSAGE = (
    "lists and mappings are nested more than 20 deep here, and a course file is at most 11 "
    "deep: check the indentation and brackets"
)


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{a: ", "}")])
def test_nesting_10_000_deep_is_refused_without_recursing(opening: str, closing: str) -> None:
    text = "title: T\ntopics: " + opening * 10_000 + "x" + closing * 10_000 + "\n"
    assert str(refusal(text)) == f"course.yaml, line 2: {DEPTH_MESSAGE}"


def test_deep_nesting_is_refused_on_the_line_of_its_21st_level() -> None:
    # Each list inside the one before, a line apart; the file itself is the first level.
    body = "".join(f"{' ' * depth}-\n" for depth in range(100))
    assert str(refusal("title: T\ntopics:\n" + body)) == f"course.yaml, line 22: {DEPTH_MESSAGE}"


def test_the_deepest_course_file_is_read() -> None:
    # Course ▶ topics ▶ topic ▶ families ▶ family ▶ questions ▶ question ▶ scheme ▶ add ▶
    # teacher point ▶ accept: 11 levels.
    course = load_course(
        "title: T\n"
        "topics:\n"
        "- title: X\n"
        "  families:\n"
        "  - questions:\n"
        "    - text: Why did Khrushchev fall?\n"
        "      scheme:\n"
        "        add:\n"
        "        - text: The Cuban Missile Crisis humiliated him.\n"
        "          accept:\n"
        "          - Cuba\n"
        "    notes: [He fell in 1964.]\n"
    )
    [(_, _, question)] = list(course.questions())
    assert question.scheme is not None
    assert question.scheme.add[0].accept == ("Cuba",)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2001-13-45", "'2001-13-45' cannot be read as a date"),
        ("!!int ten", "'ten' cannot be read as a whole number"),
        ("!!float ''", "'' cannot be read as a number"),
        ("!!bool maybe", "'maybe' cannot be read as true or false"),
    ],
)
def test_values_yaml_cannot_build_are_reported_with_their_line(value: str, message: str) -> None:
    assert str(refusal(f"title: T\ntopics:\n- title: {value}\n")) == (
        f"course.yaml, line 3: {message}; if it is text, put it in quotes"
    )


def test_a_number_of_5000_digits_is_reported_not_a_traceback() -> None:
    message = str(refusal(f"title: T\ntopics:\n- title: X\n  number: {'9' * 5000}\n"))
    assert message.startswith("course.yaml, line 4: '99999")
    assert message.endswith("…' cannot be read as a whole number; if it is text, put it in quotes")
    assert len(message) < 300


def test_a_merge_key_is_refused_because_it_would_hide_a_key() -> None:
    assert str(refusal("title: A\n<<: {title: B}\n")) == (
        "course.yaml, line 2: '<<' (a YAML merge key) is not read in a course file; "
        "write the keys out"
    )


def test_a_control_character_is_refused_with_its_line() -> None:
    assert str(refusal("title: T\ntopics:\n- title: X\x07\n")) == (
        "course.yaml, line 3: holds a character a YAML file cannot (#x0007); delete it"
    )


def test_lines_are_counted_as_an_editor_counts_them() -> None:
    # YAML counts U+2028 inside a value as a line break; editors (and pastpaper) do not.
    assert str(refusal('title: "One\u2028two"\ncolour: red\n')).startswith(
        "course.yaml, line 2: unknown key 'colour'"
    )


LONG = "x" * 10_000


@pytest.mark.parametrize(
    "text",
    [
        f"title: T\ntopics:\n- title: X\n  number: '{LONG}'\n",
        f"title: T\ntopics:\n- title: X\n  ? {LONG}\n  : 1\n",
        f"title: T\ntopics:\n- title: X\n  families:\n  - questions:\n"
        f"    - {{text: Why, command_word: {LONG}}}\n",
        f"pastpaper: {LONG}\ntitle: T\n",
        f"title: T\n? {LONG}\n: 1\n? {LONG}\n: 2\n",
        f"title: T\ntopics:\n- title: X\n  families:\n  - questions:\n"
        f"    - {{text: Why, scheme: {{drop: [{LONG}]}}}}\n",
        f"title: T\ntopics:\n- title: X\n  number: [{', '.join([LONG] * 50)}]\n",
    ],
    ids=["value", "key", "command-word", "version", "duplicate-key", "point-id", "list"],
)
def test_a_message_quotes_at_most_200_characters_of_a_value(text: str) -> None:
    message = str(refusal(text))
    assert "x" * 201 not in message
    assert "…" in message
    assert len(message) < 1_000


def test_lines_with_long_runs_of_spaces_are_read_in_linear_time(tmp_path: Path) -> None:
    # Each line once took time in the cube of its run of spaces: 1,000 spaces took 5 s.
    spaces = " " * 100_000
    lines = [
        f"2000: Why did{spaces}Khrushchev fall? (10)",
        f"Q{spaces}x",
        f"4: Khrushchev{spaces}and reform",
        f"2001: Why? (10{spaces}x)",
        f"2002: Why?{' (' * 50_000}",
        f"2003: Why {chr(0xA0) + ' ' * 50_000}x",
    ]
    for name in ("notes.txt", "notes.md"):
        path = tmp_path / name
        path.write_text("\n\n".join(["Title", *lines, f"#{spaces}# {spaces}x ##"]) + "\n")
        result = run_held(
            "import sys\n"
            "from pastpaper.ingest import read_notes\n"
            "course = read_notes(sys.argv[1]).course\n"
            "print(sum(len(q.text) for _, _, q in course.questions()))\n",
            str(path),
        )
        assert result.returncode == 0, result.stderr[-2000:]
        # Four questions, each kept whole but for its year (and 2000's marks).
        expected = sum(len(line) - len("2000: ") for line in lines if line.startswith("20"))
        assert result.stdout == f"{expected - len(' (10)')}\n"


@pytest.mark.parametrize(
    ("value", "line", "message"),
    [
        (
            '"\\U001e9990"',
            3,
            "the file is not valid YAML: a number or escape here is out of range",
        ),
        (
            '"half \\ud800 a character"',
            3,
            "an escape such as \\ud800 here names half a character (a lone surrogate); "
            "write the character itself",
        ),
    ],
    ids=["past-the-last-character", "lone-surrogate"],
)
def test_escapes_that_name_no_character_are_refused(value: str, line: int, message: str) -> None:
    # Found by benchmarks/fuzz.py: the first was a ValueError from inside PyYAML.
    assert str(refusal(f"title: T\ntopics:\n- title: {value}\n")) == (
        f"course.yaml, line {line}: {message}"
    )


def test_a_yaml_version_too_long_for_a_number_is_refused() -> None:
    message = str(refusal(f"%YAML 1.{'1' * 5000}\n---\ntitle: T\n"))
    assert message == (
        "course.yaml, line 1: the file is not valid YAML: a number or escape here is out of range"
    )


@pytest.mark.parametrize(
    "data",
    [
        # Found by benchmarks/fuzz.py: pypdf raised NotImplementedError and LimitReachedError.
        b"%PDF1\x000 obj<<///Pages 0 0 R/Type/Catalog\t0\x000 obj<</Contents 2 0 R2\x000 obj"
        b"<</Filter/>\x00stream\n\x00endstreamtrailer<</Size 1>\nstartxref0\n%",
        b"%PDF1 0 obj</<2 0 obj<<nl]u///Pages 1 0 R/Type/Catalog\ntrailer<</Size 8>\nstartxref7\n%",
    ],
    ids=["unknown-filter", "page-tree-loop"],
)
def test_a_damaged_pdf_is_refused_in_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_notes(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: is not a readable PDF file (")
    assert "\n" not in message and len(message) < len(str(path)) + 260
