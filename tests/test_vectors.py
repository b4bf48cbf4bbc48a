"""Scheme and reference vectors kept in the store (``pastpaper.store.vectors``, migration
0007), read by a new process instead of encoded again (``pastpaper.marking.kept``)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import update

from pastpaper.store import Store
from pastpaper.store.tables import TEXT_VECTORS
from pastpaper.store.vectors import TextVectors, text_hash

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
WIDTH = 384


def _unit(seed: int, rows: int = 1) -> npt.NDArray[np.float32]:
    vectors = np.random.default_rng(seed).normal(size=(rows, WIDTH)).astype(np.float32)
    unit: npt.NDArray[np.float32] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return unit.astype(np.float32)


def test_vectors_come_back_as_written(store: Store) -> None:
    sentence, pieces = _unit(1)[0], _unit(2, rows=3)
    store.vectors.write(
        "model-a",
        {
            "Inmates of the gulags were released": (sentence, None),
            "Why did Khrushchev fall?": (sentence, (("why", "khrushchev", "fall"), pieces)),
        },
        NOW,
    )
    found = store.vectors.read(
        "model-a", ["Inmates of the gulags were released", "Why did Khrushchev fall?", "x"], WIDTH
    )
    assert set(found) == {"Inmates of the gulags were released", "Why did Khrushchev fall?"}
    kept, no_pieces = found["Inmates of the gulags were released"]
    assert no_pieces is None and kept.dtype == np.float32
    assert np.array_equal(kept, sentence)
    again, (names, piece_vectors) = found["Why did Khrushchev fall?"]  # type: ignore[misc]
    assert names == ("why", "khrushchev", "fall")
    assert np.array_equal(again, sentence) and np.array_equal(piece_vectors, pieces)


def test_one_model_never_reads_another_s_vectors(store: Store) -> None:
    store.vectors.write("model-a", {"Censorship was relaxed": (_unit(1)[0], None)}, NOW)
    assert store.vectors.read("model-b", ["Censorship was relaxed"], WIDTH) == {}
    assert set(store.vectors.read("model-a", ["Censorship was relaxed"], WIDTH)) == {
        "Censorship was relaxed"
    }
    # A text kept already is left as it was.
    store.vectors.write("model-a", {"Censorship was relaxed": (_unit(2)[0], None)}, NOW)
    kept, _ = store.vectors.read("model-a", ["Censorship was relaxed"], WIDTH)[
        "Censorship was relaxed"
    ]
    assert np.array_equal(kept, _unit(1)[0])


def test_only_the_latest_rows_are_kept(store: Store) -> None:
    vectors = TextVectors(store.engine, most=3)
    for n in range(5):
        vectors.write("model-a", {f"text {n}": (_unit(n)[0], None)}, NOW + timedelta(minutes=n))
    assert vectors.count() == 3
    assert set(vectors.read("model-a", [f"text {n}" for n in range(5)], WIDTH)) == {
        "text 2",
        "text 3",
        "text 4",
    }


def test_a_row_that_does_not_fit_is_not_read(store: Store) -> None:
    sentence = _unit(1)[0]
    store.vectors.write(
        "model-a",
        {
            "cut short": (sentence, None),
            "pieces lost": (sentence, (("a", "b"), _unit(2, rows=2))),
            "names unreadable": (sentence, (("a",), _unit(3, rows=1))),
            "whole": (sentence, None),
        },
        NOW,
    )
    table = TEXT_VECTORS
    with store.engine.begin() as conn:
        rows = {
            "cut short": {"vectors": sentence.tobytes()[:-4]},
            "pieces lost": {"pieces": json.dumps(["a", "b", "c"])},
            "names unreadable": {"pieces": "not json ["},
        }
        for text, values in rows.items():
            conn.execute(update(table).where(table.c.text_hash == text_hash(text)).values(values))
    texts = ["cut short", "pieces lost", "names unreadable", "whole"]
    assert set(store.vectors.read("model-a", texts, WIDTH)) == {"whole"}
    # Another model's width: none fits.
    assert store.vectors.read("model-a", texts, 768) == {}


def test_a_new_process_reads_the_scheme_s_vectors_instead_of_encoding_them(
    tmp_path: Path, seed_path: Path
) -> None:
    """The first process to mark against a question keeps its scheme's vectors in the store;
    the next reads them all, encodes none of them, and gives the same marking."""
    db = tmp_path / "bank.db"
    run = [sys.executable, "-m", "pastpaper", "--db", str(db)]
    subprocess.run([*run, "import", str(seed_path)], check=True, capture_output=True)
    answer = "Stalin's statues were taken down and Stalingrad became Volgograd."
    first = subprocess.run(
        [*run, "mark", "1", "--answer", answer, "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert Store.open(db).vectors.count() > 10
    script = f"""
import json, sys
from pastpaper.app.bank import scheme_of
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import Embedder
from pastpaper.marking.kept import scheme_side, warm
from pastpaper.marking.marker import Marker
from pastpaper.store import Store
from datetime import UTC, datetime

store = Store.open({str(db)!r})
scheme = scheme_of(store, 1)
model = Embedder()
encoded = []
run = model._run
model._run = lambda texts: (encoded.extend(texts), run(texts))[1]
read = warm(model, [scheme], store.vectors, datetime.now(UTC))
own = [t for texts in scheme_side([scheme]) for t in texts]
marking = Marker(model, calibration()).mark({answer!r}, scheme)
print(json.dumps({{"read": read, "wanted": len(own), "scheme": own, "encoded": encoded,
                   "mark": marking.mark, "version": marking.marker_version}}))
"""
    second = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True
        ).stdout
    )
    assert second["read"] == second["wanted"] > 10
    # Only the answer's own texts were encoded: none of the scheme's.
    assert second["encoded"] and not set(second["encoded"]) & set(second["scheme"])
    assert second["mark"] == json.loads(first.stdout)["mark"]


def test_a_reference_s_vectors_and_pieces_are_kept_and_mark_the_same(store: Store) -> None:
    """An embedder that reads a short-answer question's vectors from the store (its
    reference's word pieces too) encodes none of them and marks as one that made them."""
    from pastpaper.marking import Marker, reference_scheme
    from pastpaper.marking.calibration import calibration
    from pastpaper.marking.embed import Embedder
    from pastpaper.marking.kept import scheme_side, warm

    scheme = reference_scheme(
        "Why does a nail rust faster in salt water?",
        ["salt water conducts electricity better", "the salt speeds up the reaction"],
        1,
    )
    made = Embedder()
    assert warm(made, [scheme], store.vectors, NOW) == 0
    with_pieces, sentences = scheme_side([scheme])
    assert with_pieces and store.vectors.count() == len(with_pieces) + len(sentences)
    reader = Embedder()
    encoded: list[str] = []
    run = reader._run

    def counted(texts: list[str]) -> list[Any]:
        encoded.extend(texts)
        return run(texts)

    reader._run = counted  # type: ignore[method-assign]
    assert warm(reader, [scheme], store.vectors, NOW) == len(with_pieces) + len(sentences)
    assert encoded == []
    for answer in ("salt conducts electricity", "because it is wet", "salt makes it react faster"):
        assert Marker(reader, calibration()).mark(answer, scheme) == Marker(
            made, calibration()
        ).mark(answer, scheme)
