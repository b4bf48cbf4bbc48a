"""The quick paths of the cards' speed work give exactly what the plain ones gave.

As in ``test_fast_paths.py``: each test states the plain way (as the code did it before) and
checks the quick one against it, on the notes of the repository and on generated text.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pastpaper.study import statements

ROOT = Path(__file__).resolve().parents[1]
NOTES = sorted((ROOT / "benchmarks" / "data" / "notes").glob("*.txt"))


def plain_written_alone(note: str, word: str) -> bool:
    """A word written alone in a note, as the pattern found it."""
    return re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", note) is not None


WRITTEN = st.text(alphabet=st.sampled_from(list("ab .-'’_1é\n")))


@given(WRITTEN, WRITTEN.filter(bool))
def test_a_word_is_written_alone_where_the_pattern_finds_it(note: str, word: str) -> None:
    assert statements._written_alone(note, word) == plain_written_alone(note, word)


def test_words_of_the_notes_are_written_alone_where_the_pattern_finds_them(
    seed_path: Path,
) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        for word in sorted(set(re.findall(r"[A-Z][\w’'.-]*", text)))[:300]:
            word = word.lower()
            assert statements._written_alone(lowered, word) == plain_written_alone(lowered, word)
