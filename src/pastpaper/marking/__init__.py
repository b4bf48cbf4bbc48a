"""Marking: a student's answer against a mark scheme, point by point, as an examiner would.

The marker is an object, built once with the embedding model and the calibration and
passed to what marks (``Marker``; ``Marker.load()`` for the ones shipped with pastpaper);
``mark(answer, scheme, model, calibration)`` marks one answer with the two. How marking
works is told in ``pastpaper.marking.marker``. The modules, by job:

- ``result``: what marking gives (Marking, Credit, Missed, Inaccuracy, Span);
- ``claims``: an answer cut into claims, and read as the marker reads it;
- ``respell``: misspellings of the scheme's words read as them; answers not in English;
- ``features``: what is weighed for each claim and point, and the chance it makes it;
- ``align``: word pieces of an answer aligned with a reference's;
- ``inaccuracies``: wrong facts and denials; ``numbers``: numbers in figures or words;
- ``judges``: whole answers judged against a reference, by its shape;
- ``marker``: the Marker; ``bulk``, ``scale``: many answers at once, here or with Ray;
- ``embed``: the embedding model; ``kept``: scheme vectors kept in a store;
  ``calibration``: the marker's fitted numbers;
- ``evaluate``: the marker against human marks; ``markbook``: a class's answers from a CSV.

>>> from pastpaper.marking import Marker, reference_scheme
>>> scheme = reference_scheme("Who led the USSR after Stalin?", ["Khrushchev"], 1)
>>> Marker.load().mark("", scheme).warnings
('the answer is empty: nothing to credit',)
"""

from __future__ import annotations

from pastpaper.language import as_number
from pastpaper.marking.claims import MAX_ANSWER_CHARS, claim_spans, claim_texts, read_as_marked
from pastpaper.marking.features import FEATURES, match_features, match_scores, negated
from pastpaper.marking.marker import (
    LazyModel,
    Marker,
    Model,
    check_markable,
    mark,
    reference_scheme,
)
from pastpaper.marking.respell import ENGLISH_SHARE
from pastpaper.marking.result import Credit, Inaccuracy, Marking, Missed, Span

__all__ = [
    "ENGLISH_SHARE",
    "FEATURES",
    "MAX_ANSWER_CHARS",
    "Credit",
    "Inaccuracy",
    "LazyModel",
    "Marker",
    "Marking",
    "Missed",
    "Model",
    "Span",
    "as_number",
    "check_markable",
    "claim_spans",
    "claim_texts",
    "mark",
    "match_features",
    "match_scores",
    "negated",
    "read_as_marked",
    "reference_scheme",
]
