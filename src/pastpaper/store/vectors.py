"""Text vectors (migration 0007's ``text_vectors``): the embedding model's vectors of a
scheme's and a reference's texts, kept in the database so that a new process marking
against a stored course reads them instead of encoding them again
(``pastpaper.marking.kept``).

    vectors = store.vectors
    vectors.write(model, {"Inmates of the gulags were released": (sentence, None)}, now)
    vectors.read(model, ["Inmates of the gulags were released"], width=384)

Rows are keyed by the model's identity (``Embedder.identity``: the weights' hash and the
graph's export) and the text's SHA-256, so one model never reads another's vectors. At
most MOST_KEPT rows are kept, the latest written; a row whose bytes do not fit its pieces
and the width asked for is not read (it is written again when the text is next encoded).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pastpaper.store.guard import reported
from pastpaper.store.tables import TEXT_VECTORS
from pastpaper.store.transactions import writing

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["MOST_KEPT", "Kept", "TextVectors", "text_hash"]

#: The most rows kept, over every model: a course's scheme texts are a few thousand, each
#: 1.5 kB with its sentence vector alone, and 1.5 kB more a word piece where those are kept.
MOST_KEPT = 50_000
#: Texts looked up in one query.
_AT_ONCE = 500

#: A text's unit sentence vector and, where kept, its word pieces and their vectors.
Kept = tuple["npt.NDArray[np.float32]", tuple[tuple[str, ...], "npt.NDArray[np.float32]"] | None]


def text_hash(text: str) -> str:
    """The key a text is kept under: its SHA-256, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class TextVectors:
    """Texts' vectors, by model, in one database, at most ``most`` rows."""

    def __init__(self, engine: Engine, most: int = MOST_KEPT):
        self.engine = engine
        self.most = most

    @reported
    def read(self, model: str, texts: Sequence[str], width: int) -> dict[str, Kept]:
        """The kept vectors of those ``texts`` that ``model`` has kept, of ``width`` each."""
        import numpy as np

        by_hash = {text_hash(t): t for t in texts}
        hashes = list(by_hash)
        found: dict[str, Kept] = {}
        table = TEXT_VECTORS
        with self.engine.connect() as conn:
            for first in range(0, len(hashes), _AT_ONCE):
                rows = conn.execute(
                    select(table.c.text_hash, table.c.pieces, table.c.vectors).where(
                        table.c.model == model,
                        table.c.text_hash.in_(hashes[first : first + _AT_ONCE]),
                    )
                )
                for key, pieces, blob in rows:
                    names, rows_wanted = _rows(pieces)
                    if not rows_wanted or width <= 0 or len(blob) != 4 * width * rows_wanted:
                        continue
                    vectors = np.frombuffer(blob, dtype="<f4").reshape(rows_wanted, width)
                    vectors = vectors.astype(np.float32)
                    kept_pieces = None if names is None else (names, vectors[1:])
                    found[by_hash[key]] = (vectors[0], kept_pieces)
        return found

    @reported
    def write(self, model: str, kept: Mapping[str, Kept], now: datetime) -> None:
        """Keep these texts' vectors for ``model``; a text it has kept already is left as it
        is. The oldest rows beyond ``most`` are dropped."""
        import numpy as np

        rows = []
        for text, (sentence, pieces) in kept.items():
            stacked = [np.asarray(sentence, dtype="<f4").reshape(1, -1)]
            if pieces is not None:
                stacked.append(np.asarray(pieces[1], dtype="<f4").reshape(len(pieces[0]), -1))
            rows.append(
                {
                    "model": model,
                    "text_hash": text_hash(text),
                    "pieces": None if pieces is None else json.dumps(list(pieces[0])),
                    "vectors": np.concatenate(stacked).tobytes(),
                    "written_at": now,
                }
            )
        if not rows:
            return
        insert = postgresql_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        with writing(self.engine) as conn:
            for first in range(0, len(rows), _AT_ONCE):
                conn.execute(
                    insert(TEXT_VECTORS).on_conflict_do_nothing(), rows[first : first + _AT_ONCE]
                )
            _prune(conn, self.most)

    @reported
    def count(self, model: str | None = None) -> int:
        """How many rows are kept, for ``model`` or for every model."""
        query = select(func.count()).select_from(TEXT_VECTORS)
        if model is not None:
            query = query.where(TEXT_VECTORS.c.model == model)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())


def _prune(conn: Connection, most: int) -> None:
    """Drop the oldest rows beyond ``most``."""
    table = TEXT_VECTORS
    cutoff = conn.execute(
        select(table.c.written_at).order_by(table.c.written_at.desc()).offset(most).limit(1)
    ).scalar()
    if cutoff is not None:
        conn.execute(delete(table).where(table.c.written_at <= cutoff))


def _rows(pieces: str | None) -> tuple[tuple[str, ...] | None, int]:
    """A row's word pieces' names (None where it keeps none) and how many vectors it holds;
    0 where its names cannot be read."""
    if pieces is None:
        return None, 1
    try:
        names = json.loads(pieces)
    except ValueError:
        return None, 0
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None, 0
    return tuple(names), 1 + len(names)
