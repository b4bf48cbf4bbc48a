"""Scheme and reference vectors kept between processes.

Every answer to a question is weighed against the same texts: the question, the scheme's
points and their phrasings, the reference and what a judge reads of it. A process encodes
them once and holds them (``Embedder``, bounded); ``warm`` also keeps them in a store
(``pastpaper.store.vectors``), so that the next process marking against the same course
reads them there instead of encoding them again.

    warm(marker.model, [scheme], store.vectors, now)   # before marking against scheme
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from pastpaper.errors import StoreError
from pastpaper.marking.features import scheme_texts
from pastpaper.marking.judges import reference_texts
from pastpaper.schemes.references import read_reference
from pastpaper.schemes.scheme import MarkScheme

if TYPE_CHECKING:
    from pastpaper.marking.embed import Kept
    from pastpaper.marking.marker import Model

__all__ = ["Keeper", "scheme_side", "warm"]


class Keeper(Protocol):
    """Where vectors are kept by model and text (``pastpaper.store.vectors.TextVectors``)."""

    def read(self, model: str, texts: Sequence[str], width: int) -> dict[str, Kept]: ...

    def write(self, model: str, kept: Mapping[str, Kept], now: datetime) -> None: ...


def scheme_side(schemes: Iterable[MarkScheme]) -> tuple[list[str], list[str]]:
    """The texts marking any answer against these schemes encodes, each once: those whose
    word pieces are weighed (a judge's question and references), and the rest."""
    with_pieces: dict[str, None] = {}
    sentences: dict[str, None] = {}
    for scheme in schemes:
        sentences.update(dict.fromkeys(scheme_texts(scheme)))
        if scheme.reference:
            reference = read_reference(scheme.references, scheme.max_marks)
            pieces, whole = reference_texts(reference, scheme)
            with_pieces.update(dict.fromkeys(pieces))
            sentences.update(dict.fromkeys(whole))
    return list(with_pieces), [t for t in sentences if t not in with_pieces]


def warm(model: Model, schemes: Iterable[MarkScheme], keeper: Keeper, now: datetime) -> int:
    """Give the embedding model the vectors ``keeper`` holds of these schemes' texts, and
    encode the others now, together, and keep them there; how many were read. A model that
    is not the shipped embedder (a test's) is left alone."""
    from pastpaper.marking.embed import WIDTH, Embedder
    from pastpaper.marking.marker import LazyModel

    embedder = model.loaded() if isinstance(model, LazyModel) else model
    if not isinstance(embedder, Embedder):
        return 0
    with_pieces, sentences = scheme_side(schemes)
    held = embedder.held([*with_pieces, *sentences])
    with_pieces = [t for t in with_pieces if t not in held or held[t][1] is None]
    sentences = [t for t in sentences if t not in held]
    if not with_pieces and not sentences:
        return 0  # all held already: no need to ask the store
    found = keeper.read(embedder.identity, [*with_pieces, *sentences], WIDTH)
    wanted = set(with_pieces)
    # A text whose pieces are weighed is of use only with them.
    found = {t: kept for t, kept in found.items() if t not in wanted or kept[1] is not None}
    embedder.keep(found)
    new_pieces = [t for t in with_pieces if t not in found]
    new = [t for t in sentences if t not in found]
    embedder.pieces(new_pieces)
    embedder.encode(new)
    made = embedder.held([*new_pieces, *new])
    if made:
        # Kept only to save time later: a store that cannot be written to (read-only, full)
        # does not stop the marking.
        with contextlib.suppress(StoreError):
            keeper.write(embedder.identity, made, now)
    return len(found)
